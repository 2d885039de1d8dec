import Foundation
import XCTest
@testable import Dashboard
import ScorecardData

/// KPI detail's notes: the selected area's notes on the KPI, newest first (commentary and
/// actions, owner, due); beside the league on a wide screen, counted with a way to see them on a
/// narrow one, and in the league's place with `n`.
final class DetailNotesTests: XCTestCase {
    static func lines(_ s: DashboardState) -> [String] {
        s.render().plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Kent's data with a notes.csv of its own: SCS19 with an older commentary, an action with an
    /// owner and a due date, and a newer commentary; Dover's SCS19 with one note.
    static let withActions: Dataset = {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("ragtop-notes-\(UUID().uuidString)")
        do {
            try fm.copyItem(atPath: Kent.directory, toPath: copy.path)
            defer { try? fm.removeItem(at: copy) }
            try """
            area_code,indicator,period,kind,text,owner,due
            E10000016,SCS19,2024-08,commentary,August: below the floor again,,
            E10000016,SCS19,2024-10,action,Recruit twenty more fostering households,Head of Fostering,2025-03-31
            E10000016,SCS19,2024-10,commentary,October: still below the floor of 75.0%,,
            E07000108,SCS19,2024-10,commentary,Dover's own note,,

            """.write(to: copy.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
            return try DatasetLoader.load(directory: copy.path).dataset
        } catch {
            fatalError("cannot make the notes dataset: \(error)")
        }
    }()

    /// Wide: the notes sit above the definition, newest period first (then in file order), an
    /// action with its owner and due date.
    func testNotesBesideTheLeagueNewestFirst() throws {
        let s = DashboardState(dataset: Self.withActions, width: 120, height: 40, pane: .detail, indicator: "SCS19")
        let lines = Self.lines(s)
        let top = try XCTUnwrap(lines.firstIndex { $0.contains("Notes (3, newest first)") }, lines.joined(separator: "\n"))
        // The section's column: what is right of the league on each line (in characters).
        let column = lines[top].distance(of: "Notes (3")
        let section = lines[top...].map { String($0.dropFirst(column)) }
        let order = ["Oct-24 action · owner: Head of", "Fostering · due 2025-03-31", "Recruit twenty more fostering", "households",
                     "Oct-24 commentary", "October: still below the floor of", "75.0%", "Aug-24 commentary", "August: below the floor again"]
        var at = 0
        for text in order {
            let found = try XCTUnwrap(section[at...].firstIndex { $0.contains(text) }, "\(text) after line \(at):\n\(section.joined(separator: "\n"))")
            at = found + 1
        }
        XCTAssertTrue(lines.contains { $0.contains("Definition") }, "the definition is still there, below")
        // The section needs no notes marker of its own (league rows with notes carry one).
        XCTAssertFalse(section.contains { $0.contains(s.glyphs[.hasNotes]) }, "the section itself needs no marker")
        // Dover's detail shows Dover's note only.
        var dover = s
        _ = dover.apply([.key(.character("A"))] + "dover".map { .key(.character($0)) } + [.key(.enter)])
        XCTAssertEqual(dover.area, "E07000108")
        let doverText = Self.lines(dover).joined(separator: "\n")
        XCTAssertTrue(doverText.contains("Notes (1, newest first)"), doverText)
        XCTAssertTrue(doverText.contains("Dover's own note"))
        XCTAssertFalse(doverText.contains("Head of Fostering"))
    }

    /// Narrow: a line under the league counts the notes and says `n` shows them; `n` puts them in
    /// the league's place (j/k scroll them a line at a time) and `n` again brings the league back.
    func testNarrowScreensCountTheNotesAndNShowsThem() throws {
        var s = DashboardState(dataset: Kent.dataset, width: 80, height: 24, pane: .detail)
        XCTAssertEqual(s.indicator, "APP17")
        var lines = Self.lines(s)
        XCTAssertTrue(lines[21].contains("✎ 2 notes on APP17 for Kent, newest Oct-24 · n shows them"), "under the league:\n" + lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("League: Kent districts") })
        _ = s.update(.key(.character("n")))
        XCTAssertTrue(s.detail.showNotes)
        lines = Self.lines(s)
        XCTAssertFalse(lines.contains { $0.contains("League: Kent districts") }, "the notes take the league's place")
        let top = try XCTUnwrap(lines.firstIndex { $0.contains("Notes (2, newest first) · n: back to the league · j/k scroll") })
        XCTAssertEqual(lines[top + 1].trimmingCharacters(in: .whitespaces), "Oct-24 commentary")
        XCTAssertTrue(lines[top + 2].contains("Note: 2023-24 targets for APP17"))
        XCTAssertTrue(lines.contains { $0.contains("more line") && $0.contains("j/k scroll") }, "says there is more")
        let firstLine = lines[top + 1]
        _ = s.update(.key(.character("j")))
        XCTAssertEqual(Self.lines(s)[top + 1], lines[top + 2], "j scrolls a line")
        XCTAssertNotEqual(Self.lines(s)[top + 1], firstLine)
        _ = s.update(.key(.end))
        let end = Self.lines(s)
        XCTAssertTrue(end[(top + 1)...].contains { $0.contains("every month since May.") }, "End shows the last line")
        XCTAssertFalse(end.contains { $0.contains("more line") })
        _ = s.update(.key(.home))
        XCTAssertEqual(Self.lines(s)[top + 1], firstLine)
        XCTAssertEqual(s.detail.list.cursor, 0, "the league's cursor did not move")
        _ = s.update(.key(.character("n")))
        XCTAssertTrue(Self.lines(s).contains { $0.contains("League: Kent districts") })
    }

    /// A KPI without notes shows none, and `n` says so.
    func testNoNotesNoSection() {
        var s = DashboardState(dataset: Kent.dataset, width: 120, height: 40, pane: .detail, indicator: "APP17-N")
        XCTAssertTrue(Kent.dataset.notes(area: "E10000016", indicator: "APP17-N").isEmpty)
        XCTAssertFalse(Self.lines(s).contains { $0.contains("Notes (") || $0.contains("notes on") })
        _ = s.update(.key(.character("n")))
        XCTAssertFalse(s.detail.showNotes)
        XCTAssertEqual(s.message, "no notes on APP17-N for Kent (notes.csv)")
    }
}
