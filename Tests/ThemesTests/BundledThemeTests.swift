import Dashboard
import Foundation
import ScorecardData
import XCTest
@testable import Themes

/// Every bundled theme: loads cleanly, is complete, and keeps RED, AMBER and GREEN apart at every
/// colour depth — by colour where there is colour, and by glyph always.
final class BundledThemeTests: XCTestCase {
    static let catalog = ThemeCatalog(themesDir: nil, environment: [:])

    static func theme(_ name: String) -> LoadedTheme { catalog.load(try! catalog.find(name).get()) }

    static var all: [LoadedTheme] { ThemeCatalog.bundledOrder.map(theme) }

    func testEveryBundledThemeLoadsWithoutWarnings() {
        for t in Self.all {
            XCTAssertEqual(t.diagnostics, [], t.theme.name)
            XCTAssertNotNil(t.description, "\(t.theme.name) has no description")
            XCTAssertEqual(t.theme.name, t.entry.name)
        }
    }

    func testEveryBundledThemeSetsEveryRole() {
        for b in BundledThemes.all {
            let doc = ThemeParser.parse(b.text, path: b.name)
            XCTAssertEqual(Set(doc.styles.keys), Set(StyleRole.allCases), "\(b.name) leaves roles to the default")
            XCTAssertEqual(doc.name, b.name)
        }
    }

    func testDefaultFileMatchesTheBuiltInDefault() {
        let t = Self.theme("default").theme
        for role in StyleRole.allCases {
            XCTAssertEqual(t.style(role), Theme.builtInDefault.style(role), role.rawValue)
        }
    }

    func testMonoHasNoColourAtAll() {
        let t = Self.theme("mono").theme
        XCTAssertEqual(t, Self.theme("mono").theme16)
        for role in StyleRole.allCases {
            XCTAssertEqual(t.style(role).foreground, .terminalDefault, role.rawValue)
            XCTAssertEqual(t.style(role).background, .terminalDefault, role.rawValue)
        }
        let attrs = [StyleRole.ragRed, .ragAmber, .ragGreen, .ragNone].map { t.style($0).attributes }
        XCTAssertEqual(Set(attrs.map(\.rawValue)).count, 4, "mono RAG roles need distinct attributes")
    }

    func testRAGRolesAreDistinctAtEveryDepth() {
        for t in Self.all {
            for depth in [ColorDepth.truecolor, .ansi256, .ansi16, .ansi8] {
                let sgrs = [StyleRole.ragRed, .ragAmber, .ragGreen].map { AnsiRenderer.sgr(t.theme(for: depth).style($0), depth: depth) }
                XCTAssertEqual(Set(sgrs).count, 3, "\(t.theme.name) at \(depth): \(sgrs.map { $0.debugDescription })")
            }
        }
    }

    /// On 16 colours RED, AMBER and GREEN still land on different colours (not just different
    /// attributes), for every theme that has colour.
    func testRAGColoursSurviveSixteenColours() {
        for t in Self.all where t.theme.name != "mono" {
            for depth in [ColorDepth.ansi16, .ansi8] {
                let colours = [StyleRole.ragRed, .ragAmber, .ragGreen].map { role -> String in
                    let s = t.theme(for: depth).style(role)
                    return "\(quantize(s.foreground, to: depth))/\(quantize(s.background, to: depth))"
                }
                XCTAssertEqual(Set(colours).count, 3, "\(t.theme.name) at \(depth): \(colours)")
            }
        }
    }

    // MARK: The palettes' claims (docs/themes.md)

    func rag(_ t: Theme) -> [(UInt8, UInt8, UInt8)] {
        [StyleRole.ragRed, .ragAmber, .ragGreen].map { role -> (UInt8, UInt8, UInt8) in
            guard case let .rgb(r, g, b) = t.style(role).foreground else { XCTFail("\(role) is not RGB"); return (0, 0, 0) }
            return (r, g, b)
        }
    }

    func testColourblindPalettesDifferInLightnessAndUnderColourBlindness() {
        // name, colours, lightness order (indexes darkest first), minimum lightness step,
        // minimum simulated distance.
        let cases: [(String, [String], [Int], Double, Double)] = [
            ("colourblind", ["#D55E00", "#F0E442", "#56B4E9"], [0, 2, 1], 0.1, 0.2),
            ("colourblind-light", ["#7A2100", "#A06C00", "#0068A8"], [0, 2, 1], 0.06, 0.18),
        ]
        for (name, hex, order, step, distance) in cases {
            let rgb = rag(Self.theme(name).theme)
            XCTAssertEqual(rgb.map { SpecText.hex($0) }, hex, name)
            let l = rgb.map { OKLab($0.0, $0.1, $0.2).l }
            XCTAssertLessThan(l[order[0]] + step, l[order[1]], "\(name): \(l)")
            XCTAssertLessThan(l[order[1]] + step, l[order[2]], "\(name): \(l)")
            for (cvd, matrix) in CVD.matrices {
                let labs = rgb.map { CVD.simulate($0, matrix) }
                for i in 0..<3 {
                    for j in (i + 1)..<3 {
                        let d = labs[i].distanceSquared(to: labs[j]).squareRoot()
                        XCTAssertGreaterThan(d, distance, "\(name) \(cvd): RAG \(i) and \(j) only \(d) apart")
                    }
                }
            }
        }
    }

    func testTheDefaultPaletteIsNotRedGreenSafe() {
        // Why the colourblind theme exists: the default's red and green nearly meet under
        // deuteranopia, and amber and green under protanopia.
        let t = Self.theme("default").theme
        let rgb = [StyleRole.ragRed, .ragAmber, .ragGreen].map { role -> (UInt8, UInt8, UInt8) in
            guard case let .rgb(r, g, b) = t.style(role).foreground else { return (0, 0, 0) }
            return (r, g, b)
        }
        let deutan = rgb.map { CVD.simulate($0, CVD.matrices[1].1) }
        XCTAssertLessThan(deutan[0].distanceSquared(to: deutan[2]).squareRoot(), 0.1)
        let protan = rgb.map { CVD.simulate($0, CVD.matrices[0].1) }
        XCTAssertLessThan(protan[1].distanceSquared(to: protan[2]).squareRoot(), 0.05)
    }

    func testLightColoursReadOnWhite() {
        for t in [Self.theme("light").theme, Self.theme("colourblind-light").theme] {
        for role in StyleRole.allCases where role != .border {
            let s = t.style(role)
            guard case let .rgb(r, g, b) = s.foreground else { continue }
            let bg: (UInt8, UInt8, UInt8) = { if case let .rgb(r, g, b) = s.background { return (r, g, b) } else { return (255, 255, 255) } }()
            XCTAssertGreaterThanOrEqual(Contrast.ratio((r, g, b), bg), 4.5, "\(t.name) \(role.rawValue)")
        }
        }
    }

    func testHighContrastIsAAA() {
        let t = Self.theme("high-contrast").theme
        for role in StyleRole.allCases {
            let s = t.style(role)
            guard case let .rgb(r, g, b) = s.foreground else { continue }
            let bg: (UInt8, UInt8, UInt8) = { if case let .rgb(r, g, b) = s.background { return (r, g, b) } else { return (0, 0, 0) } }()
            XCTAssertGreaterThanOrEqual(Contrast.ratio((r, g, b), bg), 7, role.rawValue)
            XCTAssertFalse(s.attributes.contains(.dim), role.rawValue)
        }
    }
}

enum SpecText {
    static func hex(_ c: (UInt8, UInt8, UInt8)) -> String { StyleSpec.text(ThemeColor.rgb(c.0, c.1, c.2)) }
}

/// Colour-vision-deficiency simulation: Machado, Oliveira & Fernandes (2009), severity 1, on
/// linear RGB.
enum CVD {
    static let matrices: [(String, [[Double]])] = [
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    ]

    static func linear(_ c: UInt8) -> Double {
        let v = Double(c) / 255
        return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    static func encode(_ v: Double) -> UInt8 {
        let c = min(1, max(0, v))
        let s = c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
        return UInt8((s * 255).rounded())
    }

    static func simulate(_ c: (UInt8, UInt8, UInt8), _ m: [[Double]]) -> OKLab {
        let v = [linear(c.0), linear(c.1), linear(c.2)]
        let o = m.map { row in row[0] * v[0] + row[1] * v[1] + row[2] * v[2] }
        return OKLab(encode(o[0]), encode(o[1]), encode(o[2]))
    }
}

/// WCAG 2 contrast ratio.
enum Contrast {
    static func luminance(_ c: (UInt8, UInt8, UInt8)) -> Double {
        0.2126 * CVD.linear(c.0) + 0.7152 * CVD.linear(c.1) + 0.0722 * CVD.linear(c.2)
    }

    static func ratio(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
