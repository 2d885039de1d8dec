import Foundation
import XCTest

/// Drives a program in a real terminal: a private tmux server (its own socket), one window of a
/// given size. Tests type keys, resize the window, read the screen (with colours when asked) and
/// always tear the server down.
final class TmuxSession {
    let socket: String
    private(set) var closed = false

    /// Starts `command` (a shell command line) in a new detached session of `width`×`height`.
    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        guard TmuxSession.available else { throw XCTSkip("tmux is not installed (make test installs it)") }
        socket = "ragtop-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        // A config directory of its own, so a user's theme or config never changes what tests see.
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
                   "XDG_CONFIG_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-e2e-config").path]
        for (k, v) in environment { env[k] = v }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        // The shell keeps the pane open after ragtop exits so its status and stty can be read.
        // `swift test --parallel` runs tests with NO_COLOR set; the program sees only what the test asks for.
        let script = "trap true INT; env -u NO_COLOR -u COLORTERM -u RAGTOP_THEME \(exports) \(command); echo \"EXIT=$?\"; stty -a | tr '\\n' ' ' | sed 's/^/STTY: /'; echo; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), "sh", "-c", script])
        _ = try? tmux(["set-option", "-g", "default-terminal", env["TERM"] ?? "xterm-256color"])
    }

    deinit { close() }

    static let available: Bool = {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux command on this session's server and returns its output. It uses posix_spawn
    /// and waitpid rather than Foundation's Process, whose exit monitoring can miss the tmux
    /// client that forks the server; output goes through a file, as the server would hold a pipe.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
        defer { unlink(outPath) }
        let argv = ["tmux", "-L", socket] + args
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, nil, &cargs, environ)
        guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// The visible screen; with `escapes`, colours and attributes as escape sequences.
    func screen(escapes: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// Types tmux key names (`q`, `Enter`, `C-c`, `Down`, `BTab` …).
    func send(_ keys: String...) {
        for k in keys { _ = try? tmux(["send-keys", "-t", "main", k]) }
    }

    /// Types literal text.
    func type(_ text: String) { _ = try? tmux(["send-keys", "-t", "main", "-l", text]) }

    func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen satisfies `predicate`, up to `timeout` seconds. Returns the screen.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, escapes: Bool = false, _ what: String = "", file: StaticString = #filePath, line: UInt = #line,
                 _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen(escapes: escapes)
            if predicate(last) { return last }
            usleep(50_000)
        }
        XCTFail("timed out after \(timeout)s waiting for \(what); screen:\n\(last)", file: file, line: line)
        return last
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitFor(timeout: timeout, "'\(text)'", file: file, line: line) { $0.contains(text) }
    }

    /// After the program exits: its exit status and whether the terminal is back in canonical
    /// mode with echo.
    func exitReport(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> (status: Int?, sane: Bool, screen: String) {
        let s = waitFor(timeout: timeout, "the program to exit", file: file, line: line) { $0.contains("STTY:") }
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        var status: Int?
        if let r = flat.range(of: "EXIT=") {
            status = Int(flat[r.upperBound...].prefix { $0.isNumber })
        }
        let words = Set(flat.split(separator: " ").map(String.init))
        let sane = words.contains("icanon") && words.contains("echo") && !words.contains("-icanon") && !words.contains("-echo")
        return (status, sane, s)
    }

    /// The pid of the newest process whose command line contains `marker`.
    func pid(matching marker: String) -> Int32? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pgrep", "-n", "-f", marker]
        let out = Pipe()
        p.standardOutput = out
        try? p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
    }

    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
    }
}

/// Temporary copies of datasets, removed at the end of a test.
enum Scratch {
    static func copyOfKent() throws -> URL {
        let src = RagtopBinary.repoRoot.appendingPathComponent("Sources/ragtop/Resources/kent-cype-2024-10")
        let dst = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-e2e-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: src, to: dst)
        return dst
    }
}

/// Colour SGR parameters (30-37, 38;…, 40-47, 48;…, 90-97, 100-107) in escaped screen text;
/// 39 and 49 (default colours) are not colours.
func colourSequences(in text: String) -> [String] {
    var found: [String] = []
    var rest = Substring(text)
    while let r = rest.range(of: "\u{1B}[") {
        let tail = rest[r.upperBound...]
        guard let m = tail.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
        let params = tail[..<m]
        if tail[m] == "m" {
            let codes = params.split(separator: ";").compactMap { Int($0) }
            if codes.contains(where: { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }) {
                found.append(String(params))
            }
        }
        rest = tail[m...]
    }
    return found
}
