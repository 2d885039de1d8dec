import ScorecardData

/// A figure's rating as the screen shows it: its colour, if any, and where it came from
/// (published, by rule, or undecided: a missed target with no floor).
public struct ShownRating: Equatable, Sendable {
    public var rag: RAG?
    public var source: RatingSource?

    public init(rag: RAG?, source: RatingSource?) {
        self.rag = rag
        self.source = source
    }

    /// The rating of a dataset row (`Dataset.rag(row:)` and `ratingSource(row:)`); none for nil.
    public init(_ ds: Dataset, row: Int?) {
        guard let row else {
            self.init(rag: nil, source: nil)
            return
        }
        self.init(rag: ds.rag(row: row), source: ds.ratingSource(row: row))
    }

    public static let none = ShownRating(rag: nil, source: nil)

    /// A missed target the rule cannot rate: "target missed".
    public var isUndecided: Bool { source == .undecided }

    /// True when the rule worked the rating out (it was not published).
    public var isByRule: Bool { source == .rule && rag != nil }

    /// The marks drawn for it: the rating's (or target missed), and "by rule" when it is.
    public var marks: [Mark] {
        if isUndecided { return [.undecided] }
        return [.rating(rag)] + (isByRule ? [.byRule] : [])
    }

    /// Its style role: the rating's colour; none for target missed (no colour is justified).
    public var role: StyleRole { Glyphs.role(for: rag) }

    /// What `e` exports: the `rag` field (RED, AMBER, GREEN or empty) and `rated_by`
    /// (published, rule, undecided or empty), as `ragtop report` writes them.
    public var exportFields: [String] { [rag?.name ?? "", source?.rawValue ?? ""] }

    /// The worse of two ratings shown for one cell: a colour beats target missed, which beats
    /// none; of two colours the lower (RED first).
    func worse(_ other: ShownRating) -> ShownRating {
        switch (rag, other.rag) {
        case let (a?, b?): return b < a ? other : self
        case (_?, nil): return self
        case (nil, _?): return other
        case (nil, nil): return isUndecided || !other.isUndecided ? self : other
        }
    }
}

extension Glyphs {
    /// One cell for a rating: ✖ ▲ ● for the colours, ◇ for target missed, · for none.
    public func glyph(_ r: ShownRating) -> Character { r.isUndecided ? character(.undecided) : rag(r.rag) }

    /// Glyph and letter, and `ʳ` when by rule: `✖ R`, `● Gʳ`, `◇ M` (target missed), `· -`.
    public func label(_ r: ShownRating) -> String {
        if r.isUndecided { return "\(glyph(r)) M" }
        return ragLabel(r.rag) + (r.isByRule ? self[.byRule] : "")
    }

    /// The rating in words, for a line of text: `● G GREEN`, `● Gʳ GREEN by rule`,
    /// `◇ M target missed`, `· - no rating`.
    public func words(_ r: ShownRating) -> String {
        if r.isUndecided { return "\(label(r)) target missed" }
        guard let rag = r.rag else { return "\(label(r)) no rating" }
        return "\(label(r)) \(rag.name)" + (r.isByRule ? " by rule" : "")
    }

    /// A status as the screen shows it: `[p]`, `[c]` … (the statistical symbols).
    public func status(_ s: ObservationStatus) -> String { self[.status(s)] }
}

extension TableColumn {
    /// The rating column: `RAG`, exporting `rag` and `rated_by`.
    static func rating(priority: Int = 0) -> TableColumn {
        TableColumn("rag", "RAG", .fit(min: 3, max: 4), priority: priority, export: ["rag", "rated_by"])
    }

    /// A figure's column (`value`), exporting the number and its `status`.
    static func figure(_ title: String, max: Int = 14, priority: Int = 0) -> TableColumn {
        TableColumn("value", title, align: .right, .fit(min: 5, max: max), priority: priority, export: ["value", "status"])
    }

    /// The notes marker's column: one cell, no title, exporting how many notes the row has.
    static let notes = TableColumn("notes", "", .fit(min: 1, max: 1), export: ["notes"])

    /// The gap to target (`+16.9`, `-3.1`): how far the figure beats (+) or falls short of (−)
    /// its target in the indicator's good direction, as `report`'s `gap` column gives it.
    static func gap(priority: Int = 1) -> TableColumn {
        TableColumn("gap", "Gap", align: .right, .fit(min: 3, max: 10), priority: priority)
    }
}

extension TableCell {
    /// A rating: `label` in the rating's colour (kept on the selected row), exported as `rag`
    /// and `rated_by`.
    static func rating(_ r: ShownRating, _ glyphs: Glyphs) -> TableCell {
        TableCell(glyphs.label(r), role: r.role, marks: r.marks, export: r.exportFields, keepsRole: true, sort: .rating(r.rag, source: r.source))
    }

    /// The rating of a dataset row.
    static func rating(_ ds: Dataset, row: Int?, _ glyphs: Glyphs) -> TableCell { rating(ShownRating(ds, row: row), glyphs) }

    /// A figure with its status: `76.9% [p]`; a missing one says why (`[c]`, `[x]` …) or shows
    /// `–`. Exported as the plain number and the status's name (`value`, `status`).
    static func figure(_ v: Double?, _ ind: Indicator?, status: ObservationStatus?, _ glyphs: Glyphs, unit: Bool = true,
                       role: StyleRole = .text, marks: [Mark] = []) -> TableCell {
        var text = v == nil ? "–" : unit ? Fmt.value(v, ind) : Fmt.plain(v, ind)
        var all = marks
        if let status {
            text = v == nil ? glyphs.status(status) : text + " " + glyphs.status(status)
            all.append(.status(status))
        }
        return TableCell(text, role: v == nil ? .muted : role, marks: all, export: [Fmt.plain(v, ind), status?.name ?? ""], sort: .number(v))
    }

    /// A dataset row's figure (value and status); `–` for no row.
    static func figure(_ ds: Dataset, row: Int?, _ ind: Indicator?, _ glyphs: Glyphs, unit: Bool = true, role: StyleRole = .text,
                       marks: [Mark] = []) -> TableCell {
        figure(row.flatMap { ds.value(row: $0) }, ind, status: row.flatMap { ds.status(row: $0) }, glyphs, unit: unit, role: role, marks: marks)
    }

    /// A row's gap to target (`Dataset.gapToTarget(row:)`), signed, at the indicator's decimals
    /// as `report` writes it; empty without a value or a target.
    static func gap(_ ds: Dataset, row: Int?, _ ind: Indicator) -> TableCell {
        let gap = row.flatMap { ds.gapToTarget(row: $0) }
        return TableCell(gap.map { ReportFormat.signed($0, decimals: ind.decimals) } ?? "", role: .muted,
                         export: [gap.map { ValueFormatter.display($0, decimals: ind.decimals) } ?? ""], sort: .number(gap))
    }

    /// The notes marker of a series that has notes (`✎`), exported as how many it has.
    static func notes(_ ds: Dataset, series: Int, _ glyphs: Glyphs) -> TableCell {
        guard ds.hasNotes(series: series) else { return TableCell("", export: [""], sort: .missing) }
        let count = ds.notes(series: series).count
        return TableCell(glyphs[.hasNotes], role: .muted, marks: [.hasNotes], export: [String(count)], sort: .number(Double(count)))
    }
}

extension TableModel {
    /// The model without the column `id` when none of its cells has any text (a notes column
    /// where no row has notes): it takes no room.
    func droppingEmptyColumn(_ id: String) -> TableModel {
        var out = self
        out.dropEmptyColumn(id)
        return out
    }

    /// `droppingEmptyColumn` in place: a model that holds its rows alone changes them without
    /// copying them.
    mutating func dropEmptyColumn(_ id: String) {
        guard let k = columns.firstIndex(where: { $0.id == id }) else { return }
        let empty = rows.allSatisfy { row in
            guard case .data(let cells) = row, k < cells.count else { return true }
            return cells[k].text.isEmpty
        }
        guard empty else { return }
        columns.remove(at: k)
        for i in rows.indices {
            guard case .data(var cells) = rows[i], k < cells.count else { continue }
            rows[i] = .data([])
            cells.remove(at: k)
            rows[i] = .data(cells)
        }
    }
}

extension Mark {
    /// The marks of a figure's status.
    static let statuses: Set<Mark> = Set(ObservationStatus.allCases.map(Mark.status))
}

extension TableModel {
    /// The model with its right-aligned figures lined up when some carry a status after the
    /// number (`76.9% [p]`): the others are padded to the same end, and a missing figure's
    /// status (`[c]`) or `–` stands where the number would.
    func aligningFigures() -> TableModel {
        var out = self
        for k in columns.indices where columns[k].alignment == .right {
            // A cell's suffix: the status after a number.
            func suffix(_ cell: TableCell) -> Int? {
                guard let mark = cell.marks.first(where: Mark.statuses.contains) else { return 0 }
                return (cell.export?.first ?? "").isEmpty ? nil : TextWidth.of(" " + mark.entry.unicode)
            }
            let widest = rows.compactMap { row -> Int? in
                guard case .data(let cells) = row, k < cells.count else { return nil }
                return suffix(cells[k])
            }.max() ?? 0
            guard widest > 0 else { continue }
            for (i, row) in out.rows.enumerated() {
                guard case .data(var cells) = row, k < cells.count, !cells[k].text.isEmpty else { continue }
                cells[k].text += String(repeating: " ", count: widest - (suffix(cells[k]) ?? 0))
                out.rows[i] = .data(cells)
            }
        }
        return out
    }
}

extension Dataset {
    /// True when a series carries a team's figures that are printed under several areas (a
    /// team serving several districts), so they are the team's, not one district's.
    func isSharedTeam(series id: Int) -> Bool { sharedSeries(of: id).count > 1 }
}
