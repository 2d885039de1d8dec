import Foundation
import XCTest

/// "How do we compare?" through the real binary: national ranks and quartiles, `report
/// --neighbours` and `report --sort`, checked against the DfE source files read independently.
final class ComparisonCLITests: XCTestCase {
    private func ragtop(_ args: [String], env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try RagtopBinary.run(args: args, env: env)
    }

    /// A CSV report as records keyed by field.
    private func csv(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: String]] {
        let r = try ragtop(args + ["--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        let table = DfESource.parse(r.stdout)
        guard let header = table.first else { return [] }
        XCTAssertTrue(table.dropFirst().allSatisfy { $0.count == header.count }, "every row has the header's fields", file: file, line: line)
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Standard competition ranks ("1224"), best first: `better(a, b)` says a is better.
    private func ranks(_ values: [String: Double], better: (Double, Double) -> Bool) -> [String: Int] {
        values.mapValues { v in 1 + values.values.filter { better($0, v) }.count }
    }

    private func rounded(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    // MARK: National rank and quartile

    /// Every local authority's rank and quartile in every year 2014-2024, against ranks computed
    /// here from the DfE's files: higher is better, ties share the better rank.
    func testNationalRanksMatchTheDfESourceFiles() throws {
        let source = try DfESource.ehcpWithin20Weeks()
        let rows = try csv(["report", "--indicator", "EHCP20-CY", "--all-periods"])
        try assertRanks(rows, source, better: >)
    }

    /// The same figures as a lower-is-better indicator (the national data with its polarity
    /// flipped): the order turns round, ties still share the better rank.
    func testNationalRanksOfALowerIsBetterIndicator() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-lower-\(UUID().uuidString)", isDirectory: true)
        defer { try? fm.removeItem(at: work) }
        try fm.copyItem(at: RagtopBinary.repoRoot.appendingPathComponent("Sources/ragtop/Resources/national"), to: work)
        let indicators = work.appendingPathComponent("indicators.csv")
        let text = try String(contentsOf: indicators, encoding: .utf8)
        let flipped = text.replacingOccurrences(of: "DfE Explore Education Statistics,H,A,", with: "DfE Explore Education Statistics,L,A,")
        XCTAssertNotEqual(flipped, text)
        try flipped.write(to: indicators, atomically: true, encoding: .utf8)
        let rows = try csv(["report", "--data", work.path, "--indicator", "EHCP20-CY", "--all-periods"])
        try assertRanks(rows, try DfESource.ehcpWithin20Weeks(), better: <)
    }

    private func assertRanks(_ rows: [[String: String]], _ source: [String: [String: Double]], better: (Double, Double) -> Bool,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        var checked = 0, ties = 0
        for (year, values) in source {
            let rounded = values.mapValues(rounded)
            let expected = ranks(rounded, better: better)
            ties += expected.count - Set(expected.values).count
            for (code, rank) in expected {
                guard let row = rows.first(where: { $0["area_code"] == code && $0["period"] == year }) else {
                    XCTFail("no report row for \(code) in \(year)", file: file, line: line)
                    continue
                }
                let n = values.count
                XCTAssertEqual(row["national_rank"], String(rank), "\(code) \(year)", file: file, line: line)
                XCTAssertEqual(row["national_of"], String(n), "\(code) \(year)", file: file, line: line)
                XCTAssertEqual(row["quartile"], String(Int((4.0 * Double(rank) / Double(n)).rounded(.up))), "\(code) \(year)", file: file, line: line)
                checked += 1
            }
        }
        XCTAssertEqual(source.keys.sorted(), (2014...2024).map(String.init), file: file, line: line)
        XCTAssertGreaterThan(checked, 1500, file: file, line: line)
        XCTAssertGreaterThan(ties, 50, "authorities sharing a rank were checked", file: file, line: line)
        // England and the regions are not ranked.
        for row in rows where ["E92000001", "E12000008"].contains(row["area_code"]) {
            XCTAssertEqual([row["national_rank"], row["national_of"], row["quartile"]], ["", "", ""], file: file, line: line)
        }
        // Kent in 2024: 32.3%, 111th of 153, third quarter (as the EHCP pane says).
        let kent = rows.first { $0["area_code"] == "E10000016" && $0["period"] == "2024" }
        XCTAssertEqual([kent?["value"], kent?["national_of"]], ["32.3", "153"], file: file, line: line)
    }

    // MARK: --neighbours

    /// Kent and its 10 DfE statistical neighbours, with their 2024 figures, ranks, and the
    /// neighbours' mean and median, all from the DfE files.
    func testKentAndItsTenNeighboursMatchTheDfESourceFiles() throws {
        let neighbours = try DfESource.neighbours(of: "886")
        XCTAssertEqual(neighbours.count, 10)
        // The DfE codes as GSS codes and names: the latest year's in the EES file.
        var gss: [String: (code: String, name: String, year: String)] = [:]
        for r in try DfESource.records("dfe-sen2/timeliness_20_week_2019-2024.csv") where r["geographic_level"] == "Local authority" {
            guard let old = r["old_la_code"], let code = r["new_la_code"], let name = r["la_name"], let year = r["time_period"] else { continue }
            if gss[old].map({ $0.year <= year }) ?? true { gss[old] = (code, name, year) }
        }
        let values = try XCTUnwrap(try DfESource.ehcpWithin20Weeks()["2024"])

        let rows = try csv(["report", "--area", "Kent", "--neighbours", "--indicator", "EHCP20-CY"])
        XCTAssertEqual(rows.count, 11, "Kent and its 10 neighbours")
        XCTAssertEqual(rows.first?["area"], "Kent")
        XCTAssertEqual(rows.first?["neighbour"], "")
        XCTAssertEqual(rows.map { $0["area_code"] ?? "" }, ["E10000016"] + neighbours.map { gss[$0.code]?.code ?? "?" })
        XCTAssertEqual(rows.dropFirst().map { $0["area"] ?? "" }, neighbours.map { gss[$0.code]?.name ?? "?" })
        XCTAssertEqual(rows.dropFirst().map { $0["closeness"] ?? "" }, neighbours.map(\.band))
        XCTAssertEqual(rows.dropFirst().map { $0["neighbour"] ?? "" }, (1...10).map(String.init))
        XCTAssertEqual(Array(rows.dropFirst().prefix(4).map { $0["area"] ?? "" }), ["Essex", "East Sussex", "Devon", "Bexley"])
        let group = rows.map { $0["area_code"] ?? "" }
        for row in rows {
            let code = row["area_code"] ?? ""
            XCTAssertEqual(row["period"], "2024")
            XCTAssertEqual(row["value"].flatMap(Double.init), values[code], code)
        }
        let mine = Dictionary(uniqueKeysWithValues: group.compactMap { c in values[c].map { (c, rounded($0)) } })
        let expected = ranks(mine, better: >)
        XCTAssertEqual(rows.map { $0["neighbour_rank"] ?? "" }, group.map { expected[$0].map(String.init) ?? "" })
        XCTAssertEqual(Set(rows.map { $0["neighbour_of"] ?? "" }), ["11"])
        // The neighbours' mean and median (Kent left out), in decimal arithmetic, half up.
        let theirs = group.dropFirst().compactMap { values[$0] }.map { Decimal(string: String(format: "%.1f", $0))! }.sorted()
        XCTAssertEqual(theirs.count, 10)
        func oneDecimal(_ d: Decimal) -> String {
            var x = d, out = Decimal()
            NSDecimalRound(&out, &x, 1, .plain)
            return String(format: "%.1f", NSDecimalNumber(decimal: out).doubleValue)
        }
        let mean = oneDecimal(theirs.reduce(0, +) / 10), median = oneDecimal((theirs[4] + theirs[5]) / 2)
        XCTAssertEqual(Set(rows.map { $0["neighbours_mean"] ?? "" }), [mean])
        XCTAssertEqual(Set(rows.map { $0["neighbours_median"] ?? "" }), [median])

        // Text: one table and a line with the mean, the median and where Kent stands.
        let text = try ragtop(["report", "--area", "Kent", "--neighbours", "--indicator", "EHCP20-CY"], env: ["LC_ALL": "C.UTF-8"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + 1 + 11 + 1, text.stdout)
        XCTAssertEqual(lines.first, "EHCP20-CY · EHCPs issued within 20 weeks (calendar year, DfE SEN2) · 2024 · higher is better")
        XCTAssertEqual(lines.last, "Neighbours' mean \(mean)%, median \(median)% (10 of 10 with a figure) · Kent ranks \(expected["E10000016"] ?? 0) of 11")
        XCTAssertTrue(lines[2].hasPrefix("    Kent "), lines[2])
        XCTAssertTrue(lines[3].hasPrefix(" 1  Essex "), lines[3])

        // Markdown: the same table.
        let md = try ragtop(["report", "--area", "Kent", "--neighbours", "--indicator", "EHCP20-CY", "--format", "markdown"])
        XCTAssertEqual(md.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }.count, 1 + 11, md.stdout)
        XCTAssertTrue(md.stdout.contains("Kent ranks \(expected["E10000016"] ?? 0) of 11"), md.stdout)
        // JSON: the same fields on every row.
        let json = try ragtop(["report", "--area", "E10000016", "--neighbours", "--indicator", "EHCP20-CY", "--format", "json"])
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, 11)
        XCTAssertTrue(objects[0]["neighbour"] is NSNull)
        XCTAssertEqual(objects[1]["neighbour"] as? Int, 1)
        XCTAssertEqual(objects[1]["closeness"] as? String, "Very close")
        XCTAssertEqual(objects.map { $0["neighbours_median"] as? Double }, Array(repeating: Double(median), count: 11))
    }

    /// Every period with --all-periods: one group per year, each ranked on its own.
    func testNeighboursInEveryYear() throws {
        let rows = try csv(["report", "--area", "Kent", "--neighbours", "--indicator", "EHCP20-CY", "--all-periods"])
        XCTAssertEqual(rows.count, 11 * 11)
        XCTAssertEqual(Set(rows.map { $0["period"] ?? "" }).count, 11)
        // In 2014 only seven of the eleven had a figure; the others are listed without one.
        let y2014 = rows.filter { $0["period"] == "2014" }
        XCTAssertEqual(y2014.filter { $0["value"] != "" }.count, y2014.first.flatMap { Int($0["neighbour_of"] ?? "") })
        XCTAssertTrue(y2014.filter { $0["value"] == "" }.allSatisfy { $0["neighbour_rank"] == "" })
    }

    func testNeighboursNeedAnAreaThatHasSome() throws {
        let noArea = try ragtop(["report", "--neighbours"])
        XCTAssertEqual(noArea.status, 64, noArea.stderr)
        XCTAssertTrue(noArea.stderr.contains("--neighbours needs --area"), noArea.stderr)
        let dover = try ragtop(["report", "--neighbours", "--area", "Dover"])
        XCTAssertEqual(dover.status, 64, dover.stderr)
        XCTAssertTrue(dover.stderr.contains("no statistical neighbours for Dover (E07000108)"), dover.stderr)
        XCTAssertEqual(dover.stdout, "")
        let noFile = try ragtop(["report", "--neighbours", "--area", "Cardiff", "--data", RagtopBinary.fixtures.appendingPathComponent("other-council").path])
        XCTAssertEqual(noFile.status, 64, noFile.stderr)
        XCTAssertTrue(noFile.stderr.contains("the data has no neighbours.csv"), noFile.stderr)
        // Kent's scorecard KPIs have no figures for the neighbours: left out, and said so.
        let all = try ragtop(["report", "--neighbours", "--area", "Kent", "--format", "csv"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stderr.contains("ragtop: left out 67 indicators of Kent that none of its neighbours has"), all.stderr)
        XCTAssertEqual(DfESource.parse(all.stdout).count, 1 + 11)
    }

    /// Another council's dataset with a neighbours.csv of its own (no closeness bands).
    func testAForeignNeighboursFile() throws {
        let dir = RagtopBinary.fixtures.appendingPathComponent("welsh-neighbours").path
        let check = try ragtop(["check", "--data", dir])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stdout, "ok: 11 areas, 2 indicators, 22 observations (21 rated, 0 undecided), 0 benchmarks, 0 waits; 0 warnings\n")
        let text = try ragtop(["report", "--data", dir, "--area", "cardiff", "--neighbours", "--indicator", "CF4"], env: ["LC_ALL": "C.UTF-8"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout, """
            CF4 · Health assessments within 20 working days, looked-after children · Oct-24 · higher is better
            #  Area               Value  RAG      Rank  National   Q    Gap
               Cardiff            71.0%  ✖ RED     5/5       8/9  Q4  -19.0
            1  Swansea            84.5%  ✖ RED     3/5       4/9  Q2   -5.5
            2  Newport            90.2%  ● GREEN   1/5       2/9  Q1   +0.2
            3  Vale of Glamorgan  88.0%  ✖ RED     2/5       3/9  Q2   -2.0
            4  Rhondda Cynon Taf  79.3%  ✖ RED     4/5       6/9  Q3  -10.7
            5  Merthyr Tydfil            ·
            Neighbours' mean 85.5%, median 86.3% (4 of 5 with a figure) · Cardiff ranks 5 of 5

            """)
        let ascii = try ragtop(["report", "--data", dir, "--area", "cardiff", "--neighbours", "--indicator", "CF4", "--ascii"])
        XCTAssertTrue(ascii.stdout.unicodeScalars.allSatisfy(\.isASCII), ascii.stdout)
        XCTAssertTrue(ascii.stdout.hasPrefix("CF4 - Health assessments within 20 working days, looked-after children - Oct-24 - higher is better\n"), ascii.stdout)
        XCTAssertTrue(ascii.stdout.contains("X RED"), ascii.stdout)
        let rows = try csv(["report", "--data", dir, "--area", "W06000011", "--neighbours", "--indicator", "CF4", "--sort", "area"])
        XCTAssertEqual(rows.map { $0["area"] ?? "" }, ["Bridgend", "Cardiff", "Neath Port Talbot", "Swansea"])
        XCTAssertEqual(rows.map { $0["neighbour_rank"] ?? "" }, ["4", "3", "1", "1"], "Swansea and Neath Port Talbot tie")
        XCTAssertEqual(rows.map { $0["closeness"] ?? "" }, ["", "", "", ""])
        // The bundled neighbours are not loaded with --data: Kent is not in this dataset.
        let kent = try ragtop(["report", "--data", dir, "--area", "Kent", "--neighbours"])
        XCTAssertEqual(kent.status, 64, kent.stderr)
    }

    // MARK: --sort

    func testSortByEveryKindOfColumn() throws {
        let base = ["report", "--area", "Kent"]
        let byGap = try csv(base + ["--sort", "gap"])
        let gaps = byGap.map { $0["gap"] ?? "" }
        let filled = gaps.prefix { !$0.isEmpty }.map { Double($0)! }
        XCTAssertGreaterThan(filled.count, 20)
        XCTAssertEqual(filled, filled.sorted(), "furthest short of target first")
        XCTAssertTrue(gaps.dropFirst(filled.count).allSatisfy(\.isEmpty), "figures without a target last")
        XCTAssertEqual(byGap.first?["indicator"], "CYPE22")

        let byGapDesc = try csv(base + ["--sort", "gap:desc"]).map { $0["gap"] ?? "" }
        let filledDesc = byGapDesc.prefix { !$0.isEmpty }.map { Double($0)! }
        XCTAssertEqual(filledDesc, filled.reversed(), "the other way, empty cells still last")

        let byRAG = try csv(base + ["--sort", "rag"]).map { $0["rag"] ?? "" }
        let severity = ["RED": 0, "AMBER": 1, "GREEN": 2, "": 3]
        XCTAssertEqual(byRAG.map { severity[$0]! }, byRAG.map { severity[$0]! }.sorted(), "RED, AMBER, GREEN, unrated")
        XCTAssertEqual(Set(byRAG), ["RED", "AMBER", "GREEN", ""])
        let byRAGDesc = try csv(base + ["--sort", "RAG:DESC"]).map { $0["rag"] ?? "" }
        XCTAssertEqual(byRAGDesc.map { severity[$0]! }, byRAG.filter { !$0.isEmpty }.map { severity[$0]! }.reversed() + byRAG.filter(\.isEmpty).map { _ in 3 })

        let byName = try csv(base + ["--sort", "name"]).map { $0["name"] ?? "" }
        XCTAssertEqual(byName, byName.sorted { $0.lowercased() < $1.lowercased() })
        let byValue = try csv(["report", "--indicator", "EHCP20-CY", "--sort", "value:desc"])
        let values = byValue.compactMap { Double($0["value"] ?? "") }
        XCTAssertEqual(values, values.sorted(by: >))
        XCTAssertEqual(byValue.prefix(4).map { $0["area"] ?? "" }, ["Barnet", "Wandsworth", "Windsor and Maidenhead", "Isles of Scilly"],
                       "the four at 100.0% in 2024, in areas.csv order")
        let byRank = try csv(["report", "--indicator", "EHCP20-CY", "--sort", "national_rank"]).map { $0["national_rank"] ?? "" }
        let ranked = byRank.prefix { !$0.isEmpty }.map { Int($0)! }
        XCTAssertEqual(ranked.count, 159, "the 153 authorities of 2024 and six retired codes, ranked in their last year")
        XCTAssertEqual(ranked, ranked.sorted())
        let byPeriod = try csv(["report", "--area", "Kent", "--all-periods", "--indicator", "SCS19", "--sort", "period:desc"]).map { $0["period"] ?? "" }
        XCTAssertEqual(byPeriod.prefix(3), ["2024-10", "2024-09", "2024-08"])

        // Within each neighbour group.
        let nb = try csv(["report", "--area", "Kent", "--neighbours", "--indicator", "EHCP20-CY", "--sort", "neighbour_rank"])
        let nbRanks = nb.compactMap { Int($0["neighbour_rank"] ?? "") }
        XCTAssertEqual(nbRanks.count, 11)
        XCTAssertEqual(nbRanks, nbRanks.sorted())
        XCTAssertEqual(nb.first?["area"], "East Sussex")
    }

    func testSortRejectsUnknownColumnsNamingTheColumns() throws {
        for bad in ["colour", "value:sideways", ""] {
            let r = try ragtop(["report", "--sort", bad])
            XCTAssertEqual(r.status, 64, "\(bad): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--sort"), r.stderr)
            for column in ["area_code", "value", "rag", "gap", "national_rank", "quartile", "neighbours_median"] {
                XCTAssertTrue(r.stderr.contains("- \(column)\n"), "\(bad): \(column) named: \(r.stderr)")
            }
            XCTAssertEqual(r.stdout, "")
        }
    }

    // MARK: import dfe-neighbours

    /// The bundled neighbours.csv is what the command in docs/importing.md writes, byte for
    /// byte; a later `import ees --merge` keeps it.
    func testBundledNeighboursAreWhatTheDocumentedImportWrites() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-e2e-neighbours-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let bundled = RagtopBinary.repoRoot.appendingPathComponent("Sources/ragtop/Resources/national")
        let national = work.appendingPathComponent("national")
        try fm.copyItem(at: bundled, to: national)
        try fm.removeItem(at: national.appendingPathComponent("neighbours.csv"))
        let sn = DfESource.external.appendingPathComponent("dfe-statistical-neighbours/sn_model_2025_wide.csv").path
        let ees = DfESource.external.appendingPathComponent("dfe-sen2/timeliness_20_week_2019-2024.csv").path
        XCTAssertTrue(fm.fileExists(atPath: sn) && fm.fileExists(atPath: ees), "the DfE files under \(DfESource.external.path)")

        let noMerge = try ragtop(["import", "dfe-neighbours", sn, "--codes", ees, "--out", national.path])
        XCTAssertEqual(noMerge.status, 64, noMerge.stderr)
        XCTAssertTrue(noMerge.stderr.contains("give --merge --out DIR"), noMerge.stderr)

        let r = try ragtop(["import", "dfe-neighbours", sn, "--codes", ees, "--merge", "--out", national.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.hasPrefix("read 153 authorities' neighbours (up to 10 each); kept 1530 pairs for 153 areas\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("825 Buckinghamshire: E10000002 (latest 2024); also E06000060 in 2020, 2021, 2022\n"), r.stdout)
        let written = try Data(contentsOf: national.appendingPathComponent("neighbours.csv"))
        XCTAssertEqual(written, try Data(contentsOf: bundled.appendingPathComponent("neighbours.csv")))
        for name in ["areas.csv", "indicators.csv", "observations.csv", "providers.csv", "waits.csv"] {
            XCTAssertEqual(try Data(contentsOf: national.appendingPathComponent(name)), try Data(contentsOf: bundled.appendingPathComponent(name)), name)
        }

        let again = try ragtop(["import", "ees", ees, "--measure", "pc_plans_issued_within_20_weeks", "--numerator", "plans_issued_within_20_weeks",
                                "--denominator", "plans_issued_den", "--indicator", "EHCP20-CY", "--name", "EHCPs issued within 20 weeks (calendar year, DfE SEN2)",
                                "--polarity", "H", "--unit", "percent", "--decimals", "1", "--out", national.path, "--merge"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: national.appendingPathComponent("neighbours.csv")), written, "--merge keeps neighbours.csv")
    }
}
