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
        ConfigSettingInfo(key: "sort", form: "COLUMN[:desc]", help: "the default sort of the dashboard's tables: a column of 'ragtop report --format csv', ascending unless :desc",
                          defaultValue: "each table's own order", usedBy: "dashboard, snapshot (each table that has the column; --sort wins)"),
        ConfigSettingInfo(key: "since", form: "PERIOD", help: "the period the changes pane compares the latest figures with (their figures at its end), e.g. 2024-09 or FY2024-25-Q1; --since and --compare-data win",
                          defaultValue: "the period before the latest", usedBy: "dashboard, snapshot (the changes pane)"),
        ConfigSettingInfo(key: "export_dir", form: "DIR", help: "the folder 'e' exports to: an absolute path or one starting with ~/ (--export-dir wins over it)",
                          defaultValue: "the current directory", usedBy: "dashboard, snapshot (e)"),
    ]
}

/// A default sort order: a column of `ragtop report --format csv`, ascending or descending.
public struct SortSetting: Sendable, Equatable, CustomStringConvertible {
    public var column: String
    public var descending: Bool

    public init(column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// The columns a sort can name: the report's machine-readable fields.
    public static var columns: [String] { ReportFormat.fields }

    /// Parses `COLUMN`, `COLUMN:asc` or `COLUMN:desc` (case-insensitive); the error says what
    /// was expected.
    public static func parse(_ text: String) -> Result<SortSetting, ThemeLookupError> {
        let parts = text.trimmingCharacters(in: .whitespaces).lowercased().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let column = parts[0]
        guard columns.contains(column) else {
            return .failure(ThemeLookupError(message: "unknown column '\(column)' (sort takes COLUMN[:desc], a column of \(columns.joined(separator: ", ")))"))
        }
        switch parts.count {
        case 1: return .success(SortSetting(column: column))
        case 2 where parts[1] == "asc": return .success(SortSetting(column: column))
        case 2 where parts[1] == "desc": return .success(SortSetting(column: column, descending: true))
        default: return .failure(ThemeLookupError(message: "'\(text)' is not COLUMN or COLUMN:desc (the direction is asc or desc)"))
        }
    }

    /// `COLUMN` or `COLUMN:desc`.
    public var description: String { descending ? "\(column):desc" : column }
}
