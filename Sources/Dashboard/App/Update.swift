import ScorecardData

extension DashboardState {
    /// Applies one input event. Returns the effects the host must carry out.
    @discardableResult
    public mutating func update(_ event: InputEvent) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            refresh()
            settle()
            return []
        case .mouse(let m):
            return handleMouse(m)
        case .key(let key):
            let previous = previousKey
            previousKey = key
            return handleKey(key, after: previous)
        }
    }

    /// Applies what came of an effect (an export written, data reloaded, a theme loaded).
    @discardableResult
    public mutating func update(_ result: EffectResult) -> [Effect] {
        switch result {
        case .exported(let path):
            say("exported \(path)")
        case .exportFailed(let why):
            say("export failed: \(why)", isError: true)
        case .reloaded(let data, let time):
            let queued = shared.reload?.queued == true
            shared.reload = nil
            replaceDataset(data, at: time)
            if queued { return requestReload() }
        case .reloadFailed(let why):
            let queued = shared.reload?.queued == true
            shared.reload = nil
            say(why, isError: true)
            if queued { return requestReload() }
        case .reloadStarted(let file):
            shared.reload = ReloadStatus(file: file, queued: shared.reload?.queued ?? false)
        case .reloadProgress(let progress):
            // Progress of a reload that has ended (it raced the result) is dropped.
            shared.reload?.progress = progress
        case .themeChanged(let name, let message, let isError):
            shared.themeName = name
            shared.message = message
            shared.messageIsError = isError
        }
        return []
    }

    /// Applies a sequence of events, as `ragtop snapshot --keys` does; stops at quit.
    public mutating func apply(_ events: [InputEvent]) -> [Effect] {
        var effects: [Effect] = []
        for e in events {
            effects += update(e)
            if shouldQuit { break }
        }
        return effects
    }

    /// Applies a sequence of keys.
    public mutating func apply(keys: [Key]) -> [Effect] { apply(keys.map { .key($0) }) }

    /// Replaces the data after a reload, keeping the position, and marks series whose latest
    /// value (or period) changed.
    mutating func replaceDataset(_ newData: Dataset, at time: String) {
        let old = shared.dataset
        var changed: Set<String> = []
        for s in 0..<newData.seriesCount {
            let info = newData.series(s)
            guard let latest = newData.latestRow(series: s) else { continue }
            let before = old.seriesID(area: info.area, indicator: info.indicator, team: info.team).flatMap { old.latestRow(series: $0) }
            guard let before else {
                changed.insert(SharedState.changeKey(area: info.area, indicator: info.indicator, team: info.team))
                continue
            }
            if old.value(row: before) != newData.value(row: latest) || old.period(row: before) != newData.period(row: latest) {
                changed.insert(SharedState.changeKey(area: info.area, indicator: info.indicator, team: info.team))
            }
        }
        shared.dataset = newData
        shared.changedSeries = newData.areas.isEmpty ? [] : changed
        if newData.area(code: shared.rootArea) == nil { shared.rootArea = newData.defaultArea?.code ?? "" }
        if newData.area(code: shared.area) == nil { shared.area = shared.rootArea }
        if let ind = shared.indicator, newData.indicator(ind) == nil { shared.indicator = newData.indicators.first?.code }
        shared.reloadedAt = time
        // A reload that worked clears an error (a failed reload's); any other message stays (the
        // reload ran in the background: an export's path may have come meanwhile).
        if shared.messageIsError {
            shared.message = nil
            shared.messageIsError = false
        }
        shared.touch()
        refresh()
        settle()
    }

    /// Asks the host for a reload, unless one is running: then one more is queued, to start when
    /// it ends (any number of requests meanwhile make one reload, which reads the files as they
    /// are by then). The file watcher asks through here too.
    public mutating func requestReload() -> [Effect] {
        if shared.reload != nil {
            shared.reload?.queued = true
            return []
        }
        shared.reload = ReloadStatus()
        return [.reload]
    }

    mutating func say(_ text: String, isError: Bool = false) {
        shared.message = text
        shared.messageIsError = isError
    }

    // MARK: Keys

    mutating func handleKey(_ key: Key, after previous: Key?) -> [Effect] {
        if key == .ctrl("c") { shouldQuit = true; return [.quit] }
        switch input {
        case .search(let text): return handleSearchKey(key, text)
        case .command(let text): return handleCommandKey(key, text)
        case .areaPicker(let query, let pick): return handlePickerKey(key, query, pick)
        case .comparisonPicker(let query, let pick): return handleComparisonPickerKey(key, query, pick)
        case .none: break
        }
        let keymap = shared.keymap
        if showHelp {
            // The keys that move and quit elsewhere scroll and quit here; Space pages; any
            // other key closes the help.
            switch keymap.command(for: key) {
            case .down?: helpScroll += 1
            case .up?: helpScroll = max(0, helpScroll - 1)
            case .pageDown?: helpScroll += max(1, height - 4)
            case .pageUp?: helpScroll = max(0, helpScroll - max(1, height - 4))
            case .quit?: shouldQuit = true; return [.quit]
            default:
                if key == .character(" ") { helpScroll += max(1, height - 4) } else { showHelp = false }
            }
            return []
        }
        guard screen.isUsable else {
            // Too small: only quitting makes sense.
            if keymap.command(for: key) == .quit { shouldQuit = true; return [.quit] }
            return []
        }
        if let previous, let sequence = keymap.command(after: previous, key) {
            // The first key of the sequence already did its own work; a toggle is put back, so
            // `gg` goes to the first row and leaves the GREEN filter as it was.
            var alone = ""
            if case .toggleRAG(let colour)? = keymap.command(for: previous) {
                toggle(colour)
                alone = " (\(previous.displayName) alone toggles the \(colour.rawValue.uppercased()) filter)"
            }
            let effects = perform(sequence)
            let what = sequence == .top ? "first row" : keymap.binding(for: sequence)?.help ?? sequence.actionName
            say("\(previous.displayName)\(key.displayName): \(what)\(alone)")
            previousKey = nil
            return effects
        }
        guard let command = keymap.command(for: key) else {
            say(keymap.unboundMessage(key))
            return []
        }
        shared.message = nil
        return perform(command)
    }

    /// Carries out a command (from a key, or from a test).
    public mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .quit:
            shouldQuit = true
            return [.quit]
        case .help:
            showHelp = true
            helpScroll = 0
        case .back:
            goBack()
        case .nextPane, .previousPane:
            let all = PaneRegistry.panes
            let here = all.firstIndex(of: pane) ?? 0
            let step = command == .nextPane ? 1 : all.count - 1
            switchPane(to: all[(here + step) % all.count])
        case .pane(let p):
            switchPane(to: p)
        case .toggleRAG(let colour):
            toggle(colour)
        case .clearFilters:
            shared.ragFilter = []
            shared.textFilter = ""
            filtersChanged()
        case .search:
            input = .search(shared.textFilter)
        case .command:
            input = .command("")
        case .pickArea:
            pickingAreaB = false
            input = .areaPicker(query: "", cursor: 0)
        case .pickAreaB:
            if let b = shared.areaB {
                setAreaB(nil)
                say("area B (\(shared.areaName(b))) cleared")
            } else {
                pickingAreaB = true
                input = .areaPicker(query: "", cursor: 0)
            }
        case .export:
            guard let table = exportFromPane() else {
                say("nothing to export on this pane")
                return []
            }
            return [.export(fileName: table.name + ".csv", contents: table.csv)]
        case .cycleTheme:
            return [.cycleTheme]
        case .reload:
            return requestReload()
        case .up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom, .enter, .toggleRegion, .cycleEHCPView, .chooseComparison, .toggleNotes,
             .compareArea, .clearCompared, .sortNext, .sortReverse:
            guard let intents = performOnPane(command) else {
                // The command belongs to another pane: say where it works.
                if let b = shared.keymap.binding(for: command), let home = b.pane, home != pane {
                    say("\(b.keys.first?.displayName ?? b.action) works on the \(home.title) pane (\(home.number)): \(b.help)")
                } else if command == .sortNext || command == .sortReverse {
                    say("no table to sort here")
                }
                return []
            }
            apply(intents)
        }
        return []
    }

    mutating func toggle(_ colour: RAGFilterColour) {
        let rag: RAG = colour == .red ? .red : (colour == .amber ? .amber : .green)
        if shared.ragFilter.contains(rag) { shared.ragFilter.remove(rag) } else { shared.ragFilter.insert(rag) }
        filtersChanged()
    }

    mutating func filtersChanged() {
        shared.touch()
        refresh()
        settle()
    }

    /// Applies what a pane asked for.
    mutating func apply(_ intents: [PaneIntent]) {
        for intent in intents {
            switch intent {
            case .open(let p, let area, let indicator):
                push()
                if let area { shared.area = area }
                if let indicator { shared.indicator = indicator }
                if area != nil || indicator != nil { shared.touch() }
                open(p, .drilled)
            case .selectIndicator(let code):
                guard code != shared.indicator else { continue }
                shared.indicator = code
                shared.touch()
                refresh()
                settle()
            case .message(let text, let isError):
                say(text, isError: isError)
            case .clearTextFilter:
                guard !shared.textFilter.isEmpty else { continue }
                shared.textFilter = ""
                shared.touch()
            case .pickComparison:
                openComparisonPicker()
            case .sort(let table, let sort):
                shared.sorts[table] = .some(sort)
                shared.touch()
                refresh()
                settle()
                say(sort.map { "sorted by \($0.column)\($0.descending ? ", descending" : "")" } ?? "in the table's own order")
            }
        }
    }

    mutating func switchPane(to p: Pane) {
        guard p != pane else { return }
        open(p, .switched)
    }

    // MARK: The back stack

    mutating func push() {
        guard let slot = slots[pane] else { return }
        back.append(Location(pane: pane, area: shared.area, indicator: shared.indicator, module: slot.module))
        if back.count > 64 { back.removeFirst() }
    }

    mutating func goBack() {
        if let l = back.popLast() {
            if l.area != shared.area || l.indicator != shared.indicator {
                shared.area = l.area
                shared.indicator = l.indicator
                shared.touch()
            }
            pane = l.pane
            // The pane as it was, rebuilt if anything changed since (a reload, a filter); the
            // areas compared on KPI detail's chart stay as they are now.
            slots[l.pane] = PaneSlot(module: keepingCompared(l.module), builtFor: -1)
            refresh()
            settle()
        } else if shared.isFiltering {
            shared.ragFilter = []
            shared.textFilter = ""
            filtersChanged()
        }
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
                shared.textFilter = ""
                filtersChanged()
            }
        case .changed(let t):
            input = .search(t)
            shared.textFilter = t
            // Only the pane on screen re-filters now; the others when they are opened.
            filtersChanged()
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
        let arg = parts.count > 1 ? parts[1].trimmingSpaces() : ""
        switch verb {
        case "q", "quit":
            shouldQuit = true
            return [.quit]
        case "area", "a":
            guard let a = shared.dataset.area(named: arg) else {
                say("no area '\(arg)'", isError: true)
                return []
            }
            openArea(a.code)
        case "pane", "p":
            if let p = Pane(named: arg) {
                switchPane(to: p)
            } else {
                say("no pane '\(arg)' (panes: \(PaneRegistry.panes.map(\.name).joined(separator: ", ")))", isError: true)
            }
        case "kpi", "indicator", "k":
            guard let ind = shared.dataset.indicators.first(where: { $0.code.lowercased() == arg.lowercased() }) else {
                say("no indicator '\(arg)'", isError: true)
                return []
            }
            apply([.open(.detail, indicator: ind.code)])
        case "compare":
            compareCommand(arg)
        default:
            say("unknown command ':\(verb)' (try :area NAME, :pane NAME, :kpi CODE, :compare A,B, :q)", isError: true)
        }
        return []
    }

    /// Opens an area's scorecard (its KPI detail or changes when one of those is on screen).
    mutating func openArea(_ code: String) {
        apply([.open(pane == .detail || pane == .changes ? pane : .scorecard, area: code)])
    }

    /// Areas offered by the picker for a query.
    public func pickerAreas(_ query: String) -> [Area] {
        let q = query.lowercased()
        return shared.dataset.areas.filter { a in
            !shared.dataset.seriesIDs(area: a.code).isEmpty && (q.isEmpty || a.name.lowercased().contains(q) || a.code.lowercased().contains(q))
        }
    }

    mutating func handlePickerKey(_ key: Key, _ query: String, _ pick: Int) -> [Effect] {
        let options = pickerChoices(query)
        pickArea(ListPick.key(key, query: query, cursor: pick, count: options.count), options)
        return []
    }

    /// Carries out what a key or click did in the area picker.
    mutating func pickArea(_ what: ListPick, _ options: [AreaChoice]) {
        switch what {
        case .cancel:
            input = .none
            pickingAreaB = false
        case .pick(let i):
            input = .none
            if pickingAreaB {
                pickingAreaB = false
                setAreaB(options[i].area.code)
                if pane != .scorecard { switchPane(to: .scorecard) }
                say("scorecard: \(shared.areaName(shared.area)) beside \(options[i].area.name) (B again: off)")
            } else {
                open(options[i])
            }
        case .stay(let q, let p): input = .areaPicker(query: q, cursor: p)
        }
    }

    // MARK: Mouse

    mutating func handleMouse(_ m: MouseEvent) -> [Effect] {
        guard screen.isUsable else { return [] }
        if showHelp {
            // Any click closes the help, as any key does.
            if case .click = m { showHelp = false }
            return []
        }
        if case .areaPicker(let query, let pick) = input {
            return handlePickerMouse(m, query: query, cursor: pick)
        }
        if case .comparisonPicker(let query, let pick) = input {
            return handleComparisonPickerMouse(m, query: query, cursor: pick)
        }
        switch m {
        case .wheelUp, .wheelDown:
            let command: Command = { if case .wheelUp = m { .up } else { .down } }()
            for _ in 0..<3 { _ = performOnPane(command) }
        case .click(let x, let y):
            let s = screen
            if let p = s.tab(at: x, y: y, glyphs: shared.glyphs) {
                switchPane(to: p)
            } else if s.body.contains(x: x, y: y) {
                apply(clickOnPane(x: x, y: y))
            }
        }
        return []
    }

    mutating func handlePickerMouse(_ m: MouseEvent, query: String, cursor: Int) -> [Effect] {
        let options = pickerChoices(query)
        let regions = AreaPickerView.regions(screen: screen, options: options.count, cursor: cursor)
        pickArea(ListPick.mouse(m, query: query, cursor: cursor, count: options.count, regions: regions), options)
        return []
    }
}
