import ScorecardData

extension DashboardState {
    /// Renders the whole screen: the tab bar, the breadcrumb, the current pane, the legend line
    /// for the marks the pane drew, the status line, and any overlay.
    public func render() -> Canvas {
        var c = Canvas(width: width, height: height, ascii: shared.glyphs.ascii)
        let s = screen
        guard s.isUsable else {
            TooSmallView.draw(into: &c, width: width, height: height, quitKey: shared.keymap.hint(for: .quit, ascii: shared.glyphs.ascii) ?? "Ctrl-c")
            return c
        }
        drawTabs(into: &c, s)
        drawBreadcrumb(into: &c, s)
        if let slot = slots[pane] { Self.drawn(slot.module, body: s.body, shared, into: &c) }
        let paneMarks = c.marks
        LegendLine.draw(paneMarks, in: s.legend, into: &c, helpKey: shared.keymap.hint(for: .help, ascii: shared.glyphs.ascii))
        drawStatus(into: &c, s)
        if case .areaPicker(let q, let pick) = input { AreaPickerView.draw(into: &c, state: self, query: q, cursor: pick) }
        if case .comparisonPicker(let q, let pick) = input { ComparisonPickerView.draw(into: &c, state: self, query: q, cursor: pick) }
        // `?` explains the marks on the pane, and the reload's progress bar while it shows.
        if showHelp { HelpView.draw(into: &c, state: self, marks: paneMarks + (shared.reload != nil ? [.progress] : [])) }
        return c
    }

    func drawTabs(into c: inout Canvas, _ s: ScreenLayout) {
        c.fill(s.tabs, role: .status)
        c.text(ScreenLayout.brand, x: 0, y: s.tabs.y, role: .statusKey)
        for (p, rect) in s.tabRects() where rect.width > 0 {
            c.text(s.tabLabel(p.info), in: rect, role: p == pane ? .selection : .status)
        }
    }

    /// `Kent › Dover › APP17`, and when the data was reloaded on the right.
    func drawBreadcrumb(into c: inout Canvas, _ s: ScreenLayout) {
        let ds = shared.dataset
        let chain = ds.ancestry(of: shared.area)
        let rootDepth = chain.firstIndex { $0.code == shared.rootArea } ?? 0
        var crumbs = chain[rootDepth...].map(\.name)
        if crumbs.isEmpty { crumbs = [shared.areaName(shared.area)] }
        if pane == .detail, let ind = shared.indicator { crumbs.append(ind) }
        let right = shared.reloadedAt.map { "reloaded \($0)" } ?? ""
        let rightWidth = TextWidth.of(right)
        c.text(crumbs.joined(separator: " \(shared.glyphs.separator) "), x: s.breadcrumb.x + 1, y: s.breadcrumb.y,
               maxWidth: s.breadcrumb.width - rightWidth - 3, role: .breadcrumb, marks: crumbs.count > 1 ? [.separator] : [])
        if !right.isEmpty { c.text(right, x: s.breadcrumb.right - rightWidth - 1, y: s.breadcrumb.y, role: .muted) }
    }

    /// The status line: active filters, counts, input prompt or message, and key hints.
    func drawStatus(into c: inout Canvas, _ s: ScreenLayout) {
        let y = s.status.y
        c.fill(s.status, role: .status)
        let caret = shared.glyphs[.caret]
        switch input {
        case .search(let t):
            c.text("/\(t)\(caret)", x: 0, y: y, maxWidth: width - 25, role: .statusKey, marks: [.caret])
            c.text("Enter keep · Esc clear", x: max(0, width - 24), y: y, role: .status)
            return
        case .command(let t):
            c.text(":\(t)\(caret)", x: 0, y: y, maxWidth: width - 38, role: .statusKey, marks: [.caret])
            c.text("area NAME · pane NAME · kpi CODE · q", x: max(0, width - 37), y: y, role: .status)
            return
        default: break
        }
        if let reload = shared.reload {
            // While a reload runs its progress line leads; a message (an export, a key) follows.
            let line = ProgressLine.text(reload, glyphs: shared.glyphs)
            let used = c.text(" " + line, x: 0, y: y, maxWidth: width - 1, role: .status, marks: [.progress])
            if let message = shared.message, used + 4 < width {
                c.text(" \(shared.glyphs[.joiner]) " + message, x: used, y: y, maxWidth: width - used - 1, role: shared.messageIsError ? .error : .status)
            }
            return
        }
        if let message = shared.message {
            // A long message (an export's full path) takes the room of the help hint.
            let help = shared.keymap.hint(for: .help, ascii: shared.glyphs.ascii).map { "\($0) help" } ?? ""
            let beside = width - TextWidth.of(help) - 4
            let room = help.isEmpty || TextWidth.of(message) + 1 > beside ? width - 1 : beside
            c.text(" " + message, x: 0, y: y, maxWidth: room, role: shared.messageIsError ? .error : .status)
            if room == beside { c.text(help, x: width - TextWidth.of(help) - 1, y: y, role: .statusKey) }
            return
        }
        var x = 1
        if !shared.isFiltering {
            x += c.text("no filter", x: x, y: y, role: .status) + 2
        } else {
            if !shared.ragFilter.isEmpty {
                x += c.text("RAG:", x: x, y: y, role: .status) + 1
                for rag in RAG.allCases where shared.ragFilter.contains(rag) {
                    x += c.text(shared.glyphs.ragLabel(rag), x: x, y: y, role: Glyphs.role(for: rag), marks: [.rating(rag)]) + 1
                }
                x += 1
            }
            if !shared.textFilter.isEmpty { x += c.text("/\(shared.textFilter)", x: x, y: y, maxWidth: 20, role: .statusKey) + 2 }
        }
        let count = countSummary
        if !count.isEmpty { x += c.text(count, x: x, y: y, role: .status) + 2 }
        let hints = shared.keymap.statusHints(wide: width >= 100, ascii: shared.glyphs.ascii)
        let hw = TextWidth.of(hints)
        if x + hw + 1 <= width { c.text(hints, x: width - hw - 1, y: y, role: .status) }
    }
}

/// The line under a pane that says what its marks mean, built from the marks it drew: adding
/// a mark to the glyph table is all it takes for the legend to explain it.
enum LegendLine {
    static func draw(_ marks: [Mark], in rect: Rect, into c: inout Canvas, helpKey: String? = "?") {
        guard rect.height > 0 else { return }
        // In the glyph table's order, so the same marks always read the same way.
        let shown = Mark.allCases.filter { marks.contains($0) && !$0.entry.chrome }
        var x = rect.x + 1
        let end = rect.right - 1
        let more = helpKey.map { "\($0) explains" } ?? "man ragtop explains"
        for (i, m) in shown.enumerated() {
            let sample = Self.sample(m, c.glyphs)
            let item = sample.isEmpty ? m.entry.short : "\(sample) \(m.entry.short)"
            let roomForMore = i == shown.count - 1 ? 0 : TextWidth.of(more) + 2
            guard x + TextWidth.of(item) + roomForMore <= end else {
                c.text(more, x: x, y: rect.y, role: .muted)
                return
            }
            let role = Self.role(m)
            if sample.isEmpty {
                x += c.text(item, x: x, y: rect.y, role: role)
            } else {
                x += c.text(sample, x: x, y: rect.y, role: role)
                x += c.text(" \(m.entry.short)", x: x, y: rect.y, role: .muted)
            }
            x += 2
        }
    }

    /// What the legend shows for a mark: its glyph (a rating with its letter, three levels of
    /// a sparkline).
    static func sample(_ m: Mark, _ glyphs: Glyphs) -> String {
        switch m {
        case .red: glyphs.ragLabel(.red)
        case .amber: glyphs.ragLabel(.amber)
        case .green: glyphs.ragLabel(.green)
        case .unrated: glyphs.ragLabel(nil)
        case .undecided: glyphs.label(ShownRating(rag: nil, source: .undecided))
        case .trend, .spread:
            String(glyphs.sparkLevels.enumerated().filter { [1, 4, 7].contains($0.offset) }.map(\.element))
        case .changed: ""
        default: glyphs[m]
        }
    }

    /// The role a mark is drawn in on the legend line.
    static func role(_ m: Mark) -> StyleRole {
        switch m {
        case .red: .ragRed
        case .amber: .ragAmber
        case .green: .ragGreen
        case .unrated, .undecided: .ragNone
        case .changed: .changed
        case .trend, .spread, .bar, .chartValue, .chartConnector: .chartLine
        case .targetLine: .chartTarget
        case .floorLine: .chartFloor
        case .nationalLine, .regionalLine, .neighbourMedian: .chartBenchmark
        case .compared1: .chartCompare1
        case .compared2: .chartCompare2
        case .compared3: .chartCompare3
        case .compared4: .chartCompare4
        case .outlier, .caveat, .overStandard: .warning
        default: .muted
        }
    }
}

/// The "terminal too small" screen.
enum TooSmallView {
    static func draw(into c: inout Canvas, width: Int, height: Int, quitKey: String = "q") {
        let lines = ["terminal too small:", "need \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight)", "now \(width)x\(height)", "\(quitKey) quits"]
        let top = max(0, (height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let x = max(0, (width - TextWidth.of(l)) / 2)
            c.text(l, x: x, y: top + i, role: i == 0 ? .warning : .text)
        }
    }
}
