import ArgumentParser
import ScorecardData

/// `ragtop` with no subcommand: the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (the default)."
    )

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let ds = try dataOptions.load().dataset
        let rows = ds.report(ReportQuery(areas: ds.defaultArea.map { [$0.code] }))
        Console.out(ReportFormat.text.render(rows, color: Console.colorOnStdout))
    }
}

/// `ragtop snapshot`: render a screen without a terminal.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "Render a dashboard screen as text.")
    @OptionGroup var dataOptions: DataOptions
    func run() throws {}
}
