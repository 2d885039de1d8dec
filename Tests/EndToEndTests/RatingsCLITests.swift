import Foundation
import XCTest

/// Ratings the data justifies and statuses that are kept, through the real binary: the whole
/// bundled Kent dataset against the published scorecard, every DfE symbol through `import ees`
/// and `report`, and `check`'s grouped warnings.
final class RatingsCLITests: XCTestCase {
    /// The scorecard's faithful extraction, beside the checkout (../shared).
    static let latestTSV = RagtopBinary.repoRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/kent-scorecard-2024-10/latest.tsv")

    // MARK: The whole bundled dataset against the published scorecard

    /// Every Kent and district figure of the latest period (each printed row of the scorecard,
    /// 001:1023-2037) shows exactly the rating the scorecard prints beside it, published; and
    /// where the scorecard prints none, ragtop shows none, by rule or otherwise. Rows are matched
    /// by area, table, indicator, team and period, with nothing listed by code.
    func testEveryLatestFigureShowsExactlyThePublishedRating() throws {
        guard FileManager.default.fileExists(atPath: Self.latestTSV.path) else {
            XCTFail("\(Self.latestTSV.path) is missing: this test needs ../shared beside the checkout")
            return
        }
        let scorecard = try Self.tsv(String(contentsOf: Self.latestTSV, encoding: .utf8))
        XCTAssertGreaterThan(scorecard.count, 500, "latest.tsv's printed rows")
        // The report of each scorecard table (ragtop's indicator group), every period, Kent only;
        // together, every row of the dataset, each with its indicator's table.
        var report: [[String: String]] = [], groupOf: [String: String] = [:]
        for group in Set(scorecard.map { $0["group"] ?? "" }) {
            let r = try RagtopBinary.run(args: ["report", "--format", "csv", "--all-periods", "--group", group],
                                         env: ["RAGTOP_BUNDLED_NATIONAL": ""])
            XCTAssertEqual(r.status, 0, r.stderr)
            let rows = Self.csvTable(r.stdout)
            XCTAssertFalse(rows.isEmpty, "no rows for group \(group)")
            report += rows
            for row in rows { groupOf[row["indicator"] ?? ""] = group }
        }
        var published = 0, unrated = 0, failures: [String] = []
        for row in scorecard {
            let area = row["area"] ?? "", code = row["code"] ?? "", teamLabel = row["team_label"] ?? "", group = row["group"] ?? ""
            let period = try XCTUnwrap(Self.period(row["latest_period"] ?? ""), "period label \(row["latest_period"] ?? "")")
            let place = "001:\(row["source_line"] ?? "?") \(area) \(teamLabel.isEmpty ? "" : teamLabel + " ")\(code) \(period)"
            let candidates = report.filter { r in
                guard r["area"] == area, r["period"] == period else { return false }
                // A team block whose label is not printed (Dover's CSWT) is the area's one team.
                return teamLabel.isEmpty && !(row["block"] ?? "").isEmpty ? !(r["team"] ?? "").isEmpty : r["team"] == teamLabel
            }
            // The indicator: its code in the row's table; else, a table that repeats another's
            // indicator under an id of its own, by the name printed; else its code in whichever
            // table the dataset files it (district pages print APP17 in Education Monthly).
            let inTable = candidates.filter { groupOf[$0["indicator"] ?? ""] == group }
            var matches = inTable.filter { $0["indicator"] == code }
            if matches.isEmpty { matches = inTable.filter { $0["name"] == row["name_as_printed"] } }
            if matches.isEmpty { matches = candidates.filter { $0["indicator"] == code } }
            guard matches.count == 1, let shown = matches.first else {
                failures.append("\(place): \(matches.count) report rows match")
                continue
            }
            let rating = row["rag_current"] ?? ""
            let expected = ["RED", "AMBER", "GREEN"].contains(rating) ? rating : ""
            if expected.isEmpty { unrated += 1 } else { published += 1 }
            let expectedSource = expected.isEmpty ? "" : "published"
            if shown["rag"] != expected || shown["rated_by"] != expectedSource {
                failures.append("\(place): the scorecard prints '\(rating)', ragtop shows rag '\(shown["rag"] ?? "")' rated_by '\(shown["rated_by"] ?? "")' (value \(shown["value"] ?? ""), target \(shown["target"] ?? ""))")
            }
        }
        XCTAssertEqual(failures, [], "\(failures.count) of \(scorecard.count) latest figures:\n" + failures.joined(separator: "\n"))
        XCTAssertEqual(published + unrated + failures.filter { $0.contains("report rows match") }.count, scorecard.count)
        XCTAssertGreaterThan(published, 400)
        XCTAssertGreaterThan(unrated, 23, "EH43/EH44 on every district page and the N/A rows are unrated")
    }

    /// The report's `target` column agrees: a district's EH43 (a county total's target) has none.
    func testACountyTotalsTargetIsNotADistricts() throws {
        let r = try RagtopBinary.run(args: ["report", "--format", "csv", "--indicator", "EH43"], env: ["RAGTOP_BUNDLED_NATIONAL": ""])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = Self.csvTable(r.stdout)
        XCTAssertEqual(rows.count, 13)
        let kent = try XCTUnwrap(rows.first { $0["area"] == "Kent" })
        XCTAssertEqual(kent["target"], "25")
        XCTAssertEqual(kent["rag"], "GREEN")
        for d in rows where d["area"] != "Kent" {
            XCTAssertEqual(d["target"], "", "\(d["area"] ?? "")")
            XCTAssertEqual(d["rag"], "", "\(d["area"] ?? "")")
            XCTAssertEqual(d["rated_by"], "", "\(d["area"] ?? "")")
        }
    }

    // MARK: Status through import and report

    func testEveryDfESymbolKeepsItsStatusThroughImportAndReport() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-status-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let source = RagtopBinary.fixtures.appendingPathComponent("importers/ees-symbols.csv").path
        let imported = try RagtopBinary.run(args: ["import", "ees", source, "--measure", "pc_plans_issued_within_20_weeks",
                                                   "--indicator", "EHCP20-CY", "--unit", "percent", "--out", "symbols"], in: work)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let expected = ["England": "", "South East": "", "Kent": "", "Medway": "suppressed", "East Sussex": "not-available",
                        "Hampshire": "not-applicable", "Bracknell Forest": "low", "West Berkshire": "low-reliability", "Reading": "not-available"]
        let csv = try RagtopBinary.run(args: ["report", "--data", "symbols", "--format", "csv"], in: work)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.hasPrefix("area_code,area,indicator,name,period,value,numerator,denominator,target,rag,dot,team,rated_by,status,national_rank,national_of,quartile,gap\n"), csv.stdout)
        let rows = Self.csvTable(csv.stdout)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rows.map { ($0["area"] ?? "", $0["status"] ?? "") }), expected)
        for row in rows where !(row["status"] ?? "").isEmpty {
            XCTAssertEqual(row["value"], "", "a suppressed or missing figure is empty, never 0: \(row)")
        }
        XCTAssertEqual(rows.first { $0["area"] == "Kent" }?["value"], "32.3")

        let json = try RagtopBinary.run(args: ["report", "--data", "symbols", "--format", "json"], in: work)
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: objects.map { ($0["area"] as? String ?? "", $0["status"] as? String ?? "") }), expected)
        XCTAssertTrue(objects.first { $0["area"] as? String == "Kent" }?["status"] is NSNull)
        XCTAssertTrue(objects.first { $0["area"] as? String == "Medway" }?["value"] is NSNull)

        let text = try RagtopBinary.run(args: ["report", "--data", "symbols"], env: ["LC_ALL": "C.UTF-8"], in: work)
        let header = try XCTUnwrap(text.stdout.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(header.hasSuffix("DOT  Status"), header)
        XCTAssertFalse(header.contains("Rated by"), "no target, nothing rated: no Rated by column")
        let westBerkshire = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.hasPrefix("West Berkshire") })
        XCTAssertTrue(westBerkshire.hasSuffix("low-reliability"), String(westBerkshire))

        let markdown = try RagtopBinary.run(args: ["report", "--data", "symbols", "--format", "markdown"], in: work)
        let lines = markdown.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasSuffix("| RAG | DOT | Status |"), lines[0])
        XCTAssertTrue(lines.contains { $0.hasPrefix("| Hampshire |") && $0.hasSuffix("| not-applicable |") }, markdown.stdout)
    }

    // MARK: check

    /// `check` on the bundled data: paths relative to the dataset, warnings grouped by kind, each
    /// group with its count and first three; `--verbose` lists every one.
    func testCheckGroupsWarningsByKindWithPathsRelativeToTheDataset() throws {
        let brief = try RagtopBinary.run(args: ["check"])
        XCTAssertEqual(brief.status, 0, brief.stderr)
        let verbose = try RagtopBinary.run(args: ["check", "--verbose"])
        XCTAssertEqual(verbose.status, 0, verbose.stderr)
        XCTAssertEqual(brief.stdout, verbose.stdout, "the same summary")
        let total = try XCTUnwrap(brief.stdout.range(of: #"; (\d+) warnings\n$"#, options: .regularExpression).flatMap { range in
            Int(brief.stdout[range].filter(\.isNumber))
        }, brief.stdout)
        XCTAssertGreaterThan(total, 10)
        for (output, isVerbose) in [(brief.stderr, false), (verbose.stderr, true)] {
            XCTAssertFalse(output.contains(".build"), "paths into the build folder:\n\(output.prefix(600))")
            XCTAssertFalse(output.contains("/kent-cype-2024-10/"), "a path above the dataset:\n\(output.prefix(600))")
            var groups: [(title: String, count: Int, shown: Int, more: Int?)] = []
            for line in output.split(separator: "\n").map(String.init) {
                if let m = line.range(of: #": (\d+) warnings?$"#, options: .regularExpression), !line.contains(": warning: ") {
                    groups.append((String(line[..<m.lowerBound]), Int(line[m].filter(\.isNumber)) ?? -1, 0, nil))
                } else if line.contains(": warning: ") {
                    XCTAssertTrue(line.hasPrefix("kent-cype-2024-10/") || line.hasPrefix("national/"), line)
                    XCTAssertNotNil(line.range(of: #"^[a-z0-9-]+/[a-z]+\.csv:\d+:\d+: warning: "#, options: .regularExpression), line)
                    XCTAssertFalse(groups.isEmpty, "a warning before any group heading: \(line)")
                    if !groups.isEmpty { groups[groups.count - 1].shown += 1 }
                } else if line.hasPrefix("… ") && line.hasSuffix(" more (ragtop check --verbose lists every one)") {
                    groups[groups.count - 1].more = Int(line.dropFirst(2).prefix { $0.isNumber })
                } else {
                    XCTFail("unexpected line: \(line)")
                }
            }
            XCTAssertEqual(groups.map(\.count).reduce(0, +), total, "every warning is in a group")
            XCTAssertEqual(Set(groups.map(\.title)).count, groups.count, "one group per kind")
            XCTAssertTrue(groups.contains { $0.title == "published RAG disagrees with the rule" }, "\(groups.map(\.title))")
            XCTAssertFalse(groups.contains { $0.title == "a count is rated against a larger area's target" },
                           "the bundled counts' targets are the county's")
            for g in groups {
                if isVerbose {
                    XCTAssertEqual(g.shown, g.count, g.title)
                    XCTAssertNil(g.more, g.title)
                } else {
                    XCTAssertEqual(g.shown, min(g.count, 3), g.title)
                    XCTAssertEqual(g.more ?? 0, g.count - g.shown, g.title)
                }
            }
        }
        let quiet = try RagtopBinary.run(args: ["check", "--quiet"])
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertEqual(quiet.stdout, brief.stdout)
    }

    /// A count rated against a larger area's target is one warning, at the target cell.
    func testCheckWarnsWhereACountIsRatedAgainstALargerAreasTarget() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-count-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let files = [
            "areas.csv": "code,name,parent,kind\nS1,Shire,,county\nD1,Northtown,S1,district\nD2,Southtown,S1,district\n",
            "indicators.csv": "code,name,polarity,period_type,unit,target\nEXC,Permanent exclusions,L,MS,count,25\n",
            "observations.csv": "area,indicator,period,value,rag\nS1,EXC,2024-10,22,GREEN\nD1,EXC,2024-10,1,\nD2,EXC,2024-10,4,\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let before = try RagtopBinary.run(args: ["check", "--data", dir.path])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertEqual(before.stderr, """
            a count is rated against a larger area's target: 1 warning
            \(dir.path)/indicators.csv:2:37: warning: EXC is a count (unit count), which grows with the size of the area, yet its target 25 rates both Shire and 2 areas within it by rule (e.g. Northtown: 1 in 2024-10 against 25); say which areas the target is for in target_areas (e.g. 'county'), or give those areas their own targets in targets.csv

            """)
        let report = try RagtopBinary.run(args: ["report", "--data", dir.path, "--format", "csv"])
        XCTAssertEqual(Self.csvTable(report.stdout).map { "\($0["area"] ?? "") \($0["rag"] ?? "") \($0["rated_by"] ?? "")" },
                       ["Shire GREEN published", "Northtown GREEN rule", "Southtown GREEN rule"])
        // Saying the target is the county's: no warning, and the districts are unrated.
        try Data("code,name,polarity,period_type,unit,target,target_areas\nEXC,Permanent exclusions,L,MS,count,25,county\n".utf8)
            .write(to: dir.appendingPathComponent("indicators.csv"))
        let after = try RagtopBinary.run(args: ["check", "--data", dir.path])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(after.stderr, "")
        XCTAssertEqual(after.stdout, "ok: 3 areas, 1 indicators, 3 observations (1 rated, 0 undecided), 0 benchmarks, 0 waits; 0 warnings\n")
        let scoped = try RagtopBinary.run(args: ["report", "--data", dir.path, "--format", "csv"])
        XCTAssertEqual(Self.csvTable(scoped.stdout).map { "\($0["area"] ?? "") \($0["rag"] ?? "") \($0["target"] ?? "")" },
                       ["Shire GREEN 25", "Northtown  ", "Southtown  "])
    }

    // MARK: Helpers

    /// A period label of the scorecard as ragtop writes it (docs/data-sources.md): `Oct-24`,
    /// `Q2 24-25`, `Summer 23-24`, and the annual tables' academic years `2023-24`.
    static func period(_ label: String) -> String? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = label.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        if parts.count == 2, let m = months.firstIndex(of: parts[0]), parts[1].count == 2 { return String(format: "20%@-%02d", parts[1], m + 1) }
        if parts.count == 3, parts[0].hasPrefix("Q") { return "FY20\(parts[1])-\(parts[2])-\(parts[0])" }
        if parts.count == 3, ["Autumn", "Spring", "Summer"].contains(parts[0]) { return "AY20\(parts[1])-\(parts[2])-\(parts[0])" }
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2 { return "AY\(parts[0])-\(parts[1])" }
        return nil
    }

    /// A tab-separated table with a header row (lines starting with `#` skipped).
    static func tsv(_ text: String) throws -> [[String: String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
            .filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.components(separatedBy: "\t") else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.components(separatedBy: "\t")
            return Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < cells.count ? cells[$0] : "") })
        }
    }

    /// ragtop's CSV output (RFC 4180: quoted cells, doubled quotes) as rows keyed by the header.
    static func csvTable(_ text: String) -> [[String: String]] {
        var records: [[String]] = [], record: [String] = [], cell = "", quoted = false, afterQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; afterQuote = true } else { cell.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                if afterQuote { cell.append("\"") }
                quoted = true
                afterQuote = false
            case ",": record.append(cell); cell = ""; afterQuote = false
            case "\n": record.append(cell); records.append(record); record = []; cell = ""; afterQuote = false
            default: cell.append(ch); afterQuote = false
            }
        }
        guard let header = records.first else { return [] }
        return records.dropFirst().map { r in Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < r.count ? r[$0] : "") }) }
    }
}
