import Foundation
import XCTest

/// "How do we compare?" on screen, through the real binary: `--compare` on the dashboard and
/// `snapshot`, the areas added and cleared by key in a real terminal, Kent's ten neighbours on
/// the EHCP pane and in KPI detail agreeing with `report --neighbours`, clicks on the new rows,
/// and ASCII.
final class CompareDashboardTests: XCTestCase {
    private func ragtop(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try RagtopBinary.run(args: args, env: ["LC_ALL": "C.UTF-8"])
    }

    private func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: --compare

    /// Bad `--compare` values are usage errors (exit 64) naming what is wrong, for the dashboard
    /// (before it needs a terminal) and for `snapshot`.
    func testCompareRefusesUnknownAreasTheAreaShownAndMoreThanFour() throws {
        for command in [[], ["snapshot"], ["dashboard"]] {
            for (value, message) in [("Dover,Atlantis", "--compare: no area 'Atlantis' in the data"),
                                     ("Dover,Thanet,Ashford,Swale,Sevenoaks", "--compare takes at most 4 areas, not 5"),
                                     ("Dover,Kent", "--compare: Kent is the area shown"),
                                     (",", "The value ',' is invalid for '--compare")] {
                let r = try ragtop(command + ["--compare", value])
                XCTAssertEqual(r.status, 64, "\(command) --compare \(value): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains(message), "\(command) --compare \(value): \(r.stderr)")
                XCTAssertEqual(r.stdout, "", "nothing drawn")
            }
        }
        // Another area shown: Kent may be compared with it.
        let dover = try ragtop(["snapshot", "--area", "Dover", "--compare", "Kent"])
        XCTAssertEqual(dover.status, 0, dover.stderr)
        XCTAssertTrue(dover.stdout.contains("●· Dover 58.3%  ○∼ Kent 76.9%"), dover.stdout)
    }

    /// `snapshot --compare` opens KPI detail with each area on the chart in its own style and
    /// its latest value in the legend; with --ascii, in ASCII only; --pane still wins.
    func testSnapshotCompareDrawsEachAreaInItsOwnStyle() throws {
        let r = try ragtop(["snapshot", "--size", "120x40", "--compare", "Dover,Thanet,England", "--indicator", "EHCP20-CY", "--area", "Essex"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("EHCP20-CY · EHCPs issued within 20 weeks (calendar year, DfE SEN2) — Essex"), r.stdout)
        XCTAssertTrue(r.stdout.contains("●· Essex 16.2%  ○∼ Dover: no figures  ■˙ Thanet: no figures\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("       ◇‥ England 45.9%\n"), "the legend's second row:\n\(r.stdout)")
        let ascii = try ragtop(["snapshot", "--size", "80x24", "--compare", "Dover,Thanet", "--ascii"])
        XCTAssertEqual(ascii.status, 0, ascii.stderr)
        XCTAssertTrue(ascii.stdout.unicodeScalars.allSatisfy(\.isASCII), ascii.stdout)
        XCTAssertTrue(ascii.stdout.contains("*. Kent 76.9%  o~ Dover 58.3%  #' Thanet 75.0%"), ascii.stdout)
        let scorecard = try ragtop(["snapshot", "--compare", "Dover", "--pane", "scorecard"])
        XCTAssertTrue(lines(scorecard.stdout).dropFirst(2).first?.contains("RAG Code") == true, scorecard.stdout)
    }

    /// In a real terminal: `+` puts the league row's area on the chart, `+` on another a second,
    /// `-` clears them; `--compare` starts with them there.
    func testAreasAddedAndClearedByKeyInATerminal() throws {
        let bin = try RagtopBinary.require().path
        let t = try TmuxSession(command: "\(bin) --pane detail", width: 100, height: 30)
        defer { t.close() }
        t.waitFor("League: Kent districts")
        t.send("+")
        t.waitFor("○∼ Sevenoaks 87.5%")
        t.send("j", "+")
        let two = t.waitFor("■˙ Swale 85.7%")
        XCTAssertTrue(two.contains("●· Kent 76.9%"), two)
        t.send("-")
        let cleared = t.waitFor(timeout: 10, "the compared areas to go") { !$0.contains("Sevenoaks 87.5%") && $0.contains("● value") }
        XCTAssertFalse(cleared.contains("Swale 85.7%"), cleared)
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)

        let started = try TmuxSession(command: "\(bin) --compare Dover,Thanet", width: 100, height: 30)
        defer { started.close() }
        started.waitFor("○∼ Dover 58.3%  ■˙ Thanet 75.0%")
        started.send("-")
        started.waitFor("no areas compared")
        started.send("q")
        let report = started.exitReport()
        XCTAssertEqual(report.status, 0)
        XCTAssertTrue(report.sane, report.screen)
    }

    // MARK: Kent's neighbours on screen

    /// `report --neighbours`, read as CSV: each row by area name.
    private func neighbourReport() throws -> [[String: String]] {
        let r = try ragtop(["report", "--area", "Kent", "--neighbours", "--indicator", "EHCP20-CY", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let table = DfESource.parse(r.stdout)
        let header = try XCTUnwrap(table.first)
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Kent's ten neighbours on the EHCP pane (160×50) and in KPI detail's neighbour league:
    /// each one's figure, its rank among the eleven and its national rank and quartile are the
    /// report's, and so are the neighbours' median and Kent's place.
    func testKentsTenNeighboursOnScreenAgreeWithTheReport() throws {
        let report = try neighbourReport()
        XCTAssertEqual(report.count, 11)
        let ehcp = try ragtop(["snapshot", "--size", "160x50", "--pane", "ehcp"])
        XCTAssertEqual(ehcp.status, 0, ehcp.stderr)
        let screen = lines(ehcp.stdout)
        let title = try XCTUnwrap(screen.firstIndex { $0.contains("Kent among its statistical neighbours, 2024") }, ehcp.stdout)
        let kent = try XCTUnwrap(report.first { $0["area"] == "Kent" })
        XCTAssertTrue(screen[title + 1].hasSuffix("Kent \(kent["neighbour_rank"] ?? "") of 11 · below the median \(kent["neighbours_median"] ?? "")% ┊ · mean \(kent["neighbours_mean"] ?? "")%"),
                      screen[title + 1])
        let table = screen[(title + 3)...(title + 13)]
        for row in report {
            let name = try XCTUnwrap(row["area"])
            let line = try XCTUnwrap(table.first { $0.contains(" \(name) ") }, "\(name) is not on screen:\n\(ehcp.stdout)")
            XCTAssertTrue(line.contains(" \(row["neighbour_rank"] ?? "") \(name) "), line)
            XCTAssertTrue(line.contains(" \(row["value"] ?? "")% "), line)
            XCTAssertTrue(line.hasSuffix(" \(row["national_rank"] ?? "")/\(row["national_of"] ?? "") Q\(row["quartile"] ?? "")"), line)
        }
        // Best first, as the report ranks them.
        let order = report.sorted { Int($0["neighbour_rank"] ?? "") ?? 99 < Int($1["neighbour_rank"] ?? "") ?? 99 }.map { $0["area"] ?? "" }
        XCTAssertEqual(table.compactMap { line in order.first { line.contains(" \($0) ") } }, order)

        // KPI detail: the league of Kent and its neighbours, the same figures.
        let detail = try ragtop(["snapshot", "--size", "100x40", "--pane", "detail", "--indicator", "EHCP20-CY", "--keys", "s s"])
        XCTAssertEqual(detail.status, 0, detail.stderr)
        XCTAssertTrue(detail.stdout.contains("League: Kent + 10 neighbours · median \(kent["neighbours_median"] ?? "")% · Kent \(kent["neighbour_rank"] ?? "") of 11"), detail.stdout)
        for row in report {
            let name = try XCTUnwrap(row["area"])
            let line = try XCTUnwrap(lines(detail.stdout).first { $0.contains(" \(name) ") && $0.contains("/153") }, "\(name):\n\(detail.stdout)")
            XCTAssertTrue(line.contains(" \(row["value"] ?? "")% ") && line.contains(" \(row["national_rank"] ?? "")/153 Q\(row["quartile"] ?? "")"), line)
            XCTAssertEqual(line.contains("≈ \(name)"), name != "Kent", "neighbours are marked: \(line)")
        }
    }

    /// `snapshot` clicks on the new rows: a neighbour on the EHCP pane opens its calendar-year
    /// detail; the picker's "with its neighbours" row, clicked twice, opens the neighbours' league.
    func testClicksOnNeighbourRowsAndThePickersChoice() throws {
        let ehcp = try ragtop(["snapshot", "--size", "160x50", "--pane", "ehcp"])
        let screen = lines(ehcp.stdout)
        let y = try XCTUnwrap(screen.firstIndex { $0.contains(" Essex ") && $0.contains("/153") }, ehcp.stdout)
        let x = screen[y].distance(of: " Essex ") + 2
        let opened = try ragtop(["snapshot", "--size", "160x50", "--pane", "ehcp", "--keys", "click:\(x),\(y)"])
        XCTAssertEqual(opened.status, 0, opened.stderr)
        XCTAssertTrue(opened.stdout.contains("EHCP20-CY · EHCPs issued within 20 weeks (calendar year, DfE SEN2) — Essex"), opened.stdout)
        XCTAssertTrue(opened.stdout.contains("latest 2024 16.2%") && opened.stdout.contains("national rank 134/153, Q4"), opened.stdout)

        let picker = try ragtop(["snapshot", "--size", "100x30", "--keys", "A e s s e x"])
        let rows = lines(picker.stdout)
        let py = try XCTUnwrap(rows.firstIndex { $0.contains("Essex with its 10 neighbours") }, picker.stdout)
        let px = rows[py].distance(of: "Essex with")
        let chosen = try ragtop(["snapshot", "--size", "100x30", "--keys", "A e s s e x click:\(px),\(py) click:\(px),\(py)"])
        XCTAssertEqual(chosen.status, 0, chosen.stderr)
        XCTAssertTrue(chosen.stdout.contains("League: Essex + 10 neighbours"), chosen.stdout)
        XCTAssertTrue(lines(chosen.stdout)[1].contains("Essex › EHCP20-CY"), chosen.stdout)
    }

    /// Every new screen in ASCII mode is pure ASCII, from the binary.
    func testNewScreensInASCIIArePureASCII() throws {
        for args in [["--compare", "Dover,Thanet,Ashford,Swale", "--size", "160x50"],
                     ["--pane", "detail", "--indicator", "EHCP20-CY", "--keys", "s s + j +", "--size", "120x40"],
                     ["--pane", "ehcp", "--size", "160x50"], ["--pane", "ehcp", "--keys", "v v v", "--size", "80x24"],
                     ["--keys", "A e s s e x Down", "--size", "100x30"]] {
            let r = try ragtop(["snapshot", "--ascii"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            let bad = r.stdout.unicodeScalars.filter { !$0.isASCII }
            XCTAssertTrue(bad.isEmpty, "\(args): \(String(String.UnicodeScalarView(bad.prefix(10))))")
        }
    }
}

private extension String {
    /// The column (in characters) where `s` first appears, or -1.
    func distance(of s: String) -> Int {
        guard let r = range(of: s) else { return -1 }
        return distance(from: startIndex, to: r.lowerBound)
    }
}
