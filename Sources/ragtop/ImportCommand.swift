import ArgumentParser
import ScorecardData

/// `ragtop import`: bring open data (DfE EES, NHS community health waits) into a dataset.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import open data into a dataset directory.",
        discussion: """
        The dataset is written to a temporary directory, validated, and moved into place; an \
        existing --out is replaced only with --force, or added to with --merge. See docs/importing.md.
        Exit status: 0 done, 64 bad options, 65 bad data (FILE:LINE:COL: error: …), 66 input missing, \
        73 output exists or cannot be created.
        """,
        subcommands: [ImportEES.self, ImportNHSCHS.self, ImportDfENeighbours.self]
    )
}

/// Where the imported dataset goes, shared by the import subcommands.
struct ImportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The dataset directory to write.", valueName: "DIR"), completion: .directory)
    var out: String?

    @Flag(help: "Replace the dataset files of an existing --out directory.")
    var force = false

    @Flag(help: "Add to an existing --out dataset: rows with the same key are replaced by the imported ones, the rest kept.")
    var merge = false

    func validate() throws {
        if force && merge { throw ValidationError("--force and --merge cannot be used together") }
    }
}

enum ImportRunner {
    /// Reads `file`, or exits 66.
    static func read(_ file: String) throws -> [UInt8] {
        switch FileReader.read(file) {
        case .success(let bytes): return bytes
        case .failure(let why):
            Console.error("ragtop: \(file): \(why.message)")
            throw ExitStatus.noInput
        }
    }

    /// Runs an importer, merges, writes and reports; exits 65, 66 or 73 on failure.
    static func run(file: String, output: ImportOutputOptions, defaultOut: String,
                    _ importer: ([UInt8]) throws(ImportFailure) -> ImportResult) throws {
        let bytes = try read(file)
        let result: ImportResult
        do {
            result = try importer(bytes)
        } catch {
            for d in error.diagnostics { Console.error(d.description) }
            let n = error.errors.count
            Console.error("ragtop: \(n) error\(n == 1 ? "" : "s") in \(file); nothing was written")
            throw ExitStatus.dataError
        }
        for w in result.warnings { Console.error(w.description) }
        let out = output.out ?? defaultOut
        var files = result.files
        var mergeNote = ""
        if output.merge, FileReader.kind(of: out) == .directory {
            let existing: LoadResult
            do {
                existing = try DatasetLoader.load(directory: out)
            } catch {
                for d in error.diagnostics { Console.error(d.description) }
                Console.error("ragtop: --merge: \(out) does not load; nothing was written")
                throw error.missingInput ? ExitStatus.noInput : ExitStatus.dataError
            }
            let merged = DatasetFiles(dataset: existing.dataset).merging(files)
            files = merged.files
            mergeNote = " (merged: \(merged.counts.added) rows added, \(merged.counts.replaced) replaced, \(merged.counts.changedValues) of them with a different value)"
        }
        let missing = files.undefinedAreaReferences()
        if !missing.isEmpty {
            for m in missing {
                Console.error("\(file):1:1: error: area '\(m.code)' (\(m.usedBy)) is not defined: import into a dataset that defines it with --merge --out DIR, or map to an area it has")
            }
            Console.error("ragtop: \(missing.count) error\(missing.count == 1 ? "" : "s") in \(file); nothing was written")
            throw ExitStatus.dataError
        }
        do {
            let loaded = try DatasetWriter.write(files, to: out, replacing: output.force || output.merge)
            for line in result.summary { Console.text("\(line)\n") }
            let ds = loaded.dataset
            Console.text("wrote \(out): \(ds.areas.count) areas, \(ds.indicators.count) indicator\(ds.indicators.count == 1 ? "" : "s"), \(ds.observationCount) observations, \(ds.waits.count) waits\(mergeNote)\n")
        } catch {
            switch error {
            case .exists, .cannotCreate:
                Console.error("ragtop: \(error.description)")
                throw ExitStatus.cannotCreate
            case .invalid(let diagnostics):
                for d in diagnostics { Console.error(d.description) }
                Console.error("ragtop: the imported dataset does not validate; nothing was written")
                throw ExitStatus.dataError
            }
        }
    }
}

/// `ragtop import ees`: a DfE Explore Education Statistics tidy CSV.
struct ImportEES: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ees",
        abstract: "Import one measure of a DfE Explore Education Statistics CSV as an indicator.",
        discussion: """
        Reads National, Regional and Local authority rows (GSS codes, England › region › local \
        authority), one observation per area and period. For each filter column the "All …" or \
        "Total" row is taken unless --filter says otherwise. DfE symbols (x, c, z, low, u, :, ~ …) \
        become empty values with their meaning in the status column and the symbol in the note. Example:
          ragtop import ees timeliness_20_week_2019-2024.csv --measure pc_plans_issued_within_20_weeks \\
            --indicator EHCP20-CY --name "EHCPs issued within 20 weeks" --unit percent --decimals 1
        """
    )

    @Argument(help: ArgumentHelp("The EES CSV file.", valueName: "FILE"), completion: .file(extensions: ["csv"]))
    var file: String

    @Flag(help: "List the file's columns (time and geography, filters with their values, measures) and stop.")
    var columns = false

    @Option(help: ArgumentHelp("The measure column (case and punctuation ignored).", valueName: "COLUMN"))
    var measure: String?

    @Option(help: ArgumentHelp("The indicator code to create, e.g. EHCP20-CY.", valueName: "CODE"))
    var indicator: String?

    @Option(help: ArgumentHelp("The indicator's name (default: the measure column).", valueName: "TEXT"))
    var name: String?

    @Option(help: ArgumentHelp("The indicator's group (default: \"\(EESImporter.defaultGroup)\").", valueName: "TEXT"))
    var group: String?

    @Option(help: ArgumentHelp("H (higher is better) or L (lower is better)."))
    var polarity: ImportPolarity = .H

    @Option(help: ArgumentHelp("The unit, e.g. percent, count, days.", valueName: "UNIT"))
    var unit: String?

    @Option(help: ArgumentHelp("Decimal places to show (default: as many as the values have, at most 3).", valueName: "N"))
    var decimals: Int?

    @Option(name: .customLong("filter"), help: ArgumentHelp("Keep rows where COLUMN is VALUE instead of the \"All\"/\"Total\" row (repeatable).", valueName: "COLUMN=VALUE"))
    var filters: [EESImporter.Filter] = []

    @Option(help: ArgumentHelp("A column to copy into the numerator.", valueName: "COLUMN"))
    var numerator: String?

    @Option(help: ArgumentHelp("A column to copy into the denominator.", valueName: "COLUMN"))
    var denominator: String?

    @Option(help: ArgumentHelp("Keep only this area, its parents and the areas within it (GSS code; repeatable).", valueName: "CODE"))
    var within: [String] = []

    @OptionGroup var output: ImportOutputOptions

    func validate() throws {
        if columns { return }
        guard measure != nil else { throw ValidationError("--measure COLUMN is required (see the columns with --columns)") }
        guard let indicator else { throw ValidationError("--indicator CODE is required") }
        if let decimals, !(0...10).contains(decimals) { throw ValidationError("--decimals must be 0 to 10") }
        if indicator.trimmingCharacters(in: .whitespaces).isEmpty || indicator.contains(",") || indicator.contains("\"") {
            throw ValidationError("--indicator must be a code without commas or quotes, e.g. EHCP20-CY")
        }
    }

    func run() throws {
        if columns {
            let bytes = try ImportRunner.read(file)
            do {
                for line in try EESImporter.describe(bytes: bytes, path: file) { Console.text(line + "\n") }
            } catch {
                for d in error.diagnostics { Console.error(d.description) }
                throw ExitStatus.dataError
            }
            return
        }
        guard let measure, let indicator else { return }
        let options = EESImporter.Options(
            measure: measure, indicator: indicator.trimmingCharacters(in: .whitespaces), name: name, group: group,
            polarity: polarity.polarity, unit: unit, decimals: decimals,
            filters: filters, numerator: numerator, denominator: denominator,
            within: within)
        try ImportRunner.run(file: file, output: output, defaultOut: "./" + options.indicator.lowercased()) { (bytes) throws(ImportFailure) in
            try EESImporter.run(bytes: bytes, path: file, options: options)
        }
    }
}

/// `ragtop import nhs-chs`: NHS community health services waiting lists for children.
struct ImportNHSCHS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhs-chs",
        abstract: "Import NHS community health services waiting lists (children) as waits.",
        discussion: """
        Writes providers.csv and waits.csv (waiting_total, waiting_over_18_weeks, \
        waiting_over_52_weeks by month and service: SLT, OT, PT, audiology, community_paediatrics), \
        and one indicator per service, CHS-<SERVICE>-18W, the percentage waiting over 18 weeks. \
        Organisations not mapped to an area with --provider NAME=AREA become areas of their own \
        under England. Example:
          ragtop import nhs-chs la_ch_time_series_derived.csv --provider England \\
            --provider "Kent Community Health NHS Foundation Trust=E10000016" --service SLT --merge --out national
        """
    )

    @Argument(help: ArgumentHelp("The CHS waiting list CSV file.", valueName: "FILE"), completion: .file(extensions: ["csv"]))
    var file: String

    @Option(name: .customLong("provider"), help: ArgumentHelp("Import this organisation (default: all), optionally as the figures of area code AREA (repeatable).", valueName: "NAME[=AREA]"))
    var providers: [NHSCHSImporter.Selection] = []

    @Option(name: .customLong("provider-code"), help: ArgumentHelp("The provider code for an organisation (default: made from its name).", valueName: "NAME=CODE"))
    var providerCodes: [ProviderCode] = []

    @Option(name: .customLong("service"), help: ArgumentHelp("Only these services, e.g. SLT, OT (repeatable or comma-separated).", valueName: "CODE"))
    var services: [String] = []

    @OptionGroup var output: ImportOutputOptions

    func run() throws {
        var codes: [String: String] = [:]
        for p in providerCodes { codes[p.name] = p.code }
        let options = NHSCHSImporter.Options(
            providers: providers,
            services: services.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty },
            providerCodes: codes)
        try ImportRunner.run(file: file, output: output, defaultOut: "./nhs-chs") { (bytes) throws(ImportFailure) in
            try NHSCHSImporter.run(bytes: bytes, path: file, options: options)
        }
    }
}

/// `--polarity` of an imported indicator: H or L (any case). T needs a target band, which an
/// import does not have.
enum ImportPolarity: String, CaseIterable, ExpressibleByArgument {
    case H, L

    init?(argument: String) { self.init(rawValue: argument.uppercased()) }

    var polarity: Polarity { self == .H ? .high : .low }
}

extension EESImporter.Filter: ExpressibleByArgument {}

extension NHSCHSImporter.Selection: ExpressibleByArgument {}

/// `--provider-code NAME=CODE`.
struct ProviderCode: ExpressibleByArgument {
    var name: String
    var code: String

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        name = parts[0]
        code = parts[1]
    }
}

import Foundation
