/// The outcome of a successful load: the dataset and any warnings.
public struct LoadResult: Sendable {
    public let dataset: Dataset
    /// Warnings (errors make the load fail).
    public let diagnostics: [Diagnostic]
}

/// Why a load failed: every error and warning found, and whether input was missing.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    /// True when a directory or a required file is missing or unreadable (exit 66 rather than 65).
    public let missingInput: Bool

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Loads dataset directories (see docs/data-format.md) and validates everything: files, columns,
/// cells, references between files and duplicate keys. Reading never writes.
public enum DatasetLoader {
    public static let areaColumns = (required: ["code", "name", "parent"], optional: ["kind", "tile_row", "tile_col"])
    public static let indicatorColumns = (required: ["code", "name", "polarity", "period_type"],
                                          optional: ["group", "unit", "decimals", "target", "floor", "target_low", "target_high", "definition", "source",
                                                     "target_areas", "missed_target"])
    public static let observationColumns = (required: ["area", "indicator", "period", "value"],
                                            optional: ["numerator", "denominator", "target", "floor", "rag", "dot", "team", "note", "source", "status"])
    public static let benchmarkColumns = (required: ["indicator", "comparator", "period", "value"], optional: ["source", "note"])
    public static let waitColumns = (required: ["provider", "area", "service", "measure", "period", "value"], optional: ["note", "source"])
    public static let providerColumns = (required: ["code", "name"], optional: ["note"])
    public static let coverageColumns = (required: ["provider", "area"], optional: ["note", "service"])
    public static let neighbourColumns = (required: ["area_code", "neighbour_code", "rank"], optional: ["closeness"])
    public static let noteColumns = (required: ["area_code", "indicator", "period", "kind", "text"], optional: ["owner", "due", "source"])
    public static let targetColumns = (required: ["indicator", "area"], optional: ["target", "floor", "target_low", "target_high", "note", "source"])

    /// The files of a dataset directory, in load order.
    public static let requiredFiles = ["areas.csv", "indicators.csv", "observations.csv"]
    public static let optionalFiles = ["benchmarks.csv", "providers.csv", "coverage.csv", "waits.csv", "targets.csv", "neighbours.csv", "notes.csv"]

    /// Loads one dataset directory.
    public static func load(directory: String) throws(LoadFailure) -> LoadResult {
        try load(directories: [directory])
    }

    /// Loads several dataset directories and merges them: areas join by code; the same indicator,
    /// area or observation defined differently in two files is an error naming both.
    public static func load(directories: [String]) throws(LoadFailure) -> LoadResult {
        try load(directories: directories, parallelism: .standard)
    }

    /// `load(directories:)`, telling `progress` how many bytes of the observation files have
    /// been read (from any thread, monotonically, about every megabyte or chunk, and once with
    /// everything read at the end, whether the load succeeds or fails).
    public static func load(directories: [String], progress: (@Sendable (LoadProgress) -> Void)?) throws(LoadFailure) -> LoadResult {
        try load(directories: directories, parallelism: .standard, progress: progress)
    }

    /// `load(directories:)` with the given use of processors (tests make the parts small to
    /// exercise the parallel and streaming paths on small files).
    static func load(directories: [String], parallelism: LoadParallelism,
                     progress: (@Sendable (LoadProgress) -> Void)? = nil) throws(LoadFailure) -> LoadResult {
        let reporter = LoadProgressReporter(total: observationBytes(directories), progress)
        defer { reporter.finish() }
        var builder = DatasetBuilder()
        builder.parallelism = parallelism
        var missing = false
        var present: [String] = []
        for dir in directories {
            let dirPath = dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir
            switch FileReader.kind(of: dirPath) {
            case .directory:
                present.append(dirPath)
            case .missing:
                builder.diagnostics.append(Diagnostic(.error, path: dirPath, line: 1, column: 1, "dataset directory not found"))
                missing = true
            default:
                builder.diagnostics.append(Diagnostic(.error, path: dirPath, line: 1, column: 1, "not a directory: a dataset is a directory of CSV files"))
                missing = true
            }
        }
        // Each kind of file from every directory before the next kind, so references may cross
        // directories.
        for name in requiredFiles + optionalFiles {
            for dirPath in present {
                let path = dirPath + "/" + name
                if !requiredFiles.contains(name) && FileReader.kind(of: path) == .missing { continue }
                // A large observations.csv is streamed: read and parsed a chunk at a time, so its
                // bytes are not all resident at once (see `DatasetBuilder.streamObservations`).
                if name == "observations.csv", FileReader.kind(of: path) == .file,
                   let size = FileReader.signature(of: path)?.size, size >= Int64(parallelism.streamBytes) {
                    // Anything it cannot stream (a read failure, a quoted line break or a syntax
                    // error at a chunk's end) is read whole, as a small file is, below.
                    if builder.streamObservations(path: path, parallelism: parallelism, progress: reporter) {
                        reporter.fileDone(size)
                        continue
                    }
                }
                switch FileReader.read(path) {
                case .success(let bytes):
                    builder.read(name: name, path: path, bytes: bytes)
                    if name == "observations.csv" { reporter.fileDone(Int64(bytes.count)) }
                case .failure(let failure):
                    let message = failure == .missing
                        ? "required file is missing (a dataset needs \(requiredFiles.joined(separator: ", ")))"
                        : failure.message
                    builder.diagnostics.append(Diagnostic(.error, path: path, line: 1, column: 1, message))
                    missing = true
                }
            }
        }
        if missing || builder.diagnostics.contains(where: { $0.severity == .error }) {
            throw LoadFailure(diagnostics: builder.diagnostics, missingInput: missing)
        }
        let dataset = builder.finish()
        if builder.diagnostics.contains(where: { $0.severity == .error }) {
            throw LoadFailure(diagnostics: builder.diagnostics, missingInput: false)
        }
        return LoadResult(dataset: dataset, diagnostics: builder.diagnostics)
    }

    /// The bytes of the observation files of `directories`: the total a load's progress counts to.
    static func observationBytes(_ directories: [String]) -> Int64 {
        directories.reduce(0) { sum, dir in
            let dirPath = dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir
            let path = dirPath + "/observations.csv"
            guard FileReader.kind(of: path) == .file else { return sum }
            return sum + max(0, FileReader.signature(of: path)?.size ?? 0)
        }
    }
}

/// How a large load shares out work: observations.csv is read in stretches, and series are rated
/// in parts, up to one per processor. Small datasets are read and rated in one go.
struct LoadParallelism: Sendable {
    /// Plain rows of observations.csv are read in one pass each (`PlainRow`); false reads every
    /// row by the general path, so that tests can compare the two.
    var plainRows = true
    /// At most this many stretches or parts at once.
    var maxParts: Int
    /// A stretch of observations.csv is at least this long.
    var stretchBytes: Int
    /// A part of the series to rate holds at least this many rows.
    var rowsPerRatingPart: Int
    /// An observations.csv of this size or more is streamed, in chunks of `chunkBytes`.
    var streamBytes: Int
    /// The bytes read and parsed at a time when streaming (a chunk ends at a line feed).
    var chunkBytes: Int

    init(maxParts: Int, stretchBytes: Int, rowsPerRatingPart: Int, streamBytes: Int = 32 << 20, chunkBytes: Int = 8 << 20) {
        self.maxParts = maxParts
        self.stretchBytes = stretchBytes
        self.rowsPerRatingPart = rowsPerRatingPart
        self.streamBytes = streamBytes
        self.chunkBytes = chunkBytes
    }

    static let standard = LoadParallelism(maxParts: ObservationReader.processors, stretchBytes: 4 << 20, rowsPerRatingPart: 250_000)
}
