import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// Rules every screen keeps, on every pane at every size: `--ascii` is pure ASCII; every mark
/// drawn is in the glyph table and explained by the legend line or `?`; no line reference into
/// the source documents reaches the screen; widths are the C library's.
final class ScreenRulesTests: XCTestCase {
    static let both = NationalLeagueTests.both
    /// The bundled data, and the small dataset with every rating source, status, shared team,
    /// note and gap (Fixtures/marks).
    static let datasets = [both, Marks.dataset]
    static let sizes = [(50, 12), (80, 24), (100, 30), (120, 40), (160, 50), (200, 60)]
    /// Keys that bring up each kind of screen: overlays, input, filters, the narrow EHCP views,
    /// drilling down, the matrix scrolled.
    static let keySets = ["", "?", "A s w", "/ e h", "r a g", "v v", "Down Down Enter", "l l l l l l l l l l l l l l",
                          // Comparing (#16): four areas on the chart, the neighbours' league, the EHCP pane's neighbours, the picker's choice.
                          "+ j + j + j +", ": k p i Space E H C P 2 0 - C Y Enter s s j +", "v v v", "A e s s e x"]

    /// Every screen in ASCII mode: every pane, every size, every overlay — nothing but ASCII.
    func testASCIIIsPureASCIIEverywhere() {
        for ds in Self.datasets {
            for pane in Pane.allCases {
                for (w, h) in Self.sizes {
                    for keys in Self.keySets {
                        var s = DashboardState(dataset: ds, width: w, height: h, pane: pane, ascii: true)
                        _ = s.apply(keys.split(separator: " ").compactMap { InputEvent(token: String($0)) })
                        let text = s.render().plainText
                        let bad = text.unicodeScalars.filter { !$0.isASCII }
                        XCTAssertTrue(bad.isEmpty, "\(pane) \(w)x\(h) '\(keys)': \(String(String.UnicodeScalarView(bad.prefix(10))).debugDescription)")
                    }
                }
            }
        }
    }

    /// Every character a pane draws that is not plain ASCII text is either text from the data,
    /// a mark the pane recorded (so the legend line and `?` can explain it), or punctuation.
    func testEveryGlyphOnScreenIsARecordedMark() {
        for ds in Self.datasets {
            let dataText = Self.dataCharacters(ds)
            let punctuation: Set<Character> = ["·", "—", "–", "’", "‘", "“", "”", "£"]
            for pane in Pane.allCases {
                for (w, h) in [(50, 12), (80, 24), (120, 40), (200, 60)] {
                    for keys in ["", "Down", "v v", "v v v", "+ j + j + j +", ": k p i Space E H C P 2 0 - C Y Enter s s j +"] {
                        var s = DashboardState(dataset: ds, width: w, height: h, pane: pane)
                        _ = s.apply(keys.split(separator: " ").compactMap { InputEvent(token: String($0)) })
                        let c = s.render()
                        let glyphs = Set(c.marks.flatMap { Array(c.glyphs[$0]) } + c.marks.flatMap { Array(LegendLine.sample($0, c.glyphs)) })
                        for y in 0..<c.height {
                            for x in 0..<c.width where !c[x, y].isContinuation {
                                let ch = c[x, y].character
                                guard !ch.isASCII, !punctuation.contains(ch), !dataText.contains(ch) else { continue }
                                XCTAssertTrue(glyphs.contains(ch), "\(s.pane) \(w)x\(h) '\(keys)': '\(ch)' at \(x),\(y) is not a recorded mark")
                            }
                        }
                    }
                }
            }
        }
    }

    /// The characters of every string in the data (names, notes, definitions …).
    static func dataCharacters(_ ds: Dataset) -> Set<Character> {
        var all = ""
        for a in ds.areas { all += a.name }
        for i in ds.indicators { all += i.name + i.group + (i.definition ?? "") + (i.source ?? "") }
        for p in ds.providers { all += p.name + (p.note ?? "") }
        for c in ds.coverage { all += c.note ?? "" }
        for w in ds.waits { all += w.note ?? "" }
        for s in 0..<ds.seriesCount { all += ds.series(s).team ?? "" }
        return Set(all)
    }

    /// Each mark a pane draws is explained: its words are in the legend line (or the line says
    /// `?` explains the rest), and the help screen of that pane gives its meaning.
    func testEveryMarkIsExplainedByTheLegendOrHelp() {
        for ds in Self.datasets {
            for pane in Pane.allCases {
                for (w, h) in [(80, 24), (120, 40), (160, 50)] {
                    let s = DashboardState(dataset: ds, width: w, height: h, pane: pane)
                    let c = s.render()
                    XCTAssertTrue(!c.marks.isEmpty || ds.waits.isEmpty && pane == .therapy, "\(pane) \(w)x\(h) drew no marks")
                    let legend = InteractionTests.line(c, h - 2)
                    let help = HelpView.lines(s, marks: c.marks).map(\.0).joined(separator: "\n")
                    for m in c.marks {
                        XCTAssertTrue(help.contains(m.entry.meaning), "\(pane) \(w)x\(h): ? does not explain \(m)")
                        guard !m.entry.chrome else { continue }
                        XCTAssertTrue(legend.contains(m.entry.short) || legend.contains("? explains"), "\(pane) \(w)x\(h): the legend '\(legend)' misses \(m)")
                    }
                }
            }
        }
    }

    /// Every mark in the table has an ASCII form of the same width and a meaning; the ratings'
    /// glyphs differ from each other in both alphabets.
    func testTheGlyphTableIsComplete() {
        for m in Mark.allCases {
            let e = m.entry
            XCTAssertFalse(e.meaning.isEmpty, "\(m)")
            XCTAssertTrue(e.ascii.allSatisfy(\.isASCII), "\(m)")
            XCTAssertEqual(TextWidth.of(e.unicode), e.ascii.count, "\(m): the two forms take the same room")
        }
        for ascii in [false, true] {
            let g = Glyphs(ascii: ascii)
            XCTAssertEqual(Set([RAG.red, .amber, .green, nil].map { g.rag($0) }).count, 4)
            // Target missed is its own glyph and label, neither a colour's nor "no rating"'s.
            let missed = ShownRating(rag: nil, source: .undecided)
            XCTAssertFalse([RAG.red, .amber, .green, nil].map { g.rag($0) }.contains(g.glyph(missed)))
            XCTAssertFalse([RAG.red, .amber, .green, nil].map { g.ragLabel($0) }.contains(g.label(missed)))
            XCTAssertNotEqual(g.label(ShownRating(rag: .green, source: .rule)), g.label(ShownRating(rag: .green, source: .published)))
            XCTAssertNotEqual(g[.nationalLine], g[.chartConnector], "England's line is not the connector")
            XCTAssertNotEqual(g[.nationalLine], g[.regionalLine], "England's line is not the region's")
        }
    }

    /// No "(000:565-570)": line references into the source documents become words.
    func testNoSourceLineReferencesOnScreen() {
        let reference = try? NSRegularExpression(pattern: "\\b\\d{3}:\\d")
        for pane in Pane.allCases {
            for (w, h) in [(80, 24), (120, 40), (160, 50), (200, 60)] {
                var s = DashboardState(dataset: Self.both, width: w, height: h, pane: pane)
                for _ in 0..<13 {
                    let text = s.render().plainText
                    let found = reference?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
                    XCTAssertNil(found.map { (text as NSString).substring(with: $0.range) }, "\(pane) \(w)x\(h):\n\(text)")
                    _ = s.update(.key(.down))
                }
            }
        }
        XCTAssertEqual(SourceReference.inWords("EKHUFT contract (000:565-570)"), "EKHUFT contract (KCC SEN therapy report, Mar 2024)")
        XCTAssertEqual(SourceReference.inWords("£752,905 (000:565; printed £725,905 at 000:1208)"),
                       "£752,905 (KCC SEN therapy report, Mar 2024; printed £725,905 in KCC SEN therapy report, Mar 2024)")
        XCTAssertEqual(SourceReference.inWords("no reference 12:30, 2024-10"), "no reference 12:30, 2024-10")
    }

    // MARK: Widths

    /// Widths are the C library's wcwidth, which ncurses paints by: emoji such as 🚀 ✅ ⭐ and
    /// CJK take two columns, combining marks none.
    func testWidthsAreTheCLibrarys() {
        for (ch, w) in [("🚀", 2), ("✅", 2), ("⭐", 2), ("界", 2), ("東", 2), ("e\u{301}", 1), ("a", 1), ("✖", 1), ("●", 1), ("▲", 1), ("·", 1)] {
            XCTAssertEqual(TextWidth.of(Character(ch)), w, ch)
        }
        XCTAssertEqual(TextWidth.of("Kent 🚀 東京"), 4 + 1 + 2 + 1 + 4)
    }

    /// A row holding emoji, CJK or combining marks keeps every column after it in line: each
    /// wide character is followed by its continuation cell, so the canvas is as wide as the
    /// terminal will draw it.
    func testWideTextKeepsColumnsAligned() {
        var c = Canvas(width: 40, height: 3)
        for (y, name) in ["Plain name", "Rocket 🚀 ✅ name", "東京 Cafe\u{301}"].enumerated() {
            c.text(TextWidth.fit(name, 20), x: 0, y: y)
            c.text("42.0%", x: 21, y: y)
        }
        for y in 0..<3 {
            XCTAssertEqual(c[21, y].character, "4", "row \(y): the value starts in column 21")
            var col = 0
            while col < 21 {
                let w = TextWidth.of(c[col, y].character)
                if w == 2 { XCTAssertTrue(c[col + 1, y].isContinuation, "row \(y) column \(col)") }
                col += max(1, w)
            }
        }
        // Overwriting half of a wide character blanks the other half.
        c.text("x", x: 8, y: 1)
        XCTAssertFalse(c[7, 1].isContinuation && TextWidth.of(c[6, 1].character) == 2 && c[6, 1].character == "🚀")
    }
}
