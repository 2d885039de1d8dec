import Foundation
import XCTest

/// Issue #8, end to end with the built binary: never crash, never hang, never lose or change a
/// file, never leave the terminal broken, never let data talk to the terminal.
///
/// - every broken dataset (Fixtures/malformed and Fixtures/hostile/datasets), import file
///   (Fixtures/hostile/import) and theme file (Fixtures/hostile/themes) through the commands that
///   read it, with the error it must give and its exit status;
/// - hostile sizes (generated): time and peak memory;
/// - text that carries escape sequences (Fixtures/hostile/terminal) in every output;
/// - the terminal restored on every way out, with the alternate screen left and mouse reporting off;
/// - files: nothing written to data, exports and imports never overwrite, watching survives
///   files replaced, truncated, half-written, deleted and restored.
final class ReliabilityTests: XCTestCase {
    var bin: String = ""
    static let fixtures = RagtopBinary.fixtures
    static let hostile = fixtures.appendingPathComponent("hostile")
    static let terminalData = hostile.appendingPathComponent("terminal").path
    static let otherCouncil = fixtures.appendingPathComponent("other-council").path

    override func setUpWithError() throws {
        bin = try RagtopBinary.require().path
    }

    // MARK: Helpers

    /// Every file and directory under `root`: relative path → contents (nil for a directory).
    static func tree(_ root: URL) -> [String: Data?] {
        var out: [String: Data?] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return out }
        while let rel = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let path = root.appendingPathComponent(rel).path
            _ = fm.fileExists(atPath: path, isDirectory: &isDir)
            out[rel] = isDir.boolValue ? .some(nil) : .some(fm.contents(atPath: path))
        }
        return out
    }

    /// Fails if `text` holds a control character (but LF and, with `tabs`, TAB), DEL, a C1
    /// control (0x9B is CSI) or a bidi control; with `sgr`, ESC is allowed only to start the
    /// renderer's own `ESC [ digits ; … m`.
    static func assertInert(_ text: String, _ what: String, sgr: Bool = false, tabs: Bool = false,
                            file: StaticString = #filePath, line: UInt = #line) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if v == 0x1B && sgr {
                var j = i + 1
                if j < scalars.count, scalars[j] == "[" {
                    j += 1
                    while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                    if j < scalars.count, scalars[j] == "m" { i = j + 1; continue }
                }
                let context = String(String.UnicodeScalarView(scalars[max(0, i - 20)..<min(scalars.count, i + 20)])).debugDescription
                XCTFail("\(what): ESC that does not start an SGR sequence near \(context)", file: file, line: line)
                return
            }
            let bad = (v < 0x20 && v != 0x0A && !(tabs && v == 0x09)) || v == 0x7F || (0x80..<0xA0).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
            if bad {
                let context = String(String.UnicodeScalarView(scalars[max(0, i - 20)..<min(scalars.count, i + 20)])).debugDescription
                XCTFail("\(what): U+\(String(v, radix: 16, uppercase: true)) near \(context)", file: file, line: line)
                return
            }
            i += 1
        }
    }

    static func firstError(_ stderr: String) -> String {
        stderr.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init) ?? "<no error line>"
    }

    /// One broken dataset and what it must give.
    struct Case {
        var name: String
        var dir: String
        var expected: String
        var status: Int32
    }

    /// Fixtures/malformed/* and Fixtures/hostile/datasets/*, plus a directory that is not there.
    static func brokenDatasets() throws -> [Case] {
        var cases: [Case] = []
        let fm = FileManager.default
        for root in [fixtures.appendingPathComponent("malformed"), hostile.appendingPathComponent("datasets")] {
            for name in try fm.contentsOfDirectory(atPath: root.path).sorted() where !name.hasPrefix(".") {
                let dir = root.appendingPathComponent(name)
                guard let text = try? String(contentsOf: dir.appendingPathComponent("expected.txt"), encoding: .utf8) else { continue }
                let lines = text.split(separator: "\n").map(String.init)
                var status: Int32 = 65
                if lines.count > 1, lines[1].hasPrefix("exit: "), let s = Int32(lines[1].dropFirst(6)) { status = s }
                cases.append(Case(name: "\(root.lastPathComponent)/\(name)", dir: dir.path, expected: dir.path + "/" + lines[0], status: status))
            }
        }
        let missing = "/nonexistent-ragtop-dataset"
        cases.append(Case(name: "missing directory", dir: missing, expected: missing + ":1:1: error: dataset directory not found", status: 66))
        return cases
    }

    /// Runs ragtop under wait4, returning its status, wall time and peak resident memory.
    static func measured(_ args: [String], timeout: TimeInterval = 60) throws -> (status: Int32, seconds: Double, maxRSSKB: Int, stderr: String) {
        let binary = try RagtopBinary.require().path
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-measured-\(UUID().uuidString)").path
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var cargs = ([binary] + args).map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        var cenv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in cenv { free(e) } }
        var pid: pid_t = 0
        let start = Date()
        guard posix_spawn(&pid, binary, &actions, nil, &cargs, &cenv) == 0 else { throw RagtopBinary.Failure(description: "spawn failed") }
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if Date().timeIntervalSince(start) > timeout {
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                throw RagtopBinary.Failure(description: "ragtop \(args.joined(separator: " ")) did not finish within \(Int(timeout)) s")
            }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let exit: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return (exit, seconds, Int(usage.ru_maxrss), stderr)
    }

    // MARK: Bad input: every broken dataset through check, report, snapshot and the dashboard

    func testEveryBrokenDatasetFailsTheSameWayInEveryCommand() throws {
        let cases = try Self.brokenDatasets()
        XCTAssertGreaterThanOrEqual(cases.count, 70, "the dataset corpus")
        for c in cases {
            let before = Self.tree(URL(fileURLWithPath: c.dir))
            for args in [["check", "--data", c.dir], ["report", "--data", c.dir], ["snapshot", "--data", c.dir], ["--data", c.dir]] {
                let r = try RagtopBinary.run(args: args, timeout: 20)
                let command = args[0] == "--data" ? "dashboard" : args[0]
                XCTAssertEqual(r.status, c.status, "\(c.name) \(command): exit status\n\(r.stderr.prefix(600))")
                XCTAssertTrue(Self.firstError(r.stderr).hasPrefix(c.expected), "\(c.name) \(command): first error\n  \(Self.firstError(r.stderr))\nshould start with\n  \(c.expected)")
                XCTAssertEqual(r.stdout, "", "\(c.name) \(command) printed on stdout")
                Self.assertInert(r.stderr, "\(c.name) \(command) stderr")
            }
            XCTAssertEqual(Self.tree(URL(fileURLWithPath: c.dir)), before, "\(c.name): files changed")
        }
    }

    /// The dashboard in a real terminal on every broken dataset, one after another: each exits
    /// 65 or 66 after printing its errors, before touching the terminal.
    func testTheDashboardRefusesEveryBrokenDatasetBeforeTouchingTheTerminal() throws {
        let cases = try Self.brokenDatasets()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let results = scratch.appendingPathComponent("results").path
        var script = ""
        for (i, c) in cases.enumerated() {
            script += "\(TmuxSession.quote(bin)) --data \(TmuxSession.quote(c.dir)) 2>\(TmuxSession.quote(scratch.path))/err\(i); echo \"\(i) $?\" >> \(TmuxSession.quote(results))\n"
        }
        let scriptPath = scratch.appendingPathComponent("corpus.sh").path
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let t = try TmuxSession(command: "sh \(TmuxSession.quote(scriptPath))")
        defer { t.close() }
        let report = t.exitReport(timeout: 120)
        XCTAssertTrue(report.sane, report.screen)
        XCTAssertEqual(try t.tmux(["display", "-p", "-t", "main", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines), "0")
        let lines = (try? String(contentsOfFile: results, encoding: .utf8))?.split(separator: "\n") ?? []
        XCTAssertEqual(lines.count, cases.count)
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let i = Int(parts[0]), let status = Int32(parts[1]), i < cases.count else { XCTFail("bad result \(line)"); continue }
            let stderr = String(decoding: FileManager.default.contents(atPath: scratch.appendingPathComponent("err\(i)").path) ?? Data(), as: UTF8.self)
            XCTAssertEqual(status, cases[i].status, "\(cases[i].name) in a terminal:\n\(stderr.prefix(400))")
            XCTAssertTrue(Self.firstError(stderr).hasPrefix(cases[i].expected), "\(cases[i].name) in a terminal: \(Self.firstError(stderr))")
        }
    }

    // MARK: Bad input: import files

    func testEveryBrokenImportFileFailsWithItsErrorAndWritesNothing() throws {
        let fm = FileManager.default
        let out = fm.temporaryDirectory.appendingPathComponent("ragtop-import-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: out) }
        var count = 0
        for kind in ["ees", "nhs-chs"] {
            let dir = Self.hostile.appendingPathComponent("import/\(kind)")
            for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".csv") {
                let file = dir.appendingPathComponent(name).path
                let expectedText = try String(contentsOfFile: file.dropLast(4) + ".expected", encoding: .utf8)
                let lines = expectedText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let args = lines[0].dropFirst("args:".count).split(separator: " ").map(String.init)
                let status = Int32(lines.first { $0.hasPrefix("exit: ") }?.dropFirst(6) ?? "65") ?? 65
                let before = fm.contents(atPath: file)
                let r = try RagtopBinary.run(args: ["import", kind, file] + args + ["--out", out.path], timeout: 20)
                count += 1
                XCTAssertEqual(r.status, status, "\(kind)/\(name): \(r.stderr.prefix(500))")
                XCTAssertTrue(Self.firstError(r.stderr).hasPrefix(dir.path + "/" + lines[1]), "\(kind)/\(name): first error\n  \(Self.firstError(r.stderr))\nshould start with\n  \(dir.path)/\(lines[1])")
                XCTAssertTrue(r.stderr.contains("nothing was written"), "\(kind)/\(name): \(r.stderr)")
                Self.assertInert(r.stderr, "\(kind)/\(name) stderr")
                XCTAssertFalse(fm.fileExists(atPath: out.path), "\(kind)/\(name): the import wrote \(out.path)")
                XCTAssertEqual(fm.contents(atPath: file), before, "\(kind)/\(name) changed")
            }
        }
        XCTAssertGreaterThanOrEqual(count, 20)
        // A missing import file and a directory: 66.
        for path in ["/nonexistent-ragtop-import.csv", Self.hostile.path] {
            let r = try RagtopBinary.run(args: ["import", "ees", path, "--measure", "value", "--indicator", "T1", "--out", out.path])
            XCTAssertEqual(r.status, 66, "\(path): \(r.stderr)")
            XCTAssertFalse(fm.fileExists(atPath: out.path))
        }
    }

    // MARK: Bad input: theme files

    /// Each broken theme is reported (FILE:LINE: error|warning: …) and ragtop goes on with the
    /// roles it could not use taken from the base theme: exit 0.
    func testEveryBrokenThemeFileFallsBackWithItsDiagnostic() throws {
        let fm = FileManager.default
        let dir = Self.hostile.appendingPathComponent("themes")
        var count = 0
        for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".toml") {
            let file = dir.appendingPathComponent(name).path
            let expected = try String(contentsOfFile: file.dropLast(5) + ".expected", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let r = try RagtopBinary.run(args: ["snapshot", "--data", Self.otherCouncil, "--size", "60x12", "--theme", file], timeout: 20)
            count += 1
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr.prefix(500))")
            XCTAssertTrue(r.stdout.contains("Cardiff"), "\(name): the screen\n\(r.stdout)")
            if expected.isEmpty {
                XCTAssertEqual(r.stderr, "", name)
            } else {
                let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
                XCTAssertTrue(first.hasPrefix(file + ":" + expected), "\(name): first diagnostic\n  \(first)\nshould start with\n  \(file):\(expected)")
            }
            Self.assertInert(r.stderr, "\(name) stderr")
            Self.assertInert(r.stdout, "\(name) stdout")
        }
        XCTAssertGreaterThanOrEqual(count, 10)
        // All of them at once in a themes directory: listed, every problem reported, nothing raw.
        let r = try RagtopBinary.run(args: ["themes", "--themes-dir", dir.path], timeout: 30)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("toml-escaped-controls"), r.stdout)
        Self.assertInert(r.stdout, "ragtop themes stdout")
        Self.assertInert(r.stderr, "ragtop themes stderr")
    }

    /// The theme fuzzer's seed corpus and every input it crashed on, through `ragtop themes`
    /// (which parses each file with ThemeParser as the fuzz target does).
    func testReplayThemeFuzzCorpus() throws {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("ragtop-theme-replay-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        var count = 0
        for kind in ["corpus", "regressions"] {
            let dir = RagtopBinary.repoRoot.appendingPathComponent("Tests/Fuzz/\(kind)/theme")
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []) where !name.hasPrefix(".") && name != "README.md" {
                try fm.copyItem(at: dir.appendingPathComponent(name), to: scratch.appendingPathComponent("\(kind)-\(count).toml"))
                count += 1
            }
        }
        XCTAssertGreaterThanOrEqual(count, 5)
        let r = try RagtopBinary.run(args: ["themes", "--themes-dir", scratch.path], timeout: 60)
        XCTAssertEqual(r.status, 0, r.stderr.prefix(2000).description)
        Self.assertInert(r.stdout, "themes stdout")
        Self.assertInert(r.stderr, "themes stderr")
    }

    /// A FIFO and a device where a theme file is expected must not hang ragtop or eat memory.
    func testThemeFilesThatAreNotRegularFiles() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("ragtop-theme-fifo-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("fifo.toml").path, 0o600), 0)
        // A symbolic link to a theme is still read.
        let light = dir.appendingPathComponent("light-copy.toml")
        try "description = \"linked\"\nbase = \"light\"\n".write(to: light, atomically: true, encoding: .utf8)
        XCTAssertEqual(symlink(light.path, dir.appendingPathComponent("linked.toml").path), 0)
        let listed = try RagtopBinary.run(args: ["themes", "--themes-dir", dir.path], timeout: 20)
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.split(separator: "\n").contains { $0.contains("linked.toml") && $0.contains("linked") }, listed.stdout)
        let zero = try Self.measured(["snapshot", "--data", Self.otherCouncil, "--theme", "/dev/zero"], timeout: 20)
        XCTAssertEqual(zero.status, 64, zero.stderr)
        XCTAssertTrue(zero.stderr.contains("cannot read theme file /dev/zero"), zero.stderr)
        XCTAssertLessThan(zero.maxRSSKB, 200_000)
    }

    // MARK: Bad input: hostile sizes and files

    /// A 1 MB field and a 5,000-cell row: quick, and peak memory far below 200 MB.
    func testHostileSizesAreFastAndSmall() throws {
        let fm = FileManager.default
        let base = ["areas.csv": "code,name,parent\nA1,Area one,\n", "indicators.csv": "code,name,polarity,period_type\nK1,KPI one,H,MS\n"]
        let field = String(repeating: "x", count: 1 << 20)
        let cases: [(String, String, Int32)] = [
            ("1 MB field", "area,indicator,period,value,note\nA1,K1,2024-01,1,\"" + field + "\"\n", 0),
            ("1 MB unquoted line", "area,indicator,period,value,note\nA1,K1,2024-01,1," + field + "\n", 0),
            ("5,000 cells", "area,indicator,period,value,note\nA1,K1,2024-02,2" + String(repeating: ",y", count: 4996) + "\n", 65),
            ("1 MB open quote", "area,indicator,period,value,note\nA1,K1,2024-01,1,\"" + String(repeating: "q\n", count: 1 << 19), 65),
        ]
        for (name, obs, status) in cases {
            let dir = fm.temporaryDirectory.appendingPathComponent("ragtop-huge-\(UUID().uuidString)")
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: dir) }
            for (file, text) in base.merging(["observations.csv": obs], uniquingKeysWith: { $1 }) {
                try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
            for command in ["check", "report", "snapshot"] {
                let m = try Self.measured([command, "--data", dir.path])
                XCTAssertEqual(m.status, status, "\(name) \(command): \(m.stderr.prefix(300))")
                XCTAssertLessThan(m.seconds, 5, "\(name) \(command) took \(m.seconds) s")
                XCTAssertLessThan(m.maxRSSKB, 200_000, "\(name) \(command): peak RSS \(m.maxRSSKB) kB")
                XCTAssertLessThan(m.stderr.utf8.count, 4000, "\(name) \(command): the error should not quote the whole field")
                print("hostile size: \(name) \(command): exit \(m.status), \(String(format: "%.2f", m.seconds)) s, peak RSS \(m.maxRSSKB / 1024) MB")
            }
        }
    }

    func testAnUnreadableFileExits66() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let obs = data.appendingPathComponent("observations.csv").path
        XCTAssertEqual(chmod(obs, 0), 0)
        defer { chmod(obs, 0o644) }
        if access(obs, R_OK) == 0 {
            throw XCTSkip("running as root (uid \(getuid())): a chmod 000 file is still readable, so an unreadable file cannot be made here")
        }
        for args in [["check", "--data", data.path], ["report", "--data", data.path], ["snapshot", "--data", data.path], ["--data", data.path]] {
            let r = try RagtopBinary.run(args: args)
            XCTAssertEqual(r.status, 66, "\(args[0]): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(obs + ":1:1: error: cannot read: Permission denied"), r.stderr)
        }
    }

    // MARK: Text from data never talks to the terminal

    func testEscapeSequencesInDataAreShownNotSent() throws {
        let data = Self.terminalData
        // snapshot, plain and with colour, on every pane and the detail of the hostile KPI.
        for keys in ["", "2", "3", "Down Enter", "A", "?"] {
            let plain = try RagtopBinary.run(args: ["snapshot", "--data", data, "--size", "120x30", "--keys", keys])
            XCTAssertEqual(plain.status, 0, plain.stderr)
            Self.assertInert(plain.stdout, "snapshot '\(keys)'")
            for depth in ["truecolor", "256", "16", "none"] {
                let ansi = try RagtopBinary.run(args: ["snapshot", "--data", data, "--size", "120x30", "--keys", keys, "--ansi", "--color", depth], env: ["NO_COLOR": ""])
                XCTAssertEqual(ansi.status, 0, ansi.stderr)
                Self.assertInert(ansi.stdout, "snapshot --ansi --color \(depth) '\(keys)'", sgr: true)
            }
        }
        let shown = try RagtopBinary.run(args: ["snapshot", "--data", data, "--size", "120x30"]).stdout
        XCTAssertTrue(shown.contains("Kent<U+1B>[2J<U+1B>[HCounty"), "placeholders on screen:\n\(shown)")
        // report: text and Markdown show placeholders; JSON escapes; CSV keeps data as data.
        for format in ["text", "markdown"] {
            let r = try RagtopBinary.run(args: ["report", "--data", data, "--format", format, "--all-periods"])
            XCTAssertEqual(r.status, 0, r.stderr)
            Self.assertInert(r.stdout, "report \(format)")
            XCTAssertTrue(r.stdout.contains("<U+1B>]52;c;"), "report \(format)")
        }
        let json = try RagtopBinary.run(args: ["report", "--data", data, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertFalse(json.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) },
                       "JSON must escape control characters")
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(rows.contains { ($0["area"] as? String) == "Kent\u{1B}[2J\u{1B}[HCounty" }, "JSON keeps the name as data")
        let csv = try RagtopBinary.run(args: ["report", "--data", data, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.contains("Kent\u{1B}[2J\u{1B}[HCounty"), "CSV to a file or pipe keeps data as data")
        // check: the warning about the hostile column header is inert.
        let check = try RagtopBinary.run(args: ["check", "--data", data])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("unknown column '<U+1B>[2junknown'"), check.stderr)
        Self.assertInert(check.stderr, "check stderr")
        // Errors that quote hostile cells: a value, an unknown area, a duplicate column.
        for name in ["escape-sequence-in-value", "unknown-area-c1-bidi", "duplicate-column-with-escape"] {
            let r = try RagtopBinary.run(args: ["check", "--data", Self.hostile.appendingPathComponent("datasets/\(name)").path])
            XCTAssertEqual(r.status, 65)
            Self.assertInert(r.stderr, "check \(name)")
        }
        // Option errors that list names from the data.
        let area = try RagtopBinary.run(args: ["report", "--data", data, "--area", "nowhere"])
        XCTAssertNotEqual(area.status, 0)
        XCTAssertTrue(area.stderr.contains("nowhere"), area.stderr)
        Self.assertInert(area.stderr, "report --area error", tabs: true)
        let snapArea = try RagtopBinary.run(args: ["snapshot", "--data", data, "--area", "nowhere"])
        XCTAssertNotEqual(snapArea.status, 0)
        Self.assertInert(snapArea.stderr, "snapshot --area error", tabs: true)
    }

    /// In tmux with OSC 52 allowed (set-clipboard on): after showing the hostile names on every
    /// pane, no paste buffer was set, the title is unchanged and the screen was not cleared.
    func testEscapeSequencesInDataDoNotReachTmux() throws {
        // First prove the check can fail: printf'ing the same OSC 52 does set a buffer.
        let control = try TmuxSession(command: "printf '\\033]52;c;cmFndG9wLW9zYzUy\\007'; echo printed")
        defer { control.close() }
        try control.tmux(["set-option", "-s", "set-clipboard", "on"])
        try control.tmux(["respawn-pane", "-k", "-t", "main", "sh -c \"printf '\\033]52;c;cmFndG9wLW9zYzUy\\007'; echo printed; sleep 60\""])
        control.waitFor("printed")
        let buffers = try control.tmux(["list-buffers"])
        XCTAssertTrue(buffers.contains("ragtop-osc52"), "the control OSC 52 should have set a tmux buffer: '\(buffers)'")
        control.close()

        let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(Self.terminalData))", width: 120, height: 30)
        defer { t.close() }
        try t.tmux(["set-option", "-s", "set-clipboard", "on"])
        let title = try t.tmux(["display", "-p", "-t", "main", "#{pane_title}"])
        t.waitFor("SCS19")
        let screens = [t.screen()]
        for keys in [["3"], ["Down", "Enter"], ["2"], ["A"], ["Escape", "1", "Down", "Enter"], ["?"], ["Escape"]] {
            for k in keys { t.send(k) }
            usleep(300_000)
        }
        let final = t.waitFor("APP17 · Plans<U+1B>[2J<U+1B>[H issued")
        XCTAssertTrue(screens[0].contains("Kent<U+1B>[2J<U+1B>[HCounty") || screens[0].contains("Kent<U+1B>[2J"), "placeholders on screen:\n\(screens[0])")
        XCTAssertTrue(final.contains("ragtop"), "the screen was cleared:\n\(final)")
        XCTAssertEqual(try t.tmux(["list-buffers"]), "", "OSC 52 from the data reached tmux")
        XCTAssertEqual(try t.tmux(["display", "-p", "-t", "main", "#{pane_title}"]), title, "OSC 0 from the data changed the title")
        Self.assertInert(t.screen(), "the screen")
        t.send("q")
        let report = t.exitReport()
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertTrue(report.sane)
    }

    /// CSV and JSON keep data as data for files and pipes, but on a terminal they are shown safe,
    /// like every other output.
    func testReportsOnATerminalAreShownSafe() throws {
        for format in ["csv", "json", "text", "markdown"] {
            let t = try TmuxSession(command: "\(bin) report --data \(TmuxSession.quote(Self.terminalData)) --format \(format) --all-periods", width: 200, height: 60)
            defer { t.close() }
            try t.tmux(["set-option", "-s", "set-clipboard", "on"])
            let report = t.exitReport()
            XCTAssertEqual(report.status, 0, "\(format): \(report.screen)")
            XCTAssertTrue(report.screen.contains(format == "json" ? "\\u001b]52;c;" : "<U+1B>]52;c;"), "\(format) on a terminal:\n\(report.screen)")
            XCTAssertFalse(report.screen.contains("\u{202E}"), "\(format): a bidi override reached the terminal")
            XCTAssertEqual(try t.tmux(["list-buffers"]), "", "\(format): OSC 52 reached tmux")
        }
    }

    // MARK: The terminal is restored on every way out

    private func modes(_ t: TmuxSession) throws -> String {
        try t.tmux(["display", "-p", "-t", "main", "#{alternate_on} #{mouse_any_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testAlternateScreenAndMouseAreOffAfterEveryWayOut() throws {
        let data = try Scratch.copyOfKent()
        defer { try? FileManager.default.removeItem(at: data) }
        let ways: [(String, Int32?, Int)] = [("q", nil, 0), ("C-c", nil, 130), ("TERM", SIGTERM, 143), ("HUP", SIGHUP, 129),
                                             ("QUIT", SIGQUIT, 131), ("ABRT", SIGABRT, 134), ("SEGV", SIGSEGV, 139)]
        for (name, signal, status) in ways {
            let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(data.path))", environment: ["SWIFT_BACKTRACE": "enable=no"])
            defer { t.close() }
            t.waitFor("SCS19")
            XCTAssertEqual(try modes(t), "1 1", "\(name): while running, the alternate screen and mouse reporting are on")
            if let signal {
                guard let pid = t.pid(matching: data.path) else { XCTFail("\(name): no pid"); continue }
                kill(pid, signal)
            } else {
                t.send(name)
            }
            let report = t.exitReport()
            XCTAssertEqual(report.status, status, "\(name): \(report.screen)")
            XCTAssertTrue(report.sane, "\(name): \(report.screen)")
            XCTAssertEqual(try modes(t), "0 0", "\(name): alternate screen and mouse reporting after exit")
            XCTAssertFalse(t.screen().contains("SCS19"), "\(name): the dashboard is still on the main screen")
        }
    }

    // MARK: Files: nothing written to data; exports and imports never overwrite

    func testNoCommandChangesTheDataFiles() throws {
        let fm = FileManager.default
        let data = try Scratch.copyOfKent()
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-work-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: data); try? fm.removeItem(at: work) }
        let ees = Self.fixtures.appendingPathComponent("importers/ees-timeliness.csv")
        let before = Self.tree(data), eesBefore = fm.contents(atPath: ees.path)
        for args in [["check", "--data", data.path], ["report", "--data", data.path], ["report", "--data", data.path, "--format", "csv", "--all-periods"],
                     ["report", "--data", data.path, "--format", "json"], ["snapshot", "--data", data.path, "--keys", "2 Down Enter e"]] {
            let r = try RagtopBinary.run(args: args, in: work)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr.prefix(400))")
            XCTAssertEqual(Self.tree(data), before, "\(args) changed the data")
        }
        let imported = try RagtopBinary.run(args: ["import", "ees", ees.path, "--measure", "pc_plans_issued_within_20_weeks", "--indicator", "EHCP20",
                                                   "--out", work.appendingPathComponent("out").path], in: work)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(fm.contents(atPath: ees.path), eesBefore, "the import changed its input")
        // The dashboard, with a reload (the same bytes renamed over a file) and an export.
        let t = try TmuxSession(command: "sh -c " + TmuxSession.quote("cd \(TmuxSession.quote(work.path)) && exec \(bin) --data \(TmuxSession.quote(data.path))"))
        defer { t.close() }
        t.waitFor("SCS19")
        let areas = data.appendingPathComponent("areas.csv")
        let copy = data.appendingPathComponent(".areas.csv.new")
        try fm.copyItem(at: areas, to: copy)
        XCTAssertEqual(rename(copy.path, areas.path), 0)
        t.waitFor("reloaded", timeout: 6)
        t.send("C-r")
        t.send("e")
        t.waitFor("exported")
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
        XCTAssertEqual(Self.tree(data), before, "the dashboard changed the data")
    }

    func testExportTwiceWritesTwoFilesAndOverwritesNothing() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-export-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        // A file already has the name the first export would take.
        let taken = work.appendingPathComponent("ragtop-scorecard-kent.csv")
        try "mine, not ragtop's\n".write(to: taken, atomically: true, encoding: .utf8)
        let t = try TmuxSession(command: "sh -c " + TmuxSession.quote("cd \(TmuxSession.quote(work.path)) && exec \(bin)"), width: 120, height: 30)
        defer { t.close() }
        t.waitFor("SCS19")
        t.send("e")
        let first = t.waitFor("exported")
        t.send("e")
        t.waitFor(timeout: 10, "a second export") { $0.contains("exported") && $0 != first }
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
        let files = try fm.contentsOfDirectory(atPath: work.path).sorted()
        XCTAssertEqual(files, ["ragtop-scorecard-kent-1.csv", "ragtop-scorecard-kent-2.csv", "ragtop-scorecard-kent.csv"], "no temporary file is left")
        XCTAssertEqual(try String(contentsOf: taken, encoding: .utf8), "mine, not ragtop's\n")
        let one = try String(contentsOf: work.appendingPathComponent("ragtop-scorecard-kent-1.csv"), encoding: .utf8)
        XCTAssertTrue(one.hasPrefix("group,rag,rated_by,indicator,notes,team,name,value,status,target,gap,dot"), one)
        XCTAssertEqual(one, try String(contentsOf: work.appendingPathComponent("ragtop-scorecard-kent-2.csv"), encoding: .utf8))
    }

    /// RFC 4180 records of `text`, read by Unicode scalar.
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = String.UnicodeScalarView()
        var quoted = false, afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? { if let p = pending { pending = nil; return p }; return scalars.next() }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = scalars.next() { if n == "\"" { field.append(n) } else { quoted = false; afterQuote = true; pending = n } } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": fields.append(String(field)); field = .init(); afterQuote = false
            case "\n": fields.append(String(field)); records.append(fields); fields = []; field = .init(); afterQuote = false
            case "\r": break
            default: field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(String(field)); records.append(fields) }
        return records
    }

    /// The dashboard's export quotes cells whose comma, quote or line end hides inside a larger
    /// Character ("\r\n", a quote or comma followed by a combining mark).
    func testExportQuotesEveryCellThatNeedsIt() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-export-q-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let t = try TmuxSession(command: "sh -c " + TmuxSession.quote("cd \(TmuxSession.quote(work.path)) && exec \(bin) --data \(TmuxSession.quote(Self.terminalData))"), width: 120, height: 30)
        defer { t.close() }
        t.waitFor("EX1")
        t.send("e")
        t.waitFor("exported")
        t.send("q")
        XCTAssertEqual(t.exitReport().status, 0)
        let files = try fm.contentsOfDirectory(atPath: work.path)
        XCTAssertEqual(files.count, 1, "\(files)")
        let text = try String(contentsOf: work.appendingPathComponent(files[0]), encoding: .utf8)
        let records = Self.csvRecords(text)
        XCTAssertGreaterThan(records.count, 2)
        for r in records { XCTAssertEqual(r.count, records[0].count, "a record with a different number of fields: \(r)") }
        let nameColumn = try XCTUnwrap(records[0].firstIndex(of: "name"))
        XCTAssertTrue(records.contains { $0[nameColumn] == "Ex\"\u{301}port\r\nb,\u{301}c" }, text.debugDescription)
    }

    func testImportRefusesToOverwriteWithoutForce() throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("ragtop-import-out-\(UUID().uuidString)")
        let out = work.appendingPathComponent("ehcp")
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        try "keep me\n".write(to: out.appendingPathComponent("areas.csv"), atomically: true, encoding: .utf8)
        let ees = Self.fixtures.appendingPathComponent("importers/ees-timeliness.csv").path
        let args = ["import", "ees", ees, "--measure", "pc_plans_issued_within_20_weeks", "--indicator", "EHCP20", "--out", out.path]
        let refused = try RagtopBinary.run(args: args)
        XCTAssertEqual(refused.status, 73, refused.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("areas.csv"), encoding: .utf8), "keep me\n")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: work.path), ["ehcp"], "no temporary directory is left")
        let forced = try RagtopBinary.run(args: args + ["--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("areas.csv"), encoding: .utf8).hasPrefix("code,name,parent"))
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: work.path), ["ehcp"], "no temporary directory is left")
        let check = try RagtopBinary.run(args: ["check", "--data", out.path])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    // MARK: Watching survives files replaced, truncated, half-written, deleted and restored

    func testWatchingSurvivesEveryWayAFileCanChange() throws {
        let fm = FileManager.default
        let data = try Scratch.copyOfKent()
        defer { try? fm.removeItem(at: data) }
        let obs = data.appendingPathComponent("observations.csv")
        let original = try Data(contentsOf: obs)
        let text = String(decoding: original, as: UTF8.self)
        XCTAssertTrue(text.contains("E10000016,APP17,2024-10,76.9,"))
        let edited = Data(text.replacingOccurrences(of: "E10000016,APP17,2024-10,76.9,", with: "E10000016,APP17,2024-10,71.4,").utf8)
        // Wide enough for the whole reload error after the temporary directory's path.
        let t = try TmuxSession(command: "\(bin) --data \(TmuxSession.quote(data.path))", width: 220, height: 30)
        defer { t.close() }
        t.waitFor("76.9%")

        func replace(with bytes: Data) throws {
            let temp = data.appendingPathComponent(".observations.csv.new")
            try bytes.write(to: temp)
            XCTAssertEqual(rename(temp.path, obs.path), 0)
        }
        func assertBroken(_ what: String, showing value: String, line: UInt = #line) {
            let s = t.waitFor(timeout: 6, "\(what): 'reload failed'", line: line) { $0.contains("reload failed") }
            XCTAssertTrue(s.contains(value), "\(what): the last good data stays:\n\(s)", line: line)
        }
        // Replaced by a rename: reloads.
        try replace(with: edited)
        t.waitFor(timeout: 6, "the renamed file to load") { $0.contains("71.4%") && $0.contains("reloaded") }
        // Truncated in place.
        let handle = try FileHandle(forWritingTo: obs)
        try handle.truncate(atOffset: 0)
        try handle.close()
        assertBroken("truncated", showing: "71.4%")
        XCTAssertTrue(t.screen().contains("empty file"))
        // Half-written: the first half of the file, cut mid-row.
        try original.prefix(original.count / 2).write(to: obs)
        t.waitFor(timeout: 6, "the half-written file to be noticed") { $0.contains("reload failed") && !$0.contains("empty file") }
        XCTAssertTrue(t.screen().contains("71.4%"))
        // Deleted.
        try fm.removeItem(at: obs)
        t.waitFor(timeout: 6, "the deleted file to be noticed") { $0.contains("reload failed") && $0.contains("missing") }
        XCTAssertTrue(t.screen().contains("71.4%"))
        // Restored: reloads, and the error goes.
        try original.write(to: obs)
        t.waitFor(timeout: 6, "the restored file to load") { $0.contains("76.9%") && !$0.contains("reload failed") }
        t.send("q")
        let report = t.exitReport()
        XCTAssertEqual(report.status, 0, report.screen)
        XCTAssertEqual(try Data(contentsOf: obs), original)
    }
}
