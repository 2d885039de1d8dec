import Foundation
import XCTest

/// Finds and runs the built `ragtop` executable for end-to-end tests.
///
/// The binary is taken from `RAGTOP_BIN` when set; otherwise it is looked for next to the running
/// test bundle (SwiftPM puts `ragtop` and `ragtopPackageTests.xctest` in the same
/// `.build/<triple>/debug` directory), walking up a few directories from every place the test
/// process can tell us it lives.
enum RagtopBinary {
    /// The repository's root directory (this file is Tests/EndToEndTests/Support/RagtopBinary.swift).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The malformed-dataset corpus and other fixtures of the data module's tests.
    static let fixtures: URL = repoRoot.appendingPathComponent("Tests/ScorecardDataTests/Fixtures")

    /// The ragtop executable, or nil if it cannot be found.
    static let url: URL? = locate()

    /// Where the binary was looked for, for the failure message.
    static var searched: [String] { startDirectories().map(\.path) }

    private final class Marker {}

    private static func isExecutableFile(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        let fm = FileManager.default
        return fm.fileExists(atPath: url.path, isDirectory: &isDir) && !isDir.boolValue && fm.isExecutableFile(atPath: url.path)
    }

    private static func startDirectories() -> [URL] {
        var starts: [URL] = []
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if let arg0 = CommandLine.arguments.first, !arg0.isEmpty {
            let u = arg0.hasPrefix("/") ? URL(fileURLWithPath: arg0) : cwd.appendingPathComponent(arg0)
            starts.append(u.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        #if os(Linux)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        #endif
        starts.append(Bundle.main.bundleURL)
        if let exe = Bundle.main.executableURL { starts.append(exe.deletingLastPathComponent()) }
        starts.append(Bundle(for: Marker.self).bundleURL)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            starts.append(bundle.bundleURL.deletingLastPathComponent())
        }
        var seen = Set<String>()
        return starts.map { $0.standardizedFileURL }.filter { seen.insert($0.path).inserted }
    }

    static func locate() -> URL? {
        if let env = ProcessInfo.processInfo.environment["RAGTOP_BIN"], !env.isEmpty {
            let u = URL(fileURLWithPath: env)
            return isExecutableFile(u) ? u : nil
        }
        for start in startDirectories() {
            var dir = start
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent("ragtop")
                if isExecutableFile(candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        // Last resort: SwiftPM's default build directory in the repository.
        for path in [".build/debug/ragtop", ".build/release/ragtop"] {
            let u = repoRoot.appendingPathComponent(path)
            if isExecutableFile(u) { return u }
        }
        return nil
    }

    /// The binary, or a test failure saying where it was looked for.
    static func require(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        guard let url else {
            let hint = ProcessInfo.processInfo.environment["RAGTOP_BIN"].map { "RAGTOP_BIN=\($0) is not an executable file" }
                ?? "looked next to the test bundle in: \(searched.joined(separator: ", ")); set RAGTOP_BIN"
            XCTFail("cannot find the ragtop binary: \(hint)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    typealias Failure = Shell.Failure

    /// Runs ragtop with `args`, the test's environment plus `env` (and NO_COLOR=1), and `stdin`
    /// (empty input if nil). Output is collected through files, so large outputs never block.
    /// A run that takes longer than `timeout` seconds is killed and reported.
    static func run(args: [String], env: [String: String] = [:], stdin: String? = nil, in directory: URL? = nil,
                    timeout: TimeInterval = 60) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try require()
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (k, v) in env { environment[k] = v }
        let r = try Shell.run(binary.path, args, environment: environment, stdin: stdin, in: directory?.path, timeout: timeout)
        return (r.status, r.stdout, r.stderr)
    }
}
