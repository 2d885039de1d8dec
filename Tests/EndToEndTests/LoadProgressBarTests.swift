import Foundation
import XCTest

/// The progress bar CLI commands draw on standard error while a long load runs (issue #17): seen
/// on a terminal, erased when the load is done, and never written where standard error is not a
/// terminal.
final class LoadProgressBarTests: XCTestCase {
    /// The benchmark's England-scale dataset (Tests/Benchmarks/make_big_dataset.py: 1.2 million
    /// observations, 40 MB), made once per run: a load of it takes well over half a second.
    static let big: Result<URL, Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-e2e-big-\(getpid())")
        if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("observations.csv").path) {
            let generator = RagtopBinary.repoRoot.appendingPathComponent("Tests/Benchmarks/make_big_dataset.py").path
            let r = try Shell.run("/usr/bin/env", ["python3", generator, dir.path], environment: ProcessInfo.processInfo.environment, timeout: 300)
            guard r.status == 0 else { throw Shell.Failure(description: "make_big_dataset.py failed: \(r.stderr)") }
        }
        return dir
    }

    override class func tearDown() {
        if case .success(let dir) = big { try? FileManager.default.removeItem(at: dir) }
        super.tearDown()
    }

    func testBarOnATerminalDuringALongLoadThenErased() throws {
        let dir = try Self.big.get()
        let bin = try RagtopBinary.require()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-progress-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        // Waits for Enter, so that everything the pane shows from the start is recorded.
        let session = try TmuxSession(command: "sh -c " + TmuxSession.quote("read go; exec \(TmuxSession.quote(bin.path)) check -q --data \(TmuxSession.quote(dir.path))"),
                                      width: 200, height: 50)
        defer { session.close() }
        try session.tmux(["pipe-pane", "-t", "main", "-o", "cat >> " + TmuxSession.quote(log.path)])
        session.send("Enter")
        let report = session.exitReport(timeout: 300)
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertTrue(report.screen.contains("ok: 163 areas, 62 indicators, 1212720 observations"), report.screen)
        // Erased once done: nothing of it is left on the screen.
        XCTAssertFalse(report.screen.contains("loading"), report.screen)
        let written = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertTrue(written.contains("ragtop: loading ["), "no progress bar was drawn: \(written.prefix(500))")
        XCTAssertTrue(written.contains("100%  41 of 41 MB"), "the bar ends full: \(written.suffix(500))")
        XCTAssertTrue(written.contains("\r\u{1B}[K"), "the bar is drawn in place and erased")
    }

    func testStandardErrorStaysCleanWhenNotATerminal() throws {
        let dir = try Self.big.get()
        // Piped standard error (and output).
        let piped = try RagtopBinary.run(args: ["check", "-q", "--data", dir.path], timeout: 300)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("ok: 163 areas"), piped.stdout)
        XCTAssertEqual(piped.stderr, "")
        // Standard output a terminal, standard error a file.
        let bin = try RagtopBinary.require()
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-progress-\(UUID().uuidString).err")
        defer { try? FileManager.default.removeItem(at: err) }
        let session = try TmuxSession(command: "\(TmuxSession.quote(bin.path)) check -q --data \(TmuxSession.quote(dir.path)) 2>\(TmuxSession.quote(err.path))",
                                      width: 200, height: 50)
        defer { session.close() }
        let report = session.exitReport(timeout: 300)
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertTrue(report.screen.contains("ok: 163 areas"), report.screen)
        XCTAssertEqual(try String(contentsOf: err, encoding: .utf8), "")
    }
}
