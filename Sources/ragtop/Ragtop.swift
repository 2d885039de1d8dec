import ArgumentParser

/// ragtop: a terminal dashboard for RAG-rated performance scorecards.
@main
struct Ragtop: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ragtop",
        abstract: "A terminal dashboard for RAG-rated performance scorecards (Kent CYPE scorecard bundled).",
        discussion: """
        With no subcommand ragtop opens the interactive dashboard on the bundled Kent CYPE \
        scorecard (October 2024), or on the dataset directories given with --data.
        Press ? in the dashboard for help. Data format: docs/data-format.md.

        """ + DashboardCommand.optionsHelp,
        version: "\(version)\nbundled data: \(BundledData.name) (\(BundledData.edition))",
        subcommands: [DashboardCommand.self, CheckCommand.self, ReportCommand.self, DiffCommand.self, SnapshotCommand.self, ImportCommand.self, ThemesCommand.self,
                      ConfigCommand.self, ManualCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if CompletionRoot.handles(arguments) { CompletionRoot.main(arguments) } else { main(nil) }
    }
}
