extension ExceptionsPack {
    /// The CSV fields, in order (JSON has the same, with `commentary` and `actions` as arrays of
    /// objects instead of the last four).
    public static let fields = ["group", "area_code", "area", "team", "indicator", "name", "period", "value", "target", "floor",
                                "rag", "rated_by", "change_group", "old_period", "old_value", "old_rag", "old_rated_by", "change",
                                "change_measure", "dot", "trend", "trend_slope", "england", "comparator", "comparator_value",
                                "periods_red", "commentary", "action", "owner", "due"]

    /// `Kent exceptions: Oct-24 compared with Sep-24`.
    public var title: String {
        "\(area.name) exceptions: \(reportingPeriod?.label ?? "no figures") compared with \(comparedWith)"
    }

    /// `11 RED figures (2 newly RED), 1 rating worsened`.
    public var summary: String {
        let all = rows
        let red = all.count { $0.change.latest.rating == .red }, newly = all.count { $0.change.group == .newlyRed }
        let worse = all.count { $0.change.group == .worsened }
        return "\(red) RED figure\(red == 1 ? "" : "s") (\(newly) newly RED), \(worse) rating\(worse == 1 ? "" : "s") worsened"
    }

    /// The pack as Markdown (a title, then a table per group with its commentary and actions),
    /// aligned text laid out the same way, CSV (one row per figure) or JSON.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .csv: return ([ExceptionsPack.fields.joined(separator: ",")] + rows.map { csvCells($0).map(ReportFormat.csvField).joined(separator: ",") })
            .joined(separator: "\n") + "\n"
        case .json: return jsonArray(rows.map(json))
        case .markdown, .text: return document(markdown: format == .markdown)
        }
    }

    private static let headers = ["Code", "Indicator", "Period", "Value", "Target", "Floor", "RAG", "Was", "Change", "DoT", "Trend",
                                  "England", "Benchmark", "RED for"]

    private func document(markdown: Bool) -> String {
        func escape(_ s: String) -> String { markdown ? TextTable.markdownText(s) : TextTable.cell(s) }
        var out = markdown ? "# \(escape(title))\n\n" : "\(escape(title))\n\n"
        out += "Dataset: \(escape(datasetName)). \(summary).\n"
        out += "Ratings marked (rule) were worked out by ragtop from the target and floor; \"target missed\" is below a target "
            + "with no floor to tell AMBER from RED, which ragtop does not guess; the others are as published.\n"
        if groups.isEmpty { return out + "\nNo RED figures and no worsened ratings.\n" }
        for group in groups {
            var table = TextTable(ExceptionsPack.headers, rightAligned: [3, 4, 5, 8, 11], maxWidths: markdown ? [:] : [1: 40])
            for r in group.rows { table.append(displayCells(r)) }
            let name = group.name.isEmpty ? "Other indicators" : group.name
            out += markdown ? "\n## \(escape(name))\n\n" + table.markdown() : "\n\(escape(name))\n" + table.text()
            out += markdown ? "\n" : ""
            for r in group.rows { out += notesLines(r, markdown: markdown) }
        }
        return out
    }

    /// `SCS19`, or `SCS19 (Swale Central CSWT)` for a team's figure.
    private func code(_ r: ExceptionRow) -> String {
        r.change.team.map { "\(r.change.indicator.code) (\($0))" } ?? r.change.indicator.code
    }

    private func notesLines(_ r: ExceptionRow, markdown: Bool) -> String {
        func escape(_ s: String) -> String { markdown ? TextTable.markdownText(s) : TextTable.cell(s) }
        let bullet = markdown ? "- **\(escape(code(r)))**" : "  \(escape(code(r)))"
        if r.commentary.isEmpty && r.actions.isEmpty { return "\(bullet): no commentary or action recorded.\n" }
        var out = ""
        for n in r.commentary { out += "\(bullet) commentary (\(n.period.label)): \(escape(n.text))\n" }
        for n in r.actions {
            let who = [n.owner.map { "owner: \(escape($0))" }, n.due.map { "due \($0)" }].compactMap { $0 }.joined(separator: "; ")
            out += "\(bullet) action (\(n.period.label)\(who.isEmpty ? "" : "; " + who)): \(escape(n.text))\n"
        }
        return out
    }

    private func displayCells(_ r: ExceptionRow) -> [String] {
        let c = r.change, ind = c.indicator
        func number(_ v: Double?) -> String { ValueFormatter.display(v, decimals: ind.decimals) }
        let value = number(c.latest.value) + (ind.isPercent && c.latest.value != nil ? "%" : "")
        let was = c.compared.map { [EditionChange.ratingText($0.rating, $0.ratedBy), $0.period.label].filter { !$0.isEmpty }.joined(separator: " ") } ?? ""
        let name = c.team.map { "\($0): \(ind.name)" } ?? ind.name
        let comparator = r.comparator.flatMap { b in b.value.map { "\(number($0)) (\(b.comparator))" } } ?? ""
        return [code(r), name, c.latest.period.label, value, number(c.latest.target), number(c.latest.floor),
                EditionChange.ratingText(c.latest.rating, c.latest.ratedBy), was, c.change?.label ?? "", c.direction?.arrow ?? "",
                trendText(c), number(r.england?.value), comparator,
                c.periodsRed > 0 ? c.latest.period.kind.count(c.periodsRed) : ""]
    }

    /// `↓ -0.31/month`: the trend's direction and slope per period.
    private func trendText(_ c: ChangeRow) -> String {
        guard let t = c.trend else { return "" }
        return "\(t.direction?.arrow ?? "") \(t.slopeLabel(decimals: c.indicator.decimals, per: c.latest.period.kind))".trimmingSpaces()
    }

    private func csvCells(_ r: ExceptionRow) -> [String] {
        let c = r.change, d = c.indicator.decimals
        return [c.indicator.group, c.area.code, c.area.name, c.team ?? "", c.indicator.code, c.indicator.name,
                c.latest.period.description, ValueFormatter.display(c.latest.value, decimals: d),
                ValueFormatter.display(c.latest.target, decimals: d), ValueFormatter.display(c.latest.floor, decimals: d),
                c.latest.rating?.name ?? "", c.latest.ratedBy?.rawValue ?? "", c.group.key, c.compared?.period.description ?? "",
                ValueFormatter.display(c.compared?.value, decimals: d), c.compared?.rating?.name ?? "", c.compared?.ratedBy?.rawValue ?? "",
                c.change?.signedNumber ?? "", c.change?.measure.rawValue ?? "", c.direction?.arrow ?? "", c.trend?.direction?.arrow ?? "",
                c.trend.map { ValueFormatter.plain($0.slope) } ?? "",
                ValueFormatter.display(r.england?.value, decimals: d), r.comparator?.comparator ?? "",
                ValueFormatter.display(r.comparator?.value, decimals: d), String(c.periodsRed),
                r.commentary.map(\.text).joined(separator: "\n"), r.actions.map(\.text).joined(separator: "\n"),
                r.actions.map { $0.owner ?? "" }.joined(separator: "; "), r.actions.map { $0.due?.description ?? "" }.joined(separator: "; ")]
    }

    private func json(_ r: ExceptionRow) -> String {
        func string(_ s: String?) -> String { s.map(ReportFormat.jsonString) ?? "null" }
        func number(_ v: Double?) -> String { v.map(ValueFormatter.plain) ?? "null" }
        func notes(_ list: [Note]) -> String {
            "[" + list.map { n in
                "{\"period\": \(string(n.period.description)), \"text\": \(string(n.text)), \"owner\": \(string(n.owner)), "
                    + "\"due\": \(string(n.due?.description)), \"source\": \(string(n.source))}"
            }.joined(separator: ", ") + "]"
        }
        let c = r.change
        let fields: [(String, String)] = [
            ("group", string(c.indicator.group)), ("area_code", string(c.area.code)), ("area", string(c.area.name)),
            ("team", string(c.team)), ("indicator", string(c.indicator.code)), ("name", string(c.indicator.name)),
            ("period", string(c.latest.period.description)), ("value", number(c.latest.value)), ("target", number(c.latest.target)),
            ("floor", number(c.latest.floor)), ("rag", string(c.latest.rating?.name)), ("rated_by", string(c.latest.ratedBy?.rawValue)),
            ("change_group", string(c.group.key)), ("old_period", string(c.compared?.period.description)),
            ("old_value", number(c.compared?.value)), ("old_rag", string(c.compared?.rating?.name)),
            ("old_rated_by", string(c.compared?.ratedBy?.rawValue)), ("change", number(c.change?.amount)),
            ("change_measure", string(c.change?.measure.rawValue)), ("dot", string(c.direction?.arrow)),
            ("trend", string(c.trend?.direction?.arrow)), ("trend_slope", number(c.trend?.slope)),
            ("england", number(r.england?.value)), ("comparator", string(r.comparator?.comparator)),
            ("comparator_value", number(r.comparator?.value)), ("periods_red", String(c.periodsRed)),
            ("commentary", notes(r.commentary)), ("actions", notes(r.actions)),
        ]
        return "{" + fields.map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}"
    }
}

extension Period.Kind {
    /// The kind's unit for counts and rates: `month`, `quarter`, `term`, `year`.
    public var unit: String {
        switch self {
        case .month: "month"
        case .financialQuarter: "quarter"
        case .term: "term"
        case .academicYear, .financialYear, .calendarYear: "year"
        }
    }

    /// `1 month`, `7 months`, `2 quarters`.
    public func count(_ n: Int) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }
}
