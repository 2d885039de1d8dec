import Dashboard
import Foundation
import XCTest

/// The installed man page, read as a user reads it: through man(1) and groff.
final class ManualTests: XCTestCase {
    func page() throws -> URL {
        try InstalledTree.prefix().appendingPathComponent("share/man/man1/ragtop.1")
    }

    /// The page as `man -l` shows it, without overstriking.
    func rendered() throws -> String {
        guard let man = Shell.which("man") else { throw XCTSkip("man is not installed (make test installs man-db where it can)") }
        let r = try Shell.run(man, ["-l", try page().path],
                              environment: ["PATH": "/usr/bin:/bin", "MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8", "MAN_KEEP_FORMATTING": ""])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Bold and underline are overstruck (c\bc, _\bc); take the characters only.
        var text = ""
        for scalar in r.stdout.unicodeScalars {
            if scalar == "\u{8}" { text.unicodeScalars.removeLast() } else { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    func testGroffReadsThePageWithoutAWarning() throws {
        guard let groff = Shell.which("groff") else { throw XCTSkip("groff is not installed (make test installs groff-base where it can)") }
        let r = try Shell.run(groff, ["-man", "-ww", "-z", "-Tutf8", try page().path], environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        // Plain ASCII roff: readable in any locale.
        let bytes = try Data(contentsOf: try page())
        XCTAssertTrue(bytes.allSatisfy { $0 < 0x80 }, "the page has bytes outside ASCII")
    }

    func testTheSectionsAreThere() throws {
        let text = try rendered()
        let headings = text.split(separator: "\n").filter { $0.first?.isUppercase == true }.map(String.init)
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "KEYS", "CONFIGURATION", "DATA FILES", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            XCTAssertTrue(headings.contains(section), "no \(section) section; headings: \(headings)")
        }
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flat.contains("NAME ragtop - a terminal dashboard for RAG-rated performance scorecards"), text)
        XCTAssertTrue(text.contains("ragtop \(try version())") && text.contains(InstalledTree.manDate), "the footer names the version and date")
        for variable in ["NO_COLOR", "RAGTOP_THEME", "RAGTOP_DATA", "XDG_CONFIG_HOME", "XDG_DATA_DIRS"] {
            XCTAssertTrue(text.contains("       \(variable)"), "ENVIRONMENT lacks \(variable)")
        }
        for status in ["0", "64", "65", "66", "73"] {
            XCTAssertNotNil(text.range(of: "\n       \(status) +[A-Z]", options: .regularExpression), "EXIT STATUS lacks \(status)")
        }
        for setting in ["theme", "pane", "area", "sort", "since", "export_dir"] {
            XCTAssertTrue(text.contains("       \(setting) = \""), "CONFIGURATION lacks \(setting)")
        }
        for file in ["areas.csv", "indicators.csv", "observations.csv", "benchmarks.csv", "waits.csv"] {
            XCTAssertTrue(text.contains("       \(file)\n"), "DATA FILES lacks \(file)")
        }
        // FILES names where this install put the data.
        XCTAssertTrue(text.contains(try InstalledTree.prefix().path + "/share/ragtop/kent-cype-2024-10"), text)
    }

    func testEveryCommandAndOptionFromTheHelpIsOnThePage() throws {
        let text = try rendered()
        let ragtop = try InstalledTree.prefix().appendingPathComponent("bin/ragtop").path
        let help = try Shell.run(ragtop, ["--help"], environment: InstalledTree.bareEnvironment).stdout
        // SUBCOMMANDS: lines of "  NAME   abstract" (wrapped abstracts are indented further).
        let subcommands = (help.components(separatedBy: "SUBCOMMANDS:").last ?? "").split(separator: "\n")
            .compactMap { $0.firstMatch(of: /^  ([a-z][a-z-]*)(\s|$)/).map { String($0.1) } }
        XCTAssertTrue(subcommands.contains("config"), help)
        for command in subcommands where command != "help" {
            XCTAssertTrue(text.contains("   ragtop \(command)"), "no section for ragtop \(command)")
            let options = try Shell.run(ragtop, [command, "--help"], environment: InstalledTree.bareEnvironment).stdout
            for option in Set(options.matches(of: /\s(--[a-z][a-z-]+)/).map { String($0.1) }) where option != "--help" && option != "--version" {
                XCTAssertTrue(text.contains("       " + option), "ragtop \(command) \(option) is not on the page")
            }
        }
        XCTAssertTrue(text.contains("   ragtop import ees"))
        XCTAssertTrue(text.contains("   ragtop import nhs-chs"))
        XCTAssertFalse(text.contains("   ragtop manual"), "the hidden command stays hidden")
    }

    func testTheKeysAreTheDashboardsKeymap() throws {
        let text = try rendered()
        guard let keys = text.components(separatedBy: "\nKEYS\n").last?.components(separatedBy: "\nCONFIGURATION\n").first else {
            return XCTFail("no KEYS section")
        }
        let lines = Keymap.helpLines(ascii: true)
        XCTAssertGreaterThan(lines.count, 20)
        let flat = keys.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (line, binding) in zip(lines, Keymap.bindings) {
            // The keys, what they do, and the action's name for config.toml's [keys].
            let entry = line.keys + " " + line.help.split(whereSeparator: \.isWhitespace).joined(separator: " ") + " (\(binding.action))"
            XCTAssertTrue(flat.contains(entry), "KEYS lacks '\(entry)'")
        }
        guard let configuration = text.components(separatedBy: "\nCONFIGURATION\n").last?.components(separatedBy: "\nDATA FILES\n").first else {
            return XCTFail("no CONFIGURATION section")
        }
        XCTAssertTrue(configuration.contains("       [keys] A table after the settings"), configuration)
        for section in Set(lines.map(\.section)) { XCTAssertTrue(keys.contains("\n   \(section)\n"), "KEYS lacks the \(section) group") }
    }

    func testManFindsThePageByNameInTheInstalledTree() throws {
        guard let man = Shell.which("man") else { throw XCTSkip("man is not installed") }
        let prefix = try InstalledTree.prefix()
        let r = try Shell.run(man, ["-w", "ragtop"], environment: ["PATH": "/usr/bin:/bin", "MANPATH": prefix.path + "/share/man"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), prefix.path + "/share/man/man1/ragtop.1")
    }

    func version() throws -> String {
        let ragtop = try InstalledTree.prefix().appendingPathComponent("bin/ragtop").path
        return try Shell.run(ragtop, ["--version"], environment: InstalledTree.bareEnvironment).stdout.split(separator: "\n").first.map(String.init) ?? ""
    }
}
