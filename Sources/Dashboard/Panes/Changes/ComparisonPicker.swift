import ScorecardData

/// One choice of the changes pane's `c` picker.
public struct ComparisonOption: Equatable, Sendable {
    public var comparison: Comparison
    public var label: String
}

extension DashboardState {
    /// How many periods back the picker offers (a year of months).
    static let pickerPeriods = 12

    /// What `c` offers for a typed query: the previous period, a year earlier, the other edition
    /// (when one is loaded) and the twelve periods before the latest; those whose label contains
    /// the query, after the period typed when it is one (`2024-06`).
    public func comparisonOptions(_ query: String) -> [ComparisonOption] {
        let latest = module(ChangesPane.self).changes?.reportingPeriod
        var all = [ComparisonOption(comparison: .previousPeriod, label: "Previous period" + (latest.map { " (\($0.previous.label))" } ?? "")),
                   ComparisonOption(comparison: .yearEarlier, label: "A year earlier" + (latest.map { " (\($0.yearEarlier.label))" } ?? ""))]
        if let edition = shared.edition { all.append(ComparisonOption(comparison: .edition, label: "The other edition: \(edition.name)")) }
        var p = latest
        for _ in 0..<Self.pickerPeriods {
            guard let current = p else { break }
            let earlier = current.previous
            all.append(Self.sinceOption(earlier))
            p = earlier
        }
        let q = query.trimmingSpaces().lowercased()
        var shown = q.isEmpty ? all : all.filter { $0.label.lowercased().contains(q) }
        if let typed = Period(query.trimmingSpaces()), !shown.contains(where: { $0.comparison == .since(typed) }) {
            shown.insert(Self.sinceOption(typed), at: 0)
        }
        return shown.map { o in
            var o = o
            if o.comparison == shared.comparison { o.label += " · now" }
            return o
        }
    }

    static func sinceOption(_ p: Period) -> ComparisonOption {
        ComparisonOption(comparison: .since(p), label: "Since the end of \(p.label) (\(p.description))")
    }

    /// Opens the picker with the cursor on the comparison in use.
    mutating func openComparisonPicker() {
        let options = comparisonOptions("")
        input = .comparisonPicker(query: "", cursor: options.firstIndex { $0.comparison == shared.comparison } ?? 0)
    }

    /// Compares the changes pane's figures with `comparison` (`--since`, `c`); `.edition` only
    /// when an edition is loaded (`compare(withEdition:named:)`).
    public mutating func compare(with comparison: Comparison) {
        guard comparison != .edition || shared.edition != nil, comparison != shared.comparison else { return }
        shared.comparison = comparison
        shared.touch()
        refresh()
        settle()
    }

    /// Loads another edition of the data (`--compare-data DIR`) and compares with it.
    public mutating func compare(withEdition dataset: Dataset, named name: String) {
        shared.edition = Edition(dataset: dataset, name: name)
        shared.comparison = .edition
        shared.touch()
        refresh()
        settle()
    }

    /// Carries out what a key or click did in the `c` list.
    mutating func pickComparison(_ what: ListPick, _ options: [ComparisonOption]) {
        switch what {
        case .cancel: input = .none
        case .pick(let i):
            input = .none
            compare(with: options[i].comparison)
            let latest = module(ChangesPane.self).changes?.reportingPeriod
            say("comparing with \(options[i].comparison.phrase(latest: latest, edition: shared.edition))")
        case .stay(let q, let p): input = .comparisonPicker(query: q, cursor: p)
        }
    }

    mutating func handleComparisonPickerKey(_ key: Key, _ query: String, _ pick: Int) -> [Effect] {
        let options = comparisonOptions(query)
        pickComparison(ListPick.key(key, query: query, cursor: pick, count: options.count), options)
        return []
    }

    mutating func handleComparisonPickerMouse(_ m: MouseEvent, query: String, cursor: Int) -> [Effect] {
        let options = comparisonOptions(query)
        let regions = AreaPickerView.regions(screen: screen, options: options.count, cursor: cursor)
        pickComparison(ListPick.mouse(m, query: query, cursor: cursor, count: options.count, regions: regions), options)
        return []
    }
}

/// The `c` overlay on the changes pane: what to compare with. It sits where the area picker does.
enum ComparisonPickerView {
    static func draw(into c: inout Canvas, state s: DashboardState, query: String, cursor: Int) {
        let options = s.comparisonOptions(query)
        let r = AreaPickerView.regions(screen: s.screen, options: options.count, cursor: cursor)
        c.fill(r.frame, role: .text)
        Box.draw(r.frame, title: " Compare with · Enter picks · Esc cancels ", into: &c)
        let typed = c.text("> \(query)\(c.glyphs[.caret])", in: r.prompt, role: .statusKey, marks: [.caret])
        if query.isEmpty { c.text(" or type a period: 2024-06, FY2024-25-Q1", x: r.prompt.x + typed, y: r.prompt.y, maxWidth: r.prompt.width - typed, role: .muted) }
        for i in 0..<r.list.height {
            let k = r.first + i
            guard k < options.count else { break }
            c.text(options[k].label, in: r.list.row(i), role: k == cursor ? .selection : .text)
        }
        if options.isEmpty { c.text("no choice matches: type a period such as 2024-06 or FY2024-25-Q1", in: r.list.row(0), role: .muted) }
    }
}
