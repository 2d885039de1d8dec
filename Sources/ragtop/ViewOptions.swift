import ArgumentParser
import Dashboard
import Foundation
import ScorecardData
import Themes

/// Where the dashboard starts, shared by the dashboard and `snapshot`.
struct ViewOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Area to open (code or name, case-insensitive). Default: the top area with figures (Kent).", valueName: "CODE|NAME"), completion: Completions.areas)
    var area: String?

    @Option(help: ArgumentHelp("Pane to open (a unique prefix or its number will do).", valueName: "PANE"))
    var pane: Pane?

    @Option(help: ArgumentHelp("KPI to select (for the detail pane and the districts matrix).", valueName: "CODE"), completion: Completions.indicators)
    var indicator: String?

    @Option(help: ArgumentHelp("Areas to compare with the area on KPI detail's chart: names or codes, comma-separated, at most \(DetailPane.maxCompared) (e.g. Dover,Thanet). Opens KPI detail unless --pane says otherwise.",
                               valueName: "AREA[,AREA...]"), completion: Completions.areas)
    var compare: AreaList?

    @Option(name: .customLong("area-b"), help: ArgumentHelp("Show a second area's value, rating and the difference A-B beside each KPI on the scorecard (B in the dashboard picks or clears it).", valueName: "CODE|NAME"), completion: Completions.areas)
    var areaB: String?

    @Option(help: ArgumentHelp("Sort every table that has COLUMN by it, ascending or with :desc descending (e.g. gap, rag:desc); a table without it keeps its own order. Default: sort in config.toml. The names are report --sort's where they mean the same.",
                               valueName: "COLUMN[:desc]"))
    var sort: ColumnSort?

    @Flag(help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour at all (also when NO_COLOR is set): attributes and glyphs only.")
    var noColor = false

    @Option(help: ArgumentHelp("Colour theme: a name from 'ragtop themes' or a .toml file. Default: $RAGTOP_THEME, then theme in config.toml, then default (mono when colour is off).", valueName: "NAME|PATH"), completion: Completions.themes)
    var theme: String?

    @Option(name: .customLong("themes-dir"), help: ArgumentHelp("Look for themes in DIR before ~/.config/ragtop/themes and the built-in ones.", valueName: "DIR"), completion: .directory)
    var themesDir: String?

    @Option(name: .customLong("export-dir"), help: ArgumentHelp("The folder 'e' exports to. Default: export_dir in config.toml, else the current directory.", valueName: "DIR"), completion: .directory)
    var exportDir: String?

    /// Builds the initial state, validating the options against the data.
    /// `config` supplies pane and area when the flags do not; a bad value there is a warning.
    func makeState(dataset: Dataset, width: Int, height: Int, config: RagtopConfig? = nil) throws -> DashboardState {
        var paneValue = pane ?? (compare == nil ? .scorecard : .detail)
        if pane == nil, compare == nil, let config, let name = config.pane {
            if let p = Pane(named: name) { paneValue = p } else {
                Console.error(config.warning("pane", "pane must be one of \(Pane.allValueStrings.joined(separator: ", ")), not '\(name)'; it is ignored").description)
            }
        }
        var areaCode: String?
        if let area {
            guard let a = dataset.area(named: area) else {
                throw ValidationError(Console.safe("no area '\(area)' in the data (try: \(dataset.areas.prefix(8).map(\.name).joined(separator: ", ")) …)"))
            }
            areaCode = a.code
        } else if let config, let name = config.area {
            if let a = dataset.area(named: name) { areaCode = a.code } else {
                Console.error(config.warning("area", "no area '\(name)' in the data; it is ignored").description)
            }
        }
        var indicatorCode: String?
        if let indicator {
            guard let ind = dataset.indicators.first(where: { $0.code.lowercased() == indicator.lowercased() }) else {
                throw ValidationError(Console.safe("no indicator '\(indicator)' in the data"))
            }
            indicatorCode = ind.code
        }
        var state = DashboardState(dataset: dataset, width: width, height: height, pane: paneValue, area: areaCode,
                                   indicator: indicatorCode, ascii: ascii || !Locale.isUTF8)
        if let compare { state.compare(areas: try compare.codes(in: dataset, shown: state.area)) }
        if let areaB {
            guard let b = dataset.area(named: areaB) else {
                throw ValidationError(Console.safe("no area '\(areaB)' in the data for --area-b (try: \(dataset.areas.prefix(8).map(\.name).joined(separator: ", ")) …)"))
            }
            state.setAreaB(b.code)
        }
        // --sort, else config.toml's sort (checked against the same names when it was read).
        if let sort = sort ?? config?.sort { state.setDefaultSort(sort) }
        return state
    }

    /// True when colour is switched off by flag or NO_COLOR.
    var colorDisabled: Bool { noColor || ThemeSetup.colorOffByEnvironment }
}

/// `--pane`: one of the registered panes (a unique prefix or its number will do); anything else
/// is a usage error listing them.
extension Pane: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { Pane.allCases.map(\.name) }
    /// Tab offers the panes (`Pane` is not CaseIterable, so this is not automatic).
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    public var defaultValueDescription: String { name }
}

/// `--sort COLUMN[:desc]`: a column of one of the dashboard's tables or of `ragtop report`;
/// anything else is a usage error listing them.
extension ColumnSort: ExpressibleByArgument {
    public init?(argument: String) {
        guard let sort = ColumnSort(parsing: argument), SortableColumns.names.contains(sort.column) else { return nil }
        self = sort
    }

    public static var allValueStrings: [String] { SortableColumns.names }
    /// Tab offers the columns (`:desc` is typed after one; zsh would take it for a description).
    public static var defaultCompletionKind: CompletionKind { .list(SortableColumns.names) }
    public var defaultValueDescription: String { description }
}
