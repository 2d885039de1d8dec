import Foundation
import XCTest
@testable import Dashboard

final class ColorAndAnsiTests: XCTestCase {
    // MARK: Quantisation

    func testPureRedAt256IsIndex196() {
        XCTAssertEqual(quantize(.rgb(255, 0, 0), to: .ansi256), .index(196))
    }

    func testPureRedAt16IsAnsiRed() {
        let q = quantize(.rgb(255, 0, 0), to: .ansi16)
        XCTAssertTrue(q == .index(1) || q == .index(9), "got \(q)")
        XCTAssertEqual(quantize(.rgb(255, 0, 0), to: .ansi8), .index(1))
    }

    func testDarkGreyGoesToGreyRamp() {
        guard case .index(let i) = quantize(.rgb(0x30, 0x30, 0x30), to: .ansi256) else { return XCTFail() }
        XCTAssertTrue((232...255).contains(i), "got \(i)")
        XCTAssertEqual(i, 236)   // 8 + 10·4 = 48 = 0x30
    }

    func testCubeColoursAreExact() {
        for index in 16...255 {
            let c = ColorDepth.xtermRGB(UInt8(index))
            let q = quantize(.rgb(c.r, c.g, c.b), to: .ansi256)
            // Exact colours map to themselves (the cube and ramp share no values except none).
            XCTAssertEqual(q, .index(UInt8(index)), "index \(index)")
        }
    }

    func testOkabeItoOrangeIsNotRed() {
        // #E69F00: orange. Must land on a yellow/orange index, not a red one.
        guard case .index(let i256) = quantize(.rgb(0xE6, 0x9F, 0x00), to: .ansi256) else { return XCTFail() }
        XCTAssertTrue([172, 178, 214, 220, 136, 142, 179].contains(i256), "got \(i256)")
        let c = ColorDepth.xtermRGB(i256)
        XCTAssertGreaterThan(Int(c.g), 100, "orange needs a real green component, got \(c)")
        guard case .index(let i16) = quantize(.rgb(0xE6, 0x9F, 0x00), to: .ansi16) else { return XCTFail() }
        XCTAssertTrue(i16 == 3 || i16 == 11, "got \(i16)")
    }

    func testHuesSurviveSixteenColours() {
        // A mid green and a mid blue must not turn grey in 16 colours.
        XCTAssertTrue([2, 10].contains(index(quantize(.rgb(0x40, 0xd0, 0x40), to: .ansi16))))
        XCTAssertTrue([4, 12, 6, 14].contains(index(quantize(.rgb(0x00, 0x72, 0xb2), to: .ansi16))))
        // And a grey stays a grey.
        XCTAssertTrue([0, 7, 8, 15].contains(index(quantize(.rgb(0x8a, 0x8a, 0x8a), to: .ansi16))))
    }

    func testIndexesAboveDepthGoThroughRGB() {
        XCTAssertEqual(quantize(.index(196), to: .ansi16), .index(9))
        XCTAssertEqual(quantize(.index(9), to: .ansi8), .index(1))
        XCTAssertEqual(quantize(.index(5), to: .ansi8), .index(5))
        XCTAssertEqual(quantize(.index(200), to: .ansi256), .index(200))
        XCTAssertEqual(quantize(.index(200), to: .truecolor), .index(200))
    }

    func testNoneAndTruecolor() {
        XCTAssertEqual(quantize(.rgb(1, 2, 3), to: .none), .terminalDefault)
        XCTAssertEqual(quantize(.index(3), to: .none), .terminalDefault)
        XCTAssertEqual(quantize(.rgb(1, 2, 3), to: .truecolor), .rgb(1, 2, 3))
        XCTAssertEqual(quantize(.terminalDefault, to: .ansi256), .terminalDefault)
    }

    func testOKLabOfWhiteAndBlack() {
        let white = OKLab(255, 255, 255)
        XCTAssertEqual(white.l, 1, accuracy: 1e-3)
        XCTAssertEqual(white.a, 0, accuracy: 1e-3)
        XCTAssertEqual(white.b, 0, accuracy: 1e-3)
        XCTAssertEqual(OKLab(0, 0, 0).l, 0, accuracy: 1e-9)
    }

    // MARK: Detection

    func testDetect() {
        XCTAssertEqual(ColorDepth.detect(environment: ["NO_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": "truecolor"], terminfoColors: 256), .none)
        XCTAssertEqual(ColorDepth.detect(environment: ["NO_COLOR": "", "TERM": "xterm-256color"], terminfoColors: nil), .ansi256)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], terminfoColors: 256), .truecolor)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm", "COLORTERM": "24bit"], terminfoColors: nil), .truecolor)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "screen-256color"], terminfoColors: 8), .ansi256)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "dumb"], terminfoColors: nil), .none)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "dumb", "COLORTERM": "truecolor"], terminfoColors: nil), .none)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm"], terminfoColors: 8), .ansi8)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm"], terminfoColors: nil), .ansi16)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "linux"], terminfoColors: nil), .ansi8)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "weird"], terminfoColors: 16), .ansi16)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "vt52"], terminfoColors: -1), .none)
        XCTAssertEqual(ColorDepth.detect(environment: [:], terminfoColors: nil), .none)
    }

    func testColorModeParsing() {
        XCTAssertEqual(ColorMode(rawValue: "256"), .ansi256)
        XCTAssertEqual(ColorMode(rawValue: "16"), .ansi16)
        XCTAssertEqual(ColorMode(argument: "24bit"), .truecolor)
        XCTAssertEqual(ColorMode(argument: "never"), ColorMode.none)
        XCTAssertNil(ColorMode(argument: "lots"))
        XCTAssertTrue(ColorDepth.ansi16 < .ansi256 && ColorDepth.none < .ansi8)
    }

    // MARK: ANSI rendering

    private func sample() -> Canvas {
        var c = Canvas(width: 20, height: 3)
        c.text("✖ red", x: 0, y: 0, role: .ragRed)
        c.text("plain", x: 6, y: 0)
        c.text("界", x: 0, y: 1, role: .header)
        c.text("status", x: 0, y: 2, role: .status)
        return c
    }

    func testRenderAt256UsesPaletteIndexes() {
        let out = AnsiRenderer.render(sample(), theme: .builtInDefault, depth: .ansi256)
        XCTAssertTrue(out.contains("38;5;"), out)
        XCTAssertTrue(out.contains("48;5;"), out)     // the status bar's background
        XCTAssertFalse(out.contains("38;2;"), out)
        XCTAssertTrue(out.contains("✖ red"))
        XCTAssertEqual(out.split(separator: "\n", omittingEmptySubsequences: false).count, 3)
        // A line that ends in a styled cell is reset at its end; a switch back to plain text is a reset.
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasSuffix("\u{1b}[0m plain"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix("\u{1b}[0m"), lines[1])
        XCTAssertTrue(lines[2].hasSuffix("\u{1b}[0m"), lines[2])
    }

    func testRenderTruecolorAndSixteen() {
        let tc = AnsiRenderer.render(sample(), theme: .builtInDefault, depth: .truecolor)
        XCTAssertTrue(tc.contains("38;2;255;64;64"), tc)
        let sixteen = AnsiRenderer.render(sample(), theme: .builtInDefault, depth: .ansi16)
        XCTAssertFalse(sixteen.contains("38;5;") || sixteen.contains("38;2;"), sixteen)
        XCTAssertTrue(sixteen.contains("\u{1b}[0;1;91m"), sixteen)   // bold bright red
    }

    func testRenderWithoutColourHasOnlyAttributes() {
        let out = AnsiRenderer.render(sample(), theme: .builtInDefault, depth: .none)
        XCTAssertFalse(out.contains("38;"), out)
        XCTAssertFalse(out.contains("48;"), out)
        XCTAssertNil(out.range(of: #"\[[0-9;]*;(3|4|9|10)[0-7]m"#, options: .regularExpression), out)
        XCTAssertTrue(out.contains("\u{1b}[0;1m"), out)   // bold survives
    }

    func testStyleChangesOnlyWhenNeeded() {
        var c = Canvas(width: 10, height: 1)
        c.text("abc", x: 0, y: 0, role: .ragRed)
        c.text("def", x: 3, y: 0, role: .chartFloor)   // a different role that quantises alike…
        let out = AnsiRenderer.render(c, theme: .builtInDefault, depth: .ansi16)
        // …ragRed is bold and chartFloor is not, so two SGRs plus the final reset.
        XCTAssertEqual(out.components(separatedBy: "\u{1b}[").count - 1, 3, out)
        var same = Canvas(width: 10, height: 1)
        same.text("abcdef", x: 0, y: 0, role: .ragRed)
        let one = AnsiRenderer.render(same, theme: .builtInDefault, depth: .ansi16)
        XCTAssertEqual(one.components(separatedBy: "\u{1b}[").count - 1, 2, one)
    }

    func testEscapeTextIsNeverRaw() {
        var c = Canvas(width: 20, height: 2)
        c.text("x\u{1b}[2Jy", x: 0, y: 0)
        c[0, 1] = Cell("\u{1b}", role: .text)       // set directly: the canvas makes it a placeholder too
        c[8, 1] = Cell("\u{9b}", role: .text)       // C1 CSI
        let out = AnsiRenderer.render(c, theme: .builtInDefault, depth: .none)
        XCTAssertTrue(out.contains("<U+1B>[2J"), out)
        XCTAssertFalse(out.unicodeScalars.contains("\u{9b}"))
        // The only ESC bytes left are our own SGRs; with plain text there are none.
        XCTAssertFalse(out.contains("\u{1b}"), out.debugDescription)
    }

    func testContinuationCellsSkippedAndTrailingBlanksTrimmed() {
        var c = Canvas(width: 10, height: 1)
        c.text("界x", x: 0, y: 0)
        XCTAssertEqual(AnsiRenderer.render(c, theme: .builtInDefault, depth: .ansi256), "界x")
        XCTAssertEqual(AnsiRenderer.render(Canvas(width: 5, height: 2), theme: .builtInDefault, depth: .ansi256), "\n")
    }

    private func index(_ c: ThemeColor) -> UInt8 {
        if case .index(let i) = c { return i }
        return 255
    }
}
