import ScorecardData

/// Shared formatting of figures for the views.
enum Fmt {
    /// A value with its indicator's decimals and a % sign for percentages.
    static func value(_ v: Double?, _ ind: Indicator?) -> String {
        guard let v else { return "–" }
        let s = ValueFormatter.grouped(v, decimals: ind?.decimals)
        return ind?.isPercent == true ? s + "%" : s
    }

    static func plain(_ v: Double?, _ ind: Indicator?) -> String {
        guard let v else { return "" }
        return ValueFormatter.display(v, decimals: ind?.decimals)
    }

    static func count(_ v: Double?) -> String { v.map { ValueFormatter.grouped($0, decimals: nil) } ?? "" }

    /// `757/1,036`.
    static func fraction(_ n: Double?, _ d: Double?) -> String {
        guard n != nil || d != nil else { return "" }
        return "\(count(n))/\(count(d))"
    }

    /// The South East (or statistical neighbours) and England (or England and Wales) benchmarks.
    static func benchmarks(_ ds: Dataset, _ code: String) -> (regional: Benchmark?, national: Benchmark?) {
        let all = ds.latestBenchmarks(indicator: code)
        let regional = all.first { $0.comparator == "South East" } ?? all.first { $0.comparator.lowercased().contains("neighbour") }
            ?? all.first { $0.comparator.lowercased().contains("south") }
        let national = all.first { $0.comparator == "England" } ?? all.first { $0.comparator.lowercased().hasPrefix("england") }
        return (regional, national)
    }

    /// Word-wraps text to lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 4 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = String(word)
            if line.isEmpty {
                line = w
            } else if TextWidth.of(line) + 1 + TextWidth.of(w) <= width {
                line += " " + w
            } else {
                lines.append(line)
                line = w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
