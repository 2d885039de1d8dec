import ScorecardData

/// Figures as the panes show them.
enum Fmt {
    /// A value with its indicator's decimals, grouped, and a % sign for percentages ("–" for none).
    static func value(_ v: Double?, _ ind: Indicator?) -> String {
        guard let v else { return "–" }
        let s = ValueFormatter.grouped(v, decimals: ind?.decimals)
        return ind?.isPercent == true ? s + "%" : s
    }

    /// A value with its indicator's decimals, no grouping or unit ("" for none).
    static func plain(_ v: Double?, _ ind: Indicator?) -> String {
        guard let v else { return "" }
        return ValueFormatter.display(v, decimals: ind?.decimals)
    }

    /// A count, grouped ("" for none).
    static func count(_ v: Double?) -> String { v.map { ValueFormatter.grouped($0, decimals: nil) } ?? "" }

    /// `757/1,036` ("" when neither is given).
    static func fraction(_ n: Double?, _ d: Double?) -> String {
        guard n != nil || d != nil else { return "" }
        return "\(count(n))/\(count(d))"
    }
}

extension TableCell {
    /// A direction of travel: its arrow, exported as the data format's arrow.
    static func travel(_ dot: DOT?, _ glyphs: Glyphs) -> TableCell {
        TableCell(glyphs.dot(dot), marks: dot.map { [.travel($0)] } ?? [], export: [dot?.arrow ?? ""], sort: .direction(dot))
    }

    /// A sparkline of `values` (a missing one is a gap, `┆`), exported as the values
    /// themselves, `;` between (empty for a missing one).
    static func trend(_ values: [Double?], width: Int, _ glyphs: Glyphs, decimals: Int?) -> TableCell {
        let shown = values.suffix(width)
        let spark = Sparkline.make(values, width: width, glyphs: glyphs)
        let export = shown.map { $0.map { ValueFormatter.display($0, decimals: decimals) } ?? "" }.joined(separator: ";")
        let marks: [Mark] = (shown.contains { $0 != nil } ? [.trend] : []) + (shown.contains { $0 == nil } ? [.gap] : [])
        return TableCell(spark, role: .chartLine, marks: marks, export: [export], sort: .missing)
    }
}
