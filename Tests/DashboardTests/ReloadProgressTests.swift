import XCTest
@testable import Dashboard
import ScorecardData

/// A reload in the background: the status line's progress line (Unicode and ASCII), one reload
/// at a time with further requests queued into one, and the swap or failure that ends it.
final class ReloadProgressTests: XCTestCase {
    /// The status line (the last line) of a screen.
    private func statusLine(_ s: DashboardState) -> String {
        let c = s.render()
        return InteractionTests.line(c, c.height - 1)
    }

    /// Every page of the `?` screen, as drawn (Space pages down).
    private func helpText(_ s: inout DashboardState) -> String {
        s.update(.key(.character("?")))
        var pages = ""
        for _ in 0..<8 {
            pages += s.render().plainText
            s.update(.key(.character(" ")))
        }
        s.update(.key(.escape))
        return pages
    }

    /// A state with a reload started by C-r and `progress` reported.
    private func reloading(ascii: Bool, width: Int = 100, _ progress: LoadProgress?) -> DashboardState {
        var s = DashboardState(dataset: Kent.dataset, width: width, height: 30, ascii: ascii)
        XCTAssertEqual(s.update(.key(.ctrl("r"))), [.reload])
        s.update(.reloadStarted(file: "observations.csv"))
        if let progress { s.update(.reloadProgress(progress)) }
        return s
    }

    func testTheProgressLineInUnicodeAndASCII() {
        let cases: [(LoadProgress?, String, String)] = [
            (nil, "▕░░░░░░░░▏ 0%", "[--------] 0%"),
            (LoadProgress(bytesRead: 0, bytesTotal: 400), "▕░░░░░░░░▏ 0%", "[--------] 0%"),
            (LoadProgress(bytesRead: 42, bytesTotal: 100), "▕███░░░░░▏ 42%", "[###-----] 42%"),
            (LoadProgress(bytesRead: 50, bytesTotal: 100), "▕████░░░░▏ 50%", "[####----] 50%"),
            (LoadProgress(bytesRead: 999, bytesTotal: 1000), "▕███████░▏ 99%", "[#######-] 99%"),
            (LoadProgress(bytesRead: 1000, bytesTotal: 1000), "▕████████▏ 100%", "[########] 100%"),
        ]
        for (progress, unicode, ascii) in cases {
            for (isASCII, bar) in [(false, unicode), (true, ascii)] {
                let s = reloading(ascii: isASCII, progress)
                let line = statusLine(s)
                XCTAssertTrue(line.hasPrefix(" reloading observations.csv \(bar)"), "\(String(describing: progress)) ascii \(isASCII): '\(line)'")
                XCTAssertFalse(line.contains("queued"), line)
                if isASCII { XCTAssertTrue(line.allSatisfy(\.isASCII), line) }
            }
        }
        // The bar's cells are drawn with the progress mark, in the status role.
        let c = reloading(ascii: false, LoadProgress(bytesRead: 1, bytesTotal: 2)).render()
        XCTAssertTrue(c.marks.contains(.progress))
        XCTAssertEqual(c[28, c.height - 1].character, "▕")
        XCTAssertEqual(c[28, c.height - 1].role, .status)
    }

    /// The progress line is the status line of every pane, at the narrowest usable width too
    /// (cut there, never wrapped), and `?` explains its bar while it shows.
    func testTheProgressLineOnEveryPaneAndInHelp() {
        for pane in PaneRegistry.panes {
            for width in [ScreenLayout.minimumWidth, 120] {
                var s = DashboardState(dataset: Kent.dataset, width: width, height: 30, pane: pane)
                _ = s.perform(.reload)
                s.update(.reloadStarted(file: "observations.csv"))
                s.update(.reloadProgress(LoadProgress(bytesRead: 3, bytesTotal: 4)))
                let line = statusLine(s)
                XCTAssertTrue(line.hasPrefix(" reloading observations.csv ▕██████░░▏ 75%"), "\(pane) \(width): '\(line)'")
                XCTAssertEqual(s.pane, pane)
                XCTAssertTrue(helpText(&s).contains("how much of the data"), "\(pane) \(width): ? explains the bar")
            }
        }
        // Without a reload, `?` does not mention it.
        var s = DashboardState(dataset: Kent.dataset, width: 120, height: 30)
        let help = helpText(&s)
        XCTAssertTrue(help.contains("Marks on this pane"), help)
        XCTAssertFalse(help.contains("how much of the data"), help)
    }

    func testFractionIsClampedAndOneWhenThereIsNothingToRead() {
        XCTAssertEqual(LoadProgress(bytesRead: 0, bytesTotal: 0).fraction, 1)
        XCTAssertEqual(LoadProgress(bytesRead: 25, bytesTotal: 100).fraction, 0.25)
        XCTAssertEqual(LoadProgress(bytesRead: 150, bytesTotal: 100).fraction, 1)
    }

    /// One reload at a time: requests while one runs (C-r, the watcher) are queued into ONE
    /// more, asked for when the running one ends — after a swap or a failure.
    func testASecondRequestIsQueuedAndCoalesced() throws {
        var s = reloading(ascii: false, LoadProgress(bytesRead: 25, bytesTotal: 100))
        XCTAssertEqual(s.update(.key(.ctrl("r"))), [], "no second load while one runs")
        XCTAssertEqual(s.reload?.queued, true)
        XCTAssertEqual(s.requestReload(), [], "the watcher's request joins the queued one")
        XCTAssertEqual(s.perform(.reload), [])
        XCTAssertTrue(statusLine(s).contains("▕██░░░░░░▏ 25% · another reload queued"), statusLine(s))
        // Keys still work meanwhile, and the progress line stays.
        let cursor = s.scorecard.list.cursor
        s.update(.key(.down))
        XCTAssertEqual(s.scorecard.list.cursor, cursor + 1)
        XCTAssertTrue(statusLine(s).contains("reloading observations.csv"), statusLine(s))
        // The running reload ends: its data is swapped in and the queued one is asked for.
        let edited = try Kent.dataset(replacing: "E10000016,APP17,2024-10,76.9,", with: "E10000016,APP17,2024-10,71.4,")
        XCTAssertEqual(s.update(.reloaded(edited, at: "12:00:00")), [.reload], "the queued reload starts")
        XCTAssertEqual(s.dataset.observation(area: "E10000016", indicator: "APP17", period: "2024-10")?.value, 71.4)
        XCTAssertEqual(s.scorecard.list.cursor, cursor + 1, "the position is kept")
        XCTAssertEqual(s.reload?.queued, false, "one request queued made one reload")
        s.update(.reloadStarted(file: "observations.csv"))
        XCTAssertTrue(statusLine(s).hasPrefix(" reloading observations.csv ▕░░░░░░░░▏ 0%"), statusLine(s))
        // That one fails: nothing more is asked for, the last good data stays and says so.
        XCTAssertEqual(s.update(.reloadFailed("reload failed at 12:00:01, showing the last good data: observations.csv:9:1: error: bad")), [])
        XCTAssertNil(s.reload)
        XCTAssertTrue(statusLine(s).contains("reload failed at 12:00:01, showing the last good data"), statusLine(s))
        XCTAssertEqual(s.dataset.observation(area: "E10000016", indicator: "APP17", period: "2024-10")?.value, 71.4)
        // With nothing running, C-r starts a reload at once; progress after its end is dropped.
        XCTAssertEqual(s.update(.key(.ctrl("r"))), [.reload])
        s.update(.reloaded(edited, at: "12:00:05"))
        s.update(.reloadProgress(LoadProgress(bytesRead: 100, bytesTotal: 100)))
        XCTAssertNil(s.reload)
        XCTAssertFalse(statusLine(s).contains("reloading"), statusLine(s))
    }

    /// A failure with a reload queued starts the queued one (the file may be whole by then).
    func testAFailureStartsTheQueuedReload() {
        var s = reloading(ascii: true, nil)
        _ = s.requestReload()
        XCTAssertTrue(statusLine(s).contains("[--------] 0% - another reload queued"), statusLine(s))
        XCTAssertEqual(s.update(.reloadFailed("reload failed at 12:00:01, showing the last good data: x")), [.reload])
        XCTAssertNotNil(s.reload)
        XCTAssertEqual(s.reload?.queued, false)
        // The failure is said beside the progress of the next reload.
        XCTAssertTrue(statusLine(s).contains("reloading the data [--------] 0% - reload failed at 12:00:01"), statusLine(s))
    }

    /// A message that came while a reload ran (an export's path) stays when the data is swapped
    /// in; a failed reload's message is cleared by one that works.
    func testASwapKeepsAnExportsMessageAndClearsAFailure() throws {
        var s = reloading(ascii: false, LoadProgress(bytesRead: 50, bytesTotal: 100))
        s.update(.exported(path: "/tmp/ragtop-scorecard-kent.csv"))
        let edited = try Kent.dataset(replacing: "E10000016,APP17,2024-10,76.9,", with: "E10000016,APP17,2024-10,71.4,")
        s.update(.reloaded(edited, at: "12:00:00"))
        XCTAssertTrue(statusLine(s).contains("ragtop-scorecard-kent.csv"), statusLine(s))
        XCTAssertEqual(s.update(.key(.ctrl("r"))), [.reload])
        s.update(.reloadFailed("reload failed at 12:00:01, showing the last good data: x"))
        XCTAssertTrue(statusLine(s).contains("reload failed"), statusLine(s))
        XCTAssertEqual(s.update(.key(.ctrl("r"))), [.reload])
        s.update(.reloaded(edited, at: "12:00:02"))
        XCTAssertFalse(statusLine(s).contains("reload failed"), statusLine(s))
    }
}
