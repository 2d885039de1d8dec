import ScorecardData

extension TherapyPane {
    /// Pane 5's layout: the districts and their providers on the left; on the right the
    /// selected district's providers, each with its waiting-list tables, and the footnotes
    /// (outliers and the source's notes) kept at the bottom so they are never cut.
    public struct Regions: Sendable {
        public var title: Rect
        public var districtsModel: TableModel
        public var districts: TableRegions
        public var panel: Rect
        public var blocks: [Block]
        /// A line saying the panel goes on below, when it does.
        public var more: Rect
        public var footer: Rect
        public var footerLines: [FootLine]
    }

    /// A piece of the panel, placed.
    public enum Block: Sendable {
        case heading(String, Rect)
        case text(String, Rect)
        case table(TableModel, TableRegions)
    }

    /// A footnote line and the marks it explains.
    public struct FootLine: Sendable {
        public var text: String
        public var role: StyleRole
        public var marks: [Mark]
    }

    /// The series of one provider (by code), area, service and measure.
    struct WaitSeries {
        var provider: String
        var area: String
        var service: String
        var measure: String
        var waits: [Wait]
        var note: String? { waits.compactMap(\.note).first }
    }

    /// A series longer than this is shown as a trend, not a column per period.
    static let longSeries = 6

    public func regions(in body: Rect, _ shared: SharedState) -> Regions {
        let inner = body.inset(left: 1, right: 1)
        let (title, rest) = inner.splitTop(1)
        let districtsModel = districtTable(shared).markingSort(shared.sort(table: Self.table, columns: Self.districtColumns), shared.glyphs)
        let listWidth = min(rest.width, (0..<districtsModel.columns.count).reduce(0) { $0 + TableLayout.wantedWidth(districtsModel, column: $1) + 1 })
        let sides = Layout.horizontal([.length(listWidth), .fill(1)], spacing: 2).split(rest)
        let districts = TableLayout.regions(districtsModel, in: sides[0], cursor: list.cursor, scroll: list.scroll)
        var r = Regions(title: title, districtsModel: districtsModel, districts: districts, panel: sides[1], blocks: [], more: .zero,
                        footer: .zero, footerLines: [])
        guard sides[1].width >= 30, let district = selectedDistrict else { return r }
        let content = panel(for: district, width: sides[1].width, shared)
        // The footnotes keep their rows at the bottom and the tables take what is left. Only the
        // notes of the tables that fit are listed: start with room for the outliers alone, and
        // make room for the notes of what was placed until what is placed needs no more.
        let noteLines = sides[1].height >= 30 ? 2 : 1
        var reserved: Set<Int> = []
        while true {
            let footer = footLines(content, notes: reserved, width: sides[1].width, noteLines: noteLines, shared)
            let footHeight = min(footer.count, max(0, sides[1].height - 4))
            let (top, foot) = sides[1].splitBottom(footHeight)
            let placed = place(content.items, in: Rect(x: top.x, y: top.y, width: top.width, height: top.height - (footHeight > 0 ? 1 : 0)))
            r.blocks = placed.blocks
            r.more = placed.more
            r.footer = foot
            r.footerLines = Array(footLines(content, notes: placed.notes, width: sides[1].width, noteLines: noteLines, shared).prefix(footHeight))
            if placed.notes.isSubset(of: reserved) { break }
            reserved.formUnion(placed.notes)
        }
        return r
    }

    /// The items placed top down while they fit (keeping a row to say there is more), and the
    /// notes the placed tables refer to.
    func place(_ items: [Item], in rect: Rect) -> (blocks: [Block], more: Rect, notes: Set<Int>) {
        var blocks: [Block] = []
        var notes: Set<Int> = []
        var y = rect.y
        for (k, item) in items.enumerated() {
            let needed = item.height
            let isLast = k == items.count - 1 || items[(k + 1)...].allSatisfy { if case .gap = $0 { true } else { false } }
            guard y + needed <= rect.bottom - (isLast ? 0 : 1) else {
                return (blocks, Rect(x: rect.x, y: min(y, rect.bottom - 1), width: rect.width, height: y < rect.bottom ? 1 : 0), notes)
            }
            let r = Rect(x: rect.x, y: y, width: rect.width, height: needed)
            switch item {
            case .heading(let text): blocks.append(.heading(text, r))
            case .text(let lines): for (i, l) in lines.enumerated() { blocks.append(.text(l, r.row(i))) }
            case .table(let model, let refs, let title):
                var tableRect = r
                if let title {
                    blocks.append(.text(title, r.row(0)))
                    tableRect = r.inset(top: 1)
                }
                blocks.append(.table(model, TableLayout.regions(model, in: tableRect, cursor: -1, scroll: 0)))
                notes.formUnion(refs)
            case .gap: break
            }
            y += needed
        }
        return (blocks, .zero, notes)
    }

    /// The footnotes: the outliers, then the notes numbered `notes`.
    func footLines(_ content: PanelContent, notes: Set<Int>, width: Int, noteLines: Int, _ shared: SharedState) -> [FootLine] {
        let g = shared.glyphs
        var footer = content.outliers.flatMap { text in
            TextBlock.wrap(text, width: width).prefix(2).map { FootLine(text: $0, role: .warning, marks: [.outlier]) }
        }
        for (i, note) in content.notes.enumerated() where notes.contains(i + 1) {
            let text = "\(g[.note])\(i + 1) \(SourceReference.inWords(note))"
            // On a short screen a note takes one line, cut.
            let lines = noteLines == 1 ? [text] : Array(TextBlock.wrap(text, width: width).prefix(noteLines))
            footer += lines.map { FootLine(text: $0, role: .muted, marks: [.note]) }
        }
        return footer
    }

    /// One district per row: its providers and a flag when a figure of its is an outlier.
    func districtTable(_ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let outliers = Set(ds.waitOutliers(root: shared.rootArea).map(\.area))
        let columns = Self.districtColumns
        let rows: [TableRow] = districts.map { code in
            let providers = ds.providers(serving: code).map(\.provider)
            let flagged = outliers.contains(code)
            return .data([
                TableCell(shared.areaName(code), export: [code, shared.areaName(code)]),
                TableCell(providers.isEmpty ? "not stated" : providers.joined(separator: ", "), role: providers.isEmpty ? .muted : .text,
                          export: [providers.joined(separator: " ")], sort: .text(providers.joined(separator: ", "))),
                TableCell(flagged ? shared.glyphs[.outlier] : "", role: .warning, marks: flagged ? [.outlier] : [], export: [flagged ? "outlier" : ""],
                          keepsRole: true, sort: flagged ? .number(1) : .missing),
            ])
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// The district table's columns.
    static let districtColumns = [
        TableColumn("district", "District", .fit(min: 8, max: 22), export: ["area_code", "area"]),
        TableColumn("provider", "Provider", .fit(max: 16)),
        TableColumn("outlier", " ", .fit(min: 1, max: 1)),
    ]

    /// The district table's id for sorting (`SharedState.sorts`).
    static let table = "therapy"

    /// The waits tables' id for sorting: they have no cursor, so a click on a header sorts every
    /// waits table in the panel that has that column (`o` and `O` sort the districts).
    static let waitsTable = "therapy-waits"

    /// The waits tables' sortable column ids, for `--sort` (a short table's period columns are
    /// named by their periods, and sort only by a click).
    static let waitsColumnIDs = ["measure", "value", "period", "share", "england"]

    /// What goes in the panel, top to bottom, before placing.
    enum Item {
        case heading(String)
        case text([String])
        /// A table (under a title line, when it has one) and the numbers of the notes it refers to.
        case table(TableModel, notes: Set<Int>, title: String?)
        case gap

        var height: Int {
            switch self {
            case .heading, .gap: 1
            case .text(let lines): lines.count
            case .table(let m, _, let title): 1 + m.rows.count + (title == nil ? 0 : 1)
            }
        }
    }

    /// The panel's content: its items, the outlier lines and the notes (numbered from 1).
    struct PanelContent {
        var items: [Item]
        var outliers: [String]
        var notes: [String]
    }

    /// The panel for a district: a section per provider that serves it, then every other body
    /// with county-wide figures; the footnotes (outliers, the source's notes) separately.
    func panel(for district: String, width: Int, _ shared: SharedState) -> PanelContent {
        let ds = shared.dataset
        let g = shared.glyphs
        var items: [Item] = []
        var notes: [String] = []
        let districtName = shared.areaName(district)
        // Providers are grouped by name: the open data names a trust in full under its own code.
        func codes(named name: String) -> [String] { ds.providers.filter { $0.name.lowercased() == name.lowercased() }.map(\.code) }
        var shown: Set<String> = []
        let coverage = ds.providers(serving: district)
        if coverage.isEmpty { items += [.text(["\(districtName): no provider is named in the data."]), .gap] }
        for cov in coverage {
            let name = ds.provider(code: cov.provider)?.name ?? cov.provider
            let group = Set([cov.provider] + codes(named: name))
            shown.formUnion(group)
            items.append(.heading("\(districtName) \(g.separator) \(name) (\(cov.provider))"))
            if let note = cov.note { items.append(.text([SourceReference.inWords(note)])) }
            items += tables(providers: group, areas: [shared.rootArea, district], notes: &notes, shared)
            items.append(.gap)
        }
        let others = Set(ds.waits.filter { $0.area == shared.rootArea }.map(\.provider)).subtracting(shown).sorted()
        var done: Set<String> = []
        for p in others where !done.contains(p) {
            let name = ds.provider(code: p)?.name ?? p
            let group = Set([p] + codes(named: name)).subtracting(shown)
            done.formUnion(group)
            items.append(.heading("County-wide \(g.separator) \(name)"))
            items += tables(providers: group, areas: [shared.rootArea], notes: &notes, shared)
            items.append(.gap)
        }
        let outliers = ds.waitOutliers(root: shared.rootArea).map { o in
            let county = ds.waits.first { $0.area == shared.rootArea && $0.measure == o.measure && $0.service == o.service && $0.period == o.period }?.value
            return "\(g[.outlier]) \(shared.areaName(o.area)): \(Fmt.count(o.value)) \(Wait.measureName(o.measure)) (\(o.service), \(o.period.label)), above the county-wide \(Fmt.count(county))"
        }
        return PanelContent(items: items, outliers: outliers, notes: notes)
    }

    /// The waits of some providers in some areas: short series as a table with a column per
    /// period, long ones (monthly open data) as trends with the share over the standard beside
    /// England's.
    func tables(providers: Set<String>, areas: [String], notes: inout [String], _ shared: SharedState) -> [Item] {
        let ds = shared.dataset
        var order: [String] = []
        var bySeries: [String: WaitSeries] = [:]
        for w in ds.waits where providers.contains(w.provider) {
            // The open data's monthly series cover the trust's own area, whatever it is.
            let key = "\(w.provider)|\(w.area)|\(w.service)|\(w.measure)"
            if bySeries[key] == nil {
                order.append(key)
                bySeries[key] = WaitSeries(provider: w.provider, area: w.area, service: w.service, measure: w.measure, waits: [])
            }
            bySeries[key]?.waits.append(w)
        }
        let all = order.compactMap { bySeries[$0] }.map { s -> WaitSeries in
            var s = s
            s.waits.sort { $0.period < $1.period }
            return s
        }
        let short = all.filter { $0.waits.count <= Self.longSeries && areas.contains($0.area) }
        let long = all.filter { $0.waits.count > Self.longSeries }
        var items: [Item] = []
        if !short.isEmpty {
            let table = shortTable(short, notes: &notes, shared)
            items.append(.table(table, notes: Self.referenced(table), title: nil))
        }
        if !long.isEmpty {
            let years = Set(long.flatMap { $0.waits.map(\.period.year) }).sorted().map(String.init).joined(separator: ", ")
            let table = longTable(long, notes: &notes, shared)
            items.append(.table(table, notes: Self.referenced(table), title: "NHS community health waits \(years), monthly, beside England"))
        }
        return items
    }

    /// The numbers of the notes a table's rows refer to (their flag cells' exports).
    static func referenced(_ table: TableModel) -> Set<Int> {
        var refs: Set<Int> = []
        for row in table.rows {
            if case .data(let cells) = row, let n = cells.last?.export?.first.flatMap({ Int($0) }) { refs.insert(n) }
        }
        return refs
    }

    /// The number of a note, adding it the first time.
    static func noteNumber(_ note: String?, _ notes: inout [String]) -> Int? {
        guard let note, !note.isEmpty else { return nil }
        if let i = notes.firstIndex(of: note) { return i + 1 }
        notes.append(note)
        return notes.count
    }

    /// The flag cell of a row: ▓ over the standard, †n for a note.
    static func flag(over: Bool, note: Int?, _ g: Glyphs) -> TableCell {
        var text = over ? g[.overStandard] : ""
        var marks: [Mark] = over ? [.overStandard] : []
        if let note { text += (text.isEmpty ? "" : " ") + "\(g[.note])\(note)"; marks.append(.note) }
        return TableCell(text, role: over ? .warning : .muted, marks: marks, export: [note.map(String.init) ?? ""])
    }

    func shortTable(_ series: [WaitSeries], notes: inout [String], _ shared: SharedState) -> TableModel {
        let periods = Array(Set(series.flatMap { $0.waits.map(\.period) })).sorted()
        var columns = [TableColumn("measure", "Measure", .shrink(min: 14, max: 40), export: ["service", "measure"])]
        for (k, p) in periods.enumerated() {
            // The oldest periods go first on a narrow screen.
            columns.append(TableColumn(p.description, p.label, align: .right, .fit(max: 8), priority: periods.count - k - 1))
        }
        columns.append(TableColumn("note", "", .fit(max: 6), sortable: false))
        let rows: [TableRow] = series.map { s in
            let over = Wait.isOverStandard(s.measure)
            var cells = [TableCell("\(s.service) \(Wait.measureName(s.measure))", role: over ? .warning : .text, export: [s.service, s.measure])]
            for p in periods {
                let w = s.waits.first { $0.period == p }
                cells.append(TableCell(w.map { $0.value.map(Fmt.count) ?? "–" } ?? "", export: [w?.value.map { ValueFormatter.plain($0) } ?? ""],
                                       sort: .number(w?.value)))
            }
            cells.append(Self.flag(over: over, note: Self.noteNumber(s.note, &notes), shared.glyphs))
            return .data(cells)
        }
        return TableModel(columns: columns, rows: rows).sorted(as: Self.waitsTable, shared).model
    }

    func longTable(_ series: [WaitSeries], notes: inout [String], _ shared: SharedState) -> TableModel {
        let ds = shared.dataset
        let country = ds.country(of: shared.rootArea)?.code
        let columns = [
            TableColumn("measure", "Measure", .shrink(min: 14, max: 40), export: ["service", "measure"]),
            TableColumn("trend", "Trend", .fit(min: 5, max: 10), priority: 2, sortable: false),
            TableColumn("value", "Latest", align: .right, .fit(max: 8)),
            TableColumn("period", "Month", .fit(max: 8), priority: 3),
            TableColumn("share", "% of list", align: .right, .fit(max: 9), priority: 1),
            TableColumn("england", "England", align: .right, .fit(max: 8), priority: 1),
            TableColumn("note", "", .fit(max: 6), sortable: false),
        ]
        /// The share of the waiting list a measure is, for a provider (or England) and month.
        func share(_ provider: String?, area: String?, _ s: WaitSeries, _ p: Period) -> Double? {
            guard Wait.isOverStandard(s.measure) else { return nil }
            let rows = ds.waits.filter { ($0.provider == provider || provider == nil) && ($0.area == area || area == nil) && $0.service == s.service && $0.period == p }
            guard let over = rows.first(where: { $0.measure == s.measure })?.value,
                  let total = rows.first(where: { $0.measure == "waiting_total" })?.value, total > 0 else { return nil }
            return over / total * 100
        }
        let shown = series.filter { $0.area != country }
        let rows: [TableRow] = shown.map { s in
            let last = s.waits.last
            let mine = last.flatMap { share(s.provider, area: s.area, s, $0.period) }
            let england = last.flatMap { l in country.flatMap { share(nil, area: $0, s, l.period) } }
            let worse = (mine ?? 0) > (england ?? .infinity)
            let areaNote = s.area == shared.rootArea ? "" : " (\(shared.areaName(s.area)))"
            return .data([
                TableCell("\(s.service) \(Wait.measureName(s.measure))\(areaNote)", role: worse ? .warning : .text, export: [s.service, s.measure]),
                .trend(s.waits.map(\.value), width: 10, shared.glyphs, decimals: 0),
                TableCell(Fmt.count(last?.value), export: [last?.value.map { ValueFormatter.plain($0) } ?? ""], sort: .number(last?.value)),
                TableCell(last?.period.label ?? "", role: .muted, export: [last?.period.description ?? ""], sort: last.map { .period($0.period) } ?? .missing),
                TableCell(mine.map { ValueFormatter.fixed($0, decimals: 1) + "%" } ?? "", role: worse ? .warning : .text,
                          export: [mine.map { ValueFormatter.fixed($0, decimals: 1) } ?? ""], sort: .number(mine)),
                TableCell(england.map { ValueFormatter.fixed($0, decimals: 1) + "%" } ?? "", role: .muted,
                          export: [england.map { ValueFormatter.fixed($0, decimals: 1) } ?? ""], sort: .number(england)),
                Self.flag(over: false, note: Self.noteNumber(s.note, &notes), shared.glyphs),
            ])
        }
        return TableModel(columns: columns, rows: rows).sorted(as: Self.waitsTable, shared).model
    }

    public func draw(_ r: Regions, into c: inout Canvas, _ shared: SharedState) {
        guard !shared.dataset.waits.isEmpty else {
            c.text("This dataset has no waiting-list figures (waits.csv).", in: r.title, role: .muted)
            return
        }
        c.text("SEN therapy waiting lists · SLT speech and language · OT occupational · PT physiotherapy", in: r.title, role: .title)
        TableLayout.draw(r.districtsModel, r.districts, cursor: districts.isEmpty ? nil : list.cursor, into: &c)
        for block in r.blocks {
            switch block {
            case .heading(let text, let rect): c.text(text, in: rect, role: .header, marks: [.separator])
            case .text(let text, let rect): c.text(text, in: rect, role: .muted)
            case .table(let model, let regions): TableLayout.draw(model, regions, cursor: nil, into: &c)
            }
        }
        if r.more.height > 0 {
            c.text("\(shared.glyphs[.ellipsis]) more below: a taller window shows it", in: r.more, role: .muted, marks: [.ellipsis])
        }
        for (i, line) in r.footerLines.enumerated() { c.text(line.text, in: r.footer.row(i), role: line.role, marks: line.marks) }
    }
}
