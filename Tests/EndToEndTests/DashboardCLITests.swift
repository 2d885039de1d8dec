import Foundation
import XCTest

/// The dashboard's commands as a user runs them: clicks and exports through `snapshot`, typed
/// options, `--help`, ASCII output, and wide text in a real terminal.
final class DashboardCLITests: XCTestCase {
    var bin: String = ""

    override func setUpWithError() throws {
        bin = try RagtopBinary.require().path
    }

    private func ragtop(_ args: [String], in directory: URL? = nil, env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try RagtopBinary.run(args: args, env: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"].merging(env) { $1 }, in: directory)
    }

    private func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: Clicks

    /// `snapshot --keys` takes clicks at a 0-based column and row of the printed screen: one
    /// click on Dover's row selects it, a second opens its scorecard.
    func testSnapshotClicksSelectAndOpenTheRowClicked() throws {
        let before = try ragtop(["snapshot", "--pane", "districts", "--size", "100x30"])
        XCTAssertEqual(before.status, 0, before.stderr)
        let row = try XCTUnwrap(lines(before.stdout).firstIndex { $0.hasPrefix(" Dover ") }, before.stdout)
        let opened = try ragtop(["snapshot", "--pane", "districts", "--size", "100x30", "--keys", "click:3,\(row) click:3,\(row)"])
        XCTAssertEqual(opened.status, 0, opened.stderr)
        XCTAssertTrue(lines(opened.stdout).dropFirst().first?.contains("Kent › Dover") == true, opened.stdout)
        // A click on a tab opens its pane.
        let bar = lines(before.stdout)[0]
        let tab = try XCTUnwrap(bar.range(of: " 4 "))
        let x = bar.distance(from: bar.startIndex, to: tab.lowerBound) + 1
        let ehcp = try ragtop(["snapshot", "--size", "100x30", "--keys", "click:\(x),0"])
        XCTAssertTrue(ehcp.stdout.contains("EHCPs issued within 20 weeks"), ehcp.stdout)
        let bad = try ragtop(["snapshot", "--keys", "click:3"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("click:3"), bad.stderr)
    }

    // MARK: Export

    /// `e` in `snapshot` writes the pane's table, as the dashboard does: one new file per pane,
    /// named for the pane, holding that pane's rows (the EHCP pane's districts, not the scorecard).
    func testSnapshotExportsEveryPanesTable() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-export-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let expected: [(pane: String, file: String, header: String, rows: Int)] = [
            ("scorecard", "ragtop-scorecard-kent.csv", "group,rag,rated_by,indicator,notes,team,name,value,status", 68),
            ("districts", "ragtop-districts-kent.csv", "area_code,area,red,amber,green,APP17,APP17_rated_by", 12),
            ("detail", "ragtop-detail-app17.csv", "rank,area_code,area,team,rag,rated_by,value,status", 12),
            ("ehcp", "ragtop-ehcp-kent.csv", "area_code,area,rag,rated_by,value,status,trend,numerator,denominator,period", 12),
            ("therapy", "ragtop-therapy-kent.csv", "area_code,area,provider,outlier", 12),
            ("changes", "ragtop-changes-kent-previous.csv", "change_group,indicator,team,name,old_period,old_value,old_rag,old_rated_by,period,value,rag,rated_by", 68),
        ]
        for e in expected {
            let r = try ragtop(["snapshot", "--pane", e.pane, "--size", "160x50", "--keys", "e"], in: work)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("exported \(work.path)/\(e.file)") || r.stdout.contains("exported"), "\(e.pane): \(r.stdout)")
            let text = try String(contentsOf: work.appendingPathComponent(e.file), encoding: .utf8)
            XCTAssertTrue(text.hasPrefix(e.header), "\(e.pane): \(text.prefix(200))")
            XCTAssertEqual(text.split(separator: "\n").count - 1, e.rows, "\(e.pane)")
        }
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: work.path).count, expected.count, "one file per export, no temporary file left")
    }

    /// The fixture with every rating source and status (Tests/DashboardTests/Fixtures/marks).
    static let marksData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DashboardTests/Fixtures/marks").path

    /// `e` through the real binary on a dataset with every rating source and status: each
    /// pane's file says `rated_by` beside `rag` (published, rule, undecided) and `status` beside
    /// `value` (a suppressed figure's value empty, never 0), as `ragtop report` does.
    func testExportsSayHowEachFigureWasRatedAndItsStatus() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-marks-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        func export(_ args: [String], file: String) throws -> [[String: String]] {
            let r = try ragtop(["snapshot", "--data", Self.marksData, "--size", "160x50"] + args + ["--keys", "e"], in: work)
            XCTAssertEqual(r.status, 0, r.stderr)
            let records = CSVRows.parse(try String(contentsOf: work.appendingPathComponent(file), encoding: .utf8))
            let header = try XCTUnwrap(records.first, file)
            return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
        let scorecard = try export([], file: "ragtop-scorecard-shire.csv")
        func row(_ rows: [[String: String]], _ key: String, _ value: String) throws -> [String: String] {
            try XCTUnwrap(rows.first { $0[key] == value }, "\(key)=\(value)")
        }
        XCTAssertEqual(try row(scorecard, "indicator", "WAIT")["rag"], "RED")
        XCTAssertEqual(try row(scorecard, "indicator", "WAIT")["rated_by"], "rule")
        XCTAssertEqual(try row(scorecard, "indicator", "WAIT")["status"], "estimated")
        XCTAssertEqual(try row(scorecard, "indicator", "MISS")["rated_by"], "undecided")
        XCTAssertEqual(try row(scorecard, "indicator", "MISS")["rag"], "")
        XCTAssertEqual(try row(scorecard, "indicator", "APP17")["rated_by"], "published")
        XCTAssertEqual(try row(scorecard, "indicator", "APP17")["status"], "provisional")
        for (code, status) in [("CME", "suppressed"), ("ALTP", "not-available"), ("TRANS", "not-applicable"), ("CICX", "low")] {
            XCTAssertEqual(try row(scorecard, "indicator", code)["status"], status)
            XCTAssertEqual(try row(scorecard, "indicator", code)["value"], "", "\(code): no figure, not 0")
        }
        XCTAssertEqual(try row(scorecard, "indicator", "SAT")["status"], "low-reliability")
        let districts = try export(["--pane", "districts"], file: "ragtop-districts-shire.csv")
        XCTAssertEqual(try row(districts, "area", "Northtown")["APP17_rated_by"], "rule")
        XCTAssertEqual(try row(districts, "area", "Southtown")["APP17_rated_by"], "undecided")
        let detail = try export(["--pane", "detail", "--indicator", "APP17"], file: "ragtop-detail-app17.csv")
        XCTAssertEqual(try row(detail, "area", "Eastvale")["status"], "suppressed")
        XCTAssertEqual(try row(detail, "area", "Eastvale")["value"], "")
        let ehcp = try export(["--pane", "ehcp"], file: "ragtop-ehcp-shire.csv")
        XCTAssertEqual(try row(ehcp, "area", "Northtown")["rated_by"], "rule")
        XCTAssertEqual(try row(ehcp, "area", "Eastvale")["status"], "suppressed")
    }

    // MARK: Options

    /// Bad values of typed options are usage errors (exit 64) that name the choices.
    func testTypedOptionsRefuseBadValuesAndNameTheChoices() throws {
        let color = try ragtop(["snapshot", "--ansi", "--color", "bogus"])
        XCTAssertEqual(color.status, 64, color.stderr)
        for choice in ["truecolor", "256", "16", "8", "none"] { XCTAssertTrue(color.stderr.contains("'\(choice)'"), color.stderr) }
        for command in [["snapshot"], [], ["dashboard"]] {
            let pane = try ragtop(command + ["--pane", "nowhere"])
            XCTAssertEqual(pane.status, 64, "\(command): \(pane.stderr)")
            // argument-parser quotes a few choices in a line, and lists more one a line.
            for name in ["scorecard", "districts", "detail", "ehcp", "therapy", "changes"] {
                XCTAssertTrue(pane.stderr.contains("'\(name)'") || pane.stderr.contains("  - \(name)\n"), pane.stderr)
            }
        }
        for size in ["80", "0x24", "80x24x2", "wide"] {
            let r = try ragtop(["snapshot", "--size", size])
            XCTAssertEqual(r.status, 64, "--size \(size): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--size"), r.stderr)
        }
        // A unique prefix or the pane's number still works.
        XCTAssertTrue(try ragtop(["snapshot", "--pane", "ehc"]).stdout.contains("EHCPs issued within 20 weeks"))
        XCTAssertTrue(try ragtop(["snapshot", "--pane", "5"]).stdout.contains("SEN therapy waiting lists"))
    }

    /// `ragtop --help` shows the dashboard's own options (it is the default subcommand).
    func testHelpShowsTheDashboardsOptions() throws {
        let r = try ragtop(["--help"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for option in ["--pane <PANE>", "--area <CODE|NAME>", "--indicator <CODE>", "--ascii", "--no-color", "--no-mouse", "--theme <NAME|PATH>", "--data <DIR>"] {
            XCTAssertTrue(r.stdout.contains(option), "\(option) missing from ragtop --help:\n\(r.stdout)")
        }
        XCTAssertTrue(r.stdout.contains("SUBCOMMANDS"), r.stdout)
    }

    // MARK: ASCII

    /// `--ascii` output is pure ASCII on every pane at every size (what the session hook checks).
    func testASCIISnapshotsArePureASCII() throws {
        for pane in ["scorecard", "districts", "detail", "ehcp", "therapy", "changes"] {
            for size in ["80x24", "120x40", "160x50", "200x60"] {
                for keys in ["", "?"] {
                    let r = try ragtop(["snapshot", "--ascii", "--pane", pane, "--size", size, "--keys", keys])
                    XCTAssertEqual(r.status, 0, r.stderr)
                    let bad = r.stdout.unicodeScalars.filter { !$0.isASCII }
                    XCTAssertTrue(bad.isEmpty, "\(pane) \(size) '\(keys)': \(String(String.UnicodeScalarView(bad.prefix(8))))")
                }
            }
        }
        // A C locale means ASCII too.
        let c = try ragtop(["snapshot", "--pane", "ehcp"], env: ["LANG": "C", "LC_ALL": "C"])
        XCTAssertTrue(c.stdout.unicodeScalars.allSatisfy(\.isASCII), c.stdout)
    }

    // MARK: Wide text in a real terminal

    /// A dataset whose names hold emoji, CJK and combining marks: in a real terminal (tmux,
    /// which places characters by the C library's widths, as ncurses does) the value column of
    /// every row starts at the same screen column, and so it does in the snapshot.
    func testEmojiAndCJKNamesStayAlignedInATerminal() throws {
        let fm = FileManager.default
        let data = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-wide-\(UUID().uuidString)")
        try fm.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: data) }
        let files = [
            "areas.csv": "code,name,parent\nW1,Wide 🚀 County,\n",
            "indicators.csv": """
                code,name,polarity,period_type,unit,decimals,target
                K1,✅ Plans issued on time,H,MS,percent,1,60
                K2,東京 visits ⭐ per year,H,MS,percent,1,60
                K3,Cafe\u{301} referrals seen,H,MS,percent,1,60
                K4,Plain ASCII name,H,MS,percent,1,60

                """,
            "observations.csv": """
                area,indicator,period,value
                W1,K1,2024-09,40.0
                W1,K1,2024-10,42.0
                W1,K2,2024-09,50.0
                W1,K2,2024-10,42.0
                W1,K3,2024-09,70.0
                W1,K3,2024-10,42.0
                W1,K4,2024-09,41.0
                W1,K4,2024-10,42.0

                """,
        ]
        for (name, text) in files { try text.write(to: data.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let snap = try ragtop(["snapshot", "--data", data.path, "--size", "100x30"])
        XCTAssertEqual(snap.status, 0, snap.stderr)
        XCTAssertEqual(Self.valueColumns(snap.stdout).count, 4, snap.stdout)
        XCTAssertEqual(Set(Self.valueColumns(snap.stdout)).count, 1, "the snapshot's value column wanders:\n\(snap.stdout)")
        let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(data.path))", width: 100, height: 30)
        defer { t.close() }
        let screen = t.waitFor("Plain ASCII name")
        XCTAssertEqual(Self.valueColumns(screen).count, 4, screen)
        XCTAssertEqual(Set(Self.valueColumns(screen)).count, 1, "the terminal's value column wanders (columns \(Self.valueColumns(screen))):\n\(screen)")
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
    }

    /// The marks a rating or figure carries (ʳ by rule, ◇ target missed, ⋈ a shared team, ✎
    /// notes, ┆ a gap, [p] …) take the room in a real terminal that the screen gives them: on the
    /// fixture's scorecards the period column starts at one screen column on every row, in
    /// tmux as in the snapshot.
    func testRatingAndStatusMarksKeepColumnsAlignedInATerminal() throws {
        for area in ["Shire", "Southtown"] {
            let snap = try ragtop(["snapshot", "--data", Self.marksData, "--area", area, "--size", "100x30"])
            XCTAssertEqual(snap.status, 0, snap.stderr)
            for mark in area == "Shire" ? ["ʳ", "◇ M", "✎", "┆", "[p]", "[c]"] : ["⋈", "◇ M", "ʳ"] {
                XCTAssertTrue(snap.stdout.contains(mark), "\(area): no \(mark) on screen:\n\(snap.stdout)")
            }
            let expected = Self.columns(of: "Oct-24", in: snap.stdout)
            XCTAssertGreaterThanOrEqual(expected.count, 5, snap.stdout)
            XCTAssertEqual(Set(expected).count, 1, "the snapshot's period column wanders:\n\(snap.stdout)")
            let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(Self.marksData)) --area \(area)", width: 100, height: 30)
            defer { t.close() }
            let screen = t.waitFor("\(area)'s scorecard") { $0.contains("Permanent exclusions") }
            XCTAssertEqual(Self.columns(of: "Oct-24", in: screen), expected, "in the terminal:\n\(screen)")
            t.send("q")
            XCTAssertEqual(t.exitReport().status, 0)
        }
    }

    /// The screen column (by the C library's widths) where "42.0%" starts on each line that has it.
    static func valueColumns(_ screen: String) -> [Int] { columns(of: "42.0%", in: screen) }

    /// The screen column (by the C library's widths) where `needle` starts on each line that has it.
    static func columns(of needle: String, in screen: String) -> [Int] {
        // wcwidth answers for the locale: a UTF-8 one, as the terminal's.
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return screen.split(separator: "\n").compactMap { line -> Int? in
            guard let r = line.range(of: needle) else { return nil }
            return line[..<r.lowerBound].unicodeScalars.reduce(0) { $0 + max(0, Int(libcWCWidth(wchar_t(bitPattern: $1.value)))) }
        }
    }
}

/// The C library's wcwidth (Glibc declares it only for X/Open builds), as tmux and ncurses use it.
@_silgen_name("wcwidth")
private func libcWCWidth(_ c: wchar_t) -> Int32
