import Foundation
import XCTest

/// The changes pane through the real binary: `--since` and `--compare-data` on the dashboard and
/// `snapshot` (typed, checked as `--data` is), config.toml's `since`, the golden screens that
/// compare with an earlier edition, `e` agreeing with `report --exceptions`, and the pane in a
/// real terminal. The earlier edition is the bundled data as it stood in August
/// (`AugustEdition`, revised: a past value and a target changed).
final class ChangesCLITests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-e2e-changes-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("config/ragtop"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// The August edition, named as the golden screens and the user guide name it.
    func august() throws -> URL {
        let dir = work.appendingPathComponent("kent-2024-08")
        if !FileManager.default.fileExists(atPath: dir.path) { try AugustEdition.make(at: dir, revised: true) }
        return dir
    }

    /// ragtop in a clean environment: UTF-8, no user config (unless the test writes one), no theme.
    func ragtop(_ args: [String], env: [String: String] = [:], in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let base = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": work.appendingPathComponent("config").path, "RAGTOP_THEME": "",
                    "NO_COLOR": "", "COLORTERM": ""]
        return try RagtopBinary.run(args: args, env: base.merging(env) { $1 }, in: directory)
    }

    func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: Golden screens against another edition

    /// The MANIFEST lines that compare with `{august}` (GoldenSnapshotTests renders the rest in
    /// process), rendered by `ragtop snapshot … --roles` on the bundled Kent data alone, as
    /// docs/tools/refresh_goldens.py renders them, and compared with their files.
    func testGoldenScreensAgainstTheAugustEdition() throws {
        let golden = RagtopBinary.repoRoot.appendingPathComponent("Tests/DashboardTests/Golden")
        let manifest = try String(contentsOf: golden.appendingPathComponent("MANIFEST"), encoding: .utf8)
        let august = try august()
        var checked = 0
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") && line.contains("{august}") {
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertFalse(parts[1].contains("\""), "\(parts[0]): keep {august} lines free of quotes")
            let args = parts[1].split(separator: " ").map { $0 == "{august}" ? august.path : String($0) }
            let r = try ragtop(["snapshot"] + args + ["--roles"], env: ["RAGTOP_BUNDLED_NATIONAL": ""])
            XCTAssertEqual(r.status, 0, "\(parts[0]): \(r.stderr)")
            let expected = try String(contentsOf: golden.appendingPathComponent(parts[0] + ".txt"), encoding: .utf8)
            if r.stdout != expected {
                let e = lines(expected), a = lines(r.stdout)
                let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
                XCTFail("""
                    \(parts[0]): differs from its golden file at line \(first)
                    expected: \(first < e.count ? e[first] : "<end>")
                    actual:   \(first < a.count ? a[first] : "<end>")
                    (after a change you mean: docs/tools/refresh_goldens.py, then read git diff)
                    """)
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 3, "the edition screens at 80x24 and 160x50, for Kent and a district")
    }

    // MARK: Options

    /// `--since` takes a period and `--compare-data` a dataset directory, on the dashboard and
    /// `snapshot`: a bad period or both at once is a usage error (64); a missing edition is 66 and
    /// a broken one 65, each error as FILE:LINE:COL with a last line naming the edition — before
    /// any terminal is touched.
    func testSinceAndCompareDataAreCheckedAsDataIs() throws {
        let august = try august()
        let broken = RagtopBinary.fixtures.appendingPathComponent("malformed/bad-dot")
        for command in [["snapshot"], [], ["dashboard"]] {
            let period = try ragtop(command + ["--since", "2024-13"])
            XCTAssertEqual(period.status, 64, "\(command): \(period.stderr)")
            XCTAssertTrue(period.stderr.contains("'2024-13' is invalid for '--since <PERIOD>'"), period.stderr)
            XCTAssertTrue(period.stderr.contains("FYyyyy-yy-Qn"), "the accepted forms: \(period.stderr)")
            let both = try ragtop(command + ["--since", "2024-08", "--compare-data", august.path])
            XCTAssertEqual(both.status, 64, "\(command): \(both.stderr)")
            XCTAssertTrue(both.stderr.contains("--since and --compare-data both say what the changes pane compares with: give one"), both.stderr)
            let missing = try ragtop(command + ["--compare-data", work.appendingPathComponent("nowhere").path])
            XCTAssertEqual(missing.status, 66, "\(command): \(missing.stderr)")
            XCTAssertTrue(missing.stderr.contains("nowhere:1:1: error: dataset directory not found"), missing.stderr)
            XCTAssertEqual(lines(missing.stderr).filter { !$0.isEmpty }.last,
                           "ragtop: 1 error in the edition to compare with (--compare-data \(work.appendingPathComponent("nowhere").path)); nothing was changed")
            let bad = try ragtop(command + ["--compare-data", broken.path])
            XCTAssertEqual(bad.status, 65, "\(command): \(bad.stderr)")
            XCTAssertNotNil(bad.stderr.range(of: #"observations\.csv:\d+:\d+: error: "#, options: .regularExpression), bad.stderr)
            XCTAssertTrue(bad.stderr.contains("in the edition to compare with (--compare-data \(broken.path)); nothing was changed"), bad.stderr)
            XCTAssertFalse(bad.stdout.contains("\u{1B}["), "\(command): nothing was drawn")
        }
        let ok = try ragtop(["snapshot", "--pane", "changes", "--compare-data", august.path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(lines(ok.stdout)[2].contains("What changed in Kent: Oct-24 against the edition kent-2024-08"), ok.stdout)
        let since = try ragtop(["snapshot", "--pane", "changes", "--since", "FY2024-25-Q1"])
        XCTAssertEqual(since.status, 0, since.stderr)
        XCTAssertTrue(lines(since.stdout)[2].contains("against the end of Q1 24-25"), since.stdout)
        XCTAssertTrue(try ragtop(["snapshot", "--help"]).stdout.contains("--compare-data <DIR>"))
    }

    /// config.toml's `since` sets the pane's comparison; `--since` and `--compare-data` win over
    /// it; `ragtop config` says which did, and that the dashboard uses it.
    func testConfigSinceIsUsedAndTheFlagsWin() throws {
        let august = try august()
        try Data("since = \"2024-08\"\n".utf8).write(to: work.appendingPathComponent("config/ragtop/config.toml"))
        let fromConfig = try ragtop(["snapshot", "--pane", "changes"])
        XCTAssertEqual(fromConfig.status, 0, fromConfig.stderr)
        XCTAssertEqual(fromConfig.stderr, "")
        XCTAssertTrue(lines(fromConfig.stdout)[2].contains("Oct-24 against the end of Aug-24"), fromConfig.stdout)
        let flag = try ragtop(["snapshot", "--pane", "changes", "--since", "2024-07"])
        XCTAssertTrue(lines(flag.stdout)[2].contains("against the end of Jul-24"), flag.stdout)
        let edition = try ragtop(["snapshot", "--pane", "changes", "--compare-data", august.path])
        XCTAssertTrue(lines(edition.stdout)[2].contains("against the edition kent-2024-08"), edition.stdout)

        /// The since row's cells: value, where it came from, what uses it.
        func sinceRow(_ args: [String]) throws -> [String] {
            let r = try ragtop(["config"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            let line = try XCTUnwrap(lines(r.stdout).first { $0.hasPrefix("since ") }, r.stdout)
            return Array(line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.dropFirst())
        }
        let configPath = work.appendingPathComponent("config/ragtop/config.toml").path
        XCTAssertEqual(try sinceRow([]), ["2024-08", "\(configPath):1", "dashboard, snapshot (the changes pane)"])
        XCTAssertEqual(try sinceRow(["--since", "2024-07"]), ["2024-07", "--since", "dashboard, snapshot (the changes pane)"], "--since wins")
        XCTAssertEqual(try sinceRow(["--compare-data", august.path]).dropFirst().first, "--compare-data: the edition kent-2024-08")
    }

    // MARK: The pane agrees with the exceptions pack

    /// `e` on the changes pane (as `snapshot` runs it) writes the rows on screen; its RED and
    /// worsened rows are the exceptions pack's for the same area and `--since`, figure for figure:
    /// value, rating and where it came from, what it was, the change, direction, trend and
    /// periods in RED.
    func testTheExportAgreesWithTheExceptionsPack() throws {
        let fields = ["period", "value", "rag", "rated_by", "old_period", "old_value", "old_rag", "old_rated_by", "change", "change_measure",
                      "dot", "trend", "trend_slope", "periods_red"]
        for (area, file) in [(nil, "ragtop-changes-kent-since-2024-08.csv"), ("Dover", "ragtop-changes-dover-since-2024-08.csv")] {
            let areaArgs = area.map { ["--area", $0] } ?? []
            let snap = try ragtop(["snapshot", "--pane", "changes", "--since", "2024-08", "--size", "160x50", "--keys", "e"] + areaArgs, in: work)
            XCTAssertEqual(snap.status, 0, snap.stderr)
            XCTAssertTrue(snap.stdout.contains("exported \(work.path)/\(file)"), snap.stdout)
            let export = CSVRows.parse(try String(contentsOf: work.appendingPathComponent(file), encoding: .utf8))
            let report = try ragtop(["report", "--exceptions", "--since", "2024-08", "--format", "csv"] + areaArgs)
            XCTAssertEqual(report.status, 0, report.stderr)
            let pack = CSVRows.parse(report.stdout)
            func keyed(_ records: [[String]], keep: ([String: String]) -> Bool) throws -> [String: [String]] {
                let header = records[0]
                var out: [String: [String]] = [:]
                for record in records.dropFirst() {
                    let row = Dictionary(uniqueKeysWithValues: zip(header, record))
                    guard keep(row) else { continue }
                    let key = [row["indicator"], row["team"], row["change_group"]].map { $0 ?? "?" }.joined(separator: "|")
                    out[key] = try fields.map { try XCTUnwrap(row[$0], "\($0) in \(header)") }
                }
                return out
            }
            let fromPane = try keyed(export) { $0["rag"] == "RED" || $0["change_group"] == "worsened" }
            let fromPack = try keyed(pack) { _ in true }
            XCTAssertFalse(fromPack.isEmpty)
            XCTAssertEqual(fromPane.keys.sorted(), fromPack.keys.sorted(), "\(area ?? "Kent"): the same figures")
            for (key, values) in fromPack { XCTAssertEqual(fromPane[key], values, "\(area ?? "Kent") \(key): \(fields)") }
            XCTAssertEqual(export.count - 1, export.dropFirst().count, "every row exported")
        }
    }

    // MARK: In a real terminal

    /// The dashboard on the changes pane against the August edition: Enter opens the row's KPI
    /// detail and Esc comes back; `c`, a typed period and Enter change the comparison; q quits
    /// with the terminal restored.
    func testThePaneInATerminal() throws {
        let bin = try RagtopBinary.require().path
        let august = try august()
        let t = try TmuxSession(command: "\(bin) --pane changes --compare-data \(TmuxSession.quote(august.path))", width: 100, height: 30,
                                environment: ["XDG_CONFIG_HOME": work.appendingPathComponent("config").path])
        defer { t.close() }
        var screen = t.waitFor("What changed in Kent: Oct-24 against the edition kent-2024-08")
        XCTAssertTrue(screen.contains("── Newly RED · 2 ─"), screen)
        t.send("Enter")
        screen = t.waitFor("Kent › APP-EP")
        XCTAssertTrue(screen.contains("APP-EP · Percentage of assessment requests"), screen)
        t.send("Escape")
        screen = t.waitFor("What changed in Kent")
        t.send("c")
        screen = t.waitFor("Compare with")
        XCTAssertTrue(screen.contains("The other edition: kent-2024-08 · now"), screen)
        t.type("2024-06")
        t.send("Enter")
        screen = t.waitFor("against the end of Jun-24")
        XCTAssertTrue(screen.contains("comparing with the end of Jun-24"), screen)
        t.send("q")
        let exit = t.exitReport()
        XCTAssertEqual(exit.status, 0)
        XCTAssertTrue(exit.sane, "the terminal is restored")
    }
}
