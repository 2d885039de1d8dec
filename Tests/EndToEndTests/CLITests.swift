import Foundation
import XCTest

/// End-to-end tests of the `ragtop` command line: the built binary run as a subprocess.
final class CLITests: XCTestCase {
    var otherCouncil: String { RagtopBinary.fixtures.appendingPathComponent("other-council").path }
    var malformed: URL { RagtopBinary.fixtures.appendingPathComponent("malformed") }

    static let csvHeader = "area_code,area,indicator,name,period,value,numerator,denominator,target,rag,dot,team,rated_by,status,national_rank,national_of,quartile,gap"
    /// CF2 misses its target and its missed_target says RED; CF4's RED is published. CF5 misses
    /// its target with no floor and no missed_target: undecided, not listed as red.
    static let otherCouncilRed = [
        "W06000015,Cardiff,CF2,Re-referrals to children's social care within 12 months,FY2024-25-Q2,24.3,,,22,RED,↓,,rule,,,,,-2.3",
        "W06000015,Cardiff,CF4,\"Health assessments within 20 working days, looked-after children\",2024-10,71,,,90,RED,↓,,published,,,,,-19",
    ]

    private func ragtop(_ args: String..., env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try RagtopBinary.run(args: args, env: env)
    }

    // MARK: Basics

    func testVersion() throws {
        let r = try ragtop("--version")
        XCTAssertEqual(r.status, 0, r.stderr)
        let version = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(version.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression), "version '\(version)'")
    }

    func testHelpListsCheckAndReport() throws {
        let r = try ragtop("--help")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("check"), r.stdout)
        XCTAssertTrue(r.stdout.contains("report"), r.stdout)
        XCTAssertTrue(r.stdout.lowercased().contains("usage"), r.stdout)
    }

    /// Every way of printing ragtop's own help prints the dashboard's options, which ragtop
    /// writes only when help may be printed (a command that prints none skips them).
    func testEveryHelpPrintsTheDashboardOptions() throws {
        let heading = "DASHBOARD OPTIONS (ragtop [options] is ragtop dashboard [options]):"
        let help = try ragtop("--help")
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains(heading + "\n  --data <DIR>  "), help.stdout)
        XCTAssertTrue(help.stdout.contains("  --export-dir <DIR>  "), help.stdout)
        for args in [["-h"], ["help"]] {
            let r = try RagtopBinary.run(args: args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, help.stdout, "\(args)")
        }
        let dump = try ragtop("--experimental-dump-help")
        XCTAssertEqual(dump.status, 0, dump.stderr)
        XCTAssertTrue(dump.stdout.contains("DASHBOARD OPTIONS (ragtop [options] is ragtop dashboard [options]):\\n"), String(dump.stdout.prefix(2000)))
        let manual = try ragtop("manual", "--date", "2026-01-01")
        XCTAssertEqual(manual.status, 0, manual.stderr)
        XCTAssertTrue(manual.stdout.contains("DASHBOARD OPTIONS (ragtop [options] is ragtop dashboard [options]):"), String(manual.stdout.prefix(3000)))
        // A subcommand's help is its own, without them.
        let snapshot = try ragtop("snapshot", "--help")
        XCTAssertEqual(snapshot.status, 0, snapshot.stderr)
        XCTAssertFalse(snapshot.stdout.contains("DASHBOARD OPTIONS"), snapshot.stdout)
    }

    // MARK: check

    func testCheckBundledData() throws {
        let r = try ragtop("check")
        XCTAssertEqual(r.status, 0, "stderr:\n\(r.stderr.prefix(4000))")
        XCTAssertTrue(r.stdout.hasPrefix("ok:"), r.stdout)
    }

    func testCheckOtherCouncil() throws {
        let r = try ragtop("check", "--data", otherCouncil)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "ok: 1 areas, 5 indicators, 11 observations (5 rated, 5 undecided), 0 benchmarks, 0 waits; 0 warnings\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testCheckNonexistentDirectoryExits66() throws {
        let r = try ragtop("check", "--data", "/nonexistent")
        XCTAssertEqual(r.status, 66)
        XCTAssertTrue(r.stderr.hasPrefix("/nonexistent:1:1: error: dataset directory not found\n"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testCheckEveryMalformedFixture() throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: malformed.path).filter {
            var isDir: ObjCBool = false
            return !$0.hasPrefix(".") && fm.fileExists(atPath: malformed.appendingPathComponent($0).path, isDirectory: &isDir) && isDir.boolValue
        }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 30, "the malformed corpus at \(malformed.path)")
        for name in names {
            let dir = malformed.appendingPathComponent(name).path
            guard let text = try? String(contentsOfFile: dir + "/expected.txt", encoding: .utf8) else {
                XCTFail("\(name): no expected.txt")
                continue
            }
            let lines = text.split(separator: "\n").map(String.init)
            guard let expectedLine = lines.first else {
                XCTFail("\(name): empty expected.txt")
                continue
            }
            var expectedStatus: Int32 = 65
            if lines.count > 1, lines[1].hasPrefix("exit: "), let s = Int32(lines[1].dropFirst(6)) { expectedStatus = s }
            let r = try ragtop("check", "--data", dir)
            XCTAssertEqual(r.status, expectedStatus, "\(name): exit status; stderr:\n\(r.stderr)")
            let firstError = r.stderr.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init) ?? "<no error line>"
            XCTAssertTrue(firstError.hasPrefix(dir + "/" + expectedLine), "\(name): first error\n  \(firstError)\nshould start with\n  \(dir)/\(expectedLine)")
            XCTAssertTrue(r.stderr.contains("nothing was changed"), "\(name): \(r.stderr)")
            XCTAssertFalse(r.stdout.hasPrefix("ok:"), name)
        }
    }

    func testMergingDirectoriesWithCheck() throws {
        let r = try ragtop("check", "--data", otherCouncil, "--data", otherCouncil)
        // The same files twice: the areas join, the indicators and observations are duplicates.
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("duplicate"), r.stderr)
    }

    // MARK: report

    func testReportRedAsCSV() throws {
        let r = try ragtop("report", "--data", otherCouncil, "--rag", "red", "--format", "csv")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, ([Self.csvHeader] + Self.otherCouncilRed).joined(separator: "\n") + "\n")
    }

    func testReportAreaByNameCaseInsensitively() throws {
        let byName = try ragtop("report", "--data", otherCouncil, "--area", "cARDIFF", "--rag", "RED", "--format", "csv")
        XCTAssertEqual(byName.status, 0, byName.stderr)
        XCTAssertEqual(byName.stdout, ([Self.csvHeader] + Self.otherCouncilRed).joined(separator: "\n") + "\n")
        let byCode = try ragtop("report", "--data", otherCouncil, "--area", "W06000015", "--rag", "red", "--format", "csv")
        XCTAssertEqual(byCode.stdout, byName.stdout)
        let unknown = try ragtop("report", "--data", otherCouncil, "--area", "Swansea")
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("Swansea"), unknown.stderr)
    }

    func testReportAsJSON() throws {
        let r = try ragtop("report", "--data", otherCouncil, "--format", "json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        let rows = try XCTUnwrap(parsed as? [[String: Any]], "a JSON array of objects")
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(rows.map { $0["indicator"] as? String }, ["CF1", "CF2", "CF3", "CF4", "CF5"])
        XCTAssertEqual(Set(rows[0].keys), Set(Self.csvHeader.split(separator: ",").map(String.init)))
        let cf2 = rows[1]
        XCTAssertEqual(cf2["value"] as? Double, 24.3)
        XCTAssertEqual(cf2["target"] as? Double, 22)
        XCTAssertEqual(cf2["rag"] as? String, "RED")
        XCTAssertEqual(cf2["dot"] as? String, "↓")
        XCTAssertEqual(cf2["period"] as? String, "FY2024-25-Q2")
        XCTAssertTrue(cf2["numerator"] is NSNull)
        XCTAssertTrue(cf2["team"] is NSNull)
        XCTAssertEqual(cf2["rated_by"] as? String, "rule")
        XCTAssertTrue(cf2["status"] is NSNull)
        XCTAssertEqual(rows[2]["rag"] as? String, "AMBER", "CF3's published AMBER")
        XCTAssertEqual(rows[2]["rated_by"] as? String, "published")
        XCTAssertTrue(rows[4]["rag"] is NSNull, "CF5 misses its target with no floor: undecided")
        XCTAssertEqual(rows[4]["rated_by"] as? String, "undecided")
        XCTAssertEqual(rows[3]["name"] as? String, "Health assessments within 20 working days, looked-after children")

        let empty = try ragtop("report", "--data", otherCouncil, "--format", "json", "--rag", "green", "--indicator", "CF2")
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [Any])?.count, 0)
    }

    func testReportAsMarkdown() throws {
        let r = try ragtop("report", "--data", otherCouncil, "--rag", "red", "--format", "markdown")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2 + 2, r.stdout)
        XCTAssertTrue(lines[0].hasPrefix("| Area |"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("|---"), lines[1])
        XCTAssertTrue(lines.dropFirst(2).allSatisfy { $0.hasPrefix("| Cardiff |") && $0.hasSuffix(" |") && $0.contains("RED") })
        XCTAssertTrue(lines[2].contains("Q2 24-25") && lines[2].hasSuffix("| RED | ↓ | rule | -2.3 |"), lines[2])
        XCTAssertTrue(lines[3].hasSuffix("| RED | ↓ | published | -19 |"), lines[3])
        let all = try ragtop("report", "--data", otherCouncil, "--format", "markdown")
        let cf5 = try XCTUnwrap(all.stdout.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(cf5.contains("Summer 23-24") && cf5.hasSuffix("| target missed | ↓ | undecided | -2.6 |"), cf5)
        let columns = lines[0].filter { $0 == "|" }.count
        XCTAssertTrue(lines.allSatisfy { $0.filter { $0 == "|" }.count == columns }, "every row has the header's cells")
    }

    func testReportAsText() throws {
        let r = try ragtop("report", "--data", otherCouncil, "--rag", "red", env: ["LC_ALL": "C.UTF-8"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("✖ RED"), r.stdout)
        XCTAssertFalse(r.stdout.contains("\u{1B}"), "no colour when stdout is not a terminal")
        XCTAssertTrue(r.stdout.contains("2 rows: 2 red, 0 amber, 0 green, 0 target missed (undecided), 0 unrated; 1 rated by rule"), r.stdout)
        let all = try ragtop("report", "--data", otherCouncil, env: ["LC_ALL": "C.UTF-8"])
        XCTAssertTrue(all.stdout.contains("5 rows: 2 red, 1 amber, 1 green, 1 target missed (undecided), 0 unrated; 2 rated by rule"), all.stdout)
        let cf5 = try XCTUnwrap(all.stdout.split(separator: "\n").first { $0.contains("CF5") })
        XCTAssertTrue(cf5.contains("target missed") && cf5.contains(" undecided ") && cf5.hasSuffix("-2.6"), String(cf5))
        let ascii = try ragtop("report", "--data", otherCouncil, "--rag", "red", "--ascii")
        XCTAssertTrue(ascii.stdout.contains("X RED"), ascii.stdout)
    }

    func testReportRejectsBadOptions() throws {
        let format = try ragtop("report", "--data", otherCouncil, "--format", "xml")
        XCTAssertEqual(format.status, 64, "a usage error")
        XCTAssertTrue(format.stderr.contains("The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'csv', 'json' or 'markdown'."), format.stderr)
        let rag = try ragtop("report", "--data", otherCouncil, "--rag", "red,purple")
        XCTAssertEqual(rag.status, 64)
        XCTAssertTrue(rag.stderr.contains("The value 'red,purple' is invalid for '--rag <LIST>'. Please provide one of 'red', 'amber' or 'green'."), rag.stderr)
        let upper = try ragtop("report", "--data", otherCouncil, "--format", "CSV", "--rag", "R,Amber")
        XCTAssertEqual(upper.status, 0, upper.stderr)
        XCTAssertTrue(upper.stdout.hasPrefix(Self.csvHeader + "\n"), upper.stdout)
        let polarity = try ragtop("import", "ees", "x.csv", "--measure", "m", "--indicator", "I", "--polarity", "T")
        XCTAssertEqual(polarity.status, 64)
        XCTAssertTrue(polarity.stderr.contains("Please provide one of 'H' and 'L'"), polarity.stderr)
        let filter = try ragtop("import", "ees", "x.csv", "--measure", "m", "--indicator", "I", "--filter", "breakdown")
        XCTAssertEqual(filter.status, 64)
        XCTAssertTrue(filter.stderr.contains("The value 'breakdown' is invalid for '--filter <COLUMN=VALUE>'"), filter.stderr)
    }

    func testReportOnMalformedDataExits65() throws {
        let r = try ragtop("report", "--data", malformed.appendingPathComponent("value-nan").path, "--format", "csv")
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("observations.csv:3:18: error: value: expected a finite number"), r.stderr)
    }

    // MARK: docs/data-format.md stays true

    /// The worked example in docs/data-format.md: its files load, and `check` and `report` print
    /// what the page says they print.
    func testWorkedExampleInTheDataFormatReference() throws {
        let doc = try String(contentsOf: RagtopBinary.repoRoot.appendingPathComponent("docs/data-format.md"), encoding: .utf8)
        let section = try XCTUnwrap(doc.range(of: "## A complete worked example").map { String(doc[$0.upperBound...]) })
        func block(after heading: String) throws -> String {
            let start = try XCTUnwrap(section.range(of: heading), "no '\(heading)' in the worked example")
            let open = try XCTUnwrap(section.range(of: "```", range: start.upperBound..<section.endIndex))
            let bodyStart = try XCTUnwrap(section.range(of: "\n", range: open.upperBound..<section.endIndex)).upperBound
            let close = try XCTUnwrap(section.range(of: "\n```", range: bodyStart..<section.endIndex))
            return String(section[bodyStart..<close.lowerBound]) + "\n"
        }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-doc-\(UUID().uuidString)", isDirectory: true)
        let example = work.appendingPathComponent("example", isDirectory: true)
        try fm.createDirectory(at: example, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        for name in ["areas.csv", "indicators.csv", "observations.csv", "targets.csv", "benchmarks.csv", "providers.csv", "coverage.csv", "waits.csv"] {
            try Data(try block(after: "`\(name)`\n").utf8).write(to: example.appendingPathComponent(name))
        }
        let check = try RagtopBinary.run(args: ["check", "--data", "example"], in: work)
        XCTAssertEqual(check.status, 0, check.stderr)
        // What check prints: the lines between the command and the next one ("$ echo $?").
        let checkShown = try block(after: "Checking it:").split(separator: "\n").map(String.init).dropFirst().prefix { !$0.hasPrefix("$ ") }
        XCTAssertEqual(check.stderr + check.stdout, checkShown.joined(separator: "\n") + "\n")
        let report = try RagtopBinary.run(args: ["report", "--data", "example", "--format", "csv"], in: work)
        XCTAssertEqual(report.status, 0, report.stderr)
        let reportShown = try block(after: "The latest figures:").split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        XCTAssertEqual(report.stdout, reportShown.joined(separator: "\n"))
    }

    // MARK: Never changes the user's files

    func testCheckAndReportLeaveEveryFileUnchanged() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-readonly-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let good = work.appendingPathComponent("other-council"), bad = work.appendingPathComponent("bad")
        let bundled = work.appendingPathComponent("kent")
        try fm.copyItem(atPath: otherCouncil, toPath: good.path)
        try fm.copyItem(at: malformed.appendingPathComponent("bare-cr-line-ends"), to: bad)
        try fm.copyItem(at: RagtopBinary.repoRoot.appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10"), to: bundled)
        let before = try snapshot(work)
        XCTAssertGreaterThan(before.count, 10)

        for args in [["check", "--data", good.path], ["check", "--data", bad.path], ["check", "--data", bundled.path],
                     ["check", "--data", good.path, "--data", bad.path],
                     ["report", "--data", good.path], ["report", "--data", good.path, "--format", "csv", "--all-periods"],
                     ["report", "--data", good.path, "--format", "json"], ["report", "--data", good.path, "--format", "markdown"],
                     ["report", "--data", bundled.path, "--format", "csv"], ["report", "--data", bad.path]] {
            let r = try RagtopBinary.run(args: args, in: work)
            XCTAssertTrue([0, 65].contains(r.status), "\(args): \(r.status) \(r.stderr.prefix(500))")
        }
        let after = try snapshot(work)
        XCTAssertEqual(Set(after.keys), Set(before.keys), "no file added or removed")
        for (path, data) in before {
            XCTAssertEqual(after[path], data, "\(path) changed")
        }
    }

    /// Every regular file under `dir` (relative path → bytes).
    private func snapshot(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: dir.path) else { return out }
        while let rel = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = dir.appendingPathComponent(rel).path
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return out
    }
}
