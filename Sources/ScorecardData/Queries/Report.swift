/// One row of `ragtop report`: an area's figure for an indicator in a period.
public struct ReportRow: Sendable, Equatable {
    public var areaCode: String
    public var areaName: String
    public var team: String?
    public var indicator: String
    public var indicatorName: String
    public var period: Period
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var target: Double?
    public var rag: RAG?
    public var dot: DOT?
    public var decimals: Int?
    public var unit: String?
    /// Where `rag` comes from: published, by rule, or undecided (a missed target without a
    /// floor: `rag` is nil); nil when there is nothing to rate.
    public var ratedBy: RatingSource? = nil
    /// What the producer says about the figure (observations.csv `status`).
    public var status: ObservationStatus? = nil
    /// The figure's national rank and quartile among local authorities (see `nationalStanding`).
    public var national: NationalStanding? = nil
    /// How far the figure is from its target (see `gapToTarget`).
    public var gap: Double? = nil
    /// With `--neighbours`: where the figure sits among the area and its neighbours.
    public var neighbourhood: NeighbourFigures? = nil
}

/// What to include in a report.
public struct ReportQuery: Sendable {
    /// Area codes to include (nil: all).
    public var areas: Set<String>?
    public var indicator: String?
    /// Group name, matched case-insensitively (nil: all).
    public var group: String?
    /// Ratings to keep (nil: all; rows without a rating are dropped when set).
    public var rags: Set<RAG>?
    /// Every period rather than the latest with a value.
    public var allPeriods: Bool

    public init(areas: Set<String>? = nil, indicator: String? = nil, group: String? = nil, rags: Set<RAG>? = nil, allPeriods: Bool = false) {
        self.areas = areas
        self.indicator = indicator
        self.group = group
        self.rags = rags
        self.allPeriods = allPeriods
    }
}

extension Dataset {
    /// The rows of a report, in area order, then indicator order, then team, then period.
    public func report(_ query: ReportQuery) -> [ReportRow] {
        var out: [ReportRow] = []
        let group = query.group?.lowercased()
        for area in areas where query.areas?.contains(area.code) ?? true {
            for s in seriesIDs(area: area.code) {
                let info = series(s)
                guard let ind = indicator(info.indicator) else { continue }
                if let code = query.indicator, code.lowercased() != ind.code.lowercased() { continue }
                if let group, ind.group.lowercased() != group { continue }
                let rows: [Int] = query.allPeriods ? rows(series: s).map(Int.init) : (latestRow(series: s).map { [$0] } ?? [])
                for r in rows {
                    let rag = rag(row: r)
                    if let keep = query.rags {
                        guard let rag, keep.contains(rag) else { continue }
                    }
                    out.append(reportRow(r, area: area, indicator: ind, team: info.team))
                }
            }
        }
        return out
    }

    /// A row's figure as a report row.
    func reportRow(_ r: Int, area: Area, indicator ind: Indicator, team: String?) -> ReportRow {
        ReportRow(areaCode: area.code, areaName: area.name, team: team, indicator: ind.code,
                  indicatorName: ind.name, period: period(row: r), value: value(row: r),
                  numerator: numerator(row: r), denominator: denominator(row: r), target: target(row: r),
                  rag: rag(row: r), dot: dot(row: r), decimals: ind.decimals, unit: ind.unit,
                  ratedBy: ratingSource(row: r), status: status(row: r), national: nationalStanding(row: r), gap: gapToTarget(row: r))
    }
}

/// Renders report rows as text, CSV, JSON or Markdown.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, csv, json, markdown

    /// The machine-readable fields, in order. `rag` is RED, AMBER, GREEN or empty; `rated_by` is
    /// `published`, `rule`, `undecided` (a missed target without a floor; `rag` empty) or empty;
    /// `status` is an `ObservationStatus` name or empty.
    public static let fields = ["area_code", "area", "indicator", "name", "period", "value", "numerator", "denominator", "target", "rag", "dot", "team",
                                "rated_by", "status", "national_rank", "national_of", "quartile", "gap"]

    /// The rows in this format; `text` marks ratings and directions of travel as `style` says.
    public func render(_ rows: [ReportRow], text style: ReportTextStyle = .plain) -> String {
        if ReportFormat.hasNeighbours(rows) && self == .text { return ReportFormat.neighbourText(rows, style: style) }
        if ReportFormat.hasNeighbours(rows) && self == .markdown { return ReportFormat.neighbourMarkdown(rows) }
        switch self {
        case .csv: return ReportFormat.csv(rows)
        case .json: return ReportFormat.json(rows)
        case .markdown: return ReportFormat.markdown(rows)
        case .text: return ReportFormat.text(rows, style: style)
        }
    }

    static func cells(_ r: ReportRow) -> [String] {
        [r.areaCode, r.areaName, r.indicator, r.indicatorName, r.period.description,
         ValueFormatter.display(r.value, decimals: r.decimals), ValueFormatter.plain(opt: r.numerator),
         ValueFormatter.plain(opt: r.denominator), ValueFormatter.display(r.target, decimals: r.decimals),
         r.rag?.name ?? "", r.dot?.arrow ?? "", r.team ?? "", r.ratedBy?.rawValue ?? "", r.status?.name ?? ""] + standingCells(r)
    }

    /// The rating in words for people: `RED` …, or `target missed` when undecided.
    private static func ratingText(_ r: ReportRow) -> String {
        r.ratedBy == .undecided ? "target missed" : r.rag?.name ?? ""
    }

    /// A CSV cell (RFC 4180): quoted when it holds a comma, quote or line end (checked by
    /// scalar, as "\r\n" is one Character), with quotes doubled.
    public static func csvField(_ s: String) -> String {
        if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
        }
        return s
    }

    static func csv(_ rows: [ReportRow]) -> String {
        let neighbours = hasNeighbours(rows)
        var out = (fields + (neighbours ? neighbourFields : [])).joined(separator: ",") + "\n"
        for r in rows { out += (cells(r) + (neighbours ? neighbourCells(r) : [])).map(csvField).joined(separator: ",") + "\n" }
        return out
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func json(_ rows: [ReportRow]) -> String {
        func num(_ v: Double?, _ d: Int?) -> String {
            guard let v else { return "null" }
            return ValueFormatter.display(v, decimals: nil).isEmpty ? "null" : ValueFormatter.plain(v)
        }
        let neighbours = hasNeighbours(rows)
        var out = "[\n"
        for (i, r) in rows.enumerated() {
            let fields: [String] = [
                "\"area_code\": \(jsonString(r.areaCode))", "\"area\": \(jsonString(r.areaName))",
                "\"indicator\": \(jsonString(r.indicator))", "\"name\": \(jsonString(r.indicatorName))",
                "\"period\": \(jsonString(r.period.description))", "\"value\": \(num(r.value, r.decimals))",
                "\"numerator\": \(num(r.numerator, nil))", "\"denominator\": \(num(r.denominator, nil))",
                "\"target\": \(num(r.target, r.decimals))", "\"rag\": \(r.rag.map { jsonString($0.name) } ?? "null")",
                "\"dot\": \(r.dot.map { jsonString($0.arrow) } ?? "null")", "\"team\": \(r.team.map(jsonString) ?? "null")",
                "\"rated_by\": \(r.ratedBy.map { jsonString($0.rawValue) } ?? "null")", "\"status\": \(r.status.map { jsonString($0.name) } ?? "null")",
            ] + standingJSON(r) + (neighbours ? neighbourJSON(r) : [])
            out += "  {" + fields.joined(separator: ", ") + "}" + (i + 1 < rows.count ? ",\n" : "\n")
        }
        return out + "]\n"
    }

    static func markdown(_ rows: [ReportRow]) -> String {
        func esc(_ s: String) -> String { SafeText.sanitize(s).replacingAll("|", with: "\\|") }
        let extra = optionalColumns(rows)
        var out = "| Area | Team | Code | Indicator | Period | Value | Num | Den | Target | RAG | DOT |" + extra.map { " \($0.header) |" }.joined() + "\n"
        out += "|---|---|---|---|---|---:|---:|---:|---:|---|---|" + extra.map { $0.right ? "---:|" : "---|" }.joined() + "\n"
        for (i, r) in rows.enumerated() {
            let c = cells(r)
            out += "| " + ([esc(r.areaName), esc(r.team ?? ""), esc(r.indicator), esc(r.indicatorName), r.period.label,
                            c[5], c[6], c[7], c[8], ratingText(r), r.dot?.arrow ?? ""] + extra.map { $0.cells[i] }).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// The columns text and Markdown show after DOT, each only when some row has something in it:
    /// `Rated by` and `Status`, then where the figure stands (`standingColumns`).
    static func optionalColumns(_ rows: [ReportRow]) -> [(header: String, right: Bool, cells: [String])] {
        var out: [(header: String, right: Bool, cells: [String])] = []
        if rows.contains(where: { $0.ratedBy != nil }) { out.append(("Rated by", false, rows.map { $0.ratedBy?.rawValue ?? "" })) }
        if rows.contains(where: { $0.status != nil }) { out.append(("Status", false, rows.map { $0.status?.name ?? "" })) }
        return out + standingColumns(rows).map { ($0.header, true, $0.cells) }
    }

    static func text(_ rows: [ReportRow], style: ReportTextStyle) -> String {
        guard !rows.isEmpty else { return "No rows match.\n" }
        let extra = optionalColumns(rows)
        let headers = ["Area", "Code", "Indicator", "Period", "Value", "Num", "Den", "Target", "RAG", "DOT"] + extra.map(\.header)
        let table: [[String]] = rows.enumerated().map { i, r in
            let area = r.team.map { "\(r.areaName) · \($0)" } ?? r.areaName
            let rag = r.ratedBy == .undecided ? ratingText(r) : style.rating(r.rag)
            return [SafeText.sanitize(area), SafeText.sanitize(r.indicator), SafeText.sanitize(r.indicatorName), r.period.label,
                    ValueFormatter.display(r.value, decimals: r.decimals) + (r.unit == "percent" && r.value != nil ? "%" : ""),
                    ValueFormatter.grouped(r.numerator, decimals: nil), ValueFormatter.grouped(r.denominator, decimals: nil),
                    ValueFormatter.display(r.target, decimals: r.decimals), rag, style.travel(r.dot)]
                + extra.map { $0.cells[i] }
        }
        var widths = headers.map { $0.count }
        let maxWidths = [34, 12, 60, 12, 12, 10, 10, 10, 13, 3] + extra.map { $0.right ? 12 : 15 }
        for row in table { for (i, c) in row.enumerated() { widths[i] = min(max(widths[i], c.count), maxWidths[i]) } }
        let rightAligned = Set([4, 5, 6, 7] + extra.indices.filter { extra[$0].right }.map { 10 + $0 })
        func line(_ cells: [String], _ rag: RAG?) -> String {
            var parts: [String] = []
            for (i, c) in cells.enumerated() {
                var cell = c.count > widths[i] ? String(c.prefix(widths[i] - 1)) + "…" : c
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                cell = rightAligned.contains(i) ? pad + cell : cell + pad
                if i == 8, let rag { cell = style.paint(rag, cell) }
                parts.append(cell)
            }
            var s = parts.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s
        }
        var out = style.header(line(headers, nil)) + "\n"
        for (i, row) in table.enumerated() { out += line(row, rows[i].rag) + "\n" }
        let counts = RAG.allCases.map { rag in "\(rows.filter { $0.rag == rag }.count) \(rag.name.lowercased())" }
        let missed = rows.count { $0.ratedBy == .undecided }, unrated = rows.count { $0.rag == nil && $0.ratedBy != .undecided }
        out += "\n\(rows.count) rows: " + counts.joined(separator: ", ") + ", \(missed) target missed (undecided), \(unrated) unrated;"
            + " \(rows.count { $0.ratedBy == .rule }) rated by rule\n"
        return out
    }
}

/// How `report --format text` marks ratings and directions of travel and styles its header and
/// rating cells. The caller brings the glyphs and colours (the dashboard's glyph table and
/// theme); ScorecardData draws no glyphs and writes no escape codes of its own.
public struct ReportTextStyle: Sendable {
    public var rating: @Sendable (RAG?) -> String
    public var travel: @Sendable (DOT?) -> String
    /// The rating cell of a rated row, styled (coloured on a terminal).
    public var paint: @Sendable (RAG, String) -> String
    /// The header line, styled.
    public var header: @Sendable (String) -> String
    /// Between the parts of a title (` · `, or ` - ` in ASCII).
    public var separator: String

    public init(rating: @escaping @Sendable (RAG?) -> String, travel: @escaping @Sendable (DOT?) -> String,
                paint: @escaping @Sendable (RAG, String) -> String = { $1 }, header: @escaping @Sendable (String) -> String = { $0 },
                separator: String = " · ") {
        self.rating = rating
        self.travel = travel
        self.paint = paint
        self.header = header
        self.separator = separator
    }

    /// Names and the data format's arrows, no styling.
    public static let plain = ReportTextStyle(rating: { $0?.name ?? "" }, travel: { $0?.arrow ?? "" })
}

extension ValueFormatter {
    /// Plain text for an optional number ("" for nil).
    public static func plain(opt value: Double?) -> String { value.map(plain) ?? "" }
}
