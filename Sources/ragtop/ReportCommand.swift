import ArgumentParser
import ScorecardData

/// `ragtop report`: the scorecard as a table, CSV, JSON or Markdown.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print figures: by default each area's latest value of every indicator.",
        discussion: "CSV and JSON fields: \(ReportFormat.fields.joined(separator: ",")). rag is RED, AMBER, GREEN or empty."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: ArgumentHelp("Only this area (code or name, case-insensitive).", valueName: "CODE|NAME"))
    var area: String?

    @Option(help: ArgumentHelp("Only this indicator.", valueName: "CODE"))
    var indicator: String?

    @Option(help: ArgumentHelp("Only indicators of this group (e.g. \"Education Monthly - SEND\").", valueName: "NAME"))
    var group: String?

    @Option(help: ArgumentHelp("Only rows with these ratings, e.g. red or red,amber.", valueName: "LIST"))
    var rag: String?

    @Flag(help: "Every period, not only the latest with a value.")
    var allPeriods = false

    @Option(help: "Output format: text, csv, json or markdown.")
    var format: String = "text"

    @Flag(help: "Use ASCII glyphs instead of ✖ ▲ ●.")
    var ascii = false

    func run() throws {
        guard let fmt = ReportFormat(rawValue: format.lowercased()) else {
            throw ValidationError("--format must be text, csv, json or markdown, not '\(format)'")
        }
        var rags: Set<RAG>?
        if let rag {
            var set = Set<RAG>()
            for part in rag.split(separator: ",") {
                guard let r = RAG(text: part.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--rag takes red, amber and green separated by commas, not '\(part)'")
                }
                set.insert(r)
            }
            rags = set
        }
        let ds = try dataOptions.load().dataset
        var areas: Set<String>?
        if let area {
            guard let a = ds.area(named: area) else {
                throw ValidationError(Console.safe("no area '\(area)': try one of \(ds.areas.prefix(16).map(\.name).joined(separator: ", "))"))
            }
            areas = [a.code]
        }
        if let indicator, ds.indicator(indicator) == nil, !ds.indicators.contains(where: { $0.code.lowercased() == indicator.lowercased() }) {
            throw ValidationError("no indicator '\(indicator)'")
        }
        let rows = ds.report(ReportQuery(areas: areas, indicator: indicator, group: group, rags: rags, allPeriods: allPeriods))
        let output = fmt.render(rows, text: .terminal(ascii: ascii || !Locale.isUTF8, color: fmt == .text && Console.colorOnStdout))
        // Text and Markdown show control characters in data as <U+XX> (ReportFormat does it); CSV
        // keeps data as data (quoted as RFC 4180 says) and JSON escapes them, for files and pipes.
        // On a terminal, CSV and JSON are shown safe as well.
        if (fmt == .csv || fmt == .json) && isatty(1) == 1 { Console.text(output) } else { Console.out(output) }
    }
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
