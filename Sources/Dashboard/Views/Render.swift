import ScorecardData

extension DashboardState {
    /// Renders the whole screen.
    public func render() -> Canvas {
        var c = Canvas(width: width, height: height)
        guard width >= Layout.minimumWidth && height >= Layout.minimumHeight else {
            TooSmallView.draw(into: &c, state: self)
            return c
        }
        drawTabs(into: &c)
        drawBreadcrumb(into: &c)
        switch pane {
        case .scorecard: ScorecardView.draw(into: &c, state: self)
        case .districts: DistrictsView.draw(into: &c, state: self)
        case .detail: DetailView.draw(into: &c, state: self)
        case .ehcp: EHCPView.draw(into: &c, state: self)
        case .therapy: TherapyView.draw(into: &c, state: self)
        }
        drawStatus(into: &c)
        switch input {
        case .areaPicker(let q, let pick): AreaPickerView.draw(into: &c, state: self, query: q, cursor: pick)
        default: break
        }
        if showHelp { HelpView.draw(into: &c, state: self) }
        return c
    }

    func drawTabs(into c: inout Canvas) {
        c.fill(x: 0, y: 0, width: width, height: 1, role: .status)
        c.text(" ragtop", x: 0, y: 0, role: .statusKey)
        var x = Layout.tabsStart
        for p in Pane.allCases {
            let label = Layout.tabLabel(p, width: width)
            let w = c.text(label, x: x, y: 0, role: p == pane ? .selection : .status)
            x += w + 1
        }
    }

    /// `Kent › Dover › APP17`, and the data's latest period / reload time on the right.
    func drawBreadcrumb(into c: inout Canvas) {
        var crumbs: [String] = []
        let chain = dataset.ancestry(of: area)
        let rootDepth = chain.firstIndex { $0.code == rootArea } ?? 0
        crumbs = chain[rootDepth...].map(\.name)
        if crumbs.isEmpty { crumbs = [dataset.area(code: area)?.name ?? area] }
        if pane == .detail, let ind = indicator { crumbs.append(ind) }
        let text = crumbs.joined(separator: " \(glyphs.separator) ")
        var right = ""
        if let t = reloadedAt { right = "reloaded \(t)" }
        let rightWidth = TextWidth.of(right)
        c.text(text, x: 1, y: 1, maxWidth: width - rightWidth - 3, role: .breadcrumb)
        if !right.isEmpty { c.text(right, x: width - rightWidth - 1, y: 1, role: .muted) }
    }

    /// The status line: active filters, counts, input prompt or message, and key hints.
    func drawStatus(into c: inout Canvas) {
        let y = height - 1
        c.fill(x: 0, y: y, width: width, height: 1, role: .status)
        switch input {
        case .search(let t):
            c.text("/\(t)▏", x: 0, y: y, role: .statusKey)
            c.text("Enter keep · Esc clear", x: max(0, width - 24), y: y, role: .status)
            return
        case .command(let t):
            c.text(":\(t)▏", x: 0, y: y, role: .statusKey)
            c.text("area NAME · pane NAME · kpi CODE · q", x: max(0, width - 37), y: y, role: .status)
            return
        default: break
        }
        if let message {
            c.text(" " + message, x: 0, y: y, maxWidth: width - 10, role: messageIsError ? .error : .status)
            c.text("? help", x: width - 7, y: y, role: .statusKey)
            return
        }
        var x = 1
        if ragFilter.isEmpty && textFilter.isEmpty {
            x += c.text("no filter", x: x, y: y, role: .status) + 2
        } else {
            if !ragFilter.isEmpty {
                x += c.text("RAG:", x: x, y: y, role: .status) + 1
                for rag in RAG.allCases where ragFilter.contains(rag) {
                    x += c.text(glyphs.ragLabel(rag), x: x, y: y, role: Glyphs.role(for: rag)) + 1
                }
                x += 1
            }
            if !textFilter.isEmpty { x += c.text("/\(textFilter)", x: x, y: y, maxWidth: 20, role: .statusKey) + 2 }
        }
        x += c.text(countSummary, x: x, y: y, role: .status) + 2
        let hints = width >= 100 ? "r/a/g RAG · / filter · A area · e export · ? help · q quit" : "? help · q quit"
        let hw = TextWidth.of(hints)
        if x + hw + 1 <= width { c.text(hints, x: width - hw - 1, y: y, role: .status) }
    }

    /// "12 of 65 KPIs", "3 of 12 districts" …
    var countSummary: String {
        switch pane {
        case .scorecard:
            let shown = scorecardLines.filter { if case .series = $0 { true } else { false } }.count
            let total = dataset.seriesIDs(area: area).count
            return "\(shown) of \(total) KPIs"
        case .districts:
            let total = dataset.children(of: rootArea).count
            return "\(districtAreas.count) of \(total) districts · \(districtIndicators.count) KPIs"
        case .detail:
            return "\(leagueSeries.count) in league"
        case .ehcp, .therapy:
            return ""
        }
    }
}

/// The "terminal too small" screen.
enum TooSmallView {
    static func draw(into c: inout Canvas, state: DashboardState) {
        let lines = ["terminal too small:", "need \(Layout.minimumWidth)×\(Layout.minimumHeight)", "now \(state.width)×\(state.height)", "q quits"]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let x = max(0, (state.width - TextWidth.of(l)) / 2)
            c.text(l, x: x, y: top + i, role: i == 0 ? .warning : .text)
        }
    }
}
