import ArgumentParser
import Synchronization

/// ragtop: a terminal dashboard for RAG-rated performance scorecards.
@main
struct Ragtop: ParsableCommand {
    static let version = "0.1.0"

    /// The configuration argument-parser reads: the full one (the dashboard's options in the
    /// discussion) once help may be printed, else the same without them, which is all that
    /// parsing and running a command read.
    static var configuration: CommandConfiguration {
        helpMayBePrinted.load(ordering: .relaxed) ? configurationWithHelp : configurationWithoutHelp
    }

    /// Set before anything that may print ragtop's own help or help dump: an error or a help
    /// request out of parsing (`--help`, `help`, `--experimental-dump-help`), and `manual`.
    /// Writing the dashboard's options costs a few milliseconds, more than a first frame can
    /// spare, so a command that prints no help does not write them.
    static let helpMayBePrinted = Atomic<Bool>(false)

    private static let configurationWithoutHelp = CommandConfiguration(
        commandName: "ragtop",
        abstract: "A terminal dashboard for RAG-rated performance scorecards (Kent CYPE scorecard bundled).",
        discussion: """
        With no subcommand ragtop opens the interactive dashboard on the bundled Kent CYPE \
        scorecard (October 2024), or on the dataset directories given with --data.
        Press ? in the dashboard for help. Data format: docs/data-format.md.

        """,
        version: "\(version)\nbundled data: \(BundledData.name) (\(BundledData.edition))",
        subcommands: [DashboardCommand.self, CheckCommand.self, ReportCommand.self, DiffCommand.self, SnapshotCommand.self, ImportCommand.self, ThemesCommand.self,
                      ConfigCommand.self, ManualCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    private static let configurationWithHelp: CommandConfiguration = {
        var full = configurationWithoutHelp
        full.discussion += DashboardCommand.optionsHelp
        return full
    }()

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if CompletionRoot.handles(arguments) {
            CompletionRoot.main(arguments)
            return
        }
        // argument-parser's own main, but for the flag: help is printed from the catch.
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            helpMayBePrinted.store(true, ordering: .relaxed)
            exit(withError: error)
        }
    }
}
