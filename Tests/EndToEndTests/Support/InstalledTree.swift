import Foundation
import XCTest

/// `make install` into a temporary prefix, done once per test run (the static release build
/// takes minutes the first time) and shared by the install, man page and completion tests.
/// Tests that change a tree work on their own copy, or run `make` again (then the build is up
/// to date and only the files are copied).
enum InstalledTree {
    /// The date the tests give the man page, so its footer is known.
    static let manDate = "2025-01-31"

    /// A scratch folder for this test run, removed when the process exits.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-install-tests-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("ragtop-install-tests-\(getpid())").path
            try? FileManager.default.removeItem(atPath: path)
        }
        return url
    }()

    /// The prefix ragtop was installed in, or why it could not be.
    private static let installed: Result<URL, Shell.Failure> = {
        let prefix = scratch.appendingPathComponent("prefix", isDirectory: true)
        do {
            let r = try make(["install", "PREFIX=\(prefix.path)"])
            guard r.status == 0 else {
                return .failure(Shell.Failure(description: "make install exited \(r.status):\n\(r.stdout.suffix(3000))\n\(r.stderr.suffix(3000))"))
            }
            return .success(prefix)
        } catch let failure as Shell.Failure {
            return .failure(failure)
        } catch {
            return .failure(Shell.Failure(description: "make install: \(error)"))
        }
    }()

    /// The installed prefix; a test failure when `make install` did not work, a skip when
    /// there is no make.
    static func prefix(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        guard Shell.which("make") != nil else { throw XCTSkip("make is not installed") }
        switch installed {
        case .success(let url): return url
        case .failure(let why):
            XCTFail("make install failed: \(why)", file: file, line: line)
            throw why
        }
    }

    /// `make ARGS` in the repository with the test's environment (the build needs swift on
    /// PATH); the man page's date fixed.
    static func make(_ args: [String], timeout: TimeInterval = 3600) throws -> Shell.Output {
        guard let make = Shell.which("make") else { throw XCTSkip("make is not installed") }
        var env = ProcessInfo.processInfo.environment
        env["MANDATE"] = manDate
        return try Shell.run(make, ["-C", RagtopBinary.repoRoot.path, "--no-print-directory"] + args, environment: env, timeout: timeout)
    }

    /// A fresh folder inside the scratch folder.
    static func newFolder(_ name: String) throws -> URL {
        let url = scratch.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file and symlink under `root`, as paths relative to it, sorted.
    static func files(under root: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.path + "/" + rel, isDirectory: &isDir), !isDir.boolValue { out.append(rel) }
        }
        return out.sorted()
    }

    /// The bare environment a user's shell script might have: a PATH and nothing else.
    static let bareEnvironment = ["PATH": "/usr/bin:/bin"]
}
