extension EditionDiff {
    /// The CSV and JSON fields, in order: the eight fixed ones first (a contract: scripts read
    /// them), then more detail.
    public static let fields = ["area_code", "indicator", "period", "change", "old_value", "new_value", "old_rag", "new_rag",
                                "what", "team", "old_period", "old_rated_by", "new_rated_by", "area", "name"]

    /// The changes as aligned text, CSV (one row per change), JSON (an array of objects with
    /// `fields`) or Markdown. `old` and `new` name the editions in the text and Markdown headings.
    public func render(_ format: ReportFormat, old: String, new: String) -> String {
        switch format {
        case .csv:
            return ([EditionDiff.fields.joined(separator: ",")] + changes.map { $0.cells.map(ReportFormat.csvField).joined(separator: ",") })
                .joined(separator: "\n") + "\n"
        case .json:
            return jsonArray(changes.map(\.json))
        case .text, .markdown:
            return document(markdown: format == .markdown, old: old, new: new)
        }
    }

    /// A one-line summary: `2 rating changes, 1 revised figure, 310 added, 0 removed, 1 target change`.
    public var summary: String {
        let counts = EditionChange.Kind.allCases.map { ($0, count($0)) }
        return counts.map { kind, n in
            switch kind {
            case .rating: "\(n) rating change\(n == 1 ? "" : "s")"
            case .revised: "\(n) revised figure\(n == 1 ? "" : "s")"
            case .added: "\(n) added"
            case .removed: "\(n) removed"
            case .target: "\(n) target change\(n == 1 ? "" : "s")"
            }
        }.joined(separator: ", ")
    }

    private func document(markdown: Bool, old: String, new: String) -> String {
        var out = markdown ? "# Changes from \(TextTable.markdownText(old)) to \(TextTable.markdownText(new))\n\n\(summary).\n"
                           : TextTable.cell("\(old) → \(new): \(summary)") + "\n"
        if isEmpty { return out + (markdown ? "\nNo differences.\n" : "No differences.\n") }
        for kind in EditionChange.Kind.allCases {
            let list = changes.filter { $0.kind == kind }
            guard !list.isEmpty else { continue }
            var table = TextTable(["Area", "Code", "Indicator", "Period", "What", "Old", "New", "Old RAG", "New RAG"],
                                  rightAligned: [5, 6], maxWidths: [0: 30, 2: 40])
            for c in list {
                let area = c.areaCode.isEmpty ? "all areas" : (c.team.map { "\(c.areaName) · \($0)" } ?? c.areaName)
                var period = c.period?.label ?? ""
                if let was = c.oldPeriod, was != c.period { period = "\(was.label) → \(period)" }
                table.append([area, c.indicator, c.indicatorName, period, c.what, c.oldText, c.newText,
                              EditionChange.ratingText(c.oldRAG, c.oldRatedBy), EditionChange.ratingText(c.newRAG, c.newRatedBy)])
            }
            out += markdown ? "\n## \(kind.heading) (\(list.count))\n\n" + table.markdown() : "\n\(kind.heading) (\(list.count))\n" + table.text()
        }
        return out
    }
}

extension EditionChange.Kind {
    /// A section heading.
    public var heading: String {
        switch self {
        case .rating: "Rating changes on the latest figure"
        case .revised: "Revised figures"
        case .added: "Added"
        case .removed: "Removed"
        case .target: "Targets, floors and polarity"
        }
    }
}

extension EditionChange {
    /// A value as `diff` prints it: at the indicator's decimals for figures, targets and floors.
    static func text(_ v: Value?, what: String, decimals: Int?) -> String {
        switch v {
        case .none: ""
        case .text(let s): s
        case .number(let n): ["numerator", "denominator", "decimals"].contains(what) ? ValueFormatter.plain(n) : ValueFormatter.display(n, decimals: decimals)
        }
    }

    var oldText: String { EditionChange.text(oldValue, what: what, decimals: decimals) }
    var newText: String { EditionChange.text(newValue, what: what, decimals: decimals) }

    /// `RED`, or `RED (rule)` for a rating from the rule; `target missed` when undecided; empty
    /// when unrated.
    static func ratingText(_ rag: RAG?, _ basis: RatingSource?) -> String {
        guard let rag else { return basis == .undecided ? "target missed" : "" }
        return basis == .rule ? "\(rag.name) (rule)" : rag.name
    }

    /// The CSV cells, in `EditionDiff.fields` order.
    var cells: [String] {
        [areaCode, indicator, period?.description ?? "", kind.rawValue, oldText, newText, oldRAG?.name ?? "", newRAG?.name ?? "",
         what, team ?? "", oldPeriod?.description ?? "", oldRatedBy?.rawValue ?? "", newRatedBy?.rawValue ?? "", areaName, indicatorName]
    }

    /// A JSON object with `EditionDiff.fields`; numbers as numbers, none (and an empty area code
    /// or indicator) as null.
    var json: String {
        func string(_ s: String?) -> String { s.map(ReportFormat.jsonString) ?? "null" }
        func value(_ v: Value?) -> String {
            switch v {
            case .none: "null"
            case .text(let s): ReportFormat.jsonString(s)
            case .number(let n): ValueFormatter.plain(n)
            }
        }
        let values = [string(areaCode.isEmpty ? nil : areaCode), string(indicator.isEmpty ? nil : indicator), string(period?.description), string(kind.rawValue), value(oldValue), value(newValue),
                      string(oldRAG?.name), string(newRAG?.name), string(what), string(team), string(oldPeriod?.description),
                      string(oldRatedBy?.rawValue), string(newRatedBy?.rawValue), string(areaName), string(indicatorName)]
        return "{" + zip(EditionDiff.fields, values).map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}"
    }
}

/// A JSON array of objects already written, one per line.
func jsonArray(_ objects: [String]) -> String {
    objects.isEmpty ? "[]\n" : "[\n" + objects.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
}
