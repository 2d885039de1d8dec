import Dashboard
import Foundation
import XCTest

/// config.toml's `[keys]` and the export folder, with the real binary: the dashboard in a real
/// terminal (tmux), `snapshot --keys`, `ragtop config`, and folders that exist, do not, or
/// cannot be written.
final class KeysAndExportTests: XCTestCase {
    var root: URL!
    /// `XDG_CONFIG_HOME`: config.toml is `ragtop/config.toml` under it.
    var configHome: URL!
    /// The configured export folder.
    var exports: URL!
    /// The working directory ragtop runs in: nothing may be written there unless it is the
    /// export folder.
    var work: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        root = fm.temporaryDirectory.appendingPathComponent("ragtop-keys-e2e-\(UUID().uuidString)")
        configHome = root.appendingPathComponent("config")
        exports = root.appendingPathComponent("my exports")
        work = root.appendingPathComponent("work")
        for dir in [configHome.appendingPathComponent("ragtop"), exports, work] { try fm.createDirectory(at: dir!, withIntermediateDirectories: true) }
    }

    override func tearDownWithError() throws {
        if let root { try? fm.removeItem(at: root) }
    }

    var configPath: String { configHome.path + "/ragtop/config.toml" }

    func writeConfig(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
    }

    func ragtop(_ args: [String], env: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        var environment = ["XDG_CONFIG_HOME": configHome.path, "RAGTOP_THEME": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        for (k, v) in env { environment[k] = v }
        return try RagtopBinary.run(args: args, env: environment, in: work)
    }

    func files(_ dir: URL) -> [String] { ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() }

    /// The last line of a printed screen: the status line.
    func statusLine(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty }.map(String.init) ?? ""
    }

    static let rebound = """
    [keys]
    export = "E"
    quit = ["Q", "F10"]
    help = ["?", "H"]
    """

    // MARK: In a real terminal

    /// The dashboard in tmux with keys rebound: E exports (into the configured folder, its full
    /// path in the status line), e no longer does and says where export went, q no longer quits,
    /// the help (on the new key H) lists the keys in effect, and Q quits.
    func testReboundKeysInTheDashboard() throws {
        let bin = try RagtopBinary.require().path
        try writeConfig("export_dir = \"\(exports.path)\"\n\n" + Self.rebound + "\n")
        let t = try TmuxSession(command: "sh -c " + TmuxSession.quote("cd \(TmuxSession.quote(work.path)) && exec \(bin)"), width: 120, height: 40,
                                environment: ["XDG_CONFIG_HOME": configHome.path])
        defer { t.close() }
        let first = t.waitFor("SCS19")
        for hint in ["r/a/g RAG", " · E export · ", " · ? help · ", " · Q quit"] {
            XCTAssertTrue(statusLine(first).contains(hint), "the status line lacks '\(hint)': \(statusLine(first))")
        }

        t.send("e")
        t.waitFor("e is unbound: [keys] in config.toml gives export E")
        XCTAssertEqual(files(exports) + files(work), [], "e wrote something")

        t.send("E")
        let exported = t.waitFor("exported \(exports.path)/ragtop-scorecard-kent.csv")
        XCTAssertTrue(statusLine(exported).hasPrefix(" exported \(exports.path)/ragtop-scorecard-kent.csv"), statusLine(exported))
        XCTAssertEqual(files(exports), ["ragtop-scorecard-kent.csv"])
        XCTAssertEqual(files(work), [], "nothing in the working directory")
        let csv = try String(contentsOf: exports.appendingPathComponent("ragtop-scorecard-kent.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("group,rag,rated_by,indicator,notes,team,name,value,status"), String(csv.prefix(200)))

        t.send("q")
        t.waitFor("q is unbound: [keys] in config.toml gives quit Q F10")

        t.send("H")
        let help = t.waitFor("Keys changed in config.toml")
        for line in ["export: E (default e)", "quit: Q F10 (default q)", "help: ? H (default ? F1)"] {
            XCTAssertTrue(help.contains(line), "help lacks '\(line)':\n\(help)")
        }
        // The Other section, further down, lists the keys in effect.
        t.send("Space")
        let other = t.waitFor("│   E                export the table")
        XCTAssertNotNil(other.range(of: #"│   \? H +this help"#, options: .regularExpression), other)
        XCTAssertNotNil(other.range(of: #"│   Q F10 +quit"#, options: .regularExpression), other)
        t.send("Escape")
        t.waitFor(timeout: 10, "the help to close") { !$0.contains("Keys changed in config.toml") }
        // ? is still one of help's keys, so it still opens it.
        t.send("?")
        t.waitFor("Keys changed in config.toml")
        t.send("Escape")
        t.waitFor(timeout: 10, "the help to close") { !$0.contains("Keys changed in config.toml") }

        t.send("Q")
        let exit = t.exitReport()
        XCTAssertEqual(exit.status, 0, exit.screen)
        XCTAssertTrue(exit.sane, "the terminal is restored")
    }

    /// The defaults when the config rebinds nothing: e exports into the working directory, q quits.
    func testWithoutKeysTheDefaultsAndTheWorkingDirectory() throws {
        let bin = try RagtopBinary.require().path
        let t = try TmuxSession(command: "sh -c " + TmuxSession.quote("cd \(TmuxSession.quote(work.path)) && exec \(bin)"), width: 100, height: 30,
                                environment: ["XDG_CONFIG_HOME": configHome.path])
        defer { t.close() }
        t.waitFor("SCS19")
        t.send("e")
        t.waitFor("exported \(work.path)/ragtop-scorecard-kent.csv")
        XCTAssertEqual(files(work), ["ragtop-scorecard-kent.csv"])
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
    }

    // MARK: snapshot

    /// `snapshot --keys` uses the keys the config sets, as the dashboard does.
    func testSnapshotHonoursTheConfigsKeys() throws {
        try writeConfig("export_dir = \"\(exports.path)\"\n" + Self.rebound)
        let e = try ragtop(["snapshot", "--keys", "e"])
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertEqual(e.stderr, "")
        XCTAssertTrue(statusLine(e.stdout).hasPrefix(" e is unbound: [keys] in config.toml gives export E"), e.stdout)
        XCTAssertEqual(files(exports), [])

        let E = try ragtop(["snapshot", "--size", "160x30", "--keys", "E"])
        XCTAssertEqual(E.status, 0, E.stderr)
        XCTAssertTrue(statusLine(E.stdout).hasPrefix(" exported \(exports.path)/ragtop-scorecard-kent.csv"), E.stdout)
        XCTAssertEqual(files(exports), ["ragtop-scorecard-kent.csv"])

        let help = try ragtop(["snapshot", "--size", "100x30", "--keys", "H"])
        XCTAssertTrue(help.stdout.contains("Keys changed in config.toml"), help.stdout)
        XCTAssertTrue(help.stdout.contains("export: E (default e)"), help.stdout)
        let question = try ragtop(["snapshot", "--size", "100x30", "--keys", "?"])
        XCTAssertTrue(question.stdout.contains("Keys changed in config.toml"), "? is still bound")

        // Without the config, the defaults.
        let defaults = try ragtop(["snapshot", "--keys", "H"], env: ["XDG_CONFIG_HOME": root.appendingPathComponent("none").path])
        XCTAssertFalse(defaults.stdout.contains("Keys changed"), defaults.stdout)
        XCTAssertTrue(statusLine(defaults.stdout).hasPrefix(" unbound key H — press ? for help"), defaults.stdout)
    }

    /// Every kind of mistake in `[keys]`, each at its FILE:LINE on standard error (by `snapshot`
    /// and by `config`), and the good lines applied.
    func testEveryKeysMistakeAtItsLine() throws {
        try writeConfig("""
        theme = "mono"
        [keys]
        exprot = "X"
        next_pane = "n"
        export = "E"
        top = "E"
        help = "Ctrl-c"
        bottom = "C-z"
        back = "Ctrl-h"
        reload = "Hyper-r"
        cycle-theme = 3
        quit = ["Q", 5]
        pane = "ehcp"
        pick-area = "a"
        """)
        let expected: [(Int, String)] = [
            (3, "error: [keys]: unknown action 'exprot'; it is ignored (the actions are up, down,"),
            (4, "error: [keys]: unknown action 'next_pane' (did you mean 'next-pane'?); it is ignored"),
            (6, "error: [keys] top: E is already bound to export (line 5); the entry is ignored"),
            (7, "error: [keys] help: Ctrl-c cannot be rebound (it always quits); the entry is ignored"),
            (8, "error: [keys] bottom: Ctrl-z cannot be rebound (the terminal suspends ragtop with it); the entry is ignored"),
            (9, "error: [keys] back: Ctrl-h is the same key as Backspace in a terminal; write Backspace; the entry is ignored"),
            (10, "error: [keys] reload: unknown key 'Hyper-r' (a key is one character, or Enter, Esc,"),
            (11, "error: [keys] cycle-theme must be a key name in quotes or a list of them, such as \"E\" or [\"E\", \"F5\"], not integer; the entry is ignored"),
            (12, "error: [keys] quit must be a key name in quotes or a list of them"),
            (13, "error: 'pane' is a setting, not an action: settings go above [keys]; it is ignored"),
            (14, "warning: [keys] filter-amber has no key left (a is pick-area's); give it one in [keys] if you use it"),
        ]
        for command in [["snapshot", "--keys", "E"], ["config"]] {
            let r = try ragtop(command)
            XCTAssertEqual(r.status, 0, r.stderr)
            let lines = r.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, expected.count, "\(command): \(r.stderr)")
            for (line, (number, message)) in zip(lines, expected) {
                XCTAssertTrue(line.hasPrefix("\(configPath):\(number): \(message)"), "\(command): expected \(number): \(message)\ngot \(line)")
            }
        }
        // The good lines apply.
        let snapshot = try ragtop(["snapshot", "--size", "120x30", "--keys", "E"])
        XCTAssertTrue(statusLine(snapshot.stdout).hasPrefix(" exported \(work.path)/ragtop-scorecard-kent-"), snapshot.stdout)
        XCTAssertTrue(try ragtop(["snapshot", "--size", "120x30", "--keys", "a"]).stdout.contains("Pick an area"))
        // quit's entry was refused as a whole: q still quits, so the 2 after it is never read.
        let quit = statusLine(try ragtop(["snapshot", "--size", "120x30", "--keys", "q 2"]).stdout)
        XCTAssertTrue(quit.contains(" KPIs ") && !quit.contains("districts"), quit)
    }

    /// `ragtop config` lists every action with its keys in effect and where they came from.
    func testConfigListsTheKeysInEffect() throws {
        try writeConfig("theme = \"mono\"\n\n[keys]\nexport = \"E\"\npick-area = \"a\"\nreload = []\n")
        let r = try ragtop(["config"])
        XCTAssertEqual(r.status, 0, r.stderr)
        var rows: [String: (keys: String, from: String)] = [:]
        let listing = r.stdout.components(separatedBy: "\nACTION ").last ?? ""
        for line in listing.split(separator: "\n").dropFirst() {
            let cells = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard cells.count == 3 else { break }
            rows[cells[0]] = (cells[1], cells[2])
        }
        XCTAssertEqual(rows.count, Keymap.bindings.count, "one row per action: \(r.stdout)")
        XCTAssertEqual(rows["export"]?.keys, "E")
        XCTAssertEqual(rows["export"]?.from, "\(configPath):4")
        XCTAssertEqual(rows["pick-area"]?.keys, "a")
        XCTAssertEqual(rows["pick-area"]?.from, "\(configPath):5")
        XCTAssertEqual(rows["filter-amber"]?.keys, "(no key)")
        XCTAssertEqual(rows["filter-amber"]?.from, "default, less a (\(configPath):5)")
        XCTAssertEqual(rows["reload"]?.keys, "(no key)")
        XCTAssertEqual(rows["reload"]?.from, "\(configPath):6")
        XCTAssertEqual(rows["help"]?.keys, "? F1")
        XCTAssertEqual(rows["help"]?.from, "default")
        XCTAssertEqual(rows["up"]?.keys, "Up k")
        XCTAssertEqual(rows["top"]?.keys, "Home gg")
        XCTAssertEqual(rows["pane-ehcp"]?.keys, "4")
    }

    // MARK: The export folder

    /// `e` writes into export_dir, the full path in the status line; a second export takes the
    /// next free name and leaves the first as it was.
    func testExportIntoTheConfiguredFolderNeverOverwriting() throws {
        try writeConfig("export_dir = \"\(exports.path)\"\n")
        let first = try ragtop(["snapshot", "--size", "160x30", "--pane", "districts", "--keys", "e"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let file = exports.appendingPathComponent("ragtop-districts-kent.csv")
        XCTAssertTrue(statusLine(first.stdout).hasPrefix(" exported \(file.path) "), first.stdout)
        let before = try Data(contentsOf: file)
        let second = try ragtop(["snapshot", "--size", "160x30", "--pane", "districts", "--keys", "r e"])
        XCTAssertTrue(statusLine(second.stdout).hasPrefix(" exported \(exports.path)/ragtop-districts-kent-1.csv "), second.stdout)
        XCTAssertEqual(try Data(contentsOf: file), before, "the first export is untouched")
        XCTAssertEqual(files(exports), ["ragtop-districts-kent-1.csv", "ragtop-districts-kent.csv"], "no temporary file left")
        XCTAssertEqual(files(work), [])
        // ~/ is the home folder.
        try writeConfig("export_dir = \"~/my exports\"\n")
        let home = try ragtop(["snapshot", "--size", "160x30", "--keys", "e"], env: ["HOME": root.path])
        XCTAssertTrue(statusLine(home.stdout).hasPrefix(" exported \(exports.path)/ragtop-scorecard-kent.csv "), home.stdout)
    }

    /// `--export-dir` wins over the config; a relative one is the working directory's; a folder
    /// that is not there is refused before anything starts (exit 73).
    func testExportDirFlag() throws {
        try writeConfig("export_dir = \"\(exports.path)\"\n")
        try fm.createDirectory(at: work.appendingPathComponent("out"), withIntermediateDirectories: true)
        let r = try ragtop(["snapshot", "--size", "160x30", "--export-dir", "out/", "--keys", "e"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(statusLine(r.stdout).hasPrefix(" exported \(work.path)/out/ragtop-scorecard-kent.csv "), r.stdout)
        XCTAssertEqual(files(exports), [])
        let config = try ragtop(["config", "--export-dir", "out"])
        XCTAssertTrue(config.stdout.contains("\nexport_dir  \(work.path)/out "), config.stdout)
        XCTAssertTrue(config.stdout.contains(" --export-dir "), config.stdout)

        for command in [["snapshot"], ["dashboard"], []] {
            let missing = try ragtop(command + ["--export-dir", "nowhere"])
            XCTAssertEqual(missing.status, 73, "\(command): \(missing.stderr)")
            XCTAssertEqual(missing.stderr, "ragtop: --export-dir: \(work.path)/nowhere does not exist\n")
            XCTAssertEqual(missing.stdout, "")
        }
        // ragtop --help lists it among the dashboard's options, each line in its column.
        let help = try ragtop(["--help"]).stdout
        let options = (help.components(separatedBy: "DASHBOARD OPTIONS").last ?? "").components(separatedBy: "\n\n").first ?? ""
        XCTAssertTrue(options.contains("  --export-dir <DIR>  "), help)
        for line in options.split(separator: "\n").dropFirst() {
            XCTAssertTrue(line.hasPrefix("  --") || line.hasPrefix(String(repeating: " ", count: 26)), "a help line out of its column: '\(line)'")
        }
        try Data("x".utf8).write(to: work.appendingPathComponent("a-file"))
        let file = try ragtop(["snapshot", "--export-dir", "a-file"])
        XCTAssertEqual(file.status, 73)
        XCTAssertEqual(file.stderr, "ragtop: --export-dir: \(work.path)/a-file is not a folder\n")
    }

    /// A configured folder that does not exist: a warning at its line when ragtop starts, and
    /// `e` says so in the status line and writes nothing, here or anywhere.
    func testAMissingFolderIsAStatusLineErrorAndNothingIsWritten() throws {
        let missing = root.appendingPathComponent("gone")
        try writeConfig("theme = \"mono\"\nexport_dir = \"\(missing.path)\"\n")
        let r = try ragtop(["snapshot", "--size", "160x30", "--keys", "e"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "\(configPath):2: warning: export_dir \(missing.path) does not exist; 'e' will report that and write nothing until it is fixed\n")
        XCTAssertTrue(statusLine(r.stdout).hasPrefix(" export failed: \(missing.path) does not exist; nothing was written (export_dir, config.toml:2)"), r.stdout)
        XCTAssertFalse(fm.fileExists(atPath: missing.path))
        XCTAssertEqual(files(work), [])
        XCTAssertEqual(files(root).sorted(), ["config", "my exports", "work"], "nothing written beside it")
        // Once it exists, e writes there.
        try fm.createDirectory(at: missing, withIntermediateDirectories: true)
        let later = try ragtop(["snapshot", "--size", "160x30", "--keys", "e"])
        XCTAssertEqual(later.stderr, "")
        XCTAssertTrue(statusLine(later.stdout).hasPrefix(" exported \(missing.path)/ragtop-scorecard-kent.csv "), later.stdout)
    }

    /// A folder ragtop may not write in: an error in the status line, nothing written. As root
    /// (who may write in any folder whatever its mode), sysfs, which refuses new files even to root.
    func testAnUnwritableFolderIsAStatusLineErrorAndNothingIsWritten() throws {
        let locked = root.appendingPathComponent("locked")
        try fm.createDirectory(at: locked, withIntermediateDirectories: true)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        var folder = locked.path
        if access(locked.path, W_OK) == 0 {
            guard fm.fileExists(atPath: "/sys/kernel") else { throw XCTSkip("running as root and there is no /sys/kernel to stand for an unwritable folder") }
            folder = "/sys/kernel"
        }
        let before = files(URL(fileURLWithPath: folder))
        try writeConfig("export_dir = \"\(folder)\"\n")
        let r = try ragtop(["snapshot", "--size", "160x30", "--keys", "e"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(statusLine(r.stdout).hasPrefix(" export failed: \(folder) is not writable; nothing was written (export_dir, config.toml:1)"), r.stdout)
        XCTAssertEqual(files(URL(fileURLWithPath: folder)), before)
        XCTAssertEqual(files(work), [])
        // The status line shows it in the error role (E), not as news (S).
        let roles = try ragtop(["snapshot", "--size", "160x30", "--keys", "e", "--roles"])
        let last = roles.stdout.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(last.hasPrefix(String(repeating: "E", count: 40)), last)
    }
}
