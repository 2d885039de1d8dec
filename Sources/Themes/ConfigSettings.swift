import Dashboard
import Foundation
import ScorecardData

/// One setting of config.toml: its key, the form of its value, what it does and what reads it.
/// `ragtop config`, the man page and docs/configuration.md are written from this table.
public struct ConfigSettingInfo: Sendable, Equatable {
    public var key: String
    /// The form of the value, e.g. `NAME|PATH`.
    public var form: String
    public var help: String
    /// The value used when nothing sets it.
    public var defaultValue: String
    /// What reads the setting today.
    public var usedBy: String

    public init(key: String, form: String, help: String, defaultValue: String, usedBy: String) {
        self.key = key
        self.form = form
        self.help = help
        self.defaultValue = defaultValue
        self.usedBy = usedBy
    }
}

extension RagtopConfig {
    /// Every setting config.toml takes, in the order `ragtop config` prints them.
    public static let settings: [ConfigSettingInfo] = [
        ConfigSettingInfo(key: "theme", form: "NAME|PATH", help: "the colour theme: a name from 'ragtop themes' or a .toml file",
                          defaultValue: "default (mono when colour is off)", usedBy: "dashboard, snapshot, themes"),
        ConfigSettingInfo(key: "pane", form: "PANE", help: "the pane the dashboard opens on: \(Pane.allCases.map(\.name).joined(separator: ", "))",
                          defaultValue: "scorecard", usedBy: "dashboard, snapshot"),
        ConfigSettingInfo(key: "area", form: "CODE|NAME", help: "the area the dashboard opens on",
                          defaultValue: "the top area with figures (Kent)", usedBy: "dashboard, snapshot"),
        ConfigSettingInfo(key: "sort", form: "COLUMN[:desc]", help: "the default sort of the dashboard's tables: a column --sort takes (a table's or 'ragtop report --format csv''s), ascending unless :desc",
                          defaultValue: "each table's own order", usedBy: "dashboard, snapshot (each table that has the column; --sort wins)"),
        ConfigSettingInfo(key: "since", form: "PERIOD", help: "the period the changes pane compares the latest figures with (their figures at its end), e.g. 2024-09 or FY2024-25-Q1; --since and --compare-data win",
                          defaultValue: "the period before the latest", usedBy: "dashboard, snapshot (the changes pane)"),
        ConfigSettingInfo(key: "export_dir", form: "DIR", help: "the folder 'e' exports to: an absolute path or one starting with ~/ (--export-dir wins over it)",
                          defaultValue: "the current directory", usedBy: "dashboard, snapshot (e)"),
    ]
}

extension ColumnSort {
    /// config.toml's `sort`: `COLUMN`, `COLUMN:asc` or `COLUMN:desc` (any case), where COLUMN is
    /// one `--sort` takes (`SortableColumns.names`); the error says what was expected.
    public static func setting(_ text: String) -> Result<ColumnSort, ThemeLookupError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let sort = ColumnSort(parsing: trimmed) else {
            let column = trimmed.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if !column.isEmpty, !SortableColumns.names.contains(column.lowercased()) { return .failure(unknownColumn(column)) }
            return .failure(ThemeLookupError(message: "'\(text)' is not COLUMN or COLUMN:desc (the direction is asc or desc)"))
        }
        guard SortableColumns.names.contains(sort.column) else { return .failure(unknownColumn(sort.column)) }
        return .success(sort)
    }

    private static func unknownColumn(_ column: String) -> ThemeLookupError {
        ThemeLookupError(message: "unknown column '\(column)' (sort takes COLUMN[:desc], a column of \(SortableColumns.names.joined(separator: ", ")))")
    }
}
