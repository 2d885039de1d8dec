import ArgumentParser
import ScorecardData

/// `ragtop report`: the scorecard as a table, CSV, JSON or Markdown.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print figures: by default each area's latest value of every indicator.",
        discussion: """
        CSV and JSON fields: \(ReportFormat.fields.joined(separator: ", ")). rag is RED, AMBER, GREEN or empty; \
        rated_by is published, rule, undecided (a missed target with no floor: rag empty) or empty; \
        status is \(ObservationStatus.expected) or empty.
        """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: ArgumentHelp("Only this area (code or name, case-insensitive).", valueName: "CODE|NAME"), completion: Completions.areas)
    var area: String?

    @Option(help: ArgumentHelp("Only this indicator.", valueName: "CODE"), completion: Completions.indicators)
    var indicator: String?

    @Option(help: ArgumentHelp("Only indicators of this group (e.g. \"Education Monthly - SEND\").", valueName: "NAME"), completion: Completions.groups)
    var group: String?

    @Option(help: ArgumentHelp("Only rows with these ratings, e.g. red or red,amber.", valueName: "LIST"))
    var rag: RAGSelection?

    @Flag(help: "Every period, not only the latest with a value.")
    var allPeriods = false

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Flag(help: "Use ASCII glyphs instead of ✖ ▲ ●.")
    var ascii = false

    @Flag(help: "The exceptions pack of --area (default: the main area): every RED figure and every rating that worsened since --since, grouped, with benchmarks, commentary and actions.")
    var exceptions = false

    @Option(help: ArgumentHelp("With --exceptions: compare with the figures at the end of this period (default: each figure's previous period). \(PeriodArgument.forms).", valueName: "PERIOD"))
    var since: PeriodArgument?

    @OptionGroup var comparison: ComparisonOptions

    func run() throws {
        let fmt = format
        if exceptions || since != nil { return try runExceptions(format: fmt) }
        let rags = rag?.rags
        let ds = try dataOptions.load().dataset
        var areas: Set<String>?
        var chosen: Area?
        if let area {
            guard let a = ds.area(named: area) else {
                throw ValidationError(Console.safe("no area '\(area)': try one of \(ds.areas.prefix(16).map(\.name).joined(separator: ", "))"))
            }
            areas = [a.code]
            chosen = a
        }
        if let indicator, ds.indicator(indicator) == nil, !ds.indicators.contains(where: { $0.code.lowercased() == indicator.lowercased() }) {
            throw ValidationError("no indicator '\(indicator)'")
        }
        let rows = try comparison.rows(ds, area: chosen, query: ReportQuery(areas: areas, indicator: indicator, group: group, rags: rags, allPeriods: allPeriods))
        let output = fmt.render(rows, text: .terminal(ascii: ascii || !Locale.isUTF8, color: fmt == .text && Console.colorOnStdout))
        // Text and Markdown show control characters in data as <U+XX> (ReportFormat does it); CSV
        // keeps data as data (quoted as RFC 4180 says) and JSON escapes them, for files and pipes.
        // On a terminal, CSV and JSON are shown safe as well.
        if (fmt == .csv || fmt == .json) && isatty(1) == 1 { Console.text(output) } else { Console.out(output) }
    }
}

extension ReportFormat: ExpressibleByArgument {
    /// `text`, `csv`, `json` or `markdown`, any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--rag red,amber`: the ratings to keep (any case; R, A, G too), separated by commas.
struct RAGSelection: ExpressibleByArgument {
    var rags: Set<RAG>

    init?(argument: String) {
        var set = Set<RAG>()
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let r = RAG(text: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            set.insert(r)
        }
        rags = set
    }

    static var allValueStrings: [String] { RAG.allCases.map { $0.name.lowercased() } }
}

import Foundation

extension Locale {
    /// True when the environment's locale uses UTF-8 (LC_ALL, LC_CTYPE, LANG in that order).
    static var isUTF8: Bool {
        let env = ProcessInfo.processInfo.environment
        let value = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = value.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
