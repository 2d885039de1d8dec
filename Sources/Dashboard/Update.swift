import ScorecardData

/// What the dashboard asks its host to do after an update. The host (the executable) does the I/O.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write `contents` to a new file named like `fileName` in the working directory.
    case export(fileName: String, contents: String)
    case cycleTheme
    case reload
}

extension DashboardState {
    /// Applies one input event. Returns the effects the host must carry out.
    @discardableResult
    public mutating func update(_ event: InputEvent) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            clampCursor()
            keepCursorVisible()
            return []
        case .mouse(let m):
            return handleMouse(m)
        case .key(let key):
            return handleKey(key)
        }
    }

    /// Applies a sequence of keys, as `ragtop snapshot --keys` does.
    public mutating func apply(keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for k in keys {
            effects += update(.key(k))
            if shouldQuit { break }
        }
        return effects
    }

    /// Replaces the data after a reload, keeping the position, and marks series whose latest
    /// value changed.
    public mutating func replaceDataset(_ newData: Dataset, at time: String) {
        var changed: Set<String> = []
        for s in 0..<newData.seriesCount {
            let info = newData.series(s)
            guard let latest = newData.latestRow(series: s) else { continue }
            let old = dataset.seriesID(area: info.area, indicator: info.indicator, team: info.team).flatMap { dataset.latestRow(series: $0) }
            let oldValue = old.flatMap { dataset.value(row: $0) }
            if old == nil || oldValue != newData.value(row: latest) || dataset.period(row: old!) != newData.period(row: latest) {
                changed.insert(DashboardState.changeKey(area: info.area, indicator: info.indicator, team: info.team))
            }
        }
        let keepPane = pane, keepArea = area, keepIndicator = indicator, keepCursor = cursor, keepScroll = scroll
        dataset = newData
        changedSeries = dataset.areas.isEmpty ? [] : changed
        if dataset.area(code: rootArea) == nil { rootArea = dataset.defaultArea?.code ?? "" }
        area = dataset.area(code: keepArea) != nil ? keepArea : rootArea
        indicator = keepIndicator.flatMap { dataset.indicator($0) != nil ? $0 : nil } ?? dataset.indicators.first?.code
        pane = keepPane
        cursor = keepCursor
        scroll = keepScroll
        rebuild()
        reloadedAt = time
        message = nil
        messageIsError = false
    }

    /// Shows a reload failure while the last good data stays on screen.
    public mutating func reloadFailed(_ error: String) {
        message = error
        messageIsError = true
    }

    static func changeKey(area: String, indicator: String, team: String?) -> String { "\(area)|\(indicator)|\(team ?? "")" }

    // MARK: Keys

    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .ctrl("c") { shouldQuit = true; return [.quit] }
        switch input {
        case .search(let text): return handleSearchKey(key, text)
        case .command(let text): return handleCommandKey(key, text)
        case .areaPicker(let query, let pick): return handlePickerKey(key, query, pick)
        case .none: break
        }
        if showHelp {
            switch key {
            case .down, .character("j"): helpScroll += 1
            case .up, .character("k"): helpScroll = max(0, helpScroll - 1)
            case .pageDown, .character(" "): helpScroll += max(1, height - 4)
            case .pageUp: helpScroll = max(0, helpScroll - max(1, height - 4))
            case .character("q"): shouldQuit = true; return [.quit]
            default: showHelp = false
            }
            return []
        }
        if !(width >= Layout.minimumWidth && height >= Layout.minimumHeight) {
            // Too small: only quitting and help make sense.
            if key == .character("q") { shouldQuit = true; return [.quit] }
            return []
        }
        guard let command = Keymap.command(for: key) else {
            message = "unbound key \(key.displayName) — press ? for help"
            messageIsError = false
            return []
        }
        message = nil
        return perform(command)
    }

    public mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .quit:
            shouldQuit = true
            return [.quit]
        case .help:
            showHelp = true
            helpScroll = 0
        case .up: moveCursor(by: -1)
        case .down: moveCursor(by: 1)
        case .pageUp: moveCursor(by: -max(1, Layout.listHeight(self) - 1))
        case .pageDown: moveCursor(by: max(1, Layout.listHeight(self) - 1))
        case .top: moveCursor(by: -rowCount)
        case .bottom: moveCursor(by: rowCount)
        case .left, .right:
            let delta = command == .left ? -1 : 1
            if pane == .districts, !districtIndicators.isEmpty {
                column = min(max(0, column + delta), districtIndicators.count - 1)
                indicator = districtIndicators[column]
                if !ragFilter.isEmpty { rebuildDistricts(); clampCursor() }
                rebuildLeague()
            }
        case .enter: enter()
        case .back: goBack()
        case .nextPane: switchPane(to: Pane.allCases[(Pane.allCases.firstIndex(of: pane)! + 1) % Pane.allCases.count])
        case .previousPane: switchPane(to: Pane.allCases[(Pane.allCases.firstIndex(of: pane)! + Pane.allCases.count - 1) % Pane.allCases.count])
        case .pane(let p): switchPane(to: p)
        case .toggleRAG(let colour):
            let rag: RAG = colour == .red ? .red : (colour == .amber ? .amber : .green)
            if ragFilter.contains(rag) { ragFilter.remove(rag) } else { ragFilter.insert(rag) }
            rebuild()
        case .clearFilters:
            ragFilter = []
            textFilter = ""
            rebuild()
        case .search:
            input = .search(textFilter)
        case .command:
            input = .command("")
        case .pickArea:
            input = .areaPicker(query: "", cursor: 0)
        case .export:
            return [exportEffect()]
        case .cycleTheme:
            return [.cycleTheme]
        case .reload:
            return [.reload]
        case .cycleEHCPView:
            guard pane == .ehcp else {
                message = "v switches what the EHCP pane (4) shows under its chart on a narrow terminal"
                return []
            }
            guard width < EHCPLowerView.wideLayoutWidth else {
                message = "districts, drivers and calendar years are all shown at this width"
                return []
            }
            ehcpView = ehcpView.next
            message = "EHCP: \(ehcpView.title) (v: \(ehcpView.next.title))"
        case .toggleRegion:
            guard leagueIsNational, let region = leagueRegion else {
                message = "s limits a national league (e.g. EHCP20-CY in KPI detail) to the region"
                return []
            }
            leagueRegionOnly.toggle()
            rebuildLeague()
            cursor = leagueSeries.firstIndex { dataset.series($0).area == area } ?? 0
            message = leagueRegionOnly ? "league: \(region.name) only" : "league: all authorities"
        }
        keepCursorVisible()
        return []
    }

    mutating func moveCursor(by delta: Int) {
        // The EHCP pane's cursor is in its district table: moving shows it again.
        if pane == .ehcp { ehcpView = .districts }
        let n = rowCount
        guard n > 0 else { return }
        var c = min(max(0, cursor + delta), n - 1)
        if pane == .scorecard {
            func isHeading(_ i: Int) -> Bool { if case .heading = scorecardLines[i] { true } else { false } }
            let step = delta >= 0 ? 1 : -1
            var probe = c
            while probe >= 0, probe < n, isHeading(probe) { probe += step }
            if probe < 0 || probe >= n {
                // Ran off the end: take the nearest row the other way.
                probe = c
                while probe >= 0, probe < n, isHeading(probe) { probe -= step }
            }
            guard probe >= 0, probe < n else { return }
            c = probe
        }
        cursor = c
        keepCursorVisible()
    }

    mutating func keepCursorVisible() {
        let visible = max(1, Layout.listHeight(self))
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + visible { scroll = cursor - visible + 1 }
        // Show a heading above the first row when scrolled to it.
        if pane == .scorecard, scroll > 0, scroll == cursor, case .heading = scorecardLines[scroll - 1] { scroll -= 1 }
        scroll = max(0, min(scroll, max(0, rowCount - visible)))
        if cursor < scroll { scroll = cursor }
    }

    var location: Location { Location(pane: pane, area: area, indicator: indicator, cursor: cursor, scroll: scroll, column: column) }

    mutating func push() {
        back.append(location)
        if back.count > 64 { back.removeFirst() }
    }

    mutating func restore(_ l: Location) {
        pane = l.pane
        area = l.area
        indicator = l.indicator
        rebuild()
        cursor = l.cursor
        scroll = l.scroll
        column = l.column
        clampCursor()
        keepCursorVisible()
    }

    mutating func enter() {
        // Enter opens the district under the cursor, so the district table must be on screen.
        if pane == .ehcp && ehcpView != .districts && width < EHCPLowerView.wideLayoutWidth {
            ehcpView = .districts
            return
        }
        switch pane {
        case .scorecard:
            guard let s = selectedSeries else { return }
            push()
            indicator = dataset.series(s).indicator
            // The text filter found the KPI; the league below lists areas, so it starts unfiltered.
            textFilter = ""
            pane = .detail
            rebuildLeague()
            cursor = leagueSeries.firstIndex { dataset.series($0).area == area } ?? 0
            scroll = 0
        case .districts:
            guard cursor < districtAreas.count else { return }
            push()
            area = districtAreas[cursor]
            pane = .scorecard
            cursor = 0
            scroll = 0
            rebuild()
            if let ind = indicator, let i = scorecardLines.firstIndex(where: { if case .series(let s) = $0 { dataset.series(s).indicator == ind } else { false } }) {
                cursor = i
            }
            clampCursor()
        case .detail:
            guard cursor < leagueSeries.count else { return }
            let target = dataset.series(leagueSeries[cursor]).area
            guard target != area else { return }
            push()
            area = target
            rebuildScorecard()
        case .ehcp:
            guard cursor < ehcpSeries.count else { return }
            push()
            area = dataset.series(ehcpSeries[cursor]).area
            indicator = EHCPStatement.headline
            pane = .detail
            rebuild()
            cursor = leagueSeries.firstIndex { dataset.series($0).area == area } ?? 0
            scroll = 0
        case .therapy:
            return
        }
        keepCursorVisible()
    }

    mutating func goBack() {
        if let l = back.popLast() {
            restore(l)
        } else if isFiltering {
            ragFilter = []
            textFilter = ""
            rebuild()
        }
    }

    mutating func switchPane(to p: Pane) {
        guard p != pane else { return }
        if p == .detail, let s = selectedSeries, pane == .scorecard { indicator = dataset.series(s).indicator }
        if p == .districts, let ind = indicator, let i = districtIndicators.firstIndex(of: ind) { column = i }
        pane = p
        cursor = 0
        scroll = 0
        rebuild()
        if p == .detail { cursor = leagueSeries.firstIndex { dataset.series($0).area == area } ?? 0 }
        if p == .districts, let ind = indicator, let i = districtIndicators.firstIndex(of: ind) { column = i }
        clampCursor()
        keepCursorVisible()
    }

    // MARK: Text input

    /// What a key does to a line of text being typed (a `/` filter or a `:` command).
    enum LineEdit: Equatable {
        case submit, cancel, changed(String), ignored
    }

    /// Enter submits, Esc cancels, Backspace deletes (and cancels an empty line), characters type.
    static func edit(_ text: String, with key: Key) -> LineEdit {
        switch key {
        case .enter: return .submit
        case .escape: return .cancel
        case .backspace: return text.isEmpty ? .cancel : .changed(String(text.dropLast()))
        case .character(let c): return .changed(text + String(c))
        default: return .ignored
        }
    }

    mutating func handleSearchKey(_ key: Key, _ text: String) -> [Effect] {
        switch Self.edit(text, with: key) {
        case .submit:
            input = .none
        case .cancel:
            input = .none
            if key == .escape {
                textFilter = ""
                rebuild()
            }
        case .changed(let t):
            input = .search(t)
            textFilter = t
            rebuild(onlyCurrentPane: true)
            keepCursorVisible()
        case .ignored:
            break
        }
        return []
    }

    mutating func handleCommandKey(_ key: Key, _ text: String) -> [Effect] {
        switch Self.edit(text, with: key) {
        case .submit:
            input = .none
            return runCommand(text)
        case .cancel:
            input = .none
        case .changed(let t):
            input = .command(t)
        case .ignored:
            break
        }
        return []
    }

    /// Runs a `:` command: `area NAME`, `pane NAME`, `kpi CODE`, `q`.
    mutating func runCommand(_ line: String) -> [Effect] {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = parts.first?.lowercased() else { return [] }
        let arg = parts.count > 1 ? parts[1].trimmingCharacters() : ""
        switch verb {
        case "q", "quit":
            shouldQuit = true
            return [.quit]
        case "area", "a":
            guard let a = dataset.area(named: arg) else {
                message = "no area '\(arg)'"
                messageIsError = true
                return []
            }
            push()
            area = a.code
            if pane != .detail { pane = .scorecard }
            cursor = 0
            scroll = 0
            rebuild()
        case "pane", "p":
            if let p = Pane.allCases.first(where: { $0.rawValue.hasPrefix(arg.lowercased()) }) ?? Int(arg).flatMap({ $0 >= 1 && $0 <= Pane.allCases.count ? Pane.allCases[$0 - 1] : nil }) {
                switchPane(to: p)
            } else {
                message = "no pane '\(arg)'"
                messageIsError = true
            }
        case "kpi", "indicator", "k":
            guard let ind = dataset.indicators.first(where: { $0.code.lowercased() == arg.lowercased() }) else {
                message = "no indicator '\(arg)'"
                messageIsError = true
                return []
            }
            push()
            indicator = ind.code
            pane = .detail
            rebuildLeague()
            cursor = leagueSeries.firstIndex { dataset.series($0).area == area } ?? 0
        default:
            message = "unknown command ':\(verb)' (try :area NAME, :pane NAME, :kpi CODE, :q)"
            messageIsError = true
        }
        keepCursorVisible()
        return []
    }

    /// Areas offered by the picker for a query.
    public func pickerAreas(_ query: String) -> [Area] {
        let q = query.lowercased()
        return dataset.areas.filter { a in
            !dataset.seriesIDs(area: a.code).isEmpty && (q.isEmpty || a.name.lowercased().contains(q) || a.code.lowercased().contains(q))
        }
    }

    mutating func handlePickerKey(_ key: Key, _ query: String, _ pick: Int) -> [Effect] {
        var q = query
        var p = pick
        let options = pickerAreas(q)
        switch key {
        case .escape:
            input = .none
            return []
        case .enter:
            input = .none
            guard p < options.count else { return [] }
            push()
            area = options[p].code
            if pane != .detail { pane = .scorecard }
            cursor = 0
            scroll = 0
            rebuild()
            keepCursorVisible()
            return []
        case .up: p = max(0, p - 1)
        case .down: p = min(max(0, options.count - 1), p + 1)
        case .backspace: if !q.isEmpty { q.removeLast(); p = 0 }
        case .character(let c): q.append(c); p = 0
        default: break
        }
        input = .areaPicker(query: q, cursor: p)
        return []
    }

    // MARK: Mouse

    mutating func handleMouse(_ m: MouseEvent) -> [Effect] {
        switch m {
        case .wheelUp: moveCursor(by: -3)
        case .wheelDown: moveCursor(by: 3)
        case .click(let x, let y):
            if y == 0 {
                // Tab bar: find the tab under the click.
                if let p = Layout.tab(at: x, state: self) { switchPane(to: p) }
                return []
            }
            let top = Layout.listTop(self)
            let row = scroll + (y - top)
            if y >= top, y < top + Layout.listHeight(self), row >= 0, row < rowCount {
                if pane == .scorecard, case .heading = scorecardLines[row] { return [] }
                if row == cursor { enter() } else { cursor = row }
                keepCursorVisible()
            }
        }
        return []
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
