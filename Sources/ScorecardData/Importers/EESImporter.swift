/// Imports a DfE Explore Education Statistics (EES) tidy CSV into a ragtop dataset: one indicator
/// (one measure column), areas with GSS codes in the England › region › local authority
/// hierarchy, one observation per area and period. See docs/importing.md.
///
/// EES files have time columns (`time_period`, `time_identifier`), geography columns
/// (`geographic_level`, `country_code`, `region_code`, `new_la_code` …), filter columns (text:
/// `breakdown_topic`, `breakdown`, `school_type` …) and measure columns (numbers, or DfE symbols
/// such as `x` and `c`). Columns are found by role, ignoring case and punctuation, with fallbacks
/// for the spellings of different releases.
public enum EESImporter {
    /// One `--filter COLUMN=VALUE`.
    public struct Filter: Sendable, Equatable {
        public var column: String
        public var value: String

        public init(column: String, value: String) {
            self.column = column
            self.value = value
        }

        /// Parses `COLUMN=VALUE` (nil without an `=` or with an empty column).
        public init?(argument: String) {
            guard let eq = argument.firstIndex(of: "=") else { return nil }
            let c = String(argument[..<eq]).trimmingSpaces()
            guard !c.isEmpty else { return nil }
            column = c
            value = String(argument[argument.index(after: eq)...]).trimmingSpaces()
        }
    }

    public struct Options: Sendable {
        /// The measure column (any case; punctuation ignored as a fallback).
        public var measure: String
        /// The indicator code to create, e.g. `EHCP20-CY`.
        public var indicator: String
        public var name: String?
        public var group: String?
        public var polarity: Polarity
        public var unit: String?
        public var decimals: Int?
        public var filters: [Filter]
        /// Optional columns copied into `numerator` and `denominator`.
        public var numerator: String?
        public var denominator: String?
        /// Keep only these areas, their ancestors and their descendants (GSS codes).
        public var within: [String]

        public init(measure: String, indicator: String, name: String? = nil, group: String? = nil, polarity: Polarity = .high,
                    unit: String? = nil, decimals: Int? = nil, filters: [Filter] = [], numerator: String? = nil,
                    denominator: String? = nil, within: [String] = []) {
            self.measure = measure
            self.indicator = indicator
            self.name = name
            self.group = group
            self.polarity = polarity
            self.unit = unit
            self.decimals = decimals
            self.filters = filters
            self.numerator = numerator
            self.denominator = denominator
            self.within = within
        }
    }

    public static let defaultGroup = "DfE Explore Education Statistics"

    // Column roles, most preferred spelling first.
    static let timePeriodColumns = ["time_period", "timeperiod", "period"]
    static let timeIdentifierColumns = ["time_identifier", "timeidentifier"]
    static let levelColumns = ["geographic_level", "geography_level", "geographiclevel", "level"]
    static let countryCodeColumns = ["country_code"]
    static let countryNameColumns = ["country_name", "country"]
    static let regionCodeColumns = ["region_code", "region_gss_code", "new_region_code"]
    static let regionNameColumns = ["region_name", "region"]
    static let laCodeColumns = ["new_la_code", "la_code", "la_gss_code", "local_authority_code", "new_la_code_gss", "lad_code"]
    static let oldLACodeColumns = ["old_la_code", "la_code_old", "la_code_3_digit"]
    static let laNameColumns = ["la_name", "local_authority_name", "local_authority", "la"]
    /// Geography and time columns that are never filters, beyond the roles above.
    static let otherGeographyColumns: Set<String> = Set([
        "lad_name", "pcon_code", "pcon_name", "ward_code", "ward_name", "opportunity_area_code", "opportunity_area_name",
        "rsc_region_lead_name", "english_devolved_area_code", "english_devolved_area_name", "lep_code", "lep_name",
        "local_enterprise_partnership_code", "local_enterprise_partnership_name", "mat_id", "mat_name", "sponsor_id",
        "sponsor_name", "school_urn", "school_laestab", "school_name", "school_postcode", "provider_ukprn", "provider_name",
        "institution_id", "institution_name", "planning_area_code", "planning_area_name", "trust_id", "trust_name",
        "lsip_code", "lsip_name", "msoa_code", "msoa_name", "old_region_code",
    ].map(SourceHeader.fold))

    enum Level: String { case country, region, la }

    static func level(_ text: String) -> Level? {
        switch text.collapsingSpaces().lowercased() {
        case "national", "country": .country
        case "regional", "region": .region
        case "local authority", "local authorities", "la": .la
        default: nil
        }
    }

    /// True for the value of a filter column that stands for every row: `Total`, `All …`.
    static func isHeadline(_ value: String) -> Bool {
        let v = value.collapsingSpaces().lowercased()
        return v == "total" || v == "all" || v.hasPrefix("all ") || v.hasPrefix("total ") || v.hasPrefix("total(")
            || v == "overall" || v.hasPrefix("all_") || v == "total_all"
    }

    /// Reads `bytes` (the contents of the file at `path`, named in messages) into a dataset.
    public static func run(bytes: [UInt8], path: String, options: Options) throws(ImportFailure) -> ImportResult {
        var sink = DiagnosticSink(path: path)
        var reader = SourceTable(bytes: bytes, path: path)
        let header = try reader.readHeader(expecting: "time_period, time_identifier, geographic_level, …")
        let roles = try resolveRoles(header, options: options, path: path)

        // Pass 1: which columns are filters, and which value of each is the headline.
        let scan = scanFilters(&reader, header: header, roles: roles, sink: &sink)
        if sink.hasErrors { throw sink.failure() }
        let chosen = chooseFilterValues(scan: scan, header: header, roles: roles, options: options, sink: &sink)
        if sink.hasErrors { throw sink.failure() }

        // Pass 2: the rows.
        var build = Builder(options: options, roles: roles, header: header, fileName: path.lastPathComponent)
        reader.restart()
        while reader.next(reportingTo: &sink) {
            guard let level = level(of: reader, roles) else { continue }
            if !chosen.allSatisfy({ reader.matches(column: $0.column, value: $0.value) }) { continue }
            build.add(row: &reader, level: level, sink: &sink)
        }
        if sink.hasErrors { throw sink.failure(stoppedAt: sink.full ? reader.line : nil) }
        if build.observations.isEmpty {
            let filters = chosen.map { "\(header.names[$0.column]) = '\($0.value)'" }
            sink.error(line: 1, column: 1, "no rows to import: no National, Regional or Local authority row" + (filters.isEmpty ? "" : " has \(filters.joined(separator: ", "))"))
            throw sink.failure()
        }
        var files = try build.finish(sink: &sink, filters: chosen.map { (header.names[$0.column], $0.value) })
        files.sortRows()

        for (text, count) in scan.skippedLevels.sorted(by: { $0.key < $1.key }) {
            sink.warning(line: 1, column: roles.level.map { $0 + 1 } ?? 1,
                         "\(count) row\(count == 1 ? "" : "s") at geographic level '\(SafeText.clip(text))' skipped (ragtop imports National, Regional and Local authority rows)")
        }
        var summary: [String] = []
        summary.append("read \(scan.rows) rows; kept \(files.observations.count) (one per area and period)"
                       + (chosen.isEmpty ? "" : " where " + chosen.map { "\(header.names[$0.column]) = \($0.value)" }.joined(separator: ", ")))
        var kinds: [String] = []
        for (kind, one, many) in [("country", "country", "countries"), ("region", "region", "regions"), ("la", "local authority", "local authorities")] {
            let n = files.areas.filter { $0.kind == kind }.count
            if n > 0 { kinds.append("\(n) \(n == 1 ? one : many)") }
        }
        summary.append("\(files.areas.count) areas (\(kinds.joined(separator: ", ")))")
        let periods = files.observations.map(\.period)
        if let lo = periods.min(), let hi = periods.max() {
            let n = Set(periods).count
            summary.append((n == 1 ? "1 period, \(lo)" : "\(n) periods, \(lo) to \(hi)") + "; indicator \(options.indicator) from column \(header.names[roles.measure])")
        }
        let empty = files.observations.filter { $0.value == nil }
        if !empty.isEmpty {
            var reasons: [String: Int] = [:]
            for o in empty { reasons[o.note ?? "empty", default: 0] += 1 }
            summary.append("\(empty.count) empty value\(empty.count == 1 ? "" : "s"): " + reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        return ImportResult(files: files, warnings: sink.warnings, summary: summary)
    }

    // MARK: Roles

    struct Roles {
        var timePeriod: Int
        var timeIdentifier: Int?
        var level: Int?
        var countryCode: Int?
        var countryName: Int?
        var regionCode: Int?
        var regionName: Int?
        var laCodes: [Int]
        var oldLACode: Int?
        var laName: Int?
        var measure: Int
        var numerator: Int?
        var denominator: Int?
        /// Explicit filters: column index and wanted value.
        var filters: [(column: Int, value: String)]
        /// Columns that are geography or time, never filters.
        var fixed: Set<Int>
    }

    static func resolveRoles(_ header: SourceHeader, options: Options, path: String) throws(ImportFailure) -> Roles {
        var errors: [Diagnostic] = []
        func err(_ column: Int, _ message: String) { errors.append(Diagnostic(.error, path: path, line: 1, column: column, message)) }
        func col(_ i: Int) -> Int { i + 1 }
        let timePeriod = header.role(timePeriodColumns)
        if timePeriod == nil { err(1, "missing the time_period column (columns: \(quotedList(header.names, limit: 40)))") }
        let (fixed, laCodes) = geographyAndTimeColumns(header)
        if header.role(countryCodeColumns) == nil && header.role(regionCodeColumns) == nil && laCodes.isEmpty {
            err(1, "no geography code columns: expected country_code, region_code and new_la_code (or la_code)")
        }

        let available = (0..<header.count).filter { !fixed.contains($0) }.map { header.names[$0] }
        func named(_ name: String, _ what: String) -> Int? {
            switch header.lookup(name) {
            case .found(let i): return i
            case .missing:
                err(1, "no \(what) column '\(SafeText.clip(name))' in the header; available columns: \(quotedList(available, limit: 60))")
            case .ambiguous(let list):
                err(col(list[0]), "\(what) column '\(SafeText.clip(name))' is ambiguous: it matches \(quotedList(list.map { header.names[$0] })); give the exact spelling")
            }
            return nil
        }
        let measure = named(options.measure, "measure")
        let numerator = options.numerator.flatMap { named($0, "numerator") }
        let denominator = options.denominator.flatMap { named($0, "denominator") }
        if let m = measure, fixed.contains(m) { err(col(m), "'\(header.names[m])' is a geography or time column, not a measure") }
        var filters: [(Int, String)] = []
        for f in options.filters {
            guard let i = named(f.column, "filter") else { continue }
            if filters.contains(where: { $0.0 == i }) { err(col(i), "--filter names column '\(header.names[i])' twice") }
            filters.append((i, f.value))
        }
        guard errors.isEmpty, let timePeriod, let measure else { throw ImportFailure(errors) }
        return Roles(timePeriod: timePeriod, timeIdentifier: header.role(timeIdentifierColumns), level: header.role(levelColumns),
                     countryCode: header.role(countryCodeColumns), countryName: header.role(countryNameColumns),
                     regionCode: header.role(regionCodeColumns), regionName: header.role(regionNameColumns), laCodes: laCodes,
                     oldLACode: header.role(oldLACodeColumns), laName: header.role(laNameColumns), measure: measure,
                     numerator: numerator, denominator: denominator, filters: filters, fixed: fixed)
    }

    /// The time and geography columns (never filters or measures), and the LA code columns in
    /// order of preference.
    static func geographyAndTimeColumns(_ header: SourceHeader) -> (fixed: Set<Int>, laCodes: [Int]) {
        var fixed = Set<Int>()
        var laCodes: [Int] = []
        for c in laCodeColumns { if let i = header.role([c]), !laCodes.contains(i) { laCodes.append(i) } }
        let roles: [Int?] = [header.role(timePeriodColumns), header.role(timeIdentifierColumns), header.role(levelColumns),
                             header.role(countryCodeColumns), header.role(countryNameColumns), header.role(regionCodeColumns),
                             header.role(regionNameColumns), header.role(oldLACodeColumns), header.role(laNameColumns)]
        for r in roles { if let r { fixed.insert(r) } }
        for i in laCodes { fixed.insert(i) }
        for i in 0..<header.count where otherGeographyColumns.contains(SourceHeader.fold(header.names[i])) { fixed.insert(i) }
        return (fixed, laCodes)
    }

    // MARK: Describing a file

    /// What `ragtop import ees FILE --columns` prints: the time and geography columns, each
    /// filter column with its values (the headline one marked `*`), and each measure column with
    /// how many numbers and symbols it holds, counted over National, Regional and Local authority
    /// rows.
    public static func describe(bytes: [UInt8], path: String) throws(ImportFailure) -> [String] {
        var table = SourceTable(bytes: bytes, path: path)
        let header = try table.readHeader(expecting: "time_period, time_identifier, geographic_level, …")
        let (fixed, _) = geographyAndTimeColumns(header)
        let level = header.role(levelColumns)
        let identifier = header.role(timeIdentifierColumns)
        var sink = DiagnosticSink(path: path)
        var values: [Int: [String]] = [:]
        var seen: [Int: Set<String>] = [:]
        var textual = Set<Int>()
        var numbers: [Int: Int] = [:]
        var symbols: [Int: [String: Int]] = [:]
        var example: [Int: String] = [:]
        var levels: [String] = [], identifiers: [String] = []
        var rows = 0
        while true {
            let more: Bool
            do { more = try table.next() } catch {
                sink.error(line: error.line, column: error.column, error.message)
                throw sink.failure()
            }
            guard more else { break }
            rows += 1
            if let level {
                let l = table.cell(level)
                if !levels.contains(l) { levels.append(l) }
                if Self.level(l) == nil { continue }
            }
            if let identifier, !identifiers.contains(table.cell(identifier)) { identifiers.append(table.cell(identifier)) }
            for c in 0..<header.count where !fixed.contains(c) {
                let v = table.cell(c)
                if (seen[c]?.count ?? 0) < distinctLimit, seen[c, default: []].insert(v.collapsingSpaces().lowercased()).inserted {
                    values[c, default: []].append(v)
                }
                switch SourceValue(v) {
                case .number: numbers[c, default: 0] += 1; if example[c] == nil { example[c] = v }
                case .symbol: symbols[c, default: [:]][v, default: 0] += 1
                case .empty: break
                case .invalid: textual.insert(c)
                }
            }
        }
        var out: [String] = ["\(path): \(rows) rows, \(header.count) columns"]
        let fixedNames = (0..<header.count).filter { fixed.contains($0) }.map { c -> String in
            if c == level { return "\(header.names[c]) (\(levels.joined(separator: ", ")))" }
            if c == identifier { return "\(header.names[c]) (\(identifiers.joined(separator: ", ")))" }
            return header.names[c]
        }
        out.append("time and geography: " + fixedNames.joined(separator: ", "))
        let filters = (0..<header.count).filter { textual.contains($0) }
        if !filters.isEmpty {
            out.append("filters (* = the row used unless --filter COLUMN=VALUE says otherwise):")
            for c in filters {
                let vs = (values[c] ?? []).filter { !$0.isEmpty }
                let headline = vs.count == 1 ? vs.first : (vs.filter(isHeadline).count == 1 ? vs.first(where: isHeadline) : vs.first { $0.collapsingSpaces().lowercased() == "total" })
                let shown = vs.prefix(15).map { SafeText.sanitize($0) + ($0 == headline ? "*" : "") }
                out.append("  \(header.names[c]): " + shown.joined(separator: ", ") + (vs.count > 15 ? " … (\(vs.count) values)" : "")
                           + (headline == nil ? "  [no headline value: --filter needed]" : ""))
            }
        }
        let measures = (0..<header.count).filter { !fixed.contains($0) && !textual.contains($0) }
        if !measures.isEmpty {
            out.append("measures (--measure COLUMN):")
            for c in measures {
                let sym = (symbols[c] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                out.append("  \(header.names[c]): \(numbers[c] ?? 0) numbers" + (example[c].map { " (e.g. \($0))" } ?? "")
                           + (sym.isEmpty ? "" : ", " + sym.joined(separator: ", ")))
            }
        }
        return out
    }

    // MARK: Pass 1: filters

    struct FilterScan {
        var rows = 0
        var skippedLevels: [String: Int] = [:]
        /// For each candidate column: distinct values (lowercased → first spelling), in order.
        var values: [Int: [String: String]] = [:]
        var order: [Int: [String]] = [:]
        var textual: Set<Int> = []
        /// Every value of the explicitly filtered columns (for "no such value" messages).
        var explicitValues: [Int: [String]] = [:]
    }

    static let distinctLimit = 5000

    static func scanFilters(_ reader: inout SourceTable, header: SourceHeader, roles: Roles, sink: inout DiagnosticSink) -> FilterScan {
        var scan = FilterScan()
        let excluded = roles.fixed.union([roles.measure]).union([roles.numerator, roles.denominator].compactMap { $0 })
        let candidates = (0..<header.count).filter { !excluded.contains($0) }
        var explicitSeen: [Int: Set<String>] = [:]
        while reader.next(reportingTo: &sink) {
            scan.rows += 1
            guard level(of: reader, roles) != nil else {
                if let l = roles.level {
                    let text = reader.cell(l)
                    if Self.level(text) == nil { scan.skippedLevels[text.isEmpty ? "(empty)" : text, default: 0] += 1 }
                }
                continue
            }
            for (c, _) in roles.filters {
                let v = reader.cell(c)
                if explicitSeen[c, default: []].insert(v.lowercased()).inserted { scan.explicitValues[c, default: []].append(v) }
            }
            guard roles.filters.allSatisfy({ reader.matches(column: $0.column, value: $0.value) }) else { continue }
            for c in candidates {
                let v = reader.cell(c)
                let key = v.collapsingSpaces().lowercased()
                if scan.values[c]?[key] == nil, (scan.values[c]?.count ?? 0) < distinctLimit {
                    scan.values[c, default: [:]][key] = v
                    scan.order[c, default: []].append(v)
                    if !scan.textual.contains(c), !SourceValue(v).isNumericLike { scan.textual.insert(c) }
                }
            }
        }
        return scan
    }

    /// The value every filter column must have: the one given with --filter, else the headline.
    static func chooseFilterValues(scan: FilterScan, header: SourceHeader, roles: Roles, options: Options,
                                   sink: inout DiagnosticSink) -> [(column: Int, value: String)] {
        var chosen: [(Int, String)] = []
        for (c, wanted) in roles.filters {
            let seen = scan.explicitValues[c] ?? []
            guard let spelled = seen.first(where: { $0.collapsingSpaces().lowercased() == wanted.collapsingSpaces().lowercased() }) else {
                sink.error(line: 1, column: c + 1, "--filter \(header.names[c])=\(SafeText.clip(wanted)): no row has that value; values: \(quotedList(seen, limit: 30))")
                continue
            }
            chosen.append((c, spelled))
        }
        let explicit = Set(roles.filters.map(\.column))
        for c in (0..<header.count) where scan.textual.contains(c) && !explicit.contains(c) {
            let values = (scan.order[c] ?? []).filter { !$0.trimmingSpaces().isEmpty }
            guard values.count > 1 else {
                if let only = values.first { chosen.append((c, only)) }
                continue
            }
            let headlines = values.filter(isHeadline)
            let exactTotal = headlines.filter { $0.collapsingSpaces().lowercased() == "total" }
            if headlines.count == 1 {
                chosen.append((c, headlines[0]))
            } else if exactTotal.count == 1 {
                chosen.append((c, exactTotal[0]))
            } else if headlines.count > 1 {
                sink.error(line: 1, column: c + 1, "filter column '\(header.names[c])' has several 'All'/'Total' values (\(quotedList(headlines))): choose one with --filter \(header.names[c])=VALUE")
            } else {
                sink.error(line: 1, column: c + 1, "filter column '\(header.names[c])' has no 'All …' or 'Total' value to stand for every row: choose one with --filter \(header.names[c])=VALUE (values: \(quotedList(values, limit: 20)))")
            }
        }
        return chosen
    }

    // MARK: Reading rows

    /// The row's level, inferring it from the codes when there is no geographic_level column.
    static func level(of r: SourceTable, _ roles: Roles) -> Level? {
        if let l = roles.level { return level(r.cell(l)) }
        if roles.laCodes.contains(where: { !r.cell($0).isEmpty }) { return .la }
        if !r.cell(roles.regionCode).isEmpty { return .region }
        return .country
    }

    // MARK: Pass 2: building

    struct Builder {
        let options: Options
        let roles: Roles
        let header: SourceHeader
        let fileName: String
        var areas: [String: Area] = [:]
        var areaOrder: [String] = []
        /// The latest period that named each area (a later release's name wins).
        var areaNamedAt: [String: Period] = [:]
        var observations: [Observation] = []
        var firstRow: [String: (line: Int, cells: [String])] = [:]
        var periodKinds: [Period.Kind: Int] = [:]

        init(options: Options, roles: Roles, header: SourceHeader, fileName: String) {
            self.options = options
            self.roles = roles
            self.header = header
            self.fileName = fileName
        }

        static func looksLikeGSS(_ s: String) -> Bool {
            let u = Array(s.utf8)
            return u.count == 9 && u[0] >= 65 && u[0] <= 90 && u[1...].allSatisfy { $0 >= 48 && $0 <= 57 }
        }

        mutating func note(area code: String, name: String, parent: String?, kind: String, period: Period?) {
            if let existing = areas[code] {
                // Keep the name and parent given with the latest period.
                if let p = period, let at = areaNamedAt[code], p > at, existing.name != name || existing.parent != parent {
                    areas[code] = Area(code: code, name: name, parent: parent, kind: kind)
                    areaNamedAt[code] = p
                } else if let p = period, areaNamedAt[code] == nil {
                    // First seen as a parent; its own row names it.
                    areas[code] = Area(code: code, name: name, parent: parent, kind: kind)
                    areaNamedAt[code] = p
                }
                return
            }
            areas[code] = Area(code: code, name: name, parent: parent, kind: kind)
            areaOrder.append(code)
            if let period { areaNamedAt[code] = period }
        }

        mutating func add(row r: inout SourceTable, level: Level, sink: inout DiagnosticSink) {
            let line = r.line
            func fail(_ column: Int?, _ message: String) {
                let loc: (line: Int, column: Int) = column.map { r.location($0) } ?? (line, 1)
                sink.error(line: loc.line, column: loc.column, message)
            }
            for i in [roles.timePeriod, roles.measure] + [roles.timeIdentifier, roles.countryCode, roles.countryName, roles.regionCode, roles.regionName, roles.laName].compactMap({ $0 }) + roles.laCodes
            where !r.validUTF8(i) {
                fail(i, "invalid UTF-8 in \(header.names[i])")
                return
            }
            // Period.
            let periodText = r.cell(roles.timePeriod)
            let period: Period
            switch EESPeriod.map(period: periodText, identifier: roles.timeIdentifier.map { r.cell($0) }) {
            case .success(let p): period = p
            case .failure(let e):
                fail(roles.timePeriod, e.message)
                return
            }
            // Areas.
            let countryCode = r.cell(roles.countryCode)
            let countryName = r.cell(roles.countryName)
            let regionCode = r.cell(roles.regionCode)
            let regionName = r.cell(roles.regionName)
            if !countryCode.isEmpty {
                note(area: countryCode, name: countryName.isEmpty ? countryCode : countryName, parent: nil, kind: "country",
                     period: level == .country ? period : nil)
            }
            let code: String
            switch level {
            case .country:
                guard !countryCode.isEmpty else {
                    fail(roles.countryCode, "empty country_code on a National row: expected a GSS code such as E92000001")
                    return
                }
                code = countryCode
            case .region:
                guard !regionCode.isEmpty else {
                    fail(roles.regionCode, "empty region_code on a Regional row: expected a GSS code such as E12000008")
                    return
                }
                note(area: regionCode, name: regionName.isEmpty ? regionCode : regionName, parent: countryCode.isEmpty ? nil : countryCode,
                     kind: "region", period: period)
                code = regionCode
            case .la:
                if !regionCode.isEmpty {
                    note(area: regionCode, name: regionName.isEmpty ? regionCode : regionName, parent: countryCode.isEmpty ? nil : countryCode,
                         kind: "region", period: nil)
                }
                let candidates = roles.laCodes.map { r.cell($0) }.filter { !$0.isEmpty }
                guard let laCode = candidates.first(where: Builder.looksLikeGSS) ?? candidates.first ?? nonEmpty(r.cell(roles.oldLACode)) else {
                    let column = roles.laCodes.first ?? roles.oldLACode
                    fail(column, "no local authority code on a Local authority row: expected a GSS code such as E10000016 in \(roles.laCodes.map { header.names[$0] }.joined(separator: " or "))")
                    return
                }
                let name = r.cell(roles.laName)
                let parent = !regionCode.isEmpty ? regionCode : (countryCode.isEmpty ? nil : countryCode)
                note(area: laCode, name: name.isEmpty ? laCode : name, parent: parent, kind: "la", period: period)
                code = laCode
            }
            // Values.
            var value: Double?
            var noteText: String?
            var status: ObservationStatus?
            switch SourceValue(r.cell(roles.measure)) {
            case .empty: break
            case .number(let v): value = v
            case .symbol(let n, let s):
                noteText = n
                status = s
            case .invalid(let why):
                fail(roles.measure, "\(header.names[roles.measure]): \(why) (or a DfE symbol such as x, c, z, low)")
                return
            }
            func optionalNumber(_ i: Int?) -> Double?? {
                guard let i else { return .some(nil) }
                switch SourceValue(r.cell(i)) {
                case .number(let v): return .some(v)
                case .empty, .symbol: return .some(nil)
                case .invalid(let why):
                    fail(i, "\(header.names[i]): \(why) (or a DfE symbol such as x, c, z, low)")
                    return .none
                }
            }
            guard case .some(let numerator) = optionalNumber(roles.numerator), case .some(let denominator) = optionalNumber(roles.denominator) else { return }
            // One row per area and period.
            let key = "\(code)\u{1F}\(period)"
            let cells = (0..<header.count).map { r.cell($0) }
            if let first = firstRow[key] {
                let differing = (0..<header.count).filter { !roles.fixed.contains($0) && $0 != roles.measure && first.cells[$0] != cells[$0] && roles.numerator != $0 && roles.denominator != $0 }
                // Filter columns are text, or (by EES convention) come before the measure columns.
                var textual = differing.filter { !SourceValue(cells[$0]).isNumericLike || !SourceValue(first.cells[$0]).isNumericLike }
                if textual.isEmpty { textual = differing.filter { $0 < roles.measure } }
                let hint = textual.isEmpty
                    ? "the file repeats it"
                    : "the rows differ in " + textual.prefix(4).map { "\(header.names[$0]) ('\(SafeText.clip(first.cells[$0]))' vs '\(SafeText.clip(cells[$0]))')" }.joined(separator: ", ")
                        + "; choose one with --filter \(header.names[textual[0]])=VALUE"
                fail(roles.timePeriod, "a second row for \(code) (\(SafeText.clip(areas[code]?.name ?? code))) in \(period), first at line \(first.line): \(hint)")
                return
            }
            firstRow[key] = (line, cells)
            periodKinds[period.kind, default: 0] += 1
            observations.append(Observation(area: code, indicator: options.indicator, period: period, value: value, numerator: numerator,
                                            denominator: denominator, note: noteText, source: "\(fileName):\(line)", status: status))
        }

        private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

        /// The dataset: areas in hierarchy order (parents first, siblings by name), the
        /// indicator, the observations.
        mutating func finish(sink: inout DiagnosticSink, filters: [(String, String)]) throws(ImportFailure) -> DatasetFiles {
            var keep: Set<String>? = nil
            if !options.within.isEmpty {
                var set = Set<String>()
                var children: [String: [String]] = [:]
                for code in areaOrder { if let p = areas[code]?.parent { children[p, default: []].append(code) } }
                for w in options.within {
                    guard areas[w] != nil else {
                        let examples = areaOrder.prefix(3).map { "\($0) \(areas[$0]!.name)" }.joined(separator: ", ")
                        sink.error(line: 1, column: 1, "--within \(SafeText.clip(w)): no area with that code in the file (codes are GSS codes such as \(examples))")
                        continue
                    }
                    var current: String? = w
                    var guardCount = 0
                    while let c = current, guardCount < 16 { set.insert(c); current = areas[c]?.parent; guardCount += 1 }
                    var stack = children[w] ?? []
                    while let c = stack.popLast() { if set.insert(c).inserted { stack += children[c] ?? [] } }
                }
                if sink.hasErrors { throw sink.failure() }
                keep = set
            }
            // Hierarchy order.
            var children: [String: [String]] = [:]
            var roots: [String] = []
            for code in areaOrder where keep?.contains(code) ?? true {
                if let p = areas[code]?.parent, areas[p] != nil { children[p, default: []].append(code) } else { roots.append(code) }
            }
            var ordered: [Area] = []
            var visited = Set<String>()
            func visit(_ code: String) {
                guard visited.insert(code).inserted, let a = areas[code] else { return }
                ordered.append(a)
                for c in (children[code] ?? []).sorted(by: { (areas[$0]!.name, $0) < (areas[$1]!.name, $1) }) { visit(c) }
            }
            for r in roots.sorted() { visit(r) }
            let obs = observations.filter { keep?.contains($0.area) ?? true }

            let kind = periodKinds.max { $0.value < $1.value }?.key ?? .calendarYear
            let periodType: PeriodType = switch kind {
            case .month: .monthlySnapshot
            case .financialQuarter: .quarterly
            case .term: .termly
            case .academicYear, .financialYear, .calendarYear: .annual
            }
            let decimals = options.decimals ?? min(3, obs.compactMap(\.value).map { v -> Int in
                let p = ValueFormatter.plain(v)
                return p.firstIndex(of: ".").map { p.distance(from: $0, to: p.endIndex) - 1 } ?? 0
            }.max() ?? 0)
            let measureName = header.names[roles.measure]
            var definition = "\(fileName), column \(measureName)"
            if let n = roles.numerator { definition += " (numerator \(header.names[n])" + (roles.denominator.map { ", denominator \(header.names[$0])" } ?? "") + ")" }
            else if let d = roles.denominator { definition += " (denominator \(header.names[d]))" }
            if !filters.isEmpty { definition += ", rows where " + filters.map { "\($0.0) = \($0.1)" }.joined(separator: ", ") }
            definition += "."
            let indicator = Indicator(code: options.indicator, name: options.name ?? measureName, group: options.group ?? EESImporter.defaultGroup,
                                      polarity: options.polarity, periodType: periodType, unit: options.unit, decimals: decimals,
                                      definition: definition, source: "DfE Explore Education Statistics")
            return DatasetFiles(areas: ordered, indicators: [indicator], observations: obs)
        }
    }
}

