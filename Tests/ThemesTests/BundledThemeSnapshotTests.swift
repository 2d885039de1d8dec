import Dashboard
import Foundation
import ScorecardData
import XCTest
@testable import Themes

/// Renders the bundled Kent scorecard with every bundled theme through `AnsiRenderer` (as
/// `ragtop snapshot --ansi --theme NAME` does) and checks what reaches the terminal.
final class BundledThemeSnapshotTests: XCTestCase {
    static let kentDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10").path

    static let dataset: Dataset = {
        do { return try DatasetLoader.load(directories: [kentDirectory]).dataset } catch { fatalError("Kent data: \(error)") }
    }()

    static func canvas(_ pane: Pane = .scorecard, width: Int = 100, height: Int = 30, ascii: Bool = false) -> Canvas {
        DashboardState(dataset: dataset, width: width, height: height, pane: pane, ascii: ascii).render()
    }

    static let depths: [ColorDepth] = [.truecolor, .ansi256, .ansi16, .ansi8, .none]

    // MARK: Three distinct SGRs for the three RAG roles

    func testScorecardRAGCellsHaveThreeDistinctSGRs() {
        let canvas = Self.canvas()
        for t in BundledThemeTests.all {
            for depth in Self.depths {
                let cells = ANSI.cells(AnsiRenderer.render(canvas, theme: t.theme(for: depth), depth: depth))
                var sgrByGlyph: [Character: Set<String>] = [:]
                for c in cells where "✖▲●".contains(c.character) { sgrByGlyph[c.character, default: []].insert(c.sgr) }
                XCTAssertEqual(sgrByGlyph.count, 3, "\(t.theme.name) at \(depth): the Kent scorecard shows all three ratings")
                // Each glyph is drawn in one style outside the selected row (the selected row's
                // RAG cell keeps its role, so it is the same style too).
                for (glyph, set) in sgrByGlyph { XCTAssertEqual(set.count, 1, "\(t.theme.name) \(depth) \(glyph): \(set)") }
                let distinct = Set(sgrByGlyph.values.compactMap(\.first))
                if t.theme.name == "mono" || depth != .none {
                    XCTAssertEqual(distinct.count, 3, "\(t.theme.name) at \(depth): \(sgrByGlyph)")
                }
            }
        }
    }

    func testThemesChangeOnlyStylesNeverText() {
        for pane in [Pane.scorecard, .districts, .detail] {
            let canvas = Self.canvas(pane, width: 140, height: 40)
            for t in BundledThemeTests.all {
                for depth in Self.depths {
                    let out = AnsiRenderer.render(canvas, theme: t.theme(for: depth), depth: depth)
                    let plain = ANSI.strip(out).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                        var l = String(line)
                        while l.last == " " { l.removeLast() }
                        return l
                    }.joined(separator: "\n")
                    XCTAssertEqual(plain, canvas.plainText, "\(t.theme.name) \(pane) \(depth)")
                }
            }
        }
    }

    // MARK: Golden-ish: the exact codes each theme sends for the RAG roles

    func testTruecolorCodes() {
        let expected: [String: [String]] = [
            "default": ["\u{1b}[0;1;38;2;255;64;64m", "\u{1b}[0;1;38;2;255;175;0m", "\u{1b}[0;1;38;2;64;208;64m"],
            "colourblind": ["\u{1b}[0;1;38;2;213;94;0m", "\u{1b}[0;1;38;2;240;228;66m", "\u{1b}[0;1;38;2;86;180;233m"],
            "colourblind-light": ["\u{1b}[0;1;38;2;122;33;0m", "\u{1b}[0;1;38;2;160;108;0m", "\u{1b}[0;1;38;2;0;104;168m"],
            "light": ["\u{1b}[0;1;38;2;179;38;30m", "\u{1b}[0;1;38;2;138;90;0m", "\u{1b}[0;1;38;2;46;125;50m"],
            "high-contrast": ["\u{1b}[0;1;38;2;255;102;102m", "\u{1b}[0;1;38;2;255;255;0m", "\u{1b}[0;1;38;2;0;224;0m"],
            "mono": ["\u{1b}[0;1;4m", "\u{1b}[0;4m", "\u{1b}[0m"],
        ]
        let out: [String: [String]] = Dictionary(uniqueKeysWithValues: BundledThemeTests.all.map { t in
            (t.theme.name, [StyleRole.ragRed, .ragAmber, .ragGreen].map { AnsiRenderer.sgr(t.theme.style($0), depth: .truecolor) })
        })
        XCTAssertEqual(out, expected)
    }

    func testMonoSendsNoColourCodes() {
        let t = BundledThemeTests.theme("mono").theme
        for pane in [Pane.scorecard, .districts, .detail, .ehcp, .therapy] {
            let out = AnsiRenderer.render(Self.canvas(pane, width: 140, height: 40), theme: t, depth: .truecolor)
            for sgr in ANSI.sgrs(out) {
                let codes = sgr.split(separator: ";").compactMap { Int($0) }
                XCTAssertTrue(codes.allSatisfy { [0, 1, 2, 3, 4, 7].contains($0) }, "\(pane): colour code in \(sgr)")
            }
        }
    }

    func testSixteenColourOutputUsesOnlyBasicCodes() {
        for t in BundledThemeTests.all {
            let out = AnsiRenderer.render(Self.canvas(.districts, width: 140, height: 40), theme: t.theme(for: .ansi16), depth: .ansi16)
            for sgr in ANSI.sgrs(out) {
                XCTAssertFalse(sgr.contains("38;") || sgr.contains("48;"), "\(t.theme.name): \(sgr)")
            }
        }
    }

    func testStatusBarKeepsItsBackground() {
        // The tab bar is drawn in the status role: themes with a status background show it across
        // the whole first line.
        let canvas = Self.canvas()
        for t in BundledThemeTests.all {
            let first = AnsiRenderer.render(canvas, theme: t.theme, depth: .truecolor).split(separator: "\n")[0]
            let status = AnsiRenderer.sgr(t.theme.style(.status), depth: .truecolor)
            XCTAssertTrue(first.contains(status), "\(t.theme.name): \(first.debugDescription)")
        }
    }

    // MARK: Without colour, the glyphs tell the rows apart

    func testMonoAndNoColourGlyphsAloneTellRowsApart() {
        let ds = Self.dataset
        for ascii in [false, true] {
            let state = DashboardState(dataset: ds, width: 100, height: 60, ascii: ascii)
            let canvas = state.render()
            for (theme, depth) in [(BundledThemeTests.theme("mono").theme, ColorDepth.truecolor), (BundledThemeTests.theme("default").theme, .none),
                                   (BundledThemeTests.theme("colourblind").theme, .none)] {
                let lines = ANSI.strip(AnsiRenderer.render(canvas, theme: theme, depth: depth)).split(separator: "\n", omittingEmptySubsequences: false)
                var seen = Set<String>()
                for (i, line) in state.module(ScorecardPane.self).lines.enumerated() {
                    guard case .series(let s) = line, i < state.height - 5 else { continue }
                    let row = Array(lines[3 + i])
                    let label = String(row[1..<4])
                    XCTAssertEqual(label, state.glyphs.ragLabel(state.shared.latestRAG(series: s)), "\(theme.name) ascii=\(ascii) row \(i)")
                    seen.insert(label)
                }
                // The three ratings, each with its own glyph and letter.
                let expected: Set<String> = ascii ? ["X R", "! A", "O G"] : ["✖ R", "▲ A", "● G"]
                XCTAssertTrue(expected.isSubset(of: seen), "\(seen)")
            }
        }
    }
}

/// Reading ANSI output back: which SGR each character was written in.
enum ANSI {
    struct StyledCharacter {
        var character: Character
        var sgr: String
    }

    static func cells(_ text: String) -> [StyledCharacter] {
        var result: [StyledCharacter] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var sgr = "0"
            var chars = Array(line)
            var i = 0
            while i < chars.count {
                if chars[i] == "\u{1b}", i + 1 < chars.count, chars[i + 1] == "[" {
                    var j = i + 2
                    var params = ""
                    while j < chars.count, chars[j] != "m" { params.append(chars[j]); j += 1 }
                    sgr = params
                    i = j + 1
                    continue
                }
                result.append(StyledCharacter(character: chars[i], sgr: sgr))
                i += 1
            }
            chars.removeAll()
        }
        return result
    }

    static func sgrs(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let r = rest.range(of: "\u{1b}[") {
            let after = rest[r.upperBound...]
            guard let m = after.firstIndex(of: "m") else { break }
            out.append(String(after[..<m]))
            rest = after[after.index(after: m)...]
        }
        return out
    }

    static func strip(_ text: String) -> String {
        var out = ""
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == "\u{1b}", chars.dropFirst().first == "[" {
                chars = chars.dropFirst(2)
                while let d = chars.first, d != "m" { chars = chars.dropFirst() }
                chars = chars.dropFirst()
                continue
            }
            out.append(c)
            chars = chars.dropFirst()
        }
        return out
    }
}
