/// Imports NHS England community health services (CHS) waiting lists for children, as published
/// by NHS England or derived by DfE (`la_ch_time_series_derived.csv`: one row per organisation,
/// month and service; `eng_ch_time_series_derived.csv`: England only), into a dataset:
///
/// - `providers.csv`: one provider per organisation (England, NHS regions, ICBs, trusts);
/// - `waits.csv`: `waiting_total`, `waiting_over_18_weeks` (the >18-52 and >52 week bands
///   added, or a >18 week column when the file has one) and `waiting_over_52_weeks`, by month;
/// - `indicators.csv` / `observations.csv`: for each service, `CHS-<SERVICE>-18W`, the
///   percentage of the waiting list waiting over 18 weeks (numerator and denominator kept),
///   so the figures can be rated and compared like any indicator;
/// - `areas.csv`: England, and one area per organisation not mapped to an area of your own.
///
/// Services are normalised: `SLT` (speech and language), `OT` (occupational therapy), `PT`
/// (physiotherapy), `audiology`, `community_paediatrics`; others become snake_case.
public enum NHSCHSImporter {
    /// One `--provider NAME[=AREA]`: import this organisation (England, a region, an ICB or a
    /// trust; case and spacing ignored), optionally as the figures of area code AREA.
    public struct Selection: Sendable, Equatable {
        public var name: String
        public var area: String?

        public init(name: String, area: String? = nil) {
            self.name = name
            self.area = area
        }

        public init?(argument: String) {
            if let eq = argument.lastIndex(of: "=") {
                let n = String(argument[..<eq]).collapsingSpaces()
                let a = String(argument[argument.index(after: eq)...]).trimmingSpaces()
                guard !n.isEmpty, !a.isEmpty else { return nil }
                self.init(name: n, area: a)
            } else {
                let n = argument.collapsingSpaces()
                guard !n.isEmpty else { return nil }
                self.init(name: n)
            }
        }
    }

    public struct Options: Sendable {
        /// The organisations to import (all when empty).
        public var providers: [Selection]
        /// Service codes to keep, e.g. `SLT`, `OT` (all when empty; case ignored).
        public var services: [String]
        /// Provider codes to use instead of the ones made from names: organisation name → code.
        public var providerCodes: [String: String]

        public init(providers: [Selection] = [], services: [String] = [], providerCodes: [String: String] = [:]) {
            self.providers = providers
            self.services = services
            self.providerCodes = providerCodes
        }
    }

    public static let englandCode = "E92000001"
    public static let group = "NHS community health services waits"
    public static let measures = ["waiting_total", "waiting_over_18_weeks", "waiting_over_52_weeks"]

    enum OrgKind: String {
        case national, region, icb, provider

        var areaKind: String {
            switch self {
            case .national: "country"
            case .region: "nhs_region"
            case .icb: "icb"
            case .provider: "nhs_provider"
            }
        }
    }

    /// The service code and a readable name for a therapy/service label.
    public static func service(_ label: String) -> (code: String, name: String) {
        let l = label.collapsingSpaces().lowercased()
        if l.contains("speech") || l == "slt" || l == "salt" { return ("SLT", "speech and language therapy") }
        if l.contains("occupational") || l == "ot" { return ("OT", "occupational therapy") }
        if l.contains("physio") || l == "pt" { return ("PT", "physiotherapy") }
        if l.contains("audiol") { return ("audiology", "audiology") }
        if l.contains("paediatric") || l.contains("pediatric") { return ("community_paediatrics", "community paediatrics") }
        var code = ""
        for s in l.unicodeScalars {
            if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") { code.unicodeScalars.append(s) } else if !code.hasSuffix("_") && !code.isEmpty { code += "_" }
        }
        while code.hasSuffix("_") { code.removeLast() }
        return (code.isEmpty ? "unknown" : code, l)
    }

    /// `Kent Community Health NHS Foundation Trust` → `kent-community-health-nhs-foundation-trust`.
    public static func slug(_ name: String) -> String {
        var out = ""
        for s in name.lowercased().unicodeScalars {
            if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") { out.unicodeScalars.append(s) } else if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                     "october", "november", "december"]

    /// `2023-01-01`, `2023-01`, `January 2023`, `Jan 2023`, `Jan-23` → the month.
    static func month(_ text: String) -> Period? {
        let t = text.collapsingSpaces()
        let u = Array(t.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count, r.allSatisfy({ u[$0] >= 48 && u[$0] <= 57 }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(u[$1] - 48) }
        }
        if (u.count == 7 || u.count == 10 || (u.count > 10 && (u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " ")))),
           u[4] == UInt8(ascii: "-"), let y = digits(0..<4), let m = digits(5..<7), (1...12).contains(m) {
            return Period.month(y, m)
        }
        let parts = t.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
        guard parts.count == 2, let idx = monthNames.firstIndex(where: { $0 == parts[0] || ($0.hasPrefix(parts[0]) && parts[0].count == 3) }),
              parts[1].allSatisfy(\.isASCIIDigit), let y = Int(parts[1]) else { return nil }
        if parts[1].count == 4 { return Period.month(y, idx + 1) }
        if parts[1].count == 2 { return Period.month(2000 + y, idx + 1) }
        return nil
    }

    struct Columns {
        var name: Int?
        var type: Int?
        var date: Int
        var service: Int
        var total: Int?
        var over18: Int?
        var band18to52: Int?
        var over52: Int?
    }

    static func columns(_ header: SourceHeader, path: String) throws(ImportFailure) -> Columns {
        var errors: [String] = []
        let date = header.role(["formattedDate", "month", "period", "reporting_period", "date", "effective_snapshot_date"])
        let service = header.role(["therapy", "service", "service_type", "therapy_type", "service_name"])
        var c = Columns(name: header.role(["organisation_name", "org_name", "organisation", "provider_name", "provider", "name"]),
                        type: header.role(["organisation_type", "org_type", "organisation_level", "type", "level"]),
                        date: date ?? 0, service: service ?? 0)
        if date == nil { errors.append("no month column (expected formattedDate, Date or Month)") }
        if service == nil { errors.append("no service column (expected Therapy or Service)") }
        for (i, name) in header.names.enumerated() {
            let l = name.lowercased()
            if l.contains("percent") || l.contains("%") || l.hasPrefix("pc") || l.contains("proportion") || l.contains("rate") { continue }
            var numbers: [Int] = []
            var current = ""
            for ch in l {
                if ch.isASCIIDigit { current.append(ch) } else if !current.isEmpty { numbers.append(Int(current) ?? Int.max); current = "" }
            }
            if !current.isEmpty { numbers.append(Int(current) ?? Int.max) }
            let waiting = l.contains("wait")
            if waiting && l.contains("total") && numbers.isEmpty { if c.total == nil { c.total = i } }
            else if waiting && numbers == [18, 52] { if c.band18to52 == nil { c.band18to52 = i } }
            else if waiting && numbers == [52] { if c.over52 == nil { c.over52 = i } }
            else if waiting && numbers == [18] { if c.over18 == nil { c.over18 = i } }
        }
        if c.total == nil && c.over52 == nil && c.over18 == nil && c.band18to52 == nil {
            errors.append("no waiting-list columns (expected 'Total waiting list', 'Waiting >18-52 weeks', 'Waiting >52 weeks')")
        }
        guard errors.isEmpty else {
            throw ImportFailure(errors.map { Diagnostic(.error, path: path, line: 1, column: 1, "\($0); columns: \(quotedList(header.names, limit: 40))") })
        }
        return c
    }

    struct Org {
        var kind: OrgKind
        var key: String
        var spellings: [String] = []
        var name: String {
            spellings.first(where: { $0 != $0.uppercased() }) ?? spellings.first ?? key
        }
    }

    struct Figures: Equatable {
        var total: SourceValue
        var over18: SourceValue
        var over52: SourceValue
    }

    struct Row {
        var org: String
        var service: String
        var period: Period
        var figures: Figures
        var line: Int
    }

    /// Reads `bytes` (the contents of the file at `path`) into a dataset.
    public static func run(bytes: [UInt8], path: String, options: Options) throws(ImportFailure) -> ImportResult {
        var sink = DiagnosticSink(path: path)
        var table = SourceTable(bytes: bytes, path: path)
        let header = try table.readHeader(expecting: "Organisation Type, Organisation Name, Date, Therapy, Total waiting list, …")
        let cols = try columns(header, path: path)
        let fileName = path.lastPathComponent
        let wantedServices = Set(options.services.map { service($0).code.lowercased() })

        var orgs: [String: Org] = [:]
        var orgOrder: [String] = []
        var rows: [Row] = []
        var seenServices: [String: String] = [:]
        var read = 0
        while table.next(reportingTo: &sink) {
            read += 1
            // A cell that is not UTF-8 would read as empty: an unnamed organisation is England.
            if let bad = [cols.name, cols.type, cols.service, cols.date].compactMap({ $0 }).first(where: { !table.validUTF8($0) }) {
                let loc = table.location(bad)
                sink.error(line: loc.line, column: loc.column, "invalid UTF-8 in \(header.names[bad])")
                continue
            }
            // Organisation.
            let name = cols.name.map { table.cell($0).collapsingSpaces() } ?? ""
            let typeText = cols.type.map { table.cell($0).collapsingSpaces().lowercased() } ?? ""
            // The type column is not reliable (England is typed NA, National or Organisation in
            // different months), so England is known by its name.
            let kind: OrgKind
            switch typeText {
            case _ where name.isEmpty || name.lowercased() == "england": kind = .national
            case "region", "nhs region", "regional": kind = .region
            case "icb", "integrated care board", "stp", "sub-icb", "sub icb location", "ccg": kind = .icb
            default: kind = .provider
            }
            let orgName = kind == .national && name.isEmpty ? "England" : name
            guard !orgName.isEmpty else {
                let loc = table.location(cols.name ?? 0)
                sink.error(line: loc.line, column: loc.column, "empty organisation name")
                continue
            }
            let key = "\(kind.rawValue)\u{1F}\(orgName.lowercased())"
            if orgs[key] == nil { orgs[key] = Org(kind: kind, key: orgName.lowercased()); orgOrder.append(key) }
            if !orgs[key]!.spellings.contains(orgName) { orgs[key]!.spellings.append(orgName) }
            // Service.
            let serviceLabel = table.cell(cols.service)
            guard !serviceLabel.isEmpty else {
                let loc = table.location(cols.service)
                sink.error(line: loc.line, column: loc.column, "empty service: expected e.g. Speech And Language")
                continue
            }
            let svc = service(serviceLabel)
            if seenServices[svc.code] == nil { seenServices[svc.code] = svc.name }
            if !wantedServices.isEmpty && !wantedServices.contains(svc.code.lowercased()) { continue }
            // Month.
            let dateText = table.cell(cols.date)
            guard let period = month(dateText) else {
                let loc = table.location(cols.date)
                sink.error(line: loc.line, column: loc.column, "\(header.names[cols.date]): '\(SafeText.clip(dateText))' is not a month: expected 2023-01-01, 2023-01 or January 2023")
                continue
            }
            // Figures.
            func value(_ i: Int?) -> SourceValue? {
                guard let i else { return .empty }
                let v = SourceValue(table.cell(i))
                if case .invalid(let why) = v {
                    let loc = table.location(i)
                    sink.error(line: loc.line, column: loc.column, "\(header.names[i]): \(why) (or NA)")
                    return nil
                }
                if case .number(let n) = v, n < 0 {
                    let loc = table.location(i)
                    sink.error(line: loc.line, column: loc.column, "\(header.names[i]): \(ValueFormatter.plain(n)) is negative: expected a number of children, 0 or more")
                    return nil
                }
                return v
            }
            guard let total = value(cols.total), let direct18 = value(cols.over18), let band = value(cols.band18to52), let over52 = value(cols.over52) else { continue }
            var over18 = direct18
            if cols.over18 == nil, cols.band18to52 != nil {
                switch (band, over52) {
                case (.number(let a), .number(let b)): over18 = .number(a + b)
                case (.symbol, _): over18 = band
                case (_, .symbol): over18 = over52
                default: over18 = .empty
                }
            }
            rows.append(Row(org: key, service: svc.code, period: period, figures: Figures(total: total, over18: over18, over52: over52), line: table.line))
        }
        if sink.hasErrors { throw sink.failure(stoppedAt: sink.full ? table.line : nil) }

        // Services asked for but absent.
        for s in options.services where seenServices[service(s).code] == nil {
            sink.error(line: 1, column: cols.service + 1, "--service \(SafeText.clip(s)): no such service in the file; services: \(quotedList(seenServices.keys.sorted()))")
        }
        // Organisations: which, and as which area.
        var areaOf: [String: String] = [:]
        if options.providers.isEmpty {
            for k in orgOrder { areaOf[k] = orgs[k]!.kind == .national ? englandCode : "" }
        } else {
            for sel in options.providers {
                let wanted = sel.name.lowercased()
                let matches = orgOrder.filter { orgs[$0]!.key == wanted }
                guard !matches.isEmpty else {
                    let firstWord = wanted.split(separator: " ").first.map(String.init) ?? wanted
                    let similar = orgOrder.map { orgs[$0]!.name }.filter { $0.lowercased().contains(firstWord) }
                    sink.error(line: 1, column: (cols.name ?? 0) + 1, "--provider '\(SafeText.clip(sel.name))': no organisation of that name in the file"
                               + (similar.isEmpty ? "" : "; similar: \(quotedList(similar, limit: 8))"))
                    continue
                }
                if matches.count > 1 {
                    sink.error(line: 1, column: (cols.name ?? 0) + 1, "--provider '\(SafeText.clip(sel.name))' names \(matches.count) organisations (\(matches.map { orgs[$0]!.kind.rawValue }.joined(separator: ", ")))")
                    continue
                }
                areaOf[matches[0]] = sel.area ?? (orgs[matches[0]]!.kind == .national ? englandCode : "")
            }
        }
        if sink.hasErrors { throw sink.failure() }

        // Providers and areas.
        var files = DatasetFiles()
        files.areas.append(Area(code: englandCode, name: "England", parent: nil, kind: "country"))
        var providerCode: [String: String] = [:]
        var usedCodes: [String: String] = [:]
        for k in orgOrder where areaOf[k] != nil {
            let org = orgs[k]!
            let override = options.providerCodes.first { $0.key.collapsingSpaces().lowercased() == org.key }?.value
            var code = override ?? slug(org.name)
            if code.isEmpty { code = "provider" }
            if let other = usedCodes[code], other != k {
                if override != nil {
                    sink.error(line: 1, column: 1, "provider code '\(SafeText.clip(code))' is given to two organisations")
                    continue
                }
                code += "-" + org.kind.rawValue
            }
            usedCodes[code] = k
            providerCode[k] = code
            let kindNote: String = switch org.kind {
            case .national: "all providers in England"
            case .region: "NHS England region"
            case .icb: "integrated care board"
            case .provider: "provider"
            }
            let display = org.kind == .national ? "England (all providers)" : org.name
            files.providers.append(Provider(code: code, name: display, note: "\(kindNote); NHS community health services waiting lists (\(fileName))"))
            if areaOf[k] == "" {
                areaOf[k] = code
                files.areas.append(Area(code: code, name: org.name, parent: englandCode, kind: org.kind.areaKind))
            }
        }
        if sink.hasErrors { throw sink.failure() }

        // One row per organisation, service and month.
        var firstLine: [String: (line: Int, figures: Figures)] = [:]
        var kept: [Row] = []
        for row in rows where providerCode[row.org] != nil {
            let key = "\(row.org)\u{1F}\(row.service)\u{1F}\(row.period)"
            if let first = firstLine[key] {
                if first.figures != row.figures {
                    sink.error(line: row.line, column: 1, "a second row for \(SafeText.clip(orgs[row.org]!.name)), \(row.service), \(row.period) with other figures (first at line \(first.line))")
                }
                continue
            }
            firstLine[key] = (row.line, row.figures)
            kept.append(row)
        }
        if sink.hasErrors { throw sink.failure() }
        var services: [String] = []
        for r in kept where !services.contains(r.service) { services.append(r.service) }
        let rank = ["SLT", "OT", "PT", "audiology", "community_paediatrics"]
        services.sort { (rank.firstIndex(of: $0) ?? rank.count, $0) < (rank.firstIndex(of: $1) ?? rank.count, $1) }

        // A service whose figures copy another's in every month (a fault of the source for some
        // providers) is warned about and noted on its rows.
        var copied: [String: String] = [:]
        var byOrgService: [String: [Period: Figures]] = [:]
        for r in kept { byOrgService["\(r.org)\u{1F}\(r.service)", default: [:]][r.period] = r.figures }
        for k in orgOrder where providerCode[k] != nil {
            for (i, a) in services.enumerated() {
                for b in services[(i + 1)...] {
                    guard let fa = byOrgService["\(k)\u{1F}\(a)"], let fb = byOrgService["\(k)\u{1F}\(b)"], fa.count >= 3, fa == fb,
                          fa.values.contains(where: { ($0.total.number ?? 0) > 0 }) else { continue }
                    sink.warning(line: 1, column: 1, "\(SafeText.sanitize(orgs[k]!.name)): the \(a) and \(b) figures are identical in all \(fa.count) months; the source may repeat one service's figures for the other")
                    let note = "\(a) and \(b) figures identical in every month in the source"
                    copied["\(k)\u{1F}\(a)"] = note
                    copied["\(k)\u{1F}\(b)"] = note
                }
            }
        }

        // Waits.
        for row in kept {
            let provider = providerCode[row.org]!, area = areaOf[row.org]!
            let copy = copied["\(row.org)\u{1F}\(row.service)"]
            for (measure, v, present) in [("waiting_total", row.figures.total, cols.total != nil),
                                          ("waiting_over_18_weeks", row.figures.over18, cols.over18 != nil || cols.band18to52 != nil),
                                          ("waiting_over_52_weeks", row.figures.over52, cols.over52 != nil)] where present {
                var note: String?
                if case .symbol(let n, _) = v { note = n }
                if let copy { note = [note, copy].compactMap { $0 }.joined(separator: "; ") }
                files.waits.append(Wait(provider: provider, area: area, service: row.service, measure: measure, period: row.period,
                                        value: v.number, note: note, source: "\(fileName):\(row.line)"))
            }
        }

        // Indicators: % of the waiting list waiting over 18 weeks, per service.
        let canRate = cols.total != nil && (cols.over18 != nil || cols.band18to52 != nil)
        if canRate {
            for s in services {
                let name = seenServices[s] ?? s
                files.indicators.append(Indicator(
                    code: indicatorCode(s), name: "Children waiting over 18 weeks for \(name) (% of waiting list)", group: group,
                    polarity: .low, periodType: .monthlySnapshot, unit: "percent", decimals: 1,
                    definition: "Children and young people on the \(name) waiting list who have waited more than 18 weeks, as a percentage of the whole waiting list, at the end of the month (numerator: waiting over 18 weeks; denominator: total waiting list). Where several organisations are imported as one area their figures are added. From \(fileName).",
                    source: "NHS England community health services waiting lists"))
            }
            struct Sum { var over18 = 0.0, total = 0.0, missing: String?, status: ObservationStatus?, orgs = 0, line = 0, copy: String? }
            var sums: [String: Sum] = [:]
            var order: [(String, String, Period)] = []
            for r in kept {
                let area = areaOf[r.org]!
                let key = "\(area)\u{1F}\(r.service)\u{1F}\(r.period)"
                var s = sums[key] ?? { order.append((area, r.service, r.period)); return Sum(line: r.line) }()
                s.orgs += 1
                if let c = copied["\(r.org)\u{1F}\(r.service)"] { s.copy = c }
                switch (r.figures.over18, r.figures.total) {
                case (.number(let a), .number(let b)): s.over18 += a; s.total += b
                case (.symbol(let n, let status), _), (_, .symbol(let n, let status)):
                    if s.missing == nil { s.status = status }
                    s.missing = s.missing ?? n
                default: s.missing = s.missing ?? "not available"
                }
                sums[key] = s
            }
            for (area, service, period) in order {
                let s = sums["\(area)\u{1F}\(service)\u{1F}\(period)"]!
                var value: Double?
                var note: String? = s.missing
                if s.missing == nil {
                    if s.total > 0 { value = (s.over18 / s.total * 1000).rounded() / 10 } else { note = "no one waiting" }
                }
                if s.orgs > 1 { note = [note, "sum of \(s.orgs) organisations"].compactMap { $0 }.joined(separator: "; ") }
                if let c = s.copy { note = [note, c].compactMap { $0 }.joined(separator: "; ") }
                files.observations.append(Observation(area: area, indicator: indicatorCode(service), period: period, value: value,
                                                      numerator: s.missing == nil ? s.over18 : nil, denominator: s.missing == nil ? s.total : nil,
                                                      note: note, source: "\(fileName):\(s.line)", status: s.status))
            }
        }
        if files.indicators.isEmpty {
            sink.error(line: 1, column: 1, canRate ? "no rows to import" : "the file has no total waiting list and no over-18-weeks figures, so no indicator can be made")
            throw sink.failure()
        }
        files.sortRows()

        let months = kept.map(\.period)
        var summary = ["read \(read) rows; kept \(kept.count) for \(providerCode.count) organisation\(providerCode.count == 1 ? "" : "s"), services \(services.joined(separator: ", "))"
                       + (months.min().map { ", \($0) to \(months.max()!)" } ?? "")]
        let empty = files.waits.filter { $0.value == nil }.count
        summary.append("\(files.waits.count) waits (\(empty) empty), \(files.observations.count) observations of \(files.indicators.map(\.code).joined(separator: ", "))")
        return ImportResult(files: files, warnings: sink.warnings, summary: summary)
    }

    /// `SLT` → `CHS-SLT-18W`; `community_paediatrics` → `CHS-COMMUNITY-PAEDIATRICS-18W`.
    public static func indicatorCode(_ service: String) -> String {
        "CHS-" + service.uppercased().replacingAll("_", with: "-") + "-18W"
    }
}
