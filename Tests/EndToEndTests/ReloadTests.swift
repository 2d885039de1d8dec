import Foundation
import XCTest

/// Live reload in a real terminal (tmux): the load runs in the background while keys are
/// handled and the status line shows its progress; the new data is swapped in when it is done.
/// RAGTOP_TEST_LOAD_DELAY_MS (a test-only hook) makes the load pause at each report of
/// progress, so it runs for seconds on the small Kent data; nothing here asserts a time: each
/// step waits, with a generous timeout, for a state of the screen.
final class ReloadTests: XCTestCase {
    var bin: String = ""

    override func setUpWithError() throws {
        bin = try RagtopBinary.require().path
    }

    /// Replaces observations.csv whole (a rename), as an export from a source system would.
    private func replace(_ data: URL, with text: String) throws {
        let temp = data.appendingPathComponent(".observations.csv.new")
        try text.write(to: temp, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temp.path, data.appendingPathComponent("observations.csv").path), 0)
    }

    func testKeysWorkWhileAReloadRunsAndTheNewDataIsSwappedIn() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let original = try String(contentsOf: data.appendingPathComponent("observations.csv"), encoding: .utf8)
        XCTAssertTrue(original.contains("E10000016,APP17,2024-10,76.9,"))
        let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(data.path))", width: 120, height: 30,
                                environment: ["RAGTOP_TEST_LOAD_DELAY_MS": "2500"])
        defer { t.close() }
        t.waitFor("76.9%")
        // The file changes: the watcher starts a reload, and its progress line shows.
        try replace(data, with: original.replacingOccurrences(of: "E10000016,APP17,2024-10,76.9,", with: "E10000016,APP17,2024-10,71.4,"))
        t.waitFor(timeout: 30, "the progress line") { $0.contains("reloading observations.csv ▕") && $0.contains("%") }
        // Meanwhile keys are handled: switch pane, move, and back, all while it still runs.
        t.send("2")
        t.waitFor(timeout: 30, "the districts pane during the reload") { $0.contains("Tile map") && $0.contains("reloading observations.csv") }
        t.send("1")
        t.waitFor(timeout: 30, "the scorecard during the reload") { $0.contains("APP17") && $0.contains("76.9%") && $0.contains("reloading observations.csv") }
        // A second request (C-r) while it runs is queued, not started, and the line says so.
        t.send("C-r")
        t.waitFor(timeout: 30, "the queued reload") { $0.contains("reloading observations.csv") && $0.contains("another reload queued") }
        // The first load ends: the new value is swapped in; then the queued one runs and ends.
        t.waitFor(timeout: 60, "the new data") { $0.contains("71.4%") && $0.contains("reloaded") }
        t.waitFor(timeout: 60, "the queued reload to end") { !$0.contains("reloading") && !$0.contains("queued") && $0.contains("71.4%") }
        t.send("q")
        let report = t.exitReport()
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertTrue(report.sane)
    }

    /// The screen follows the reload by itself: its progress and the swap wake the loop, with no
    /// key pressed and the 2-second watch made ten minutes long (RAGTOP_TEST_WATCH_INTERVAL_MS),
    /// so only the wake-ups can move the screen from 0% to 100% and to the new data.
    func testProgressAndTheSwapWakeTheScreenWithoutAKey() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let original = try String(contentsOf: data.appendingPathComponent("observations.csv"), encoding: .utf8)
        let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(data.path))", width: 120, height: 30,
                                environment: ["RAGTOP_TEST_LOAD_DELAY_MS": "1500", "RAGTOP_TEST_WATCH_INTERVAL_MS": "600000"])
        defer { t.close() }
        t.waitFor("76.9%")
        try replace(data, with: original.replacingOccurrences(of: "E10000016,APP17,2024-10,76.9,", with: "E10000016,APP17,2024-10,71.4,"))
        t.send("C-r")
        t.waitFor(timeout: 30, "the progress line at 0%") { $0.contains("reloading observations.csv ▕░░░░░░░░▏ 0%") }
        t.waitFor(timeout: 30, "the progress line at 100%") { $0.contains("reloading observations.csv ▕████████▏ 100%") }
        t.waitFor(timeout: 30, "the new data") { $0.contains("71.4%") && $0.contains("reloaded") && !$0.contains("reloading") }
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
    }

    /// A file broken mid-way (half a file, cut mid-row) reloads in the background, fails, and
    /// the last good data stays, saying so.
    func testABrokenFileKeepsTheLastGoodData() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let obs = data.appendingPathComponent("observations.csv")
        let original = try String(contentsOf: obs, encoding: .utf8)
        let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(data.path))", width: 220, height: 30,
                                environment: ["RAGTOP_TEST_LOAD_DELAY_MS": "1500"])
        defer { t.close() }
        t.waitFor("76.9%")
        let bytes = Array(original.utf8)
        try replace(data, with: String(decoding: bytes.prefix(bytes.count / 2), as: UTF8.self) + ",E1000")
        t.waitFor(timeout: 30, "the progress line") { $0.contains("reloading observations.csv") }
        let failed = t.waitFor(timeout: 60, "the failure") { $0.contains("reload failed") && !$0.contains("reloading") }
        XCTAssertTrue(failed.contains("showing the last good data"), failed)
        XCTAssertTrue(failed.contains("observations.csv:"), failed)
        XCTAssertTrue(failed.contains("76.9%"), "the last good data stays:\n\(failed)")
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
    }

    /// Quitting while a reload runs (one that would take minutes) exits at once, exit status 0,
    /// the terminal restored: the load's thread is not waited for.
    func testQuittingDuringAReloadIsPromptAndClean() throws {
        let t = try TmuxSession(command: "\(bin)", width: 100, height: 30, environment: ["RAGTOP_TEST_LOAD_DELAY_MS": "60000"])
        defer { t.close() }
        t.waitFor("76.9%")
        t.send("C-r")
        t.waitFor(timeout: 30, "the progress line") { $0.contains("reloading observations.csv") && $0.contains("▕░░░░░░░░▏ 0%") }
        t.send("q")
        let report = t.exitReport(timeout: 20)
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertTrue(report.sane, report.screen)
    }

    /// `snapshot` runs the same effect runner, but a reload there is waited for before the next
    /// key: the screen is the same on every run, with the new data and no progress line.
    func testSnapshotWaitsForTheReload() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let r = try RagtopBinary.run(args: ["snapshot", "--data", data.path, "--size", "120x30", "--keys", "C-r Down"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("reloaded "), r.stdout)
        XCTAssertFalse(r.stdout.contains("reloading"), r.stdout)
    }
}
