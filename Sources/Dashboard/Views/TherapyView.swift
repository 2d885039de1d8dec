import ScorecardData

/// Pane 5: SEN therapy waiting lists by provider, with the provider serving each district.
enum TherapyView {
    /// Human names for the measures in waits.csv.
    static func measureName(_ m: String) -> String {
        switch m {
        case "referrals_per_month": "referrals a month"
        case "waiting_assessment": "waiting for assessment"
        case "waiting_intervention": "waiting for intervention"
        case "waiting_over_12_weeks_assessment": "over 12 weeks, assessment"
        case "waiting_over_12_weeks_intervention": "over 12 weeks, intervention"
        case "waiting_total": "waiting (total)"
        case "waiting_over_12_weeks": "waiting over 12 weeks"
        case "waiting_over_18_weeks": "waiting over 18 weeks"
        case "waiting_over_52_weeks": "waiting over 52 weeks"
        case "caseload": "caseload (receiving therapy)"
        default: m.replacingOccurrences("_", " ")
        }
    }

    /// True for measures that count waits beyond a standard (12, 18 or 52 weeks).
    static func isOverStandard(_ m: String) -> Bool { m.contains("over_") }

    /// District figures over a standard that exceed the county-wide figure for the same measure
    /// and period: the outliers (Swale's 118 against 14 across the main providers).
    static func outliers(_ ds: Dataset, root: String) -> [Wait] {
        let county = ds.waits.filter { $0.area == root }
        let districts = Set(ds.children(of: root).map(\.code))
        return ds.waits.filter { w in
            guard districts.contains(w.area), isOverStandard(w.measure), let v = w.value else { return false }
            return county.contains { $0.measure == w.measure && $0.service == w.service && $0.period == w.period && ($0.value ?? .infinity) < v }
        }
    }

    static func draw(into c: inout Canvas, state s: DashboardState) {
        let ds = s.dataset
        guard !ds.waits.isEmpty else {
            c.text("This dataset has no waiting-list figures (waits.csv).", x: 2, y: 3, role: .muted)
            return
        }
        c.text("SEN therapy waiting lists · SLT speech and language · OT occupational · PT physiotherapy", x: 1, y: 2, maxWidth: s.width - 2, role: .title)
        // Districts and their providers (left).
        let listWidth = 34
        c.text(TextWidth.fit("District", 22) + " Provider", x: 1, y: 3, role: .header)
        let outliers = outliers(ds, root: s.rootArea)
        let visible = Layout.listHeight(s)
        for i in 0..<visible {
            let index = s.scroll + i
            guard index < s.therapyDistricts.count else { break }
            let code = s.therapyDistricts[index]
            let y = 4 + i
            let providers = ds.providers(serving: code).map(\.provider)
            let flagged = outliers.contains { $0.area == code }
            c.text(TextWidth.fit(ds.area(code: code)?.name ?? code, 22), x: 1, y: y, role: index == s.cursor ? .selection : .text)
            c.text(providers.isEmpty ? "not stated" : providers.joined(separator: ", "), x: 24, y: y, maxWidth: listWidth - 24, role: providers.isEmpty ? .muted : .text)
            if flagged { c.text(s.glyphs.ascii ? "!" : "⚑", x: listWidth, y: y, role: .warning) }
        }
        // The selected district's provider(s) (right).
        let x = listWidth + 2
        let w = s.width - x - 1
        guard w >= 30, s.cursor < s.therapyDistricts.count else { return }
        let district = s.therapyDistricts[s.cursor]
        var y = 3
        let coverage = ds.providers(serving: district)
        let districtName = ds.area(code: district)?.name ?? district
        if coverage.isEmpty {
            c.text("\(districtName): no provider is named in the data.", x: x, y: y, maxWidth: w, role: .muted)
            y += 2
        }
        var caveats: [String] = []
        for cov in coverage {
            let provider = ds.provider(code: cov.provider)
            c.text("\(districtName) \(s.glyphs.separator) \(provider?.name ?? cov.provider) (\(cov.provider))", x: x, y: y, maxWidth: w, role: .header)
            y += 1
            if let note = cov.note { for l in Fmt.wrap(note, width: w).prefix(2) { c.text(l, x: x, y: y, maxWidth: w, role: .muted); y += 1 } }
            y = drawWaits(into: &c, state: s, provider: cov.provider, areas: [s.rootArea, district], x: x, y: y, width: w, caveats: &caveats)
            y = drawNHSMonthly(into: &c, state: s, providerName: provider?.name, x: x, y: y, width: w)
            y += 1
            if y >= s.height - 4 { break }
        }
        // County-wide figures from other bodies (e.g. NHS Kent and Medway) and outliers.
        // Other bodies' county-wide figures; a trust already shown above under another code (the
        // NHS open data names trusts in full) is not repeated.
        let shownNames = Set(coverage.compactMap { ds.provider(code: $0.provider)?.name.lowercased() })
        let others = Set(ds.waits.filter { $0.area == s.rootArea }.map(\.provider)).subtracting(coverage.map(\.provider))
            .filter { !shownNames.contains(ds.provider(code: $0)?.name.lowercased() ?? "") }.sorted()
        for p in others where y < s.height - 4 {
            let provider = ds.provider(code: p)
            c.text("County-wide · \(provider?.name ?? p)", x: x, y: y, maxWidth: w, role: .header)
            y += 1
            y = drawWaits(into: &c, state: s, provider: p, areas: [s.rootArea], x: x, y: y, width: w, caveats: &caveats, compact: true)
            y += 1
        }
        for o in outliers where y < s.height - 3 {
            let name = ds.area(code: o.area)?.name ?? o.area
            let line = "\(s.glyphs.ascii ? "!" : "⚑") outlier: \(name) \(Fmt.count(o.value)) \(measureName(o.measure)) (\(o.service), \(o.period.label)) — above the county-wide figure"
            c.text(line, x: x, y: y, maxWidth: w, role: .warning)
            y += 1
        }
        for caveat in caveats where y < s.height - 2 {
            for l in Fmt.wrap("\(s.glyphs.ascii ? "!" : "⚠") " + caveat, width: w).prefix(2) where y < s.height - 2 {
                c.text(l, x: x, y: y, maxWidth: w, role: .warning)
                y += 1
            }
        }
    }

    /// The provider's waits: one row per service and measure with its trend and latest value; over-standard
    /// rows marked. Returns the next free row.
    static func drawWaits(into c: inout Canvas, state s: DashboardState, provider: String, areas: [String], x: Int, y: Int, width: Int,
                          caveats: inout [String], compact: Bool = false) -> Int {
        let ds = s.dataset
        let waits = ds.waits.filter { $0.provider == provider && areas.contains($0.area) }
        var keys: [String] = []
        for w in waits where !keys.contains(w.service + "|" + w.measure) { keys.append(w.service + "|" + w.measure) }
        var row = y
        let periods = Array(Set(waits.map(\.period))).sorted()
        let maxValue = waits.filter { $0.measure.hasPrefix("waiting") }.compactMap(\.value).max() ?? 1
        for key in keys {
            guard row < s.height - 2 else { break }
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            let series = waits.filter { $0.service == parts[0] && $0.measure == parts[1] }.sorted { $0.period < $1.period }
            let latest = series.last
            let over = isOverStandard(parts[1])
            let label = "\(parts[0]) \(measureName(parts[1]))"
            let labelWidth = min(34, width / 2)
            c.text(TextWidth.fit(label, labelWidth), x: x, y: row, role: over ? .warning : .text)
            let valuesText = series.map { $0.value.map(Fmt.count) ?? "–" }
            let cells = zip(series, valuesText).map { "\($0.0.period.label) \($0.1)" }.joined(separator: "  ")
            if compact || periods.count <= 1 || width < 70 {
                c.text(cells, x: x + labelWidth + 1, y: row, maxWidth: width - labelWidth - 1, role: .text)
            } else if parts[1].hasPrefix("waiting") {
                // A bar of the latest value, scaled to the largest wait, then the history.
                let barWidth = 12
                let v = latest?.value ?? 0
                let filled = maxValue > 0 ? Int((v / maxValue * Double(barWidth)).rounded()) : 0
                let bar = String(repeating: over ? (s.glyphs.ascii ? "=" : "▓") : s.glyphs.fullBlock, count: min(barWidth, filled))
                c.text(TextWidth.fit(bar, barWidth), x: x + labelWidth + 1, y: row, role: over ? .ragAmber : .chartLine)
                c.text(cells, x: x + labelWidth + barWidth + 2, y: row, maxWidth: width - labelWidth - barWidth - 2, role: .text)
            } else {
                c.text(cells, x: x + labelWidth + 14, y: row, maxWidth: width - labelWidth - 14, role: .text)
            }
            if let note = series.compactMap(\.note).first, !caveats.contains("\(provider): \(note)") {
                if note.contains("caution") || note.contains("does not count") || note.contains("not defined") { caveats.append("\(provider): \(note)") }
            }
            row += 1
        }
        if !compact && keys.contains(where: isOverStandardKey) {
            c.text("\(s.glyphs.ascii ? "=" : "▓") waits beyond the 12-week standard (KCHFT's target: referrals seen within 12 weeks, 000:763)", x: x, y: row, maxWidth: width, role: .muted)
            row += 1
        }
        return row
    }

    static func isOverStandardKey(_ key: String) -> Bool { key.contains("over_") }

    /// NHS England's monthly community health waits for the same trust (matched by name, as the
    /// open data names trusts in full) beside England: the list size, its trend, and the share
    /// waiting over 18 weeks. Returns the next free row.
    static func drawNHSMonthly(into c: inout Canvas, state s: DashboardState, providerName: String?, x: Int, y: Int, width: Int) -> Int {
        let ds = s.dataset
        guard let name = providerName?.lowercased() else { return y }
        let codes = Set(ds.providers.filter { $0.name.lowercased() == name }.map(\.code))
        let mine = ds.waits.filter { codes.contains($0.provider) && $0.measure == "waiting_total" && $0.period.kind == .month }
        guard !mine.isEmpty else { return y }
        let england = ds.waits.filter { $0.area == "E92000001" }
        var row = y
        let years = Set(mine.map { $0.period.year }).sorted().map(String.init).joined(separator: ", ")
        c.text("NHS community health waits \(years), monthly · vs England", x: x, y: row, maxWidth: width, role: .header)
        row += 1
        for service in Array(Set(mine.map(\.service))).sorted().reversed() where row < s.height - 2 {
            let series = ds.waits.filter { codes.contains($0.provider) && $0.service == service }
            let totals = series.filter { $0.measure == "waiting_total" }.sorted { $0.period < $1.period }
            guard let last = totals.last else { continue }
            func share(_ rows: [Wait], _ p: Period) -> Double? {
                guard let over = rows.first(where: { $0.measure == "waiting_over_18_weeks" && $0.period == p })?.value,
                      let total = rows.first(where: { $0.measure == "waiting_total" && $0.period == p })?.value, total > 0 else { return nil }
                return over / total * 100
            }
            let mineShare = share(series, last.period)
            let engShare = share(england.filter { $0.service == service }, last.period)
            let spark = Sparkline.make(totals.map(\.value), width: 10, glyphs: s.glyphs)
            var text = "\(TextWidth.fit(service, 4)) waiting \(Fmt.count(last.value)) \(last.period.label)"
            if let m = mineShare { text += " · over 18 wks \(ValueFormatter.fixed(m, decimals: 1))%" }
            if let e = engShare { text += " (England \(ValueFormatter.fixed(e, decimals: 1))%)" }
            c.text(spark, x: x, y: row, role: .chartLine)
            c.text(text, x: x + 11, y: row, maxWidth: width - 11, role: (mineShare ?? 0) > (engShare ?? .infinity) ? .warning : .text)
            row += 1
        }
        return row
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
