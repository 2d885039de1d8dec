import ArgumentParser
import Dashboard
import Foundation
import ScorecardData
import Themes

/// What Tab offers for option values that are not typed (typed ones — `--pane`, `--format`,
/// `--color` — complete their own choices). Lists are written into the completion scripts; the custom
/// ones call back into ragtop (`ragtop ---completion …`) and read the data and themes the
/// command line would use (`--data`, `--themes-dir`), printing nothing else.
enum Completions {
    /// Area names in the data.
    static var areas: CompletionKind {
        .custom { words, _, prefix in matching(dataset(words: words)?.areas.map(\.name) ?? [], prefix) }
    }

    /// Indicator codes in the data.
    static var indicators: CompletionKind {
        .custom { words, _, prefix in matching(dataset(words: words)?.indicators.map(\.code) ?? [], prefix) }
    }

    /// Indicator groups in the data.
    static var groups: CompletionKind {
        .custom { words, _, prefix in
            matching((dataset(words: words)?.indicators.map(\.group) ?? []).filter { !$0.isEmpty }, prefix)
        }
    }

    /// Theme names: --themes-dir, the user's, the installed and the built-in ones.
    static var themes: CompletionKind {
        .custom { words, _, prefix in
            let catalog = ThemeCatalog(themesDir: value(of: "--themes-dir", in: words), environment: ProcessInfo.processInfo.environment,
                                       installedDirs: BundledData.themeDirectories)
            return matching(catalog.entries().map(\.name), prefix)
        }
    }

    /// The candidates that start with what was typed (case-insensitive), once each, in their
    /// own order. Names from data with control characters are left out: a shell would print
    /// them to the terminal as they are.
    static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        let typed = unquoted(prefix).lowercased()
        var seen = Set<String>()
        return candidates.filter {
            $0.lowercased().hasPrefix(typed) && !$0.unicodeScalars.contains(where: SafeText.isUnsafe) && seen.insert($0).inserted
        }
    }

    /// The dataset the command line would load, or nil (quietly) when it does not load.
    static func dataset(words: [String]) -> Dataset? {
        var directories = values(of: "--data", in: words)
        if directories.isEmpty {
            guard case .found(let kent, let national, _) = BundledData.lookup() else { return nil }
            directories = [kent] + (national.map { [$0] } ?? [])
        }
        return try? DatasetLoader.load(directories: directories).dataset
    }

    /// The last value given to `option` in the shell words (`--opt VALUE` or `--opt=VALUE`).
    static func value(of option: String, in words: [String]) -> String? { values(of: option, in: words).last }

    static func values(of option: String, in words: [String]) -> [String] {
        var found: [String] = []
        for (i, word) in words.enumerated() {
            if word == option, i + 1 < words.count {
                found.append(unquoted(words[i + 1]))
            } else if word.hasPrefix(option + "=") {
                found.append(unquoted(String(word.dropFirst(option.count + 1))))
            }
        }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return found.filter { !$0.isEmpty }.map { $0 == "~" || $0.hasPrefix("~/") ? home + $0.dropFirst() : $0 }
    }

    /// A shell word as typed, without its quotes and backslash escapes.
    static func unquoted(_ word: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for c in word {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" && quote != "'" { escaped = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { out.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// The command tree the completion scripts are written from: ragtop's own, with the dashboard's
/// options at the top, since `ragtop --pane …` runs the dashboard (argument-parser's scripts
/// do not look into a default subcommand). Custom completions (`---completion`) are answered
/// from the same tree, so the scripts and the answers agree.
struct CompletionRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: Ragtop.configuration.commandName,
        version: Ragtop.configuration.version,
        subcommands: Ragtop.configuration.subcommands
    )

    @OptionGroup var dashboard: DashboardCommand

    /// True for the arguments the completion machinery handles: writing a script, or a shell
    /// asking for candidates.
    static func handles(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        return first == "---completion" || first == "--generate-completion-script" || first.hasPrefix("--generate-completion-script=")
    }
}
