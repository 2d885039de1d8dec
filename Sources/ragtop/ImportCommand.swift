import ArgumentParser

/// `ragtop import`: bring open data (DfE EES, NHS community health waits) into a dataset.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import open data into a dataset directory.")
}
