/// Reads the DfE's children's services statistical neighbours (the "wide" file of the
/// benchmarking tool: `old_la_code`, `la_name`, `SN_1` … `SN_10` and their closeness bands
/// `SN_1P` … `SN_10P`) into neighbours.csv rows. The DfE numbers authorities with three-digit
/// codes; an Explore Education Statistics file that carries both `old_la_code` and a GSS code
/// (`new_la_code`) maps them, each to the GSS code of its latest year there.
public enum DfENeighboursImporter {
    /// The GSS codes an EES file gives each DfE code, with the periods of each.
    struct CodeMap {
        var periods: [String: [String: Set<String>]] = [:]

        mutating func add(old: String, gss: String, period: String) {
            periods[old, default: [:]][gss, default: []].insert(period)
        }

        /// The GSS code of the latest period the file gives `old` (the first of two in one
        /// period, by code), and that period.
        func gss(_ old: String) -> (code: String, period: String)? {
            periods[old]?.map { ($0.key, $0.value.max() ?? "") }.max { a, b in a.1 != b.1 ? a.1 < b.1 : a.0 > b.0 }
        }

        /// The other GSS codes of `old`, with their periods.
        func others(_ old: String) -> [(code: String, periods: [String])] {
            let used = gss(old)?.code
            return (periods[old] ?? [:]).filter { $0.key != used }.map { ($0.key, $0.value.sorted()) }.sorted { $0.code < $1.code }
        }
    }

    /// Reads the EES file's code pairs.
    static func codeMap(bytes: [UInt8], path: String) throws(ImportFailure) -> CodeMap {
        var reader = SourceTable(bytes: bytes, path: path)
        let header = try reader.readHeader(expecting: "an EES file with old_la_code and new_la_code")
        let old = header.role(EESImporter.oldLACodeColumns)
        let period = header.role(EESImporter.timePeriodColumns)
        var sink = DiagnosticSink(path: path)
        guard let old else {
            throw ImportFailure([Diagnostic(.error, path: path, line: 1, column: 1,
                                            "no old_la_code column: the codes file must be a DfE Explore Education Statistics file with old_la_code and new_la_code (columns: \(quotedList(header.names)))")])
        }
        let gssColumns = EESImporter.laCodeColumns.compactMap { header.role([$0]) }
        guard !gssColumns.isEmpty else {
            throw ImportFailure([Diagnostic(.error, path: path, line: 1, column: 1,
                                            "no new_la_code column: the codes file must carry GSS codes beside old_la_code (columns: \(quotedList(header.names)))")])
        }
        var map = CodeMap()
        while reader.next(reportingTo: &sink) {
            let code = reader.cell(old)
            guard !code.isEmpty, let gss = gssColumns.map({ reader.cell($0) }).first(where: EESImporter.Builder.looksLikeGSS) else { continue }
            map.add(old: code, gss: gss, period: reader.cell(period))
        }
        if sink.hasErrors { throw sink.failure() }
        if map.periods.isEmpty {
            throw ImportFailure([Diagnostic(.error, path: path, line: 1, column: 1, "no row pairs an old_la_code with a GSS code")])
        }
        return map
    }

    /// Reads the neighbours file (`bytes`, from `path`) with the codes of the EES file
    /// (`codes`, from `codesPath`).
    public static func run(bytes: [UInt8], path: String, codes: [UInt8], codesPath: String) throws(ImportFailure) -> ImportResult {
        let map = try codeMap(bytes: codes, path: codesPath)
        var reader = SourceTable(bytes: bytes, path: path)
        let header = try reader.readHeader(expecting: "old_la_code, la_name, SN_1, SN_1P, …")
        var sink = DiagnosticSink(path: path)
        guard let areaColumn = header.role(EESImporter.oldLACodeColumns) else {
            throw ImportFailure([Diagnostic(.error, path: path, line: 1, column: 1,
                                            "no old_la_code column: expected the DfE statistical neighbours file (old_la_code, la_name, SN_1, SN_1P, …; columns: \(quotedList(header.names)))")])
        }
        let nameColumn = header.role(EESImporter.laNameColumns)
        var neighbourColumns: [(rank: Int, code: Int, band: Int?)] = []
        while let code = header.role(["SN_\(neighbourColumns.count + 1)"]) {
            let k = neighbourColumns.count + 1
            neighbourColumns.append((k, code, header.role(["SN_\(k)P"])))
        }
        guard !neighbourColumns.isEmpty else {
            throw ImportFailure([Diagnostic(.error, path: path, line: 1, column: 1,
                                            "no SN_1 column: expected the neighbours' codes in SN_1, SN_2, … (columns: \(quotedList(header.names)))")])
        }
        var rows: [Neighbour] = []
        var unmapped: [String: (line: Int, column: Int)] = [:]
        var areasRead = 0
        var seen: [String: Int] = [:]
        var names: [String: String] = [:]
        func gss(_ code: String, _ column: Int) -> String? {
            if let mapped = map.gss(code) { return mapped.code }
            if unmapped[code] == nil {
                let loc = reader.location(column)
                unmapped[code] = (loc.line, loc.column)
            }
            return nil
        }
        while reader.next(reportingTo: &sink) {
            let old = reader.cell(areaColumn)
            guard !old.isEmpty else {
                let loc = reader.location(areaColumn)
                sink.error(line: loc.line, column: loc.column, "empty old_la_code: expected the DfE's three-digit LA code")
                continue
            }
            if let first = seen[old] {
                let loc = reader.location(areaColumn)
                sink.error(line: loc.line, column: loc.column, "LA \(SafeText.clip(old)) is listed twice (first at line \(first))")
                continue
            }
            seen[old] = reader.line
            areasRead += 1
            names[old] = nameColumn.map { reader.cell($0) }
            guard let area = gss(old, areaColumn) else { continue }
            for column in neighbourColumns {
                let code = reader.cell(column.code)
                guard !code.isEmpty else { continue }
                if code == old {
                    let loc = reader.location(column.code)
                    sink.error(line: loc.line, column: loc.column, "LA \(SafeText.clip(old)) is given as its own neighbour")
                    continue
                }
                guard let neighbour = gss(code, column.code) else { continue }
                let band = column.band.map { reader.cell($0) }.flatMap { $0.isEmpty ? nil : $0.collapsingSpaces() }
                rows.append(Neighbour(area: area, neighbour: neighbour, rank: column.rank, closeness: band))
            }
        }
        if sink.hasErrors { throw sink.failure(stoppedAt: sink.full ? reader.line : nil) }
        for (code, at) in unmapped.sorted(by: { ($0.value.line, $0.value.column) < ($1.value.line, $1.value.column) }) {
            let name = names[code].map { $0.isEmpty ? "" : " (\(SafeText.clip($0)))" } ?? ""
            sink.warning(line: at.line, column: at.column,
                         "LA \(SafeText.clip(code))\(name) has no GSS code in \(codesPath.lastPathComponent): left out, as an area and as a neighbour")
        }
        var summary = ["read \(areasRead) authorities' neighbours (up to \(neighbourColumns.count) each); kept \(rows.count) pairs for \(Set(rows.map(\.area)).count) areas",
                       "codes mapped with \(codesPath.lastPathComponent): \(map.periods.count) DfE LA codes, each to the GSS code of its latest period there"]
        for old in seen.keys.sorted() {
            let others = map.others(old)
            guard let used = map.gss(old), !others.isEmpty else { continue }
            let also = others.map { "\($0.code) in \($0.periods.joined(separator: ", "))" }.joined(separator: "; ")
            summary.append("\(old) \(names[old] ?? ""): \(used.code) (latest \(used.period)); also \(also)")
        }
        return ImportResult(files: DatasetFiles(neighbours: rows), warnings: sink.warnings, summary: summary)
    }
}
