import Foundation
import XCTest

/// ragtop in a real terminal (tmux): start, read the screen, drive keys, resize, quit, and check
/// the terminal is left as it was.
final class TerminalTests: XCTestCase {
    var bin: String = ""

    override func setUpWithError() throws {
        bin = try RagtopBinary.require().path
    }

    func testStartFilterSwitchResizeAndQuit() throws {
        let t = try TmuxSession(command: "\(bin)", width: 100, height: 30)
        defer { t.close() }
        t.waitFor("SCS19")
        XCTAssertTrue(t.screen().contains("Kent"))
        t.send("r")
        let red = t.waitFor("RAG: ✖ R")
        XCTAssertTrue(red.contains("SCS19"))
        XCTAssertTrue(red.contains("CYPE22"))
        XCTAssertFalse(red.contains("SCS37"))
        // Colour is on screen.
        t.waitFor(timeout: 5, escapes: true, "colour on screen") { !colourSequences(in: $0).isEmpty }
        t.send("x", "2")
        t.waitFor("Tile map")
        t.send("Down", "Down", "Down", "Enter")
        t.waitFor("Kent › Dover")
        t.send("Escape")
        t.waitFor("Tile map")
        t.resize(width: 60, height: 16)
        t.waitFor(timeout: 5, "a relayout at 60x16") { s in s.split(separator: "\n").allSatisfy { $0.count <= 60 } && s.contains("Districts") }
        t.resize(width: 40, height: 10)
        t.waitFor("terminal too small")
        t.resize(width: 120, height: 40)
        t.waitFor("Tile map")
        t.send("?")
        t.waitFor("Help")
        t.send("Escape", "q")
        let report = t.exitReport()
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertTrue(report.sane, "terminal not restored:\n\(report.screen)")
    }

    func testCtrlCRestoresTheTerminal() throws {
        let t = try TmuxSession(command: "\(bin)")
        defer { t.close() }
        t.waitFor("SCS19")
        t.send("C-c")
        let report = t.exitReport()
        XCTAssertEqual(report.status, 130, report.screen)
        XCTAssertTrue(report.sane, report.screen)
    }

    func testSignalsRestoreTheTerminalAndKeepTheirStatus() throws {
        for (signal, status) in [(SIGTERM, 143), (SIGHUP, 129)] {
            let data = try Scratch.copyOfKent()
            defer { try? FileManager.default.removeItem(at: data) }
            let t = try TmuxSession(command: "\(bin) --data \(data.path)")
            defer { t.close() }
            t.waitFor("SCS19")
            guard let pid = t.pid(matching: data.path) else { return XCTFail("ragtop's pid not found") }
            kill(pid, signal)
            let report = t.exitReport()
            XCTAssertEqual(report.status, status, "signal \(signal): \(report.screen)")
            XCTAssertTrue(report.sane, "signal \(signal): \(report.screen)")
        }
    }

    func testNoColorShowsNoColourButKeepsGlyphs() throws {
        let t = try TmuxSession(command: "\(bin) --pane districts", environment: ["NO_COLOR": "1"])
        defer { t.close() }
        t.waitFor("Tile map")
        let screen = t.screen(escapes: true)
        XCTAssertEqual(colourSequences(in: screen), [], "NO_COLOR must give no colour")
        XCTAssertTrue(screen.contains("✖") && screen.contains("▲") && screen.contains("●"))
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
    }

    /// Plain xterm (16 colours, no direct colour): the screen draws, and nothing at all is
    /// written to standard error (it is read back, not just redirected).
    func testPlainXtermRendersWithoutErrors() throws {
        let stderr = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-xterm-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stderr) }
        let t = try TmuxSession(command: "\(bin) 2>\(TmuxSession.quote(stderr.path))", environment: ["TERM": "xterm"])
        defer { t.close() }
        let s = t.waitFor("SCS19")
        XCTAssertTrue(s.contains("Kent"))
        XCTAssertFalse(s.lowercased().contains("error"))
        t.send("2")
        t.waitFor("Tile map")
        t.send("q")
        let report = t.exitReport()
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertTrue(report.sane)
        XCTAssertEqual(try String(contentsOf: stderr, encoding: .utf8), "", "ragtop wrote to standard error under TERM=xterm")
    }

    func testASCIIUnderNonUTF8Locale() throws {
        let t = try TmuxSession(command: "\(bin)", environment: ["LANG": "C", "LC_ALL": "C"])
        defer { t.close() }
        t.send("r")
        let s = t.waitFor("SCS19")
        XCTAssertTrue(s.contains("X R"), "ASCII glyph and letter for RED:\n\(s)")
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
    }

    func testIdleUsesNoCPU() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let t = try TmuxSession(command: "\(bin) --data \(data.path)")
        defer { t.close() }
        t.waitFor("SCS19")
        guard let pid = t.pid(matching: data.path) else { return XCTFail("pid not found") }
        func cpuTicks() -> Int {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return -1 }
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        }
        sleep(1)
        let before = cpuTicks()
        sleep(4)
        let after = cpuTicks()
        XCTAssertGreaterThanOrEqual(before, 0)
        XCTAssertLessThanOrEqual(after - before, 3, "idle ragtop used \(after - before) ticks in 4 s")
        t.send("q")
        _ = t.exitReport()
    }

    func testBadDataIsReportedAndNothingStarts() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let obs = data.appendingPathComponent("observations.csv")
        var text = try String(contentsOf: obs, encoding: .utf8)
        text = text.replacingOccurrences(of: "E10000016,APP17,2024-10,76.9", with: "E10000016,APP17,2024-10,seventy")
        try text.write(to: obs, atomically: true, encoding: .utf8)
        let t = try TmuxSession(command: "\(bin) --data \(data.path)")
        defer { t.close() }
        let report = t.exitReport()
        XCTAssertEqual(report.status, 65)
        XCTAssertTrue(report.screen.contains("observations.csv:"), report.screen)
        XCTAssertTrue(report.screen.contains("expected a number, found 'seventy'"), report.screen)
        XCTAssertTrue(report.sane)
    }

    func testLiveReloadShowsNewValueAndSurvivesABrokenFile() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let obs = data.appendingPathComponent("observations.csv")
        let original = try String(contentsOf: obs, encoding: .utf8)
        XCTAssertTrue(original.contains("E10000016,APP17,2024-10,76.9,"))
        let t = try TmuxSession(command: "\(bin) --data \(data.path)", width: 100, height: 30)
        defer { t.close() }
        t.waitFor("76.9%")
        let edited = original.replacingOccurrences(of: "E10000016,APP17,2024-10,76.9,", with: "E10000016,APP17,2024-10,71.4,")
        try edited.write(to: obs, atomically: true, encoding: .utf8)
        let start = Date()
        t.waitFor("71.4%", timeout: 5)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5.5)
        XCTAssertTrue(t.screen().contains("reloaded"))
        // Break the file: the error shows and the last good value stays.
        let broken = edited.replacingOccurrences(of: "E10000016,APP17,2024-10,71.4,", with: "E10000016,APP17,2024-10,7x1.4,")
        try broken.write(to: obs, atomically: true, encoding: .utf8)
        let s = t.waitFor("reload failed", timeout: 5)
        XCTAssertTrue(s.contains("71.4%"), s)
        // Fixed again: the error goes.
        try original.write(to: obs, atomically: true, encoding: .utf8)
        t.waitFor(timeout: 5, "the fixed file to load") { $0.contains("76.9%") && !$0.contains("reload failed") }
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
        XCTAssertEqual(try String(contentsOf: obs, encoding: .utf8), original, "ragtop must not change data files")
    }
}
