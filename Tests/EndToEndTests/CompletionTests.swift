import Foundation
import XCTest

/// The installed completion scripts, loaded the way each shell finds them (by name, from the
/// installed share folder through XDG_DATA_DIRS or fpath) in a real interactive shell in tmux:
/// Tab after an option offers its values.
final class CompletionTests: XCTestCase {
    enum ShellKind: String, CaseIterable {
        case bash, zsh, fish
    }

    /// Starts `shell` in tmux with the installed ragtop first on PATH, a home of its own with one
    /// theme of the user's ("mine"), and the completion script found where the shell looks.
    func session(_ shell: ShellKind) throws -> TmuxSession {
        guard let path = Shell.which(shell.rawValue) else {
            throw XCTSkip("\(shell) is not installed (make test installs it where it can)")
        }
        let prefix = try InstalledTree.prefix()
        let home = try InstalledTree.newFolder("home")
        let themes = home.appendingPathComponent(".config/ragtop/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try Data("base = \"light\"\n".utf8).write(to: themes.appendingPathComponent("mine.toml"))
        let share = prefix.path + "/share"
        let setup: String
        let command: String
        switch shell {
        case .bash:
            command = "\(path) --norc --noprofile -i"
            let loader = "/usr/share/bash-completion/bash_completion"
            // bash-completion loads completions/ragtop from XDG_DATA_DIRS when ragtop is completed;
            // without it, the file is sourced as bash-completion would.
            setup = FileManager.default.fileExists(atPath: loader)
                ? "source \(loader)"
                : "source \(share)/bash-completion/completions/ragtop"
        case .zsh:
            command = "\(path) -f -i"
            setup = "fpath=(\(share)/zsh/site-functions $fpath); autoload -U compinit; compinit -u -D"
        case .fish:
            // fish adds $XDG_DATA_DIRS/fish/vendor_completions.d to its completion path by itself
            // (not with --no-config, so it runs with the test's empty XDG_CONFIG_HOME instead).
            // The folder below keeps a first start from parsing every man page in the background.
            try FileManager.default.createDirectory(at: home.appendingPathComponent(".local/share/fish/generated_completions"),
                                                    withIntermediateDirectories: true)
            command = "\(path) -i"
            setup = "true"
        }
        let t = try TmuxSession(command: command, width: 160, height: 30, environment: [
            "PATH": prefix.path + "/bin:/usr/bin:/bin", "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/.config",
            "XDG_DATA_DIRS": share + ":/usr/share", "PS1": "$ ", "SHELL": path,
        ])
        t.type(setup + "; printf 'RE%sDY\\n' A")
        t.send("Enter")
        t.waitFor(timeout: 20, "the shell to start") { $0.split(separator: "\n").contains { $0 == "READY" } }
        return t
    }

    /// Types `line`, presses Tab (twice in bash, which lists only on the second), and waits
    /// until every one of `expected` shows below the shell's start.
    func complete(_ shell: ShellKind, _ line: String, offers expected: [String], file: StaticString = #filePath, at: UInt = #line) throws {
        let t = try session(shell)
        defer { t.close() }
        t.type(line)
        t.send("Tab")
        if shell == .bash { usleep(300_000); t.send("Tab") }
        t.waitFor(timeout: 20, "\(shell): '\(line)<Tab>' to offer \(expected)", file: file, line: at) { screen in
            let after = screen.components(separatedBy: "\nREADY\n").last ?? ""
            return expected.allSatisfy { word in after.contains(word) }
        }
    }

    func testPaneValues() throws {
        for shell in ShellKind.allCases {
            try complete(shell, "ragtop --pane ", offers: ["scorecard", "districts", "detail", "ehcp", "therapy", "changes"])
        }
    }

    func testPaneValuesOfSnapshot() throws {
        for shell in ShellKind.allCases {
            try complete(shell, "ragtop snapshot --pane ", offers: ["scorecard", "districts", "detail", "ehcp", "therapy", "changes"])
        }
    }

    /// `--sort` offers the columns.
    func testSortValues() throws {
        for shell in ShellKind.allCases {
            try complete(shell, "ragtop snapshot --sort ra", offers: ["rag", "rated_by"])
        }
    }

    func testFormatValues() throws {
        for shell in ShellKind.allCases {
            try complete(shell, "ragtop report --format ", offers: ["text", "csv", "json", "markdown"])
        }
    }

    func testThemeNamesComeFromTheCatalog() throws {
        for shell in ShellKind.allCases {
            try complete(shell, "ragtop --theme ", offers: ["default", "light", "colourblind-light", "high-contrast", "mono", "mine"])
            try complete(shell, "ragtop themes --show ", offers: ["colourblind-light", "mine"])
        }
    }

    func testAreaNamesComeFromTheDataAndAreQuotedForTheShell() throws {
        for shell in ShellKind.allCases {
            // One candidate: the shell puts it on the line, escaped.
            try complete(shell, "ragtop --area Folk", offers: ["ragtop --area Folkestone\\ and\\ Hythe"])
            try complete(shell, "ragtop report --indicator SCS1", offers: ["SCS13", "SCS18", "SCS19"])
        }
    }

    func testAreaNamesComeFromTheDataGivenWithData() throws {
        let council = RagtopBinary.fixtures.appendingPathComponent("other-council").path
        for shell in ShellKind.allCases {
            try complete(shell, "ragtop report --data \(council) --area ", offers: ["ragtop report --data \(council) --area Cardiff"])
        }
    }
}
