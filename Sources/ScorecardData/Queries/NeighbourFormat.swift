/// How `report --neighbours` is printed. CSV and JSON keep one row per figure and add the
/// `neighbourFields` to every row (the group's mean and median repeated on each of its rows);
/// text and Markdown print one table per group with the mean and median in a line under it.
extension ReportFormat {
    /// The fields `--neighbours` adds after the others.
    public static let neighbourFields = ["neighbour", "closeness", "neighbour_rank", "neighbour_of", "neighbours_mean", "neighbours_median"]

    /// True when the rows come from `neighbourReport`.
    static func hasNeighbours(_ rows: [ReportRow]) -> Bool { rows.contains { $0.neighbourhood != nil } }

    static func neighbourCells(_ r: ReportRow) -> [String] {
        guard let n = r.neighbourhood else { return Array(repeating: "", count: neighbourFields.count) }
        return [n.neighbour.map(String.init) ?? "", n.closeness ?? "", n.rank.map(String.init) ?? "", String(n.of),
                ValueFormatter.display(n.mean, decimals: r.decimals), ValueFormatter.display(n.median, decimals: r.decimals)]
    }

    static func neighbourJSON(_ r: ReportRow) -> [String] {
        let n = r.neighbourhood
        func number(_ v: Double?) -> String { v.map(ValueFormatter.plain) ?? "null" }
        return ["\"neighbour\": \(number(n?.neighbour.map(Double.init)))", "\"closeness\": \(n?.closeness.map(jsonString) ?? "null")",
                "\"neighbour_rank\": \(number(n?.rank.map(Double.init)))", "\"neighbour_of\": \(number(n.map { Double($0.of) }))",
                "\"neighbours_mean\": \(number(n?.mean))", "\"neighbours_median\": \(number(n?.median))"]
    }

    /// The rows in groups: consecutive rows of one indicator and period.
    static func neighbourGroups(_ rows: [ReportRow]) -> [ArraySlice<ReportRow>] {
        var groups: [ArraySlice<ReportRow>] = []
        var start = 0
        for i in rows.indices where i > 0 && (rows[i].indicator != rows[i - 1].indicator || rows[i].period != rows[i - 1].period) {
            groups.append(rows[start..<i])
            start = i
        }
        if start < rows.count { groups.append(rows[start...]) }
        return groups
    }

    /// `EHCP20-CY · EHCPs issued … · 2024 · higher is better` (the parts joined by `separator`).
    private static func groupTitle(_ g: ArraySlice<ReportRow>, separator: String) -> String {
        guard let r = g.first else { return "" }
        let order: String
        switch r.neighbourhood?.polarity {
        case .low: order = "lower is better"
        case .target: order = "closest to the target band is best"
        default: order = "higher is better"
        }
        return [SafeText.sanitize(r.indicator), SafeText.sanitize(r.indicatorName), r.period.label, order].joined(separator: separator)
    }

    /// `Neighbours' mean 40.2%, median 39.5% (10 of 10 with a figure) · Kent ranks 8 of 11`
    private static func groupSummary(_ g: ArraySlice<ReportRow>, separator sep: String) -> String {
        guard let first = g.first, let n = first.neighbourhood else { return "" }
        let unit = first.unit == "percent" ? "%" : ""
        let neighbours = g.filter { $0.neighbourhood?.neighbour != nil }
        let withFigure = neighbours.filter { $0.value != nil }.count
        var line: String
        if let mean = n.mean, let median = n.median {
            line = "Neighbours' mean \(ValueFormatter.display(mean, decimals: first.decimals))\(unit), median \(ValueFormatter.display(median, decimals: first.decimals))\(unit)"
        } else {
            line = "No neighbour has a figure"
        }
        line += " (\(withFigure) of \(neighbours.count) with a figure)"
        if let area = g.first(where: { $0.neighbourhood?.neighbour == nil }) {
            let name = SafeText.sanitize(area.areaName)
            line += area.neighbourhood?.rank.map { "\(sep)\(name) ranks \($0) of \(n.of)" } ?? (area.value == nil ? "\(sep)\(name) has no figure" : "")
        }
        return line
    }

    static func neighbourText(_ rows: [ReportRow], style: ReportTextStyle) -> String {
        guard !rows.isEmpty else { return "No rows match.\n" }
        var out = ""
        for (k, g) in neighbourGroups(rows).enumerated() {
            if k > 0 { out += "\n" }
            out += style.header(groupTitle(g, separator: style.separator)) + "\n"
            var columns: [(header: String, right: Bool, cells: [String])] = [
                ("#", true, g.map { $0.neighbourhood?.neighbour.map(String.init) ?? "" }),
                ("Area", false, g.map { SafeText.sanitize($0.areaName) }),
            ]
            if g.contains(where: { $0.neighbourhood?.closeness != nil }) {
                columns.append(("Closeness", false, g.map { SafeText.sanitize($0.neighbourhood?.closeness ?? "") }))
            }
            columns.append(("Value", true, g.map { ValueFormatter.display($0.value, decimals: $0.decimals) + ($0.unit == "percent" && $0.value != nil ? "%" : "") }))
            if g.contains(where: { $0.numerator != nil || $0.denominator != nil }) {
                columns.append(("Num", true, g.map { ValueFormatter.grouped($0.numerator, decimals: nil) }))
                columns.append(("Den", true, g.map { ValueFormatter.grouped($0.denominator, decimals: nil) }))
            }
            if g.contains(where: { $0.rag != nil }) {
                columns.append(("RAG", false, g.map { r in r.ratedBy == .undecided ? "target missed" : style.rating(r.rag) }))
            }
            columns.append(("Rank", true, g.map { r in r.neighbourhood.flatMap { n in n.rank.map { "\($0)/\(n.of)" } } ?? "" }))
            for extra in standingColumns(Array(g)) { columns.append((extra.header, true, extra.cells)) }
            out += TextTable(columns: columns).text() + groupSummary(g, separator: style.separator) + "\n"
        }
        return out
    }

    static func neighbourMarkdown(_ rows: [ReportRow]) -> String {
        func esc(_ s: String) -> String { SafeText.sanitize(s).replacingAll("|", with: "\\|") }
        var out = ""
        for (k, g) in neighbourGroups(rows).enumerated() {
            if k > 0 { out += "\n" }
            out += "**\(esc(groupTitle(g, separator: " · ")))**\n\n"
            let extra = standingColumns(Array(g))
            out += "| # | Area | Closeness | Value | Num | Den | RAG | Rank |" + extra.map { " \($0.header) |" }.joined() + "\n"
            out += "|---:|---|---|---:|---:|---:|---|---:|" + String(repeating: "---:|", count: extra.count) + "\n"
            for (i, r) in g.enumerated() {
                let c = cells(r)
                let rank = r.neighbourhood.flatMap { n in n.rank.map { "\($0)/\(n.of)" } } ?? ""
                out += "| " + ([r.neighbourhood?.neighbour.map(String.init) ?? "", esc(r.areaName), esc(r.neighbourhood?.closeness ?? ""),
                                c[5], c[6], c[7], r.rag?.name ?? "", rank] + extra.map { $0.cells[i] }).joined(separator: " | ") + " |\n"
            }
            out += "\n" + esc(groupSummary(g, separator: " · ")) + "\n"
        }
        return out
    }
}
