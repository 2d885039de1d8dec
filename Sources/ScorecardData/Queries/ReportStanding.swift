/// The report's columns for where a figure stands: its national rank and quartile, and its gap
/// to target (`national_rank`, `national_of`, `quartile`, `gap`).
extension ReportFormat {
    /// The CSV cells: rank, of, quartile and gap, each empty where not defined.
    static func standingCells(_ r: ReportRow) -> [String] {
        [r.national.map { String($0.rank) } ?? "", r.national.map { String($0.of) } ?? "",
         r.national.map { String($0.quartile) } ?? "", ValueFormatter.display(r.gap, decimals: r.decimals)]
    }

    /// The JSON members, null where not defined.
    static func standingJSON(_ r: ReportRow) -> [String] {
        ["\"national_rank\": \(r.national.map { String($0.rank) } ?? "null")", "\"national_of\": \(r.national.map { String($0.of) } ?? "null")",
         "\"quartile\": \(r.national.map { String($0.quartile) } ?? "null")", "\"gap\": \(r.gap.map(ValueFormatter.plain) ?? "null")"]
    }

    /// The columns text and Markdown show after the others: `National` (`111/153`), `Q`
    /// (`Q3`) and `Gap` (`+16.9`, `-27.7`), each only when some row has a figure for it.
    static func standingColumns(_ rows: [ReportRow]) -> [(header: String, cells: [String])] {
        var out: [(header: String, cells: [String])] = []
        if rows.contains(where: { $0.national != nil }) {
            out.append(("National", rows.map { r in r.national.map { "\($0.rank)/\($0.of)" } ?? "" }))
            out.append(("Q", rows.map { r in r.national.map { "Q\($0.quartile)" } ?? "" }))
        }
        if rows.contains(where: { $0.gap != nil }) {
            out.append(("Gap", rows.map { r in r.gap.map { signed($0, decimals: r.decimals) } ?? "" }))
        }
        return out
    }

    /// `+16.9`, `-27.7`, `0.0`: a gap with its sign, at the indicator's decimals or more.
    public static func signed(_ v: Double, decimals: Int?) -> String {
        let text = ValueFormatter.display(v, decimals: decimals)
        return v > 0 ? "+" + text : text
    }
}
