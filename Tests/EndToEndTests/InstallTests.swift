import Foundation
import XCTest

/// `make install`, `make uninstall` and `make dist`, and the installed ragtop run as a user
/// would: moved elsewhere, from `/`, with nothing in its environment but a PATH.
final class InstallTests: XCTestCase {
    let fm = FileManager.default

    /// The files an install puts in its prefix.
    static let installedFiles = [
        "bin/ragtop",
        "share/bash-completion/completions/ragtop",
        "share/fish/vendor_completions.d/ragtop.fish",
        "share/man/man1/ragtop.1",
        "share/ragtop/install-manifest.txt",
        "share/ragtop/kent-cype-2024-10/areas.csv",
        "share/ragtop/kent-cype-2024-10/indicators.csv",
        "share/ragtop/kent-cype-2024-10/observations.csv",
        "share/ragtop/national/areas.csv",
        "share/ragtop/themes/colourblind.toml",
        "share/ragtop/themes/default.toml",
        "share/ragtop/themes/mono.toml",
        "share/zsh/site-functions/_ragtop",
    ]

    func run(_ binary: URL, _ args: [String], env: [String: String] = InstalledTree.bareEnvironment, in directory: String = "/") throws -> Shell.Output {
        try Shell.run(binary.path, args, environment: env, in: directory)
    }

    func testInstallPutsEveryPartInItsPlace() throws {
        let prefix = try InstalledTree.prefix()
        let files = InstalledTree.files(under: prefix)
        for f in Self.installedFiles { XCTAssertTrue(files.contains(f), "\(f) not installed; installed: \(files)") }
        XCTAssertTrue(fm.isExecutableFile(atPath: prefix.path + "/bin/ragtop"))
        // The data is the repository's, byte for byte.
        for f in ["kent-cype-2024-10/observations.csv", "national/observations.csv"] {
            XCTAssertEqual(fm.contents(atPath: prefix.path + "/share/ragtop/" + f),
                           fm.contents(atPath: RagtopBinary.repoRoot.path + "/Sources/ragtop/Resources/" + f), f)
        }
        XCTAssertEqual(fm.contents(atPath: prefix.path + "/share/ragtop/themes/light.toml"),
                       fm.contents(atPath: RagtopBinary.repoRoot.path + "/themes/light.toml"))
        // The manifest lists every file but itself.
        let manifest = try String(contentsOfFile: prefix.path + "/share/ragtop/install-manifest.txt", encoding: .utf8)
        let listed = manifest.split(separator: "\n").filter { $0.hasPrefix("file ") }.map { String($0.dropFirst(5)) }
        XCTAssertEqual(listed, files.filter { $0 != "share/ragtop/install-manifest.txt" })
    }

    func testTheStaticBinaryNeedsNoSwiftRuntime() throws {
        let prefix = try InstalledTree.prefix()
        guard let ldd = Shell.which("ldd") else { throw XCTSkip("no ldd") }
        let r = try Shell.run(ldd, [prefix.path + "/bin/ragtop"], environment: InstalledTree.bareEnvironment)
        XCTAssertEqual(r.status, 0, r.stderr)
        let libraries = r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertFalse(libraries.isEmpty)
        for swiftLibrary in ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libXCTest"] {
            XCTAssertFalse(libraries.contains { $0.contains(swiftLibrary) }, "\(swiftLibrary) is linked:\n\(r.stdout)")
        }
        XCTAssertFalse(r.stdout.contains("not found"), r.stdout)
        // ncurses and the C++ runtime (TOMLKit's toml++) stay the system's.
        XCTAssertTrue(libraries.contains { $0.hasPrefix("libncursesw.so") }, r.stdout)
        XCTAssertTrue(libraries.contains { $0.hasPrefix("libstdc++.so") }, r.stdout)
    }

    func testAMovedTreeRunsFromRootWithABareEnvironment() throws {
        let prefix = try InstalledTree.prefix()
        let copy = try InstalledTree.newFolder("copy").appendingPathComponent("ragtop")
        try fm.copyItem(at: prefix, to: copy)
        let moved = try InstalledTree.newFolder("somewhere else").appendingPathComponent("opt-ragtop")
        try fm.moveItem(at: copy, to: moved)
        let ragtop = moved.appendingPathComponent("bin/ragtop")

        let version = try run(ragtop, ["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertTrue(version.stdout.contains("kent-cype-2024-10"), version.stdout)

        let check = try run(ragtop, ["check", "--quiet"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("ok: 181 areas, 68 indicators"), check.stdout)

        let snapshot = try run(ragtop, ["snapshot", "--size", "100x30", "--area", "Dover", "--theme", "colourblind", "--ansi"])
        XCTAssertEqual(snapshot.status, 0, snapshot.stderr)
        XCTAssertEqual(snapshot.stderr, "")
        XCTAssertTrue(snapshot.stdout.contains("Dover"), snapshot.stdout)
        XCTAssertTrue(snapshot.stdout.contains("Scorecard"), snapshot.stdout)
        XCTAssertTrue(snapshot.stdout.contains(";38;2;213;94;0m"), "colourblind's RED (#D55E00) is drawn")

        // The themes come from the moved tree's share folder.
        let themes = try run(ragtop, ["themes"])
        XCTAssertEqual(themes.status, 0, themes.stderr)
        XCTAssertTrue(themes.stdout.contains(moved.path + "/share/ragtop/themes/colourblind.toml"), themes.stdout)
        XCTAssertFalse(themes.stdout.contains("hides"), themes.stdout)

        let config = try run(ragtop, ["config"])
        XCTAssertEqual(config.status, 0, config.stderr)
        XCTAssertTrue(config.stdout.contains("data         \(moved.path)/share/ragtop/kent-cype-2024-10, \(moved.path)/share/ragtop/national"), config.stdout)
    }

    func testTOMLThemesParseInTheStaticBinary() throws {
        let prefix = try InstalledTree.prefix()
        let home = try InstalledTree.newFolder("home")
        let themes = home.appendingPathComponent(".config/ragtop/themes")
        try fm.createDirectory(at: themes, withIntermediateDirectories: true)
        try Data("base = \"mono\"\n[roles]\n\"rag.red\" = \"#123456 bold\"\n".utf8).write(to: themes.appendingPathComponent("mine.toml"))
        try Data("[roles\n".utf8).write(to: themes.appendingPathComponent("broken.toml"))
        let r = try run(prefix.appendingPathComponent("bin/ragtop"), ["themes"], env: ["PATH": "/usr/bin:/bin", "HOME": home.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("mine"), r.stdout)
        XCTAssertTrue(r.stderr.contains("broken.toml:1: error:"), "the TOML parser reports the broken file: \(r.stderr)")
        XCTAssertFalse(r.stderr.contains("mine.toml"), r.stderr)
    }

    func testTheCopiedBinaryWithoutItsDataExits66AndSaysWhereItLooked() throws {
        let prefix = try InstalledTree.prefix()
        let lonely = try InstalledTree.newFolder("lonely")
        try fm.createDirectory(at: lonely.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let ragtop = lonely.appendingPathComponent("bin/ragtop")
        try fm.copyItem(at: prefix.appendingPathComponent("bin/ragtop"), to: ragtop)
        let empty = try InstalledTree.newFolder("empty")
        let env = ["PATH": "/usr/bin:/bin", "HOME": empty.path, "XDG_DATA_DIRS": empty.path]

        for args in [["check"], [], ["report"], ["snapshot"]] {
            let r = try run(ragtop, args, env: env)
            XCTAssertEqual(r.status, 66, "ragtop \(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
            XCTAssertFalse(r.stderr.contains("resource bundle"), r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("ragtop: cannot find the bundled data (the kent-cype-2024-10/ folder); looked in:\n"), r.stderr)
            XCTAssertTrue(r.stderr.contains("  \(lonely.path)/share/ragtop  (beside the executable \(ragtop.path))\n"), r.stderr)
            XCTAssertTrue(r.stderr.contains("  \(empty.path)/.local/share/ragtop  (XDG_DATA_HOME unset: ~/.local/share)\n"), r.stderr)
            XCTAssertTrue(r.stderr.contains("  \(empty.path)/ragtop  (XDG_DATA_DIRS)\n"), r.stderr)
            XCTAssertTrue(r.stderr.contains("--data DIR"), r.stderr)
            XCTAssertTrue(r.stderr.contains("RAGTOP_DATA"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }

        // What needs no data still works.
        XCTAssertEqual(try run(ragtop, ["--version"], env: env).status, 0)
        XCTAssertEqual(try run(ragtop, ["themes"], env: env).status, 0)
        let config = try run(ragtop, ["config"], env: env)
        XCTAssertEqual(config.status, 0, config.stderr)
        XCTAssertTrue(config.stdout.contains("data         not found (looked in \(lonely.path)/share/ragtop"), config.stdout)

        // Pointed at the data: --data, RAGTOP_DATA, XDG_DATA_DIRS.
        let kent = prefix.path + "/share/ragtop/kent-cype-2024-10"
        XCTAssertEqual(try run(ragtop, ["check", "--quiet", "--data", kent], env: env).status, 0)
        var withData = env
        withData["RAGTOP_DATA"] = prefix.path + "/share/ragtop"
        let viaEnv = try run(ragtop, ["check", "--quiet"], env: withData)
        XCTAssertEqual(viaEnv.status, 0, viaEnv.stderr)
        XCTAssertTrue(viaEnv.stdout.hasPrefix("ok: 181 areas"), "the national data is found beside Kent: \(viaEnv.stdout)")
        var viaXDG = env
        viaXDG["XDG_DATA_DIRS"] = empty.path + ":" + prefix.path + "/share"
        XCTAssertEqual(try run(ragtop, ["check", "--quiet"], env: viaXDG).status, 0)
        let themes = try run(ragtop, ["themes"], env: viaXDG)
        XCTAssertTrue(themes.stdout.contains(prefix.path + "/share/ragtop/themes/default.toml"), themes.stdout)

        // RAGTOP_DATA is the only place looked in when it is set.
        var wrong = viaXDG
        wrong["RAGTOP_DATA"] = empty.path
        let r = try run(ragtop, ["check"], env: wrong)
        XCTAssertEqual(r.status, 66, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("ragtop: RAGTOP_DATA=\(empty.path) does not hold the bundled data (no kent-cype-2024-10/ folder in it)\n"), r.stderr)
    }

    func testDestdirStagesTheTreeForItsFinalPrefix() throws {
        _ = try InstalledTree.prefix()
        let stage = try InstalledTree.newFolder("stage")
        let finalPrefix = "/opt/ragtop-test-\(UUID().uuidString.prefix(8))"
        let install = try InstalledTree.make(["install", "DESTDIR=\(stage.path)", "PREFIX=\(finalPrefix)"])
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        XCTAssertFalse(fm.fileExists(atPath: finalPrefix), "nothing is written outside DESTDIR")
        let root = stage.appendingPathComponent(String(finalPrefix.dropFirst()))
        let files = InstalledTree.files(under: root)
        for f in Self.installedFiles { XCTAssertTrue(files.contains(f), "\(f) not staged") }
        XCTAssertEqual(InstalledTree.files(under: stage).map { "/" + $0 }, files.map { finalPrefix + "/" + $0 }, "everything is under DESTDIR/PREFIX")
        // The man page names where the files will be, not where they were staged.
        let page = try String(contentsOf: root.appendingPathComponent("share/man/man1/ragtop.1"), encoding: .utf8)
        XCTAssertTrue(page.contains(finalPrefix.replacingOccurrences(of: "-", with: "\\-") + "/share/ragtop/kent\\-cype\\-2024\\-10"), "FILES names the final prefix")
        XCTAssertFalse(page.contains(stage.path.replacingOccurrences(of: "-", with: "\\-")))
        // The staged tree runs where it is, as it will once moved into place.
        let check = try run(root.appendingPathComponent("bin/ragtop"), ["check", "--quiet"])
        XCTAssertEqual(check.status, 0, check.stderr)

        let uninstall = try InstalledTree.make(["uninstall", "DESTDIR=\(stage.path)", "PREFIX=\(finalPrefix)"])
        XCTAssertEqual(uninstall.status, 0, uninstall.stdout + uninstall.stderr)
        XCTAssertEqual(InstalledTree.files(under: stage), [])
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: root.path), [], "the directories install made are gone")
    }

    func testUninstallRemovesExactlyWhatInstallPutThere() throws {
        _ = try InstalledTree.prefix()
        let prefix = try InstalledTree.newFolder("shared-prefix")
        // Someone else's files, in folders both use.
        let theirs = ["bin/other-tool", "share/man/man1/other-tool.1", "share/zsh/site-functions/_other"]
        for f in theirs {
            try fm.createDirectory(at: prefix.appendingPathComponent(f).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("not ragtop's\n".utf8).write(to: prefix.appendingPathComponent(f))
        }
        for _ in 0..<2 {  // installing twice changes nothing about what uninstall removes
            let install = try InstalledTree.make(["install", "PREFIX=\(prefix.path)"])
            XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        }
        XCTAssertTrue(InstalledTree.files(under: prefix).contains("share/ragtop/themes/mono.toml"))
        let uninstall = try InstalledTree.make(["uninstall", "PREFIX=\(prefix.path)"])
        XCTAssertEqual(uninstall.status, 0, uninstall.stdout + uninstall.stderr)
        XCTAssertEqual(InstalledTree.files(under: prefix), theirs.sorted())
        for f in theirs { XCTAssertEqual(fm.contents(atPath: prefix.path + "/" + f), Data("not ragtop's\n".utf8)) }
        // The folders ragtop's install made are gone; those that were there stay.
        XCTAssertFalse(fm.fileExists(atPath: prefix.path + "/share/ragtop"))
        XCTAssertFalse(fm.fileExists(atPath: prefix.path + "/share/bash-completion"))
        XCTAssertFalse(fm.fileExists(atPath: prefix.path + "/share/fish"))
        XCTAssertTrue(fm.fileExists(atPath: prefix.path + "/share/man/man1"))

        // Nothing installed: uninstall says so and removes nothing.
        let again = try InstalledTree.make(["uninstall", "PREFIX=\(prefix.path)"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("uninstall: ragtop is not installed in \(prefix.path)"), again.stderr)
        XCTAssertEqual(InstalledTree.files(under: prefix), theirs.sorted())
    }

    func testDistIsAVersionedTarballOfTheTree() throws {
        let prefix = try InstalledTree.prefix()
        let out = try InstalledTree.newFolder("dist")
        let dist = try InstalledTree.make(["dist", "DIST_DIR=\(out.path)"])
        XCTAssertEqual(dist.status, 0, dist.stdout + dist.stderr)
        let version = try run(prefix.appendingPathComponent("bin/ragtop"), ["--version"]).stdout.split(separator: "\n").first.map(String.init) ?? "?"
        let arch = try Shell.run("/bin/uname", ["-m"], environment: InstalledTree.bareEnvironment).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = "ragtop-\(version)-linux-\(arch)"
        let tarball = out.appendingPathComponent(name + ".tar.gz")
        XCTAssertTrue(fm.fileExists(atPath: tarball.path), "\((try? fm.contentsOfDirectory(atPath: out.path)) ?? [])")
        let unpacked = try InstalledTree.newFolder("unpacked")
        let tar = try Shell.run("/bin/tar", ["-xzf", tarball.path, "-C", unpacked.path], environment: InstalledTree.bareEnvironment)
        XCTAssertEqual(tar.status, 0, tar.stderr)
        let tree = unpacked.appendingPathComponent(name)
        XCTAssertEqual(InstalledTree.files(under: tree), InstalledTree.files(under: prefix))
        let snapshot = try run(tree.appendingPathComponent("bin/ragtop"), ["snapshot", "--size", "80x24", "--pane", "ehcp"])
        XCTAssertEqual(snapshot.status, 0, snapshot.stderr)
        XCTAssertTrue(snapshot.stdout.contains("EHCP"), snapshot.stdout)
        // Unpacked anywhere, the man page names paths relative to the executable.
        let page = try String(contentsOf: tree.appendingPathComponent("share/man/man1/ragtop.1"), encoding: .utf8)
        XCTAssertTrue(page.contains("bin/../share/ragtop/kent\\-cype\\-2024\\-10"))
    }
}
