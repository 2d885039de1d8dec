import ArgumentParser
import Dashboard
import Foundation
import ScorecardData
import Themes

/// `ragtop config`: the settings the dashboard would use, and where each came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings and keys, and where each came from.",
        discussion: """
        A setting comes from its flag, else the environment (RAGTOP_THEME for the theme), else \
        config.toml ($XDG_CONFIG_HOME/ragtop/config.toml, default ~/.config/ragtop/config.toml, \
        shown as FILE:LINE), else its default. Then every action of the dashboard with its keys: \
        the default ones, or those config.toml's [keys] table gives it. Problems in config.toml \
        are printed to standard error as FILE:LINE: warning/error, and that value is ignored. \
        ragtop never writes the file. The settings: docs/configuration.md; the keys: docs/keys.md.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var changesOptions: ChangesOptions

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let config = ThemeSetup.loadConfig()
        let configPath = RagtopConfig.path(environment: env)
        func fromFile(_ key: String) -> String { "\(config?.path ?? "config.toml"):\(config?.line(of: key) ?? 1)" }
        var rows: [(key: String, value: String, source: String)] = []

        let themes = try ThemeSetup.select(flag: viewOptions.theme, themesDir: viewOptions.themesDir, config: config, colorOff: viewOptions.colorDisabled)
        let themeValue = themes.theme.entry.origin == .file ? themes.theme.entry.location : themes.theme.entry.name
        let themeSource = themes.explicit
            ? ThemeChoice.resolve(flag: viewOptions.theme, environment: env, config: config)?.source ?? "default"
            : (viewOptions.colorDisabled ? "default (colour is off)" : "default")
        rows.append(("theme", themeValue, themeSource))

        let data = loadData()
        if let dataset = data.dataset {
            let state = try viewOptions.makeState(dataset: dataset, width: 80, height: 24, config: config)
            let paneFromConfig = config?.pane.map { state.pane.name.hasPrefix($0.lowercased()) } ?? false
            rows.append(("pane", state.pane.name, viewOptions.pane != nil ? "--pane" : paneFromConfig ? fromFile("pane") : "default"))
            let areaName = dataset.areas.first { $0.code == state.area }?.name ?? state.area
            let areaFromConfig = config?.area.map { dataset.area(named: $0)?.code == state.area } ?? false
            rows.append(("area", areaName, viewOptions.area != nil ? "--area" : areaFromConfig ? fromFile("area") : "default: the top area with figures"))
        } else {
            let unchecked = " (not checked: no data)"
            if let pane = viewOptions.pane { rows.append(("pane", pane.name, "--pane" + unchecked)) } else if let pane = config?.pane {
                rows.append(("pane", pane, fromFile("pane") + unchecked))
            } else { rows.append(("pane", Pane.scorecard.name, "default")) }
            if let area = viewOptions.area { rows.append(("area", area, "--area" + unchecked)) } else if let area = config?.area {
                rows.append(("area", area, fromFile("area") + unchecked))
            } else { rows.append(("area", "-", "default: the top area with figures")) }
        }
        if let sort = viewOptions.sort {
            rows.append(("sort", sort.description, "--sort"))
        } else {
            rows.append(("sort", config?.sort?.description ?? "-", config?.sort != nil ? fromFile("sort") : "default: each table's own order"))
        }
        if !changesOptions.compareData.isEmpty {
            rows.append(("since", "-", "--compare-data: the edition \(changesOptions.editionName)"))
        } else if let since = changesOptions.since {
            rows.append(("since", since.period.description, "--since"))
        } else {
            rows.append(("since", config?.since?.description ?? "-", config?.since != nil ? fromFile("since") : "default: the period before the latest"))
        }
        let exportFolder = ExportFolder.resolve(flag: viewOptions.exportDir, config: config)
        if exportFolder.source == "--export-dir", let why = RagtopConfig.folderProblem(exportFolder.path) {
            Console.error("ragtop: --export-dir: \(why) (the dashboard and snapshot refuse it)")
        }
        rows.append(("export_dir", exportFolder.path, exportFolder.source))

        let usedBy = Dictionary(uniqueKeysWithValues: RagtopConfig.settings.map { ($0.key, $0.usedBy) })
        let keyWidth = max(7, rows.map(\.key.count).max() ?? 0)
        let valueWidth = min(40, max(5, rows.map(\.value.count).max() ?? 0))
        let sourceWidth = max(4, rows.map(\.source.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var out = pad("SETTING", keyWidth) + "  " + pad("VALUE", valueWidth) + "  " + pad("FROM", sourceWidth) + "  USED BY\n"
        for row in rows {
            out += pad(row.key, keyWidth) + "  " + pad(row.value, valueWidth) + "  " + pad(row.source, sourceWidth) + "  " + (usedBy[row.key] ?? "") + "\n"
        }
        out += "\n" + KeysListing.text(config: config) + "\n"
        if let configPath {
            out += "config file  \(configPath)\(config == nil ? " (none: nothing is set there)" : "")\n"
        } else {
            out += "config file  none (neither XDG_CONFIG_HOME nor HOME is set)\n"
        }
        out += "data         \(data.description)\n"
        out += "themes       \(themes.catalog.searchPath.map { $0.directory + (BundledData.isDirectory($0.directory) ? "" : " (none)") }.joined(separator: ", ")), built-in\n"
        Console.text(out)
    }

    /// The dataset the dashboard would open, or why there is none. Never exits: `config` reports.
    private func loadData() -> (dataset: Dataset?, description: String) {
        let directories: [String]
        if !dataOptions.data.isEmpty {
            directories = dataOptions.data
        } else {
            switch BundledData.lookup() {
            case .found(let kent, let national, _): directories = [kent] + (national.map { [$0] } ?? [])
            case .missing(let looked, let explicit):
                return (nil, "not found" + (explicit.map { " in RAGTOP_DATA=\($0)" } ?? " (looked in \(looked.map(\.path).joined(separator: ", ")))"))
            }
        }
        do {
            let result = try DatasetLoader.load(directories: directories)
            return (result.dataset, directories.joined(separator: ", "))
        } catch {
            return (nil, directories.joined(separator: ", ") + " (does not load: ragtop check tells why)")
        }
    }
}
