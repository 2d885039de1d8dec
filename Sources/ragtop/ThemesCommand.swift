import ArgumentParser

/// `ragtop themes`: list the themes with a RAG swatch.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List the colour themes.")
}
