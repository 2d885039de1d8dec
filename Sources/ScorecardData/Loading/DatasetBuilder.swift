import Dispatch
import Synchronization

/// Accumulates the files of one or more dataset directories, validating as it goes, then builds
/// the indexed `Dataset`.
struct DatasetBuilder {
    var diagnostics: [Diagnostic] = []
    private var files: [String] = []
    private var areas: [Area] = []
    private var areaIndex: [String: Int32] = [:]
    private var areaOrigin: [String: (path: String, line: Int)] = [:]
    private var areaParentCell: [String: (path: String, line: Int, column: Int)] = [:]
    private var indicators: [Indicator] = []
    private var indicatorIndex: [String: Int32] = [:]
    private var indicatorOrigin: [String: (path: String, line: Int)] = [:]
    /// Where each indicator's target cell is, for warnings about the target.
    private var indicatorTargetCell: [String: (path: String, line: Int, column: Int)] = [:]
    private var areaTargets: [AreaTarget] = []
    private var areaTargetKeys: [String: (path: String, line: Int)] = [:]
    private var benchmarks: [Benchmark] = []
    private var benchmarkKeys: [String: (path: String, line: Int)] = [:]
    private var providers: [Provider] = []
    private var providerOrigin: [String: (path: String, line: Int)] = [:]
    private var coverage: [Coverage] = []
    private var waits: [Wait] = []
    private var waitKeys: [String: (path: String, line: Int)] = [:]
    private var notes: [Note] = []
    private var neighbours = NeighbourTable()
    private var columns = ObservationColumns()
    private var strings = StringPool()
    /// Column numbers of published RAG/DOT cells, for rule warnings.
    private var publishedCells: [Int32: (rag: Int32, dot: Int32)] = [:]
    private var hierarchyChecked = false
    /// How large files and datasets are shared out between processors.
    var parallelism = LoadParallelism.standard

    // MARK: Reading files

    mutating func read(name: String, path: String, bytes: [UInt8]) {
        files.append(path)
        if name != "areas.csv" && !hierarchyChecked {
            hierarchyChecked = true
            validateHierarchy()
        }
        switch name {
        case "areas.csv": readAreas(path, bytes)
        case "indicators.csv": readIndicators(path, bytes)
        case "observations.csv": readObservations(path, bytes)
        case "benchmarks.csv": readBenchmarks(path, bytes)
        case "providers.csv": readProviders(path, bytes)
        case "coverage.csv": readCoverage(path, bytes)
        case "waits.csv": readWaits(path, bytes)
        case "targets.csv": readTargets(path, bytes)
        case "neighbours.csv": readNeighbours(path, bytes)
        case "notes.csv": readNotes(path, bytes)
        default: break
        }
    }

    private mutating func finishTable(_ t: TableReader) {
        diagnostics += t.diagnostics
        if t.errorCount > TableReader.listedErrorLimit {
            diagnostics.append(Diagnostic(.error, path: t.path, line: t.line, column: 1,
                                          "\(t.errorCount - TableReader.listedErrorLimit) more errors in this file not listed"))
        }
        if t.warningCount > TableReader.listedErrorLimit {
            diagnostics.append(Diagnostic(.warning, path: t.path, line: t.line, column: 1,
                                          "\(t.warningCount - TableReader.listedErrorLimit) more warnings in this file not listed"))
        }
    }

    private mutating func readAreas(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.areaColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        var rows = 0
        while t.nextRow() {
            rows += 1
            guard let code = t.requiredText("code", "an area code such as E10000016") else { continue }
            let name = t.requiredText("name", "the area's name")
            let parent = t.text("parent")
            let kind = t.text("kind")
            let tileRow = t.integer("tile_row", in: 0...99)
            let tileCol = t.integer("tile_col", in: 0...99)
            guard let name, !t.rowHasError else { continue }
            let area = Area(code: code, name: name, parent: parent, kind: kind, tileRow: tileRow, tileColumn: tileCol)
            if let first = areaOrigin[code] {
                let existing = areas[Int(areaIndex[code]!)]
                if first.path == path {
                    t.fail("code", "duplicate area code '\(SafeText.clip(code))' (first at line \(first.line))")
                } else if existing.name != area.name || existing.parent != area.parent {
                    t.fail("code", "area '\(SafeText.clip(code))' is already defined differently at \(first.path):\(first.line)")
                }
                continue
            }
            areaIndex[code] = Int32(areas.count)
            areaOrigin[code] = (path, t.line)
            if parent != nil { areaParentCell[code] = (path, t.line, t.columnNumber("parent")) }
            areas.append(area)
        }
        if rows == 0 && t.errorCount == 0 {
            t.report(.error, line: 2, column: 1, "no areas: expected at least one row after the header")
        }
        finishTable(t)
    }

    /// Checks parents exist and the hierarchy has no cycles. Run once all areas are read.
    private mutating func validateHierarchy() {
        for area in areas {
            guard let parent = area.parent else { continue }
            let cell = areaParentCell[area.code] ?? ("areas.csv", 1, 1)
            if areaIndex[parent] == nil {
                diagnostics.append(Diagnostic(.error, path: cell.path, line: cell.line, column: cell.column,
                                              "unknown parent '\(SafeText.clip(parent))': expected a code from areas.csv or an empty cell"))
                continue
            }
            var seen: Set<String> = [area.code]
            var current = parent
            while let i = areaIndex[current] {
                if seen.contains(current) {
                    diagnostics.append(Diagnostic(.error, path: cell.path, line: cell.line, column: cell.column,
                                                  "the parent chain of '\(SafeText.clip(area.code))' loops back on itself"))
                    break
                }
                seen.insert(current)
                guard let next = areas[Int(i)].parent else { break }
                current = next
            }
        }
    }

    private mutating func readIndicators(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.indicatorColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        var rows = 0
        // Every areas.csv is read before any indicators.csv.
        let kinds = Set(areas.compactMap { $0.kind?.lowercased() })
        while t.nextRow() {
            rows += 1
            guard let code = t.requiredText("code", "an indicator code such as APP17") else { continue }
            let name = t.requiredText("name", "the indicator's name")
            var polarity: Polarity?
            if let p = t.text("polarity") {
                polarity = Polarity(rawValue: p.uppercased())
                if polarity == nil { t.fail("polarity", "polarity '\(SafeText.clip(p))' is not H, L or T (H: higher is better, L: lower is better, T: close to target)") }
            } else {
                t.fail("polarity", "empty polarity: expected H, L or T")
            }
            var periodType: PeriodType?
            if let p = t.text("period_type") {
                periodType = PeriodType(rawValue: p.uppercased())
                if periodType == nil { t.fail("period_type", "period_type '\(SafeText.clip(p))' is not one of MS, R12M, YTD, Q, T, A") }
            } else {
                t.fail("period_type", "empty period_type: expected MS, R12M, YTD, Q, T or A")
            }
            let decimals = t.integer("decimals", in: 0...10)
            let target = t.number("target")
            let floor = t.number("floor")
            let low = t.number("target_low")
            let high = t.number("target_high")
            t.checkBand(low: low, high: high)
            if polarity == .target && (low == nil || high == nil) && target == nil {
                t.fail("polarity", "polarity T needs a target band (target_low and target_high) or a target", severity: .warning)
            }
            let targetAreas = readTargetAreas(&t, kinds: kinds)
            let missedTarget = readMissedTarget(&t)
            let indicator = Indicator(code: code, name: name ?? "", group: t.text("group") ?? "", polarity: polarity ?? .high,
                                      periodType: periodType ?? .monthlySnapshot, unit: t.text("unit"), decimals: decimals,
                                      target: target, floor: floor, targetLow: low, targetHigh: high,
                                      definition: t.text("definition"), source: t.text("source"),
                                      targetAreas: targetAreas, missedTarget: missedTarget)
            guard !t.rowHasError else { continue }
            if let first = indicatorOrigin[code] {
                let existing = indicators[Int(indicatorIndex[code]!)]
                if first.path == path {
                    t.fail("code", "duplicate indicator code '\(SafeText.clip(code))' (first at line \(first.line))")
                } else if existing != indicator {
                    t.fail("code", "indicator '\(SafeText.clip(code))' is already defined differently at \(first.path):\(first.line)")
                }
                continue
            }
            indicatorIndex[code] = Int32(indicators.count)
            indicatorOrigin[code] = (path, t.line)
            indicatorTargetCell[code] = (path, t.line, t.columnNumber(t.has("target") ? "target" : "code"))
            indicators.append(indicator)
        }
        if rows == 0 && t.errorCount == 0 {
            t.report(.error, line: 2, column: 1, "no indicators: expected at least one row after the header")
        }
        finishTable(t)
    }

    /// An indicator's `target_areas`: area codes and kinds, separated by `;`. Empty: every area.
    private func readTargetAreas(_ t: inout TableReader, kinds: Set<String>) -> [String] {
        guard let text = t.text("target_areas") else { return [] }
        let items = text.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        for item in items where areaIndex[item] == nil && !kinds.contains(item.lowercased()) {
            let known = kinds.sorted().joined(separator: ", ")
            t.fail("target_areas", "target_areas: '\(SafeText.clip(item))' is neither an area code nor a kind of area in areas.csv (kinds: \(known.isEmpty ? "none" : known)); separate several with ';'")
        }
        return items
    }

    /// An indicator's `missed_target`: RED or AMBER; empty (or `undecided`) for undecided.
    private func readMissedTarget(_ t: inout TableReader) -> RAG? {
        guard let text = t.text("missed_target"), text.lowercased() != "undecided" else { return nil }
        guard let rag = RAG(text: text), rag != .green else {
            t.fail("missed_target", "missed_target '\(SafeText.clip(text))' is not RED or AMBER: it says how a missed target is rated where no floor applies; leave it empty for undecided (\"target missed\")")
            return nil
        }
        return rag
    }

    private mutating func areaRef(_ t: inout TableReader, _ column: String = "area") -> Int32? {
        guard let code = t.requiredText(column, "an area code from areas.csv") else { return nil }
        guard let i = areaIndex[code] else {
            t.fail(column, "unknown area '\(SafeText.clip(code))': expected a code from areas.csv")
            return nil
        }
        return i
    }

    private mutating func indicatorRef(_ t: inout TableReader) -> Int32? {
        guard let code = t.requiredText("indicator", "an indicator code from indicators.csv") else { return nil }
        guard let i = indicatorIndex[code] else {
            t.fail("indicator", "unknown indicator '\(SafeText.clip(code))': expected a code from indicators.csv")
            return nil
        }
        return i
    }

    /// Reads observations (in parallel stretches when the file is large, see
    /// `ObservationReader`) and adds them to the columnar store.
    private mutating func readObservations(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.observationColumns
        guard let header = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        let lookups = ObservationReader.Lookups(
            areaCodes: CodeTable(areas.map(\.code)), indicatorCodes: CodeTable(indicators.map(\.code)),
            areaIndex: areaIndex, indicatorIndex: indicatorIndex, file: Int32(clamping: files.count - 1),
            plainRows: parallelism.plainRows)
        var outcome = ObservationReader.read(header, lookups, stretchBytes: parallelism.stretchBytes, maxStretches: parallelism.maxParts)
        var table: TableReader?
        let rowsBefore = columns.count
        var rows = rowsBefore
        join(&outcome.readers, into: &table, rows: &rows)
        // The file's dense columns: the dataset's own when they are its first rows.
        if rowsBefore == 0 {
            columns.period = outcome.dense.period
            columns.value = outcome.dense.value
        } else {
            columns.appendDense(outcome.dense)
        }
        if let table { finishTable(table) }
    }

    /// Takes the sparse columns, strings, published cells and diagnostics of `readers` (in file
    /// order, following the store's first `rows` rows) into the store; `table` gathers their
    /// diagnostics (the first reader's table when nil).
    private mutating func join(_ readers: inout [ObservationReader], into table: inout TableReader?, rows: inout Int) {
        for k in readers.indices {
            if table == nil { table = readers[k].table } else { table?.absorb(readers[k].table) }
            if rows == 0 && strings.count == 0 {
                // The first rows of the dataset: take the reader's other columns as they are
                // (moved out of the reader, so later stretches append in place).
                swap(&columns, &readers[k].columns)
                swap(&strings, &readers[k].strings)
                swap(&publishedCells, &readers[k].publishedCells)
            } else {
                let ids = readers[k].strings.strings.map { strings.intern($0) }
                columns.appendSparse(readers[k].columns, after: rows, strings: ids)
                readers[k].columns = ObservationColumns()
                for (row, cells) in readers[k].publishedCells { publishedCells[Int32(rows) + row] = cells }
            }
            rows += readers[k].rows
        }
    }

    /// Reads a large observations.csv a chunk at a time (`LoadParallelism.chunkBytes`, cut after
    /// a line feed), each chunk in parallel stretches, into dense columns made once for the
    /// whole file (sized by the most rows its size can hold): the file's bytes are never all
    /// resident, only a chunk or two. Rows, strings and diagnostics come out as from
    /// `readObservations`. Returns false, with the builder as it was, when the file must be
    /// read whole instead: it cannot be read, its header is wrong, or a chunk other than the
    /// last ends on a CSV syntax error (a real one, or a quoted line break across the chunk's
    /// end), all of which the whole-file path reports exactly.
    mutating func streamObservations(path: String, parallelism: LoadParallelism, progress: LoadProgressReporter) -> Bool {
        guard let file = ChunkedFile(path: path), var chunk = file.next(parallelism.chunkBytes) else { return false }
        let saved = self
        files.append(path)
        if !hierarchyChecked {
            hierarchyChecked = true
            validateHierarchy()
        }
        let spec = DatasetLoader.observationColumns
        var headerDiagnostics: [Diagnostic] = []
        guard var chunkTable = TableReader(path: path, bytes: chunk.bytes, required: spec.required, optional: spec.optional, diagnostics: &headerDiagnostics) else {
            self = saved
            return false
        }
        diagnostics += headerDiagnostics
        // The table's columns without the first chunk's bytes, for the chunks after it.
        let template = chunkTable.chunk([], line: 1)
        let lookups = ObservationReader.Lookups(
            areaCodes: CodeTable(areas.map(\.code)), indicatorCodes: CodeTable(indicators.map(\.code)),
            areaIndex: areaIndex, indicatorIndex: indicatorIndex, file: Int32(clamping: files.count - 1),
            plainRows: parallelism.plainRows)
        // Room for the most rows the file can hold, without reading it first to count them. A
        // row has a cell for each of the header's, so a comma between each two, and an area, an
        // indicator and a period: at least a byte, a byte and four. Before each chunk is read
        // there must be room for the rows so far and the chunk's line feeds, at most its bytes
        // (about `chunkBytes`; a chunk that is longer, around one long line, has few), and one
        // for each stretch; a chunk that would not fit sends the file the whole-file way. The
        // room is address space: only the pages rows are written to are ever touched.
        let chunks = 2 * file.size / max(1, parallelism.chunkBytes) + 4
        let stretchesPerChunk = 4 * max(1, parallelism.maxParts)
        let capacity = file.size / (chunkTable.headerCount + 5) + 2 * parallelism.chunkBytes + stretchesPerChunk * chunks
        let rowsBefore = columns.count
        var rows = rowsBefore
        var table: TableReader?
        var failed = false
        var consumed = chunk.bytes.count
        // Every chunk in four stretches per processor (stretches of `stretchBytes` could make a
        // chunk one: it is a little short of `chunkBytes`, cut at a line feed). A processor that
        // finishes early, or lost time to the next chunk's read, takes another stretch instead
        // of waiting at the chunk's end for the other (one stretch each took 10 % more wall time
        // at 10 ×, docs/performance.md).
        let stretchBytes = max(1, min(parallelism.stretchBytes, parallelism.chunkBytes / (2 * stretchesPerChunk)))
        let prefetch = ChunkPrefetch(file, bytes: parallelism.chunkBytes)
        defer { prefetch.cancel() }
        let dense = DenseColumns.filled(capacity: capacity) { slots in
            var written = 0
            while true {
                if !chunk.last { prefetch.start() }
                let plan = ObservationReader.Plan(chunkTable, stretchBytes: stretchBytes, maxStretches: stretchesPerChunk)
                guard written + plan.rows <= slots.capacity else {
                    failed = true
                    return 0
                }
                // The sparse columns (the first stretch's become the dataset's) reserve room for
                // the rows the file holds at the first chunk's rows a byte, and grow if need be.
                let expected = written > 0 ? plan.rows
                    : min(slots.capacity, plan.rows + plan.rows / 16 + Int(Double(plan.rows) / Double(max(1, chunk.bytes.count)) * Double(file.size)))
                var readers = ObservationReader.read(chunkTable, lookups, plan, into: slots, base: written, expectedFirst: expected)
                guard let lastReader = readers.last else {
                    failed = true
                    return 0
                }
                if lastReader.table.endedOnSyntaxError && !chunk.last {
                    failed = true
                    return 0
                }
                let line = lastReader.table.csv.nextRecordLine
                let ended = lastReader.table.endedOnSyntaxError || chunk.last
                let firstChunk = written == 0
                written += readers.reduce(0) { $0 + $1.rows }
                join(&readers, into: &table, rows: &rows)
                if firstChunk && rowsBefore == 0 && !ended {
                    // After the first chunk: room for the values of the sparse columns at its
                    // share of them, so that they are not copied into ever larger arrays as the
                    // chunks after it are joined (each copy faulting in fresh pages).
                    columns.reserveSparseValues(scale: Double(file.size) / Double(max(1, consumed)) * 1.05)
                }
                readers = []
                progress.reached(Int64(consumed))
                if ended { return written }
                // The chunk's bytes go with its readers; the next chunk's have been read meanwhile.
                table?.releaseBytes()
                chunkTable = template
                chunk = ([], false)
                guard let next = prefetch.take() else {
                    failed = true
                    return 0
                }
                chunk = next
                consumed += chunk.bytes.count
                chunkTable = template.chunk(chunk.bytes, line: line)
            }
        }
        if failed {
            self = saved
            return false
        }
        if rowsBefore == 0 {
            columns.period = dense.period
            columns.value = dense.value
        } else {
            columns.appendDense(dense)
        }
        if let table { finishTable(table) }
        return true
    }

    private mutating func readBenchmarks(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.benchmarkColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        while t.nextRow() {
            let indicator = indicatorRef(&t)
            let comparator = t.requiredText("comparator", "a comparator name such as England")
            let period = t.period("period")
            let value = t.number("value")
            guard let indicator, let comparator, let period, !t.rowHasError else { continue }
            let code = indicators[Int(indicator)].code
            let key = "\(code)\u{1F}\(comparator)\u{1F}\(period)"
            if let first = benchmarkKeys[key] {
                t.fail("period", "duplicate benchmark for \(SafeText.clip(code)), \(SafeText.clip(comparator)), \(period) (first at \(first.path):\(first.line))")
                continue
            }
            benchmarkKeys[key] = (path, t.line)
            benchmarks.append(Benchmark(indicator: code, comparator: comparator, period: period, value: value, source: t.text("source")))
        }
        finishTable(t)
    }

    private mutating func readProviders(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.providerColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        while t.nextRow() {
            guard let code = t.requiredText("code", "a provider code such as KCHFT") else { continue }
            guard let name = t.requiredText("name", "the provider's name") else { continue }
            let provider = Provider(code: code, name: name, note: t.text("note"))
            if let first = providerOrigin[code] {
                // The same provider in two directories is one, as for areas and indicators.
                if first.path == path {
                    t.fail("code", "duplicate provider code '\(SafeText.clip(code))' (first at \(first.path):\(first.line))")
                } else if providers.first(where: { $0.code == code }) != provider {
                    t.fail("code", "provider '\(SafeText.clip(code))' is already defined differently at \(first.path):\(first.line)")
                }
                continue
            }
            providerOrigin[code] = (path, t.line)
            providers.append(provider)
        }
        finishTable(t)
    }

    private mutating func providerRef(_ t: inout TableReader) -> String? {
        guard let code = t.requiredText("provider", "a provider code") else { return nil }
        if !providerOrigin.isEmpty && providerOrigin[code] == nil {
            t.fail("provider", "unknown provider '\(SafeText.clip(code))': expected a code from providers.csv")
            return nil
        }
        return code
    }

    private mutating func readCoverage(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.coverageColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        while t.nextRow() {
            let provider = providerRef(&t)
            let area = areaRef(&t)
            guard let provider, let area, !t.rowHasError else { continue }
            coverage.append(Coverage(provider: provider, area: areas[Int(area)].code, note: t.text("note")))
        }
        finishTable(t)
    }

    private mutating func readWaits(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.waitColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        while t.nextRow() {
            let provider = providerRef(&t)
            let area = areaRef(&t)
            let service = t.requiredText("service", "a service such as SLT")
            let measure = t.requiredText("measure", "a measure such as waiting_assessment")
            let period = t.period("period")
            let value = t.number("value")
            guard let provider, let area, let service, let measure, let period, !t.rowHasError else { continue }
            let areaCode = areas[Int(area)].code
            let key = [provider, areaCode, service, measure, period.description].joined(separator: "\u{1F}")
            if let first = waitKeys[key] {
                t.fail("period", "duplicate wait for \(SafeText.clip(provider)), \(areaCode), \(SafeText.clip(service)), \(SafeText.clip(measure)), \(period) (first at \(first.path):\(first.line))")
                continue
            }
            waitKeys[key] = (path, t.line)
            waits.append(Wait(provider: provider, area: areaCode, service: service, measure: measure, period: period,
                              value: value, note: t.text("note"), source: t.text("source"), line: t.line))
        }
        finishTable(t)
    }

    private mutating func readNeighbours(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.neighbourColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        neighbours.read(&t, areaIndex: areaIndex)
        finishTable(t)
    }

    /// notes.csv: commentary and actions, read after the observations they are about.
    private mutating func readNotes(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.noteColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        let reader = NoteReader(columns: columns)
        while t.nextRow() {
            let area = areaRef(&t, "area_code").map { (id: $0, code: areas[Int($0)].code) }
            let indicator = indicatorRef(&t).map { (id: $0, code: indicators[Int($0)].code) }
            if let note = reader.read(&t, area: area, indicator: indicator) { notes.append(note) }
        }
        finishTable(t)
    }

    /// targets.csv: areas' own targets. Read after every areas.csv and indicators.csv.
    private mutating func readTargets(_ path: String, _ bytes: [UInt8]) {
        let spec = DatasetLoader.targetColumns
        guard var t = TableReader(path: path, bytes: bytes, required: spec.required, optional: spec.optional, diagnostics: &diagnostics) else { return }
        while t.nextRow() {
            let indicator = indicatorRef(&t)
            let area = areaRef(&t)
            let target = t.number("target"), floor = t.number("floor")
            let low = t.number("target_low"), high = t.number("target_high")
            t.checkBand(low: low, high: high)
            guard let indicator, let area, !t.rowHasError else { continue }
            let code = indicators[Int(indicator)].code, areaCode = areas[Int(area)].code
            let key = "\(code)\u{1F}\(areaCode)"
            if let first = areaTargetKeys[key] {
                t.fail("area", "duplicate target for \(SafeText.clip(code)), \(SafeText.clip(areaCode)) (first at \(first.path):\(first.line))")
                continue
            }
            areaTargetKeys[key] = (path, t.line)
            areaTargets.append(AreaTarget(indicator: code, area: areaCode, target: target, floor: floor, targetLow: low, targetHigh: high,
                                          note: t.text("note"), source: t.text("source"), line: t.line))
        }
        finishTable(t)
    }

    // MARK: Building

    /// Groups observations into series, rejects duplicate keys, computes every RAG and DOT, and
    /// reports published values that disagree with the rules (warnings).
    mutating func finish() -> Dataset {
        if !hierarchyChecked {
            hierarchyChecked = true
            validateHierarchy()
        }
        let n = columns.count
        // Series ids in order of first appearance. Rows of a series usually come together, so
        // the previous row's series is tried before the dictionary.
        var index: [UInt64: Int32] = [:]
        var seriesArea: [Int32] = [], seriesIndicator: [Int32] = [], seriesTeam: [Int32] = []
        var previousKey: UInt64?
        // Whether each series' rows come together (files sorted by area and indicator), and
        // where each series starts then.
        var grouped = true
        var firstRows: [Int32] = []
        // Without teams, a run of one area and indicator is one series: its first row says which.
        let hasTeams = columns.team.count > 0
        columns.forEachAreaIndicatorRun { rows, area, indicator in
            for r in hasTeams ? rows : rows.lowerBound..<(rows.lowerBound + 1) {
                let team = columns.team[r]
                let key = Dataset.seriesKey(area, indicator, team)
                if key == previousKey { continue }
                previousKey = key
                if index[key] != nil {
                    grouped = false
                    continue
                }
                index[key] = Int32(seriesArea.count)
                firstRows.append(Int32(r))
                seriesArea.append(area)
                seriesIndicator.append(indicator)
                seriesTeam.append(team)
            }
        }
        // Counting sort rows by series (stable), then order each series by period. Rows that
        // already come series by series keep the file's order.
        let seriesCount = seriesArea.count
        let periods = columns.period
        var start: [Int32]
        // Empty for the identity (no array made) while every series' rows are in period order.
        var order: [Int32] = []
        if grouped {
            start = firstRows + [Int32(n)]
            // Periods ascend within every series: the file's order is the series order.
            var next = 1
            for r in 1..<max(1, n) {
                if next < start.count - 1 && Int(start[next]) == r {
                    next += 1
                } else if periods[r - 1] >= periods[r] {
                    order = [Int32](largeCount: n) { Int32($0) }
                    break
                }
            }
        } else {
            // The series of every row (each key was indexed above), counted, then placed.
            var seriesOf = [Int32](largeCount: n) { _ in 0 }
            previousKey = nil
            var previousSeries: Int32 = 0
            columns.forEachAreaIndicatorRun { rows, area, indicator in
                for r in rows {
                    let key = Dataset.seriesKey(area, indicator, hasTeams ? columns.team[r] : -1)
                    if key != previousKey {
                        previousKey = key
                        previousSeries = index[key] ?? 0
                    }
                    seriesOf[r] = previousSeries
                }
            }
            start = [Int32](repeating: 0, count: seriesCount + 1)
            for r in 0..<n { start[Int(seriesOf[r]) + 1] += 1 }
            for s in 0..<seriesCount { start[s + 1] += start[s] }
            var fill = start
            order = [Int32](repeating: 0, count: n)
            for r in 0..<n {
                let s = Int(seriesOf[r])
                order[Int(fill[s])] = Int32(r)
                fill[s] += 1
            }
        }
        for s in 0..<seriesCount where !order.isEmpty {
            let lo = Int(start[s]), hi = Int(start[s + 1])
            guard hi - lo > 1 else { continue }
            var sorted = true
            for i in (lo + 1)..<hi where periods[Int(order[i - 1])] >= periods[Int(order[i])] {
                sorted = false
                break
            }
            if !sorted {
                order[lo..<hi].sort { (a, b) in
                    let pa = periods[Int(a)], pb = periods[Int(b)]
                    return pa != pb ? pa < pb : a < b
                }
                for i in (lo + 1)..<hi where periods[Int(order[i - 1])] == periods[Int(order[i])] {
                    let first = Int(order[i - 1]), dup = Int(order[i])
                    let area = areas[Int(columns.area[dup])].code, ind = indicators[Int(columns.indicator[dup])].code
                    let team = strings.optional(columns.team[dup]).map { ", team '\(SafeText.clip($0))'" } ?? ""
                    diagnostics.append(Diagnostic(.error, path: files[Int(columns.file[dup])], line: Int(columns.line[dup]), column: 1,
                                                  "duplicate observation for \(area), \(ind), \(periods[dup])\(team) (first at \(files[Int(columns.file[first])]):\(columns.line[first]))"))
                }
            }
        }
        // Effective RAG and DOT, series by series; a large dataset in one part per processor.
        let parts = max(1, min(parallelism.maxParts, n / max(1, parallelism.rowsPerRatingPart)))
        var cuts = [0]
        for s in 0..<seriesCount where cuts.count < parts && Int(start[s]) >= n * cuts.count / parts { cuts.append(s) }
        cuts.append(seriesCount)
        let scopes = TargetScopes(indicators: indicators, areas: areas, areaTargets: areaTargets)
        let rowOrder = order.isEmpty ? RowOrder.identity : RowOrder(rows: order)
        order = []
        let inputs = RatingInputs(indicators: indicators, rules: indicators.map(RatingRule.init), scopes: scopes, seriesArea: seriesArea,
                                  seriesIndicator: seriesIndicator, start: start, order: rowOrder,
                                  columns: columns, publishedCells: publishedCells, files: files)
        // Every part writes the rows of its series (`order` is a permutation of the rows, so
        // every row once) straight into the dataset's array: no part arrays to join.
        var warnings: [[Diagnostic]] = []
        let ratings = [UInt8](unsafeUninitializedCapacity: n) { buffer, count in
            if let base = buffer.baseAddress { LargeStorage.adviseHugePages(base, bytes: buffer.count) }
            let slots = RowBytes(buffer)
            if cuts.count == 2 {
                warnings = [inputs.ratings(series: 0..<seriesCount, into: slots)]
            } else {
                let shared = Mutex([[Diagnostic]](repeating: [], count: cuts.count - 1))
                let bounds = cuts
                DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { k in
                    let part = inputs.ratings(series: bounds[k]..<bounds[k + 1], into: slots)
                    shared.withLock { $0[k] = part }
                }
                warnings = shared.withLock { $0 }
            }
            count = n
        }
        for part in warnings { diagnostics += part }
        warnings = []
        let dataset = Dataset(areas: areas, indicators: indicators, benchmarks: benchmarks, waits: waits, providers: providers,
                              coverage: coverage, files: files, columns: columns, strings: strings, order: rowOrder,
                              seriesStart: start, seriesArea: seriesArea, seriesIndicator: seriesIndicator, seriesTeam: seriesTeam,
                              ratings: ratings, notes: notes,
                              neighbours: NeighbourSets(neighbours.rows), areaTargets: areaTargets, scopes: scopes)
        diagnostics += RatingAudit.countsRatedAgainstLargerAreas(dataset, targetCells: indicatorTargetCell)
        diagnostics += RatingAudit.sharedTeamsThatDiffer(dataset)
        return dataset
    }

}

/// Bytes by row, written by several threads at once, each its own rows: the ratings while
/// `finish` computes them. Valid only inside the call that made the buffer.
private struct RowBytes: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Writes row `row`'s byte (bounds-checked).
    @inline(__always) func set(_ row: Int, _ byte: UInt8) { buffer[row] = byte }
}

/// What rating the series needs; `ratings(series:)` may run for several ranges at once.
private struct RatingInputs: Sendable {
    let indicators: [Indicator]
    /// The rules of each indicator, by the same index.
    let rules: [RatingRule]
    /// Which thresholds rate each series' area.
    let scopes: TargetScopes
    let seriesArea: [Int32]
    let seriesIndicator: [Int32]
    let start: [Int32]
    let order: RowOrder
    let columns: ObservationColumns
    let publishedCells: [Int32: (rag: Int32, dot: Int32)]
    let files: [String]

    /// Writes the published rating and direction of each row of `series` into `out`, else the
    /// rules' (`RatingCode.packed(rating:dot:)`), and returns warnings where published ones
    /// disagree with the rules. Ratings use the thresholds that rate the series' area;
    /// directions compare a row with the one before it of the same period kind.
    func ratings(series: Range<Int>, into out: RowBytes) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let periods = columns.period
        // Most files publish no targets, floors, ratings or directions: their rows need not be
        // looked up in those columns.
        let hasTargets = columns.target.count > 0, hasFloors = columns.floor.count > 0
        let hasRAG = columns.rag.count > 0, hasDOT = columns.dot.count > 0
        // The last value of each period kind in the series, as given and rounded at the
        // indicator's decimals.
        let kinds = Period.Kind.allCases.count
        var previousByKind = [Double](repeating: .nan, count: kinds)
        var previousRoundedByKind = previousByKind
        for s in series {
            let base = rules[Int(seriesIndicator[s])]
            let rule = scopes.rule(base, indicator: seriesIndicator[s], area: seriesArea[s])
            let rounding = RAGRule.Rounding(rule.decimals)
            for k in 0..<kinds {
                previousByKind[k] = .nan
                previousRoundedByKind[k] = .nan
            }
            for i in Int(start[s])..<Int(start[s + 1]) {
                let r = Int(order[i])
                let value = columns.value[r]
                let publishedTarget = hasTargets ? optionalDouble(columns.target[r]) : nil
                let target = publishedTarget ?? rule.target
                let floor = (hasFloors ? optionalDouble(columns.floor[r]) : nil) ?? rule.floor
                let kind = Int(periods[r].kind.rawValue)
                // Each value is rounded once; a missing (NaN) or infinite one has no rating.
                let rounded = value.isFinite ? rounding.rounded(value) : .nan
                let computedRAG = rounded.isNaN ? nil : RAGRule.evaluate(rounded: rounded, target: target, floor: floor, rule: rule)
                let previousRounded = previousRoundedByKind[kind]
                // Directions keep the indicator's own target and band: which areas a target
                // rates does not change which way is better.
                let computedDOT = rounded.isNaN || previousRounded.isNaN ? nil
                    : DOTRule.evaluate(rounded: rounded, previous: previousRounded, rule: base, target: publishedTarget ?? base.target)
                let publishedRAG = hasRAG ? RAG(rawValue: columns.rag[r]) : nil
                let publishedDOT = hasDOT ? DOT(rawValue: columns.dot[r]) : nil
                let code: Int8 = switch (publishedRAG, computedRAG) {
                case (let p?, _): RatingCode.published(p)
                case (nil, .rated(let c)?): RatingCode.rule(c)
                case (nil, .undecided?): RatingCode.undecided
                case (nil, nil): RatingCode.none
                }
                out.set(r, RatingCode.packed(rating: code, dot: publishedDOT?.rawValue ?? computedDOT?.rawValue ?? -1))
                if let p = publishedRAG, let computed = computedRAG, !RAGRule.agrees(published: p, computed: computed, floor: floor) {
                    let c = computed.rag?.name ?? "target missed"
                    let cell = publishedCells[Int32(r)]
                    let indicator = indicators[Int(seriesIndicator[s])]
                    let v = value.isNaN ? "empty" : format(value)
                    warnings.append(Diagnostic(.warning, path: files[Int(columns.file[r])], line: Int(columns.line[r]), column: Int(cell?.rag ?? 1),
                                                   "published RAG \(p.name) for \(indicator.code) disagrees with the rule (\(c): value \(v), target \(target.map(format) ?? "none"), floor \(floor.map(format) ?? "none"), polarity \(indicator.polarity.rawValue)); showing \(p.name)",
                                                   kind: .ragDisagrees))
                }
                if let p = publishedDOT, let c = computedDOT, p != c {
                    let cell = publishedCells[Int32(r)]
                    let indicator = indicators[Int(seriesIndicator[s])]
                    let prev = previousByKind[kind]
                    warnings.append(Diagnostic(.warning, path: files[Int(columns.file[r])], line: Int(columns.line[r]), column: Int(cell?.dot ?? 1),
                                                   "published direction \(p.arrow) (\(p.name)) for \(indicator.code) disagrees with the rule (\(c.arrow) \(c.name): \(format(prev)) → \(format(value)), polarity \(indicator.polarity.rawValue)); showing \(p.arrow)",
                                                   kind: .dotDisagrees))
                }
                if !value.isNaN {
                    previousByKind[kind] = value
                    previousRoundedByKind[kind] = rounded
                }
            }
        }
        return warnings
    }

    private func format(_ v: Double) -> String { ValueFormatter.plain(v) }
}
