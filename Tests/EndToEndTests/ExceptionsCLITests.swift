import Foundation
import XCTest

/// `ragtop report --exceptions` run as a subprocess on the bundled data.
final class ExceptionsCLITests: XCTestCase {
    static let fields = ["group", "area_code", "area", "team", "indicator", "name", "period", "value", "target", "floor", "rag",
                         "rated_by", "change_group", "old_period", "old_value", "old_rag", "old_rated_by", "change", "change_measure",
                         "dot", "trend", "trend_slope", "england", "comparator", "comparator_value", "periods_red", "commentary",
                         "action", "owner", "due"]

    private func ragtop(_ args: String...) throws -> (status: Int32, stdout: String, stderr: String) {
        try RagtopBinary.run(args: args)
    }

    /// The pack's CSV records as dictionaries by field.
    private func packRows(_ args: String...) throws -> [[String: String]] {
        let r = try RagtopBinary.run(args: ["report", "--exceptions", "--format", "csv"] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let records = CSVRows.parse(r.stdout)
        XCTAssertEqual(records.first, Self.fields)
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(Self.fields, $0)) }
    }

    func testThePacksRatingsAgreeWithReport() throws {
        let pack = try packRows()
        XCTAssertFalse(pack.isEmpty)
        let report = try ragtop("report", "--area", "Kent", "--format", "csv")
        XCTAssertEqual(report.status, 0, report.stderr)
        // area_code,area,indicator,name,period,value,numerator,denominator,target,rag,dot,team
        let reported = Dictionary(CSVRows.parse(report.stdout).dropFirst().map { ("\($0[0])|\($0[2])|\($0[11])", $0) }, uniquingKeysWith: { a, _ in a })
        for row in pack {
            let key = "\(row["area_code"]!)|\(row["indicator"]!)|\(row["team"]!)"
            let same = try XCTUnwrap(reported[key], "\(key) is not in report")
            XCTAssertEqual([row["period"], row["value"], row["target"], row["rag"], row["dot"]], [same[4], same[5], same[8], same[9], same[10]], key)
            XCTAssertTrue(row["rag"] == "RED" || row["change_group"] == "worsened", "\(key): neither RED nor worsened")
        }
        let red = reported.filter { $0.value[9] == "RED" }.keys
        XCTAssertEqual(Set(pack.filter { $0["rag"] == "RED" }.map { "\($0["area_code"]!)|\($0["indicator"]!)|\($0["team"]!)" }), Set(red),
                       "every RED figure of Kent is in the pack")
    }

    func testTheBundledCommentaryIsInThePack() throws {
        let pack = try packRows()
        let scs19 = try XCTUnwrap(pack.first { $0["indicator"] == "SCS19" })
        XCTAssertTrue(scs19["commentary"]!.hasPrefix("RED: At 73.1% the percentage of children in care placed in KCC foster care"), scs19["commentary"]!)
        XCTAssertTrue(scs19["action"]!.hasPrefix("Actions being taken to increase the number of fostering households"), scs19["action"]!)
        XCTAssertEqual(scs19["periods_red"], "7")
        XCTAssertEqual(scs19["rated_by"], "published")
        XCTAssertEqual(scs19["floor"], "75.0")
        let md = try ragtop("report", "--exceptions", "--format", "markdown")
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.contains("\n- **SCS19** action (Oct-24): Actions being taken to increase the number of fostering households"), md.stdout)
        XCTAssertTrue(md.stdout.contains("\n- **CYPE22** commentary (Oct-24): RED: The percentage of CYP registered to EHE"), md.stdout)
    }

    func testActionsWithOwnerAndDueDate() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-pack-\(UUID().uuidString)", isDirectory: true)
        let kent = work.appendingPathComponent("kent")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        try fm.copyItem(at: AugustEdition.bundled, to: kent)
        try """
        area_code,indicator,period,kind,text,owner,due
        E10000016,SCS34,2024-10,commentary,Below the floor for a third month.,,
        E10000016,SCS34,2024-10,action,"Two specialist staff to help care leavers into work, with the Home Office's priority decisions",Head of 18+ Care Leavers,2025-01-31

        """.write(to: kent.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
        let md = try ragtop("report", "--exceptions", "--data", kent.path, "--format", "markdown")
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.hasPrefix("# Kent exceptions: Oct-24 compared with Sep-24\n\nDataset: kent. "), String(md.stdout.prefix(200)))
        XCTAssertTrue(md.stdout.contains("""
            - **SCS34** commentary (Oct-24): Below the floor for a third month.
            - **SCS34** action (Oct-24; owner: Head of 18+ Care Leavers; due 2025-01-31): Two specialist staff to help care leavers into work, with the Home Office's priority decisions

            """), md.stdout)
        XCTAssertTrue(md.stdout.contains("\n- **SCS19**: no commentary or action recorded.\n"))
        let csv = try packRows("--data", kent.path)
        let scs34 = try XCTUnwrap(csv.first { $0["indicator"] == "SCS34" })
        XCTAssertEqual([scs34["owner"], scs34["due"]], ["Head of 18+ Care Leavers", "2025-01-31"])
    }

    func testMarkdownHasATitleAndATablePerGroup() throws {
        let r = try ragtop("report", "--exceptions", "--format", "markdown")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "# Kent exceptions: Oct-24 compared with Sep-24")
        XCTAssertTrue(lines[2].hasPrefix("Dataset: kent-cype-2024-10 + national. "), lines[2])
        let groups = Set(try packRows().map { $0["group"]! })
        let headings = lines.indices.filter { lines[$0].hasPrefix("## ") }
        XCTAssertEqual(Set(headings.map { String(lines[$0].dropFirst(3)) }), groups)
        for h in headings {
            XCTAssertEqual(lines[h + 1], "", lines[h])
            XCTAssertTrue(lines[h + 2].hasPrefix("| Code | Indicator | Period | Value | Target | Floor | RAG |"), lines[h])
            XCTAssertTrue(lines[h + 3].hasPrefix("|---|"), lines[h])
        }
        let pipes = lines.filter { $0.hasPrefix("| ") }.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        XCTAssertEqual(Set(pipes), [15], "every table row has the header's cells")
    }

    func testSinceAugustAndOtherAreas() throws {
        let since = try packRows("--since", "2024-08")
        let caseload = try XCTUnwrap(since.first { $0["indicator"] == "EH-CASELOAD" })
        XCTAssertEqual([caseload["change_group"], caseload["old_period"], caseload["old_rag"], caseload["rag"]],
                       ["worsened", "2024-08", "GREEN", "AMBER"])
        let text = try ragtop("report", "--exceptions", "--since", "2024-08", "--area", "dover")
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("Dover exceptions: Oct-24 compared with Aug-24\n"), String(text.stdout.prefix(200)))
        let json = try ragtop("report", "--exceptions", "--format", "json", "--area", "E07000108")
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(objects.isEmpty)
        XCTAssertTrue(objects.allSatisfy { $0["area_code"] as? String == "E07000108" })
    }

    func testTheColumnsAreDocumented() throws {
        let doc = try String(contentsOf: RagtopBinary.repoRoot.appendingPathComponent("docs/data-format.md"), encoding: .utf8)
        XCTAssertTrue(doc.contains("`" + Self.fields.joined(separator: ",") + "`"), "docs/data-format.md lists the pack's CSV columns")
    }

    func testBadUsageExits64() throws {
        for (args, mention) in [(["--exceptions", "--since", "2024-13"], "--since"), (["--exceptions", "--since", "Aug-24"], "--since"),
                                (["--since", "2024-08"], "--exceptions"), (["--exceptions", "--rag", "red"], "--rag"),
                                (["--exceptions", "--area", "Atlantis"], "Atlantis"), (["--exceptions", "--format", "xml"], "--format")] {
            let r = try RagtopBinary.run(args: ["report"] + args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(mention), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args)")
        }
    }
}
