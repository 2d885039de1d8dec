import ArgumentParser
import ScorecardData

/// `ragtop import dfe-neighbours`: the DfE's children's services statistical neighbours as
/// neighbours.csv of an existing dataset.
struct ImportDfENeighbours: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dfe-neighbours",
        abstract: "Import the DfE's statistical neighbours (each authority's 10 closest) as neighbours.csv.",
        discussion: """
        FILE is the DfE benchmarking tool's wide file (old_la_code, la_name, SN_1 … SN_10 and the \
        closeness bands SN_1P … SN_10P). Its three-digit LA codes are mapped to GSS codes with a \
        DfE Explore Education Statistics file that has old_la_code and new_la_code (--codes), each \
        to its latest year's code. Neighbours are added to an existing dataset (--merge --out DIR) \
        that defines those areas; an area's neighbours there are replaced. Example:
          ragtop import dfe-neighbours sn_model_2025_wide.csv --codes timeliness_20_week_2019-2024.csv \\
            --merge --out national
        """
    )

    @Argument(help: ArgumentHelp("The DfE statistical neighbours CSV (wide: one row per authority).", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("An EES CSV with old_la_code and new_la_code, to map the DfE codes to GSS codes.", valueName: "FILE"))
    var codes: String

    @OptionGroup var output: ImportOutputOptions

    func validate() throws {
        guard output.merge, output.out != nil else {
            throw ValidationError("dfe-neighbours adds neighbours.csv to a dataset that has the areas: give --merge --out DIR")
        }
    }

    func run() throws {
        let codeBytes = try ImportRunner.read(codes)
        let codesPath = codes
        try ImportRunner.run(file: file, output: output, defaultOut: "./neighbours") { (bytes) throws(ImportFailure) in
            try DfENeighboursImporter.run(bytes: bytes, path: file, codes: codeBytes, codesPath: codesPath)
        }
    }
}
