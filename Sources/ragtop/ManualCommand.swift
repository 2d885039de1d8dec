import ArgumentParser
import Dashboard
import Foundation
import ScorecardData
import Synchronization
import Themes

/// `ragtop manual`: the man page, ragtop(1), in roff. Hidden from help; `make install` writes
/// it to share/man/man1/ragtop.1.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the manual page (roff) for ragtop(1).",
        discussion: "Read it with: ragtop manual | man -l -",
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp("The install prefix the FILES section names (default: paths relative to the executable).", valueName: "DIR"))
    var prefix: String?

    @Option(help: ArgumentHelp("The date in the page's footer, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today).", valueName: "DATE"))
    var date: String?

    func run() throws {
        let day = try date.map { value -> String in
            guard value.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else {
                throw ValidationError("--date must be YYYY-MM-DD, not '\(value)'")
            }
            return value
        } ?? Manual.today()
        Console.out(try Manual.render(prefix: prefix, date: day))
    }
}

/// Writes ragtop(1) from the command definitions (argument-parser's help dump), the dashboard's
/// keymap (`Keymap.helpLines`), the config settings (`RagtopConfig.settings`) and the dataset
/// files (`DatasetLoader`), with hand-written sections around them, so the page cannot drift.
enum Manual {
    /// The page. `prefix` nil: the FILES section names paths relative to the executable.
    static func render(prefix: String?, date: String) throws -> String {
        Ragtop.helpMayBePrinted.store(true, ordering: .relaxed)
        let tool = try JSONDecoder().decode(HelpDump.self, from: Data(Ragtop._dumpHelp().utf8))
        let root = tool.command
        let share = prefix.map { ($0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0) + "/share/ragtop" } ?? "bin/../share/ragtop"
        var page = Roff()
        page.line(".TH RAGTOP 1 \(Roff.quoted(date)) \(Roff.quoted("ragtop \(Ragtop.version)")) \(Roff.quoted("User Commands"))")
        // No hyphenation: option, action and file names are copied and searched as written.
        page.line(".nh")
        page.section("NAME")
        let abstract = root.abstract ?? ""
        page.text("ragtop \\- " + Roff.escape(abstract.prefix(1).lowercased() + abstract.dropFirst()))

        page.section("SYNOPSIS")
        page.line(".B ragtop")
        page.line("[\\fIoptions\\fR]")
        page.line(".br")
        page.line(".B ragtop")
        page.line("\\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]")

        page.section("DESCRIPTION")
        page.paragraphs(root.discussion ?? "")
        page.paragraphs("""
        The bundled data (\(BundledData.name)) is Kent County Council's Children, Young People and \
        Education Directorate Scorecard of October 2024: about 60 KPIs for Kent and its 12 \
        districts, with targets, RAG ratings, direction of travel and benchmarks, and the SEND \
        figures; beside it, the DfE's EHCP timeliness for every English local authority. \
        Figures live in plain CSV files; ragtop never changes them. Every RAG rating carries a \
        glyph and a letter as well as a colour, so nothing depends on telling red from green.
        """)

        page.section("COMMANDS")
        page.paragraphs("With no command, ragtop runs \\fBdashboard\\fR. Every command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR.", escaped: true)
        for (path, command) in root.visibleSubcommands(path: ["ragtop"]) {
            let isDefault = path.count == 2 && path[1] == root.defaultSubcommand
            page.line(".SS " + Roff.quoted(path.joined(separator: " ") + (isDefault ? " (the default)" : "")))
            page.paragraphs(command.abstract ?? "")
            if let discussion = command.discussion, !discussion.isEmpty { page.paragraphs(discussion) }
            for argument in command.arguments ?? [] where argument.shouldDisplay && !argument.isHelp && !argument.isVersion {
                page.argument(argument)
            }
        }
        page.line(".SS " + Roff.quoted("Global options"))
        for argument in root.arguments ?? [] where argument.shouldDisplay && !argument.isHelp {
            page.argument(argument)
        }

        page.section("KEYS")
        page.paragraphs("""
        The default keys of the dashboard (press ? there for the keys in effect). The word in \
        parentheses names the action, to give it other keys in config.toml's [keys] table (see \
        CONFIGURATION).
        """)
        var section = ""
        for (line, binding) in zip(Keymap.helpLines(ascii: true), Keymap.bindings) {
            if line.section != section {
                section = line.section
                page.line(".SS " + Roff.quoted(section))
            }
            page.line(".TP 16")
            page.line("\\fB" + Roff.escape(line.keys) + "\\fR")
            page.text(Roff.escape(line.help) + " (\\fI" + Roff.escape(binding.action) + "\\fR)")
        }

        page.section("CONFIGURATION")
        page.paragraphs("""
        \\fI$XDG_CONFIG_HOME/ragtop/config.toml\\fR (default \\fI~/.config/ragtop/config.toml\\fR) \
        holds defaults, one \\fBkey = "value"\\fR per line (TOML). A flag wins over the environment, \
        the environment over the file, the file over the default; \\fBragtop config\\fR prints each \
        setting and where it came from. Problems are reported as FILE:LINE: warning or error, \
        and that value is ignored. ragtop never writes the file.
        """, escaped: true)
        for setting in RagtopConfig.settings {
            page.line(".TP")
            page.line("\\fB\(Roff.escape(setting.key))\\fR = \"\\fI\(Roff.escape(setting.form))\\fR\"")
            page.text(Roff.escape("\(setting.help.prefix(1).uppercased() + setting.help.dropFirst()). Default: \(setting.defaultValue). Used by: \(setting.usedBy)."))
        }
        page.line(".TP")
        page.line("\\fB[keys]\\fR")
        page.text(Roff.escape("""
        A table after the settings: one action = "KEY" or action = ["KEY", "KEY"] per line, with the \
        action names of KEYS (export = "E", help = ["?", "H"], reload = [] for no key). An action \
        given keys has exactly those; a key given to one action is taken from the action that had \
        it. A key is \(Key.nameForms) (E is Shift-e). \
        \(Key.reserved.map(\.key.displayName).joined(separator: ", ")) cannot be rebound. An unknown \
        action or key name, or a key an earlier line took, is reported as FILE:LINE: error and that \
        line is ignored. Used by: dashboard, snapshot. ragtop config lists every action's keys and \
        where they came from.
        """))

        page.section("DATA FILES")
        page.paragraphs("""
        A dataset is a directory of UTF-8 CSV files with a header row (\\fB\\-\\-data\\fR \\fIDIR\\fR, \
        repeatable to merge several). ragtop validates them and reports every problem as \
        FILE:LINE:COL with what was expected (\\fBragtop check\\fR); it never changes them. A \
        load that takes over half a second shows a progress bar on standard error when that is a \
        terminal, erased when the load is done; nothing is written there when it is not. The \
        full reference is docs/data-format.md in ragtop's source.
        """, escaped: true)
        for file in DatasetLoader.requiredFiles + DatasetLoader.optionalFiles {
            page.line(".TP")
            page.line("\\fI" + Roff.escape(file) + "\\fR")
            let required = DatasetLoader.requiredFiles.contains(file) ? "Required. " : "Optional. "
            page.text(Roff.escape(required + (dataFileHelp[file] ?? "See docs/data-format.md.")))
        }

        page.section("ENVIRONMENT")
        for (name, help) in environmentHelp {
            page.line(".TP")
            page.line("\\fB" + Roff.escape(name) + "\\fR")
            page.text(Roff.escape(help))
        }

        page.section("FILES")
        let files: [(String, String)] = [
            ("~/.config/ragtop/config.toml", "The config file (under $XDG_CONFIG_HOME when that is set)."),
            ("~/.config/ragtop/themes/*.toml", "Your themes; the file name is the theme's name. ragtop themes --show NAME prints one to start from."),
            (share + "/" + BundledData.name, "The bundled Kent scorecard (CSV), loaded when no --data is given."),
            (share + "/" + BundledData.nationalName, "The bundled national comparators (DfE EHCP timeliness, NHS community health waits), loaded beside it."),
            (share + "/" + BundledData.themesName, "The bundled themes, searched after your own and before those built into the binary."),
        ]
        for (path, help) in files {
            page.line(".TP")
            page.line("\\fI" + Roff.escape(path) + "\\fR")
            page.text(Roff.escape(help))
        }
        page.paragraphs("""
        ragtop finds its data from its own path: \(share) beside the executable, so an installed \
        tree can be moved as a whole. It also looks in $XDG_DATA_HOME/ragtop and in ragtop/ \
        under each of $XDG_DATA_DIRS, and only in $RAGTOP_DATA when that is set.
        """)

        page.section("EXIT STATUS")
        for (code, help) in exitHelp {
            page.line(".TP")
            page.line("\\fB\(code)\\fR")
            page.text(Roff.escape(help))
        }

        page.section("EXAMPLES")
        for (command, help) in examples {
            page.line(".PP")
            page.line(".nf")
            page.line("\\fB" + Roff.escape(command) + "\\fR")
            page.line(".fi")
            page.line(".RS 4")
            page.text(Roff.escape(help))
            page.line(".RE")
        }

        page.section("SEE ALSO")
        page.text("\\fBman\\fR(1), \\fBtmux\\fR(1), \\fBncurses\\fR(3X); docs/ in ragtop's source: user-guide.md, keys.md, data-format.md, themes.md, configuration.md, packaging.md.")
        return page.output
    }

    static let dataFileHelp: [String: String] = [
        "areas.csv": "The places that have figures, and their hierarchy (code, name, parent).",
        "indicators.csv": "What is measured: code, name, polarity (which way is good), period type, targets and floors.",
        "observations.csv": "The figures: one indicator, one area (and team), one period; published RAG and direction of travel.",
        "benchmarks.csv": "Comparators' figures (England, the region, statistical neighbours).",
        "providers.csv": "Service providers named in waits.csv.",
        "coverage.csv": "Which provider serves which area.",
        "waits.csv": "Waiting-list figures held by providers.",
    ]

    static let environmentHelp: [(String, String)] = [
        ("NO_COLOR", "Set to anything but the empty string: no colour at all, only attributes and glyphs (as --no-color); the mono theme unless another is chosen."),
        ("RAGTOP_THEME", "The theme to use when --theme is not given: a name or a .toml file."),
        ("RAGTOP_DATA", "The folder that holds the bundled data (kent-cype-2024-10/, national/, themes/: share/ragtop of an install). When set, it is the only place ragtop looks for the bundled datasets."),
        ("XDG_CONFIG_HOME", "Where config.toml and themes/ are looked for, under ragtop/ (default ~/.config)."),
        ("XDG_DATA_HOME", "ragtop/ under it is searched for the bundled data after the folder beside the executable (default ~/.local/share)."),
        ("XDG_DATA_DIRS", "ragtop/ under each of these colon-separated folders is searched for the bundled data and themes (default /usr/local/share:/usr/share)."),
        ("LC_ALL, LC_CTYPE, LANG", "A locale that is not UTF-8 draws with ASCII only (as --ascii)."),
        ("TERM, COLORTERM", "The terminal's colour depth (truecolor, 256, 16, 8 or none); themes are fitted to it."),
    ]

    static let exitHelp: [(String, String)] = [
        ("0", "Success (data with warnings included)."),
        ("1", "The terminal could not be set up."),
        ("64", "Bad usage: an unknown option or a bad value; the message names the choices."),
        ("65", "Bad data: every problem is printed as FILE:LINE:COL: error: ..., and nothing is changed."),
        ("66", "A data file or directory is missing or unreadable, or the bundled data cannot be found (the message says where ragtop looked)."),
        ("73", "An output file or directory exists or cannot be created (ragtop import), or --export-dir is not a writable folder."),
    ]

    static let examples: [(String, String)] = [
        ("ragtop", "Open the dashboard on the bundled Kent scorecard; ? lists the keys, q quits."),
        ("ragtop --area Dover --pane districts", "Open on a district, on the districts pane."),
        ("ragtop --theme colourblind", "A red-green safe theme (t cycles the themes)."),
        ("ragtop report --rag red", "Every RED figure, as an aligned table."),
        ("ragtop report --area Kent --format csv > kent.csv", "The latest figures for Kent as CSV."),
        ("ragtop check --data my-council/", "Validate your own dataset."),
        ("ragtop snapshot --size 100x30 --keys \"2 Down Enter\"", "Print a screen without a terminal."),
        ("ragtop --export-dir ~/exports", "Open the dashboard; e writes its CSV files to ~/exports (the status line shows each file's full path)."),
        ("ragtop config", "The settings in effect and where each came from."),
    ]

    /// Today, or the day of $SOURCE_DATE_EPOCH (for reproducible builds), as YYYY-MM-DD.
    static func today() -> String {
        let env = ProcessInfo.processInfo.environment
        let seconds = env["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) ?? Date().timeIntervalSince1970
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// The parts of argument-parser's help dump (`--experimental-dump-help`) the page uses.
struct HelpDump: Decodable {
    var command: Command

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var defaultSubcommand: String?
        var subcommands: [Command]?
        var arguments: [Argument]?

        /// Every displayed subcommand, depth first, with its command path.
        func visibleSubcommands(path: [String]) -> [(path: [String], command: Command)] {
            (subcommands ?? []).filter { ($0.shouldDisplay ?? true) && $0.commandName != "help" }.flatMap { sub -> [(path: [String], command: Command)] in
                let p = path + [sub.commandName]
                return [(p, sub)] + sub.visibleSubcommands(path: p)
            }
        }
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?

        var isHelp: Bool { names?.contains { $0.name == "help" } ?? false }
        var isVersion: Bool { kind == "flag" && names?.contains { $0.name == "version" } ?? false }

        /// `-q, --quiet` or `--data DIR`, `FILE` for a positional, in roff.
        var synopsis: String {
            let value = "\\fI" + Roff.escape((valueName ?? "value").uppercased()) + "\\fR"
            if kind == "positional" { return value + (isRepeating ? " ..." : "") }
            let spelled = (names ?? []).map { n -> String in
                let dashes = n.kind == "long" ? "\\-\\-" : "\\-"
                return "\\fB" + dashes + Roff.escape(n.name) + "\\fR"
            }.joined(separator: ", ")
            return kind == "option" ? spelled + " " + value : spelled
        }
    }
}

/// A man(7) page being written: escaping, paragraphs, option entries.
struct Roff {
    private(set) var output = ""

    mutating func line(_ s: String) { output += s + "\n" }

    /// A line of running text, already escaped.
    mutating func text(_ s: String) { line(s.hasPrefix(".") || s.hasPrefix("'") ? "\\&" + s : s) }

    mutating func section(_ name: String) { line(".SH " + Roff.quoted(name)) }

    /// Help text: paragraphs split at blank lines, lines starting with two spaces kept as they
    /// are (examples), the rest filled.
    mutating func paragraphs(_ s: String, escaped: Bool = false) {
        line(".PP")
        var literal = false
        for raw in s.split(separator: "\n", omittingEmptySubsequences: false) {
            let lineText = String(raw)
            let example = lineText.hasPrefix("  ")
            if example != literal {
                line(example ? ".RS 4\n.nf" : ".fi\n.RE")
                literal = example
            }
            if lineText.trimmingCharacters(in: .whitespaces).isEmpty {
                if !literal { line(".PP") }
                continue
            }
            let body = escaped ? lineText : Roff.escape(example ? String(lineText.dropFirst(2)) : lineText)
            text(body)
        }
        if literal { line(".fi\n.RE") }
    }

    /// An option or argument: a tagged paragraph with its help, default and choices.
    mutating func argument(_ a: HelpDump.Argument) {
        line(".TP")
        line(a.synopsis)
        var help = a.abstract ?? ""
        if let d = a.discussion, !d.isEmpty { help += " " + d }
        if let values = a.allValues, !values.isEmpty, !help.contains(values.joined(separator: ", ")) {
            help += " One of: " + values.joined(separator: ", ") + "."
        }
        if let d = a.defaultValue, !d.isEmpty, a.kind != "flag", !help.contains("Default") { help += " Default: " + d + "." }
        if a.isRepeating && a.kind == "option" && !help.lowercased().contains("repeat") { help += " Repeatable." }
        text(Roff.escape(help))
    }

    /// Text made safe for roff: backslashes, hyphens, and every character outside ASCII as a
    /// groff escape (the page reads the same in any locale).
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case "\t": out += " "
            case "\u{2026}": out += "..."
            case "\u{203A}": out += ">"
            case "\u{2018}", "\u{2019}": out += "'"
            case "\u{201C}": out += "\\(lq"
            case "\u{201D}": out += "\\(rq"
            case "\u{2013}": out += "\\(en"
            case "\u{2014}": out += "\\(em"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += String(format: "\\[u%04X]", scalar.value) }
            }
        }
        return out
    }

    /// A macro argument in double quotes (roff has no escape for `"` inside: it becomes `\(dq`).
    static func quoted(_ s: String) -> String {
        "\"" + escape(s).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }
}
