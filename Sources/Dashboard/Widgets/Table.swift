import ScorecardData

/// How a table column takes its width.
public enum ColumnSizing: Sendable, Equatable {
    /// As wide as its widest value or its title, within `min`...`max`.
    case fit(min: Int = 1, max: Int = 40)
    /// The room the other columns leave, shared by weight with the other fill columns, at
    /// least `min` (names: they get the room, not the short columns).
    case fill(min: Int, weight: Int = 1)
    /// As wide as its widest value or its title up to `max`, but giving way down to `min` when
    /// the table is too wide (a measure's name beside columns of figures).
    case shrink(min: Int, max: Int)
    /// Exactly `n` columns.
    case fixed(Int)
}

/// Which side of its column a value sits on.
public enum ColumnAlignment: Sendable, Equatable { case left, right }

/// One column of a table: its stable id (the export header and, later, the sort key), title,
/// alignment, sizing rule, and priority for dropping columns on a narrow screen.
public struct TableColumn: Sendable, Equatable {
    public var id: String
    public var title: String
    public var alignment: ColumnAlignment
    public var sizing: ColumnSizing
    /// 0: always shown. When the columns do not fit, the highest priority goes first (the
    /// rightmost of equals first).
    public var priority: Int
    /// The CSV fields this column exports, in order; nil: one field named `id`; empty: none.
    public var exportFields: [String]?
    /// The title's role (a selected column stands out).
    public var titleRole: StyleRole
    /// Marks drawn in the title.
    public var titleMarks: [Mark]
    /// Whether `o`, `O`, a header click and `--sort` can sort the table by it (not a sparkline).
    public var sortable: Bool

    /// A column. A title may have several lines ("1\n2"): the header is as tall as the tallest,
    /// and shorter titles sit at its bottom.
    public init(_ id: String, _ title: String, align: ColumnAlignment = .left, _ sizing: ColumnSizing = .fit(), priority: Int = 0,
                export: [String]? = nil, titleRole: StyleRole = .header, titleMarks: [Mark] = [], sortable: Bool = true) {
        self.id = id
        self.title = title
        self.alignment = align
        self.sizing = sizing
        self.priority = priority
        self.exportFields = export
        self.titleRole = titleRole
        self.titleMarks = titleMarks
        self.sortable = sortable
    }

    /// The title's lines, top first.
    var titleLines: [String] { title.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// How many lines the title has (`titleLines.count`), counted without making them: a
    /// layout asks it of every column.
    var titleLineCount: Int {
        let utf8 = title.utf8
        // CR LF is one Character, not a line break for `titleLines`: such a title is split.
        if utf8.contains(UInt8(ascii: "\r")) { return titleLines.count }
        return utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The export header fields.
    public var fields: [String] { exportFields ?? [id] }
}

/// One cell: its text, style and marks, and the values it exports (when they differ from the
/// text: a number without its `%`, a rating's name, a full name the screen cuts).
public struct TableCell: Sendable, Equatable {
    public var text: String
    public var role: StyleRole
    public var marks: [Mark]
    /// Values for the column's export fields; nil: the text.
    public var export: [String]?
    /// Keeps its own role on the selected row (a rating's colour stays visible).
    public var keepsRole: Bool
    /// What the cell sorts by (a number, a rating's severity, a period); nil: its text.
    public var sortKey: SortValue?

    public init(_ text: String, role: StyleRole = .text, marks: [Mark] = [], export: [String]? = nil, keepsRole: Bool = false,
                sort: SortValue? = nil) {
        self.text = text
        self.role = role
        self.marks = marks
        self.export = export
        self.keepsRole = keepsRole
        self.sortKey = sort
    }

    public static let empty = TableCell("")
}

/// A table row: a data row (one cell per column of the model), or a section heading.
public enum TableRow: Sendable, Equatable {
    case data([TableCell])
    case section(String)

    public var isSection: Bool { if case .section = self { true } else { false } }
}

/// A table's content: the column model and the rows. Drawing, mouse hit-testing and `e`
/// (export) all read the same model and the `TableRegions` computed from it.
public struct TableModel: Sendable, Equatable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    /// The export field that carries each row's section title (e.g. `group`); nil: none.
    public var sectionField: String?
    /// Each row's section title where the rows are not under their headings (a sorted table):
    /// what `sectionField` exports for that row; nil: the heading above it.
    public var rowSections: [String]?

    public init(columns: [TableColumn], rows: [TableRow], sectionField: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.sectionField = sectionField
    }
}

/// Where a table goes on screen: the header row, the visible columns (after dropping what does
/// not fit) and the visible rows. The one value both drawing and hit-testing read.
public struct TableRegions: Sendable, Equatable {
    /// A visible column: its index in the model and its cells on screen.
    public struct PlacedColumn: Sendable, Equatable {
        public var index: Int
        public var x: Int
        public var width: Int
    }

    /// A visible row: its index in the model and its screen row.
    public struct PlacedRow: Sendable, Equatable {
        public var index: Int
        public var y: Int
    }

    /// What a click on a table hit.
    public enum Hit: Equatable, Sendable {
        case header(column: Int)
        case row(Int)
    }

    public var frame: Rect
    public var header: Rect
    public var body: Rect
    public var columns: [PlacedColumn]
    public var rows: [PlacedRow]
    /// The first row shown (the scroll position in effect).
    public var firstRow: Int

    /// What a click at (x, y) hit: a column's header cell or a row, or nothing.
    public func hit(x: Int, y: Int) -> Hit? {
        if header.contains(x: x, y: y), let c = columns.first(where: { x >= $0.x && x < $0.x + $0.width }) {
            return .header(column: c.index)
        }
        guard body.contains(x: x, y: y), let r = rows.first(where: { $0.y == y }) else { return nil }
        return .row(r.index)
    }

    /// The screen row of a model row, when it is visible.
    public func y(ofRow index: Int) -> Int? { rows.first { $0.index == index }?.y }

    /// The placed column with this model index.
    public func column(_ index: Int) -> PlacedColumn? { columns.first { $0.index == index } }
}

/// Lays a table out in a rectangle and draws it.
public enum TableLayout {
    /// Column widths and visible rows for `model` in `rect` (a header row on top when
    /// `header`), with `cursor` kept in view from `scroll`.
    /// `wanted`: each column's `wantedWidth`, when the caller keeps them (`ModelMemo`).
    /// `only`: the model's columns to lay out, in order, when the model holds more than the table
    /// shows (the districts matrix keeps every KPI's cells and shows those in view); nil: all.
    public static func regions(_ model: TableModel, in rect: Rect, header: Bool = true, cursor: Int, scroll: Int, spacing: Int = 1,
                               wanted: [Int]? = nil, only: [Int]? = nil) -> TableRegions {
        let headerHeight = header ? ((only ?? Array(model.columns.indices)).map { model.columns[$0].titleLineCount }.max() ?? 1) : 0
        let (headerRect, body) = rect.splitTop(headerHeight)
        let columns = placeColumns(model, width: rect.width, x: rect.x, spacing: spacing, wanted: wanted, only: only)
        let first = ListScroll.firstRow(scroll: scroll, cursor: cursor, count: model.rows.count, visible: body.height,
                                        isSection: { model.rows[$0].isSection })
        var rows: [TableRegions.PlacedRow] = []
        for i in 0..<body.height where first + i < model.rows.count {
            rows.append(.init(index: first + i, y: body.y + i))
        }
        return TableRegions(frame: rect, header: headerRect, body: body, columns: columns, rows: rows, firstRow: first)
    }

    /// Every column's `wantedWidth`.
    static func wantedWidths(_ model: TableModel) -> [Int] { model.columns.indices.map { wantedWidth(model, column: $0) } }

    /// The width each column would like: its fixed width, or its widest value or title.
    static func wantedWidth(_ model: TableModel, column k: Int) -> Int {
        let col = model.columns[k]
        switch col.sizing {
        case .fixed(let n): return n
        case .fill(let minimum, _): return minimum
        case .shrink(let lo, let hi): return min(max(lo, widest(model, column: k)), hi)
        case .fit(let lo, let hi):
            var w = col.titleLines.map(TextWidth.of).max() ?? 0
            for row in model.rows {
                guard case .data(let cells) = row, k < cells.count else { continue }
                w = max(w, TextWidth.of(cells[k].text))
            }
            return min(max(w, lo), hi)
        }
    }

    /// The widest value or title line of a column.
    static func widest(_ model: TableModel, column k: Int) -> Int {
        var w = model.columns[k].titleLines.map(TextWidth.of).max() ?? 0
        for row in model.rows {
            guard case .data(let cells) = row, k < cells.count else { continue }
            w = max(w, TextWidth.of(cells[k].text))
        }
        return w
    }

    /// The columns that fit `width`, lowest priority dropped first; shrinking columns grow back
    /// towards their widest value and fill columns share what is left.
    static func placeColumns(_ model: TableModel, width: Int, x: Int, spacing: Int, wanted known: [Int]? = nil,
                             only: [Int]? = nil) -> [TableRegions.PlacedColumn] {
        var kept = only ?? Array(model.columns.indices)
        // A shrinking column counts its minimum until the room is shared out.
        let wanted = known.flatMap { $0.count == model.columns.count ? $0 : nil } ?? wantedWidths(model)
        var widths = [Int](repeating: 0, count: model.columns.count)
        for k in kept {
            if case .shrink(let lo, _) = model.columns[k].sizing { widths[k] = lo } else { widths[k] = wanted[k] }
        }
        func used(_ cols: [Int]) -> Int { cols.reduce(0) { $0 + widths[$1] } + spacing * max(0, cols.count - 1) }
        while used(kept) > width {
            // The highest priority number goes first; among equals, the rightmost.
            guard let drop = kept.filter({ model.columns[$0].priority > 0 })
                .max(by: { model.columns[$0].priority != model.columns[$1].priority ? model.columns[$0].priority < model.columns[$1].priority : $0 < $1 })
            else { break }
            kept.removeAll { $0 == drop }
        }
        // What is left: shrinking columns grow back first, then the fill columns share the rest.
        let flexible = kept.filter {
            switch model.columns[$0].sizing {
            case .fill, .shrink: true
            default: false
            }
        }
        let spare = width - used(kept)
        if spare > 0, !flexible.isEmpty {
            let parts = flexible.map { c -> Constraint in
                switch model.columns[c].sizing {
                case .fill(_, let w): return .fill(w)
                case .shrink: return .length(wanted[c] - widths[c])
                default: return .fill(1)
                }
            }
            let extra = Layout.sizes(parts, total: spare)
            for (k, c) in flexible.enumerated() { widths[c] += extra[k] }
        }
        var out: [TableRegions.PlacedColumn] = []
        var cx = x
        for c in kept {
            let w = max(0, min(widths[c], x + width - cx))
            out.append(.init(index: c, x: cx, width: w))
            cx += widths[c] + spacing
        }
        return out
    }

    /// Draws the header, the visible rows and the selection (`cursor`, the model row).
    public static func draw(_ model: TableModel, _ regions: TableRegions, cursor: Int?, into c: inout Canvas) {
        if regions.header.height > 0 {
            for placed in regions.columns {
                let col = model.columns[placed.index]
                let lines = col.titleLines
                for (i, line) in lines.enumerated() where !line.isEmpty {
                    let y = regions.header.bottom - lines.count + i
                    guard y >= regions.header.y else { continue }
                    c.text(line, in: Rect(x: placed.x, y: y, width: placed.width, height: 1), role: col.titleRole,
                           alignRight: col.alignment == .right, marks: col.titleMarks)
                }
            }
        }
        for placed in regions.rows {
            switch model.rows[placed.index] {
            case .section(let title):
                c.fill(x: regions.frame.x, y: placed.y, width: regions.frame.width, height: 1, character: c.glyphs.horizontal, role: .border)
                c.record(.horizontal)
                c.text(" \(title) ", x: regions.frame.x + 2, y: placed.y, maxWidth: regions.frame.width - 4, role: .header)
            case .data(let cells):
                let selected = placed.index == cursor
                for col in regions.columns where col.index < cells.count {
                    let cell = cells[col.index]
                    c.text(cell.text, in: Rect(x: col.x, y: placed.y, width: col.width, height: 1), role: cell.role,
                           alignRight: model.columns[col.index].alignment == .right, marks: cell.marks)
                }
                if selected {
                    c.paint(x: regions.frame.x, y: placed.y, width: regions.frame.width, role: .selection)
                    for col in regions.columns where col.index < cells.count && cells[col.index].keepsRole {
                        c.paint(x: col.x, y: placed.y, width: col.width, role: cells[col.index].role)
                    }
                }
            }
        }
    }

    /// The table as CSV: a header of the visible columns' export fields (after the section
    /// field, if any), then every data row of the model — scrolled out of view or not — with
    /// those columns. What `e` writes.
    public static func csv(_ model: TableModel, columns visible: [Int]) -> String {
        func line(_ fields: [String]) -> String { fields.map(ReportFormat.csvField).joined(separator: ",") + "\n" }
        var header: [String] = model.sectionField.map { [$0] } ?? []
        for k in visible { header += model.columns[k].fields }
        var out = line(header)
        var section = ""
        for (i, row) in model.rows.enumerated() {
            switch row {
            case .section(let title): section = title
            case .data(let cells):
                if let own = model.rowSections, i < own.count { section = own[i] }
                var fields: [String] = model.sectionField == nil ? [] : [section]
                for k in visible {
                    let count = model.columns[k].fields.count
                    let cell = k < cells.count ? cells[k] : .empty
                    var values = cell.export ?? [cell.text]
                    if values.count < count { values += Array(repeating: "", count: count - values.count) }
                    fields += values.prefix(count)
                }
                out += line(fields)
            }
        }
        return out
    }
}

/// Which rows of a list are on screen.
public enum ListScroll {
    /// The first row to show: `scroll`, moved as little as needed to keep `cursor` in view,
    /// never past the end; scrolling up to a row brings the section heading above it along.
    /// A row already in view never moves (a click selects what is under the mouse).
    public static func firstRow(scroll: Int, cursor: Int, count: Int, visible: Int, isSection: (Int) -> Bool = { _ in false }) -> Int {
        guard count > 0, visible > 0 else { return 0 }
        var first = max(0, min(scroll, count - 1))
        if cursor < first {
            first = cursor
            // Scrolling up to a row shows the section heading just above it too.
            if first > 0, visible > 1, isSection(first - 1) { first -= 1 }
        }
        if cursor >= first + visible { first = cursor - visible + 1 }
        first = max(0, min(first, max(0, count - visible)))
        if cursor < first { first = max(0, cursor) }
        return first
    }
}
