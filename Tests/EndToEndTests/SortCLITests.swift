import Foundation
import XCTest

/// `--sort` on the dashboard and `snapshot`, config.toml's `sort`, and the sort keys rebound in
/// `[keys]`, with the real binary.
final class SortCLITests: XCTestCase {
    var root: URL!
    /// `XDG_CONFIG_HOME`: config.toml is `ragtop/config.toml` under it.
    var configHome: URL!
    var exports: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        root = fm.temporaryDirectory.appendingPathComponent("ragtop-sort-e2e-\(UUID().uuidString)")
        configHome = root.appendingPathComponent("config")
        exports = root.appendingPathComponent("exports")
        for dir in [configHome.appendingPathComponent("ragtop"), exports] { try fm.createDirectory(at: dir!, withIntermediateDirectories: true) }
    }

    override func tearDownWithError() throws {
        if let root { try? fm.removeItem(at: root) }
    }

    func writeConfig(_ text: String) throws {
        try Data(text.utf8).write(to: configHome.appendingPathComponent("ragtop/config.toml"))
    }

    func ragtop(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try RagtopBinary.run(args: args, env: ["XDG_CONFIG_HOME": configHome.path, "RAGTOP_THEME": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                                               "RAGTOP_BUNDLED_NATIONAL": ""])
    }

    /// CSV text as records keyed by the header's fields.
    static func records(_ text: String) -> [[String: String]] {
        let all = CSVRows.parse(text)
        guard let header = all.first else { return [] }
        return all.dropFirst().filter { $0 != [""] }.map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
    }

    func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The indicator codes of the scorecard's rows as `e` exports them.
    func exportedCodes(_ args: [String]) throws -> [(code: String, gap: String)] {
        let r = try ragtop(["snapshot", "--size", "120x40", "--export-dir", exports.path, "--keys", "e"] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let file = exports.appendingPathComponent("ragtop-scorecard-kent.csv")
        defer { try? fm.removeItem(at: file) }
        return try Self.records(String(contentsOf: file, encoding: .utf8)).map { ($0["indicator"] ?? "", $0["gap"] ?? "") }
    }

    /// `--sort gap:desc` gives the scorecard the order and the gaps `report --sort gap:desc`
    /// gives, and `e` exports the rows in that order.
    func testSortByGapMatchesTheReport() throws {
        let report = try ragtop(["report", "--area", "Kent", "--sort", "gap:desc", "--format", "csv"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let reported = Self.records(report.stdout).map { ($0["indicator"] ?? "", $0["gap"] ?? "") }
        let shown = try exportedCodes(["--sort", "gap:desc"])
        XCTAssertEqual(shown.map(\.code), reported.map(\.0))
        XCTAssertEqual(shown.map(\.gap), reported.map(\.1))
        XCTAssertGreaterThan(shown.filter { !$0.gap.isEmpty }.count, 20)
        let screen = try ragtop(["snapshot", "--size", "120x40", "--sort", "gap:desc"])
        XCTAssertTrue(lines(screen.stdout)[2].contains("Gap▾"), lines(screen.stdout)[2])
        XCTAssertTrue(lines(screen.stdout)[3].contains("SCS29") && lines(screen.stdout)[3].contains("+57.4"), lines(screen.stdout)[3])
    }

    func testABadSortIsAUsageErrorNamingTheColumns() throws {
        for bad in ["bogus", "gap:sideways", ""] {
            let r = try ragtop(["snapshot", "--sort", bad])
            XCTAssertEqual(r.status, 64, bad)
            XCTAssertTrue(r.stderr.contains("gap") && r.stderr.contains("rag") && r.stderr.contains("value"), r.stderr)
        }
        let dashboard = try ragtop(["--sort", "nope"])
        XCTAssertEqual(dashboard.status, 64)
        XCTAssertTrue(dashboard.stderr.contains("--sort"), dashboard.stderr)
    }

    /// config.toml's `sort` is the default; `--sort` wins over it.
    func testConfigSortIsTheDefaultAndTheCommandLineWins() throws {
        let natural = try exportedCodes([]).map(\.code)
        try writeConfig("sort = \"gap\"\n")
        let byConfig = try exportedCodes([])
        let gaps = byConfig.compactMap { Double($0.gap) }
        XCTAssertEqual(gaps, gaps.sorted(), "config sort: gap ascending")
        XCTAssertNotEqual(byConfig.map(\.code), natural)
        XCTAssertEqual(byConfig.suffix(3).map(\.gap), ["", "", ""], "no gap: last")
        let byFlag = try exportedCodes(["--sort", "gap:desc"])
        let flagGaps = byFlag.compactMap { Double($0.gap) }
        XCTAssertEqual(flagGaps, flagGaps.sorted(by: >), "--sort wins")
        let config = try ragtop(["config"])
        XCTAssertTrue(lines(config.stdout).contains { $0.hasPrefix("sort") && $0.contains("gap") && $0.contains("config.toml:1") }, config.stdout)
        let overridden = try ragtop(["config", "--sort", "rag:desc"])
        XCTAssertTrue(lines(overridden.stdout).contains { $0.hasPrefix("sort") && $0.contains("rag:desc") && $0.contains("--sort") }, overridden.stdout)
    }

    /// Under --ascii the sorted column is marked ^ (ascending) and v (descending).
    func testASCIIMarks() throws {
        let up = try ragtop(["snapshot", "--size", "120x40", "--ascii", "--sort", "value"])
        XCTAssertTrue(lines(up.stdout)[2].contains("Latest^"), lines(up.stdout)[2])
        let down = try ragtop(["snapshot", "--size", "120x40", "--ascii", "--sort", "value", "--keys", "O"])
        XCTAssertTrue(lines(down.stdout)[2].contains("Latestv"), lines(down.stdout)[2])
        XCTAssertFalse(down.stdout.contains("▾") || down.stdout.contains("▴"))
    }

    /// `[keys]` rebinds the sort keys: S sorts, o then says where sorting went; clicking a header
    /// (read from the screen) sorts by it.
    func testReboundSortKeysAndAHeaderClick() throws {
        try writeConfig("[keys]\nsort-next = \"S\"\nsort-reverse = \"R\"\n")
        let sorted = try ragtop(["snapshot", "--size", "120x40", "--keys", "S"])
        XCTAssertEqual(sorted.status, 0, sorted.stderr)
        XCTAssertTrue(lines(sorted.stdout)[2].contains("RAG▴"), lines(sorted.stdout)[2])
        let o = try ragtop(["snapshot", "--size", "120x40", "--keys", "o"])
        XCTAssertFalse(lines(o.stdout)[2].contains("▴"), lines(o.stdout)[2])
        XCTAssertTrue(o.stdout.contains("o is unbound: [keys] in config.toml gives sort-next S"), o.stdout)
        let help = try ragtop(["snapshot", "--size", "120x60", "--keys", "?"])
        XCTAssertTrue(help.stdout.contains("S ") && help.stdout.contains("sort by the next column"), help.stdout)

        let plain = try ragtop(["snapshot", "--size", "120x40"])
        let header = lines(plain.stdout)[2]
        guard let x = header.range(of: "Latest").map({ header.distance(from: header.startIndex, to: $0.lowerBound) }) else { return XCTFail(header) }
        let clicked = try ragtop(["snapshot", "--size", "120x40", "--keys", "click:\(x + 2),2"])
        XCTAssertTrue(lines(clicked.stdout)[2].contains("Latest▴"), lines(clicked.stdout)[2])
        let twice = try ragtop(["snapshot", "--size", "120x40", "--keys", "click:\(x + 2),2 click:\(x + 2),2"])
        XCTAssertTrue(lines(twice.stdout)[2].contains("Latest▾"), lines(twice.stdout)[2])
    }

    /// `--area-b`: the scorecard beside Dover (values from the data: APP17 76.9% and 58.3%);
    /// an area that does not exist is a usage error.
    func testAreaBOnTheCommandLine() throws {
        let r = try ragtop(["snapshot", "--size", "120x40", "--area-b", "Dover"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(lines(r.stdout)[2].contains("Dover RAG"), lines(r.stdout)[2])
        XCTAssertTrue(r.stdout.contains("76.9% 58.3% ▲ A +18.6 A"), r.stdout)
        let bad = try ragtop(["snapshot", "--area-b", "Atlantis"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("no area 'Atlantis'") && bad.stderr.contains("--area-b"), bad.stderr)
    }
}
