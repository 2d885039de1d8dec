import Foundation
import XCTest

/// `ragtop config` and `ragtop --version`, run as a subprocess with a config file of the test's own.
final class ConfigCommandTests: XCTestCase {
    var configHome: URL!
    var exports: URL!

    override func setUpWithError() throws {
        configHome = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-config-e2e-\(UUID().uuidString)")
        exports = configHome.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: configHome.appendingPathComponent("ragtop"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: configHome)
    }

    var configPath: String { configHome.path + "/ragtop/config.toml" }

    func writeConfig(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
    }

    func config(_ args: [String] = [], env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String, rows: [String: (value: String, source: String)]) {
        var environment = ["XDG_CONFIG_HOME": configHome.path, "RAGTOP_THEME": ""]
        for (k, v) in env { environment[k] = v }
        let r = try RagtopBinary.run(args: ["config"] + args, env: environment)
        var rows: [String: (String, String)] = [:]
        for line in r.stdout.split(separator: "\n").dropFirst() {
            let cells = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if cells.count >= 3, ["theme", "pane", "area", "sort", "since", "export_dir"].contains(cells[0]) { rows[cells[0]] = (cells[1], cells[2]) }
        }
        return (r.status, r.stdout, r.stderr, rows)
    }

    func testDefaultsWithoutAConfigFile() throws {
        let r = try config([], env: ["NO_COLOR": ""])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.hasPrefix("SETTING "), r.stdout)
        XCTAssertEqual(r.rows["theme"]?.value, "default")
        XCTAssertEqual(r.rows["theme"]?.source, "default")
        XCTAssertEqual(r.rows["pane"]?.value, "scorecard")
        XCTAssertEqual(r.rows["area"]?.value, "Kent")
        XCTAssertEqual(r.rows["area"]?.source, "default: the top area with figures")
        XCTAssertEqual(r.rows["sort"]?.value, "-")
        XCTAssertEqual(r.rows["export_dir"]?.source, "default: the current directory")
        XCTAssertTrue(r.stdout.contains("config file  \(configPath) (none: nothing is set there)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("themes       \(configHome.path)/ragtop/themes (none), "), r.stdout)
    }

    func testEachSettingSaysWhereItCameFrom() throws {
        try writeConfig("""
        # mine
        theme = "light"
        pane = "dist"
        area = "Nowhere"
        sort = "rag:desc"
        since = "FY2024-25-Q1"
        export_dir = "\(exports.path)"
        colour = "blue"
        """)
        let r = try config()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.rows["theme"]?.value, "light")
        XCTAssertEqual(r.rows["theme"]?.source, "\(configPath):2")
        XCTAssertEqual(r.rows["pane"]?.value, "districts")
        XCTAssertEqual(r.rows["pane"]?.source, "\(configPath):3")
        // An area the data does not have is ignored, as the dashboard ignores it.
        XCTAssertEqual(r.rows["area"]?.value, "Kent")
        XCTAssertEqual(r.rows["area"]?.source, "default: the top area with figures")
        XCTAssertTrue(r.stderr.contains("\(configPath):4: warning: no area 'Nowhere' in the data; it is ignored"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\(configPath):8: warning: unknown key 'colour' is ignored"), r.stderr)
        XCTAssertEqual(r.rows["sort"]?.value, "rag:desc")
        XCTAssertEqual(r.rows["sort"]?.source, "\(configPath):5")
        XCTAssertEqual(r.rows["since"]?.value, "FY2024-25-Q1")
        XCTAssertEqual(r.rows["since"]?.source, "\(configPath):6")
        XCTAssertEqual(r.rows["export_dir"]?.value, exports.path)
        XCTAssertEqual(r.rows["export_dir"]?.source, "\(configPath):7")
        XCTAssertFalse(r.stdout.contains("none yet"), "every setting is used now (sort since #16): \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("each table that has the column; --sort wins"), "says how sort is used: \(r.stdout)")

        // Flags win over the environment, the environment over the file.
        let flagged = try config(["--theme", "mono", "--pane", "ehcp", "--area", "Dover"], env: ["RAGTOP_THEME": "colourblind"])
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        XCTAssertEqual(flagged.rows["theme"]?.value, "mono")
        XCTAssertEqual(flagged.rows["theme"]?.source, "--theme")
        XCTAssertEqual(flagged.rows["pane"]?.source, "--pane")
        XCTAssertEqual(flagged.rows["area"]?.value, "Dover")
        XCTAssertEqual(flagged.rows["area"]?.source, "--area")
        let fromEnv = try config([], env: ["RAGTOP_THEME": "colourblind"])
        XCTAssertEqual(fromEnv.rows["theme"]?.value, "colourblind")
        XCTAssertEqual(fromEnv.rows["theme"]?.source, "RAGTOP_THEME")
    }

    func testBadValuesAreReportedAtTheirLineAndLeftOut() throws {
        try writeConfig("sort = \"colour\"\nsince = \"last month\"\nexport_dir = \"relative/dir\"\n")
        let r = try config()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(configPath):1: error: 'sort': unknown column 'colour'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\(configPath):2: error: 'since' is not a period: 'last month'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\(configPath):3: error: 'export_dir' must be an absolute path"), r.stderr)
        XCTAssertEqual(r.rows["sort"]?.source, "default: each table's own order")
        XCTAssertEqual(r.rows["since"]?.source, "default: the period before the latest")
        XCTAssertEqual(r.rows["export_dir"]?.source, "default: the current directory")
        // The same problems are reported when the dashboard's settings are read for a snapshot.
        let snapshot = try RagtopBinary.run(args: ["snapshot"], env: ["XDG_CONFIG_HOME": configHome.path])
        XCTAssertEqual(snapshot.status, 0, snapshot.stderr)
        XCTAssertTrue(snapshot.stderr.contains("\(configPath):2: error: 'since' is not a period"), snapshot.stderr)
    }

    func testABadThemeFlagIsAUsageError() throws {
        let r = try config(["--theme", "nosuch"])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("no theme named 'nosuch'"), r.stderr)
    }

    func testVersionNamesTheDataEdition() throws {
        let r = try RagtopBinary.run(args: ["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.stdout)
        XCTAssertNotNil(lines.first?.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression), r.stdout)
        XCTAssertEqual(lines.last, "bundled data: kent-cype-2024-10 (Kent CYPE Directorate Scorecard, October 2024)")
    }
}
