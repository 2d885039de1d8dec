import Foundation
import Dashboard
import ScorecardData
import XCTest
@testable import Themes

/// config.toml's `sort`, `since` and `export_dir`: accepted forms, and FILE:LINE errors for the rest.
final class ConfigSettingsTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ragtop-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/exports", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: root + "/a-file", contents: Data("x".utf8)))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func testEverySettingTogether() {
        let config = RagtopConfig.parse("""
        theme = "mono"
        pane = "ehcp"
        area = "Dover"
        sort = "value:desc"
        since = "2024-09"
        export_dir = "\(root)/exports"
        """, path: "c.toml")
        XCTAssertEqual(config.diagnostics, [])
        XCTAssertEqual(config.sort, ColumnSort("value", descending: true))
        XCTAssertEqual(config.since, Period.month(2024, 9))
        XCTAssertEqual(config.exportDir, root + "/exports")
        XCTAssertEqual(config.line(of: "sort"), 4)
        XCTAssertEqual(config.line(of: "since"), 5)
        XCTAssertEqual(config.line(of: "export_dir"), 6)
        XCTAssertEqual(RagtopConfig.keys, ["theme", "pane", "area", "sort", "since", "export_dir"])
    }

    func testSortForms() {
        XCTAssertEqual(try ColumnSort.setting("rag").get(), ColumnSort("rag"))
        XCTAssertEqual(try ColumnSort.setting("Period:ASC").get(), ColumnSort("period"))
        XCTAssertEqual(try ColumnSort.setting(" area:desc ").get(), ColumnSort("area", descending: true))
        XCTAssertEqual(ColumnSort("value", descending: true).description, "value:desc")
        for bad in ["", "colour", "value:down", "value:desc:asc", ":desc"] {
            guard case .failure = ColumnSort.setting(bad) else { return XCTFail("'\(bad)' was accepted") }
        }
    }

    /// config.toml's `sort` takes every name `--sort` takes: the report's columns and the
    /// dashboard tables' own (a district table's `district`, the league's `rank`, area B's `b_diff`).
    func testSortTakesWhatSortOptionTakes() {
        XCTAssertTrue(Set(ReportFormat.fields).isSubset(of: Set(SortableColumns.names)))
        for name in SortableColumns.names {
            XCTAssertEqual(try ColumnSort.setting(name + ":desc").get(), ColumnSort(name, descending: true), name)
        }
        for tableOnly in ["district", "rank", "b_diff", "numden"] {
            XCTAssertFalse(ReportFormat.fields.contains(tableOnly), tableOnly)
            let config = RagtopConfig.parse("sort = \"\(tableOnly)\"\n", path: "c.toml")
            XCTAssertEqual(config.diagnostics, [], tableOnly)
            XCTAssertEqual(config.sort, ColumnSort(tableOnly), tableOnly)
        }
        guard case .failure(let why) = ColumnSort.setting("colour:desc") else { return XCTFail("colour accepted") }
        XCTAssertEqual(why.message, "unknown column 'colour' (sort takes COLUMN[:desc], a column of \(SortableColumns.names.joined(separator: ", ")))")
    }

    func testBadValuesAreErrorsAtTheirLineAndIgnored() {
        let config = RagtopConfig.parse("""
        # defaults
        sort = "colour:desc"
        since = "Oct-24"
        export_dir = "exports"

        theme = "light"
        """, path: "/home/me/.config/ragtop/config.toml")
        XCTAssertNil(config.sort)
        XCTAssertNil(config.since)
        XCTAssertNil(config.exportDir)
        XCTAssertEqual(config.theme, "light")
        XCTAssertEqual(config.diagnostics.map(\.description), [
            "/home/me/.config/ragtop/config.toml:2: error: 'sort': unknown column 'colour' (sort takes COLUMN[:desc], a column of \(SortableColumns.names.joined(separator: ", "))); it is ignored",
            "/home/me/.config/ragtop/config.toml:3: error: 'since' is not a period: 'Oct-24' (a period is \(Period.expectedForms)); it is ignored",
            "/home/me/.config/ragtop/config.toml:4: error: 'export_dir' must be an absolute path or start with ~/, not 'exports'; it is ignored",
        ])
    }

    func testWrongTypes() {
        let config = RagtopConfig.parse("sort = 3\nsince = 2024-09-01\nexport_dir = [\"/tmp\"]\n", path: "c.toml")
        XCTAssertEqual(config.diagnostics.map(\.line), [1, 2, 3])
        XCTAssertTrue(config.diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("must be a string in quotes") }, "\(config.diagnostics)")
        XCTAssertNil(config.sort)
        XCTAssertNil(config.since)
        XCTAssertNil(config.exportDir)
    }

    /// A folder that is missing or not a folder is kept, with a warning: `e` then fails in the
    /// status line rather than writing anywhere else.
    func testExportDirTildeMissingAndNotAFolder() {
        let home = ["HOME": root]
        XCTAssertEqual(RagtopConfig.parse("export_dir = \"~/exports\"\n", path: "c.toml", environment: home).exportDir, root + "/exports")
        XCTAssertEqual(RagtopConfig.parse("export_dir = \"~/exports\"\n", path: "c.toml", environment: ["HOME": root + "/"]).exportDir, root + "/exports")

        let missing = RagtopConfig.parse("\nexport_dir = \"~/nowhere\"\n", path: "c.toml", environment: home)
        XCTAssertEqual(missing.exportDir, root + "/nowhere")
        XCTAssertEqual(missing.diagnostics.map(\.description),
                       ["c.toml:2: warning: export_dir \(root)/nowhere does not exist; 'e' will report that and write nothing until it is fixed"])

        let file = RagtopConfig.parse("export_dir = \"\(root)/a-file\"\n", path: "c.toml")
        XCTAssertEqual(file.exportDir, root + "/a-file")
        XCTAssertEqual(file.diagnostics.map(\.description), ["c.toml:1: warning: export_dir \(root)/a-file is not a folder; 'e' will report that and write nothing until it is fixed"])
        XCTAssertEqual(RagtopConfig.folderProblem(root + "/exports"), nil)
        XCTAssertEqual(RagtopConfig.folderProblem(root + "/a-file"), "\(root)/a-file is not a folder")

        let noHome = RagtopConfig.parse("export_dir = \"~/exports\"\n", path: "c.toml", environment: [:])
        XCTAssertNil(noHome.exportDir)
        XCTAssertEqual(noHome.diagnostics.first?.severity, .error)
    }

    func testEveryPeriodFormIsASince() {
        for text in ["2024-10", "2024", "FY2024-25", "FY2024-25-Q2", "AY2023-24", "AY2023-24-Summer"] {
            let config = RagtopConfig.parse("since = \"\(text)\"\n", path: "c.toml")
            XCTAssertEqual(config.diagnostics, [], text)
            XCTAssertEqual(config.since?.description, text)
        }
    }

    func testTheDocsDescribeEverySetting() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/configuration.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for s in RagtopConfig.settings {
            XCTAssertTrue(text.contains("\n| `\(s.key)` | "), "docs/configuration.md has no row for \(s.key)")
        }
    }

    func testTheSettingsTableDescribesEveryKey() {
        XCTAssertEqual(Set(RagtopConfig.settings.map(\.key)).count, RagtopConfig.settings.count)
        for s in RagtopConfig.settings {
            XCTAssertFalse(s.help.isEmpty || s.form.isEmpty || s.defaultValue.isEmpty || s.usedBy.isEmpty, s.key)
        }
    }
}
