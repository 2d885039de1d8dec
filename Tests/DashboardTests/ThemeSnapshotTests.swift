import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// Colour is never the only signal: wherever a cell is styled as a RAG rating, its glyph (and
/// letter where there is room) is there too — in every pane, in Unicode and in ASCII — and with
/// no colour at all (NO_COLOR: depth .none) the text alone still tells RED, AMBER and GREEN apart.
/// (Per-theme snapshots of the bundled theme files are in ThemesTests.)
final class ThemeSnapshotTests: XCTestCase {
    static let dataset: Dataset = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10").path
        do { return try DatasetLoader.load(directories: [dir]).dataset } catch { fatalError("Kent data: \(error)") }
    }()

    static let ragRoles: [StyleRole: RAG] = [.ragRed: .red, .ragAmber: .amber, .ragGreen: .green]

    /// Every 4-connected region of cells in one RAG role that shows any text contains that
    /// rating's glyph — or, for the league table's bars, has it just before it on each of its rows
    /// (`✖ R ████`). Regions are RAG cells, matrix columns, count columns, map tiles and bars.
    func assertGlyphInEveryRAGRegion(_ canvas: Canvas, glyphs: Glyphs, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        var seen = Array(repeating: false, count: canvas.width * canvas.height)
        var regions = 0
        for y in 0..<canvas.height {
            for x in 0..<canvas.width where !seen[y * canvas.width + x] {
                let role = canvas[x, y].role
                guard let rag = Self.ragRoles[role] else { continue }
                var stack = [(x, y)]
                var text = ""
                var rowStart: [Int: Int] = [:]
                seen[y * canvas.width + x] = true
                while let (cx, cy) = stack.popLast() {
                    text.append(canvas[cx, cy].character)
                    rowStart[cy] = min(rowStart[cy] ?? cx, cx)
                    for (nx, ny) in [(cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)] where canvas.contains(x: nx, y: ny) {
                        if !seen[ny * canvas.width + nx] && canvas[nx, ny].role == role {
                            seen[ny * canvas.width + nx] = true
                            stack.append((nx, ny))
                        }
                    }
                }
                guard text.contains(where: { $0 != " " }) else { continue }
                regions += 1
                let labelledRows = rowStart.allSatisfy { row, start in
                    (max(0, start - 5)..<start).contains { canvas[$0, row].character == glyphs.rag(rag) && canvas[$0, row].role == role }
                }
                XCTAssertTrue(text.contains(glyphs.rag(rag)) || labelledRows, "\(label): a \(rag) region at \(x),\(y) without \(glyphs.rag(rag)): \(text.debugDescription)", file: file, line: line)
            }
        }
        XCTAssertGreaterThan(regions, 0, "\(label): no RAG cells at all", file: file, line: line)
    }

    func testEveryRAGCellCarriesItsGlyph() {
        for ascii in [false, true] {
            for (w, h) in [(80, 24), (100, 30), (140, 40), (60, 20)] {
                for pane in [Pane.scorecard, .districts, .detail] {
                    let state = DashboardState(dataset: Self.dataset, width: w, height: h, pane: pane, ascii: ascii)
                    assertGlyphInEveryRAGRegion(state.render(), glyphs: state.glyphs, "\(pane) \(w)x\(h) ascii=\(ascii)")
                }
                // With a RAG filter on, the status line shows the filter's ratings too.
                var s = DashboardState(dataset: Self.dataset, width: w, height: h, ascii: ascii)
                _ = s.apply(keys: [.character("r"), .character("a")])
                assertGlyphInEveryRAGRegion(s.render(), glyphs: s.glyphs, "filtered \(w)x\(h) ascii=\(ascii)")
            }
        }
    }

    func testGlyphsAndLettersAreDistinctInBothAlphabets() {
        for ascii in [false, true] {
            let g = Glyphs(ascii: ascii)
            let all: [RAG?] = [.red, .amber, .green, nil]
            XCTAssertEqual(Set(all.map { g.rag($0) }).count, 4)
            XCTAssertEqual(Set(all.map { g.ragLabel($0) }).count, 4)
            if ascii { XCTAssertTrue(all.allSatisfy { g.ragLabel($0).allSatisfy(\.isASCII) }) }
        }
    }

    /// The legend line under the districts pane names every rating glyph the tile map and
    /// the matrix draw, in both alphabets.
    func testTheLegendNamesEveryRatingDrawn() {
        for ascii in [false, true] {
            let state = DashboardState(dataset: Self.dataset, width: 140, height: 40, pane: .districts, ascii: ascii)
            let lines = state.render().plainText.split(separator: "\n", omittingEmptySubsequences: false)
            let legend = String(lines[state.height - 2])
            for rag in [RAG.red, .amber, .green, nil] {
                XCTAssertTrue(legend.contains(state.glyphs.ragLabel(rag)), "no \(state.glyphs.ragLabel(rag)) in the legend '\(legend)'")
            }
        }
    }

    /// NO_COLOR: the built-in theme at depth .none sends attributes only, and every scorecard
    /// row's glyph and letter match its rating.
    func testNoColourScorecardReadsByGlyph() {
        let state = DashboardState(dataset: Self.dataset, width: 100, height: 60)
        let out = AnsiRenderer.render(state.render(), theme: .builtInDefault, depth: .none)
        XCTAssertFalse(out.contains("38;") || out.contains("48;"))
        for code in out.components(separatedBy: "\u{1b}[").dropFirst().compactMap({ $0.split(separator: "m").first }) {
            XCTAssertTrue(code.split(separator: ";").allSatisfy { ["0", "1", "2", "3", "4", "7"].contains($0) }, String(code))
        }
        // The default theme makes all three bold: only the glyphs differ.
        let sgr = [StyleRole.ragRed, .ragAmber, .ragGreen].map { AnsiRenderer.sgr(Theme.builtInDefault.style($0), depth: .none) }
        XCTAssertEqual(Set(sgr).count, 1)
        let lines = state.render().plainText.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        var counts: [String: Int] = [:]
        for (i, line) in state.scorecard.lines.enumerated() where i < state.height - 5 {
            guard case .series(let s) = line else { continue }
            let label = String(lines[3 + i][1..<4])
            XCTAssertEqual(label, state.glyphs.ragLabel(state.shared.latestRAG(series: s)), "row \(i)")
            counts[label, default: 0] += 1
        }
        XCTAssertGreaterThan(counts["✖ R"] ?? 0, 0)
        XCTAssertGreaterThan(counts["▲ A"] ?? 0, 0)
        XCTAssertGreaterThan(counts["● G"] ?? 0, 0)
    }

    func testEveryThemeColourIsQuantisedForSixteenColours() {
        // What ColorPairs and AnsiRenderer do with any theme: nothing above index 15 survives.
        for role in StyleRole.allCases {
            let s = Theme.builtInDefault.style(role)
            for depth in [ColorDepth.ansi16, .ansi8] {
                for c in [quantize(s.foreground, to: depth), quantize(s.background, to: depth)] {
                    if case .index(let i) = c { XCTAssertLessThan(Int(i), depth.rawValue, role.rawValue) }
                    if case .rgb = c { XCTFail("\(role) stays RGB at \(depth)") }
                }
            }
        }
    }
}
