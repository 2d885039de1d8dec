import Dashboard
import Foundation
import XCTest
@testable import Themes

final class CatalogTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ragtop-themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ relative: String, _ text: String) {
        let path = root + "/" + relative
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    var env: [String: String] { ["XDG_CONFIG_HOME": root + "/config", "HOME": root + "/home"] }

    func testBundledOnly() {
        let c = ThemeCatalog(themesDir: nil, environment: [:])
        XCTAssertEqual(c.entries().map(\.name), ThemeCatalog.bundledOrder)
        XCTAssertTrue(c.entries().allSatisfy { $0.origin == .bundled && $0.location == "built-in" })
        XCTAssertTrue(c.warnings.isEmpty)
    }

    func testSearchOrderAndShadowing() {
        write("dir/light.toml", "[roles]\n\"rag.red\" = \"blue\"\n")
        write("dir/zebra.toml", "")
        write("config/ragtop/themes/light.toml", "")
        write("config/ragtop/themes/alpha.toml", "")
        write("config/ragtop/themes/notes.txt", "not a theme")
        write("config/ragtop/themes/.hidden.toml", "")
        let c = ThemeCatalog(themesDir: root + "/dir", environment: env)
        let entries = c.entries()
        XCTAssertEqual(entries.map(\.name), ["default", "light", "colourblind", "colourblind-light", "high-contrast", "mono", "alpha", "zebra"])
        let light = entries[1]
        XCTAssertEqual(light.origin, .themesDir)
        XCTAssertEqual(light.path, root + "/dir/light.toml")
        XCTAssertEqual(light.shadows, [root + "/config/ragtop/themes/light.toml", "built-in"])
        XCTAssertEqual(entries[6].name, "alpha")
        XCTAssertEqual(entries[6].origin, .user)
        XCTAssertEqual(c.load(light).theme.style(.ragRed), RoleStyle(foreground: .index(4)))
        XCTAssertEqual(c.allEntries(named: "light").map(\.origin), [.themesDir, .user, .bundled])
    }

    func testXDGAndHome() {
        XCTAssertEqual(ThemeCatalog.configDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]), "/x/ragtop")
        XCTAssertEqual(ThemeCatalog.configDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]), "/h/.config/ragtop")
        XCTAssertEqual(ThemeCatalog.configDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]), "/h/.config/ragtop")
        XCTAssertNil(ThemeCatalog.configDirectory(environment: [:]))
        write("home/.config/ragtop/themes/fromhome.toml", "")
        let c = ThemeCatalog(themesDir: nil, environment: ["HOME": root + "/home"])
        XCTAssertTrue(c.entries().contains { $0.name == "fromhome" && $0.origin == .user })
    }

    func testInstalledDirsComeAfterTheUsersAndBeforeTheBuiltIn() throws {
        write("config/ragtop/themes/light.toml", "")
        write("share1/themes/light.toml", "[roles]\n\"rag.red\" = \"blue\"\n")
        write("share1/themes/site.toml", "[roles]\n\"rag.red\" = \"magenta\"\n")
        write("share2/themes/site.toml", "")
        write("share2/themes/extra.toml", "")
        // An installed copy of a built-in theme, byte for byte.
        let mono = try XCTUnwrap(BundledThemes.all.first { $0.name == "mono" })
        write("share1/themes/mono.toml", mono.text)
        let c = ThemeCatalog(themesDir: nil, environment: env, installedDirs: [root + "/share1/themes", root + "/share2/themes", root + "/share1/themes"])
        XCTAssertEqual(c.searchPath.map(\.directory), [root + "/config/ragtop/themes", root + "/share1/themes", root + "/share2/themes"])
        XCTAssertEqual(c.searchPath.map(\.origin), [.user, .installed, .installed])
        let entries = c.entries()
        XCTAssertEqual(entries.map(\.name), ThemeCatalog.bundledOrder + ["extra", "site"])
        let light = try XCTUnwrap(entries.first { $0.name == "light" })
        XCTAssertEqual(light.origin, .user)
        XCTAssertEqual(light.shadows, [root + "/share1/themes/light.toml", "built-in"])
        let site = try XCTUnwrap(entries.first { $0.name == "site" })
        XCTAssertEqual(site.origin, .installed)
        XCTAssertEqual(site.path, root + "/share1/themes/site.toml")
        XCTAssertEqual(site.shadows, [root + "/share2/themes/site.toml"])
        XCTAssertEqual(c.load(site).theme.style(.ragRed), RoleStyle(foreground: .index(5)))
        // The installed copy of mono is used, and hides nothing: it is the built-in one.
        let installedMono = try XCTUnwrap(entries.first { $0.name == "mono" })
        XCTAssertEqual(installedMono.path, root + "/share1/themes/mono.toml")
        XCTAssertEqual(installedMono.shadows, [])
        XCTAssertEqual(c.allEntries(named: "light").map(\.origin), [.user, .installed, .bundled])
    }

    func testMissingThemesDirWarns() {
        let c = ThemeCatalog(themesDir: root + "/nope", environment: [:])
        XCTAssertEqual(c.warnings.count, 1)
        XCTAssertEqual(c.entries().map(\.name), ThemeCatalog.bundledOrder)
    }

    func testFindByNamePathAndAlias() throws {
        write("x/my theme.toml", "[roles]\n\"rag.red\" = \"magenta\"\n")
        let c = ThemeCatalog(themesDir: nil, environment: env)
        XCTAssertEqual(try c.find("mono").get().name, "mono")
        XCTAssertEqual(try c.find("MONO").get().name, "mono")
        XCTAssertEqual(try c.find("colorblind").get().name, "colourblind")
        XCTAssertEqual(try c.find("light.toml").get().name, "light")
        let byPath = try c.find(root + "/x/my theme.toml").get()
        XCTAssertEqual(byPath.name, "my theme")
        XCTAssertEqual(byPath.origin, .file)
        XCTAssertEqual(c.load(byPath).theme.style(.ragRed), RoleStyle(foreground: .index(5)))
        guard case .failure(let e) = c.find("solarized") else { return XCTFail() }
        XCTAssertTrue(e.message.contains("no theme named 'solarized'"))
        XCTAssertTrue(e.message.contains("colourblind"))
        guard case .failure = c.find(root + "/x/missing.toml") else { return XCTFail() }
    }

    func testCycling() {
        write("config/ragtop/themes/zz.toml", "")
        let c = ThemeCatalog(themesDir: nil, environment: env)
        XCTAssertEqual(c.next(after: "default")?.name, "light")
        XCTAssertEqual(c.next(after: "mono")?.name, "zz")
        XCTAssertEqual(c.next(after: "zz")?.name, "default")
        XCTAssertEqual(c.next(after: "a file theme")?.name, "default")
    }

    func testBaseTheme() {
        write("config/ragtop/themes/mylight.toml", "base = \"light\"\n[roles]\n\"rag.green\" = \"#00AA00 bold\"\n")
        // A user's light.toml building on the bundled light of the same name.
        write("dir/light.toml", "base = \"light\"\n[roles]\n\"rag.red\" = \"red\"\n")
        let c = ThemeCatalog(themesDir: root + "/dir", environment: env)
        let bundledLight = ThemeCatalog(themesDir: nil, environment: [:]).load(try! ThemeCatalog(themesDir: nil, environment: [:]).find("light").get()).theme
        let mine = c.load(try! c.find("mylight").get())
        XCTAssertEqual(mine.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(mine.theme.style(.ragGreen), RoleStyle(foreground: .rgb(0, 0xAA, 0), attributes: .bold))
        // mylight's base is the first "light": dir/light.toml, itself on the bundled light.
        XCTAssertEqual(mine.theme.style(.ragRed), RoleStyle(foreground: .index(1)))
        XCTAssertEqual(mine.theme.style(.muted), bundledLight.style(.muted))
        XCTAssertEqual(mine.theme.style(.ragAmber), bundledLight.style(.ragAmber))
    }

    func testBaseLoopsAndUnknownBases() {
        write("config/ragtop/themes/a.toml", "base = \"b\"\n")
        write("config/ragtop/themes/b.toml", "\n\nbase = \"a\"\n")
        write("config/ragtop/themes/c.toml", "base = \"nosuch\"\n[roles]\n\"rag.red\" = \"blue\"\n")
        let c = ThemeCatalog(themesDir: nil, environment: env)
        let a = c.load(try! c.find("a").get())
        XCTAssertEqual(a.diagnostics.map(\.line), [3])
        XCTAssertTrue(a.diagnostics[0].message.contains("leads back"), a.diagnostics[0].message)
        XCTAssertEqual(a.theme.styles, Theme.builtInDefault.styles)
        let cc = c.load(try! c.find("c").get())
        XCTAssertEqual(cc.diagnostics.count, 1)
        XCTAssertTrue(cc.diagnostics[0].description.hasSuffix("c.toml:1: error: no theme named 'nosuch' (available: default, light, colourblind, colourblind-light, high-contrast, mono, a, b, c); the default theme fills the missing roles"), cc.diagnostics[0].description)
        XCTAssertEqual(cc.theme.style(.ragRed), RoleStyle(foreground: .index(4)))
    }

    func testNameDifferentFromFileWarns() {
        write("config/ragtop/themes/ocean.toml", "\nname = \"sea\"\n")
        let c = ThemeCatalog(themesDir: nil, environment: env)
        let t = c.load(try! c.find("ocean").get())
        XCTAssertEqual(t.theme.name, "ocean")
        XCTAssertEqual(t.diagnostics.map(\.line), [2])
        XCTAssertEqual(t.diagnostics.first?.severity, .warning)
    }

    // MARK: Choosing a theme

    func testPrecedenceFlagEnvConfigDefault() {
        let config = RagtopConfig.parse("theme = \"light\"\n", path: "/c/config.toml")
        XCTAssertEqual(ThemeChoice.resolve(flag: "mono", environment: ["RAGTOP_THEME": "colourblind"], config: config),
                       ThemeChoice(value: "mono", source: "--theme"))
        XCTAssertEqual(ThemeChoice.resolve(flag: nil, environment: ["RAGTOP_THEME": "colourblind"], config: config),
                       ThemeChoice(value: "colourblind", source: "RAGTOP_THEME"))
        XCTAssertEqual(ThemeChoice.resolve(flag: nil, environment: ["RAGTOP_THEME": ""], config: config),
                       ThemeChoice(value: "light", source: "/c/config.toml:1"))
        XCTAssertNil(ThemeChoice.resolve(flag: nil, environment: [:], config: nil))
    }

    func testSelect() {
        let c = ThemeCatalog(themesDir: nil, environment: [:])
        XCTAssertEqual(c.select(nil, colorOff: false).theme.theme.name, "default")
        XCTAssertEqual(c.select(nil, colorOff: true).theme.theme.name, "mono")
        XCTAssertEqual(c.select(ThemeChoice(value: "light", source: "--theme"), colorOff: true).theme.theme.name, "light")
        let (t, problem) = c.select(ThemeChoice(value: "nope", source: "RAGTOP_THEME"), colorOff: false)
        XCTAssertEqual(t.theme.name, "default")
        XCTAssertEqual(problem?.message.hasPrefix("RAGTOP_THEME: no theme named 'nope'"), true)
    }

    // MARK: Config file

    func testConfigFile() {
        write("config/ragtop/config.toml", """
        # my settings
        theme = "colourblind"
        pane = "districts"
        area = "Dover"
        colour = "yes"
        """)
        let config = RagtopConfig.load(environment: env)!
        XCTAssertEqual(config.theme, "colourblind")
        XCTAssertEqual(config.pane, "districts")
        XCTAssertEqual(config.area, "Dover")
        XCTAssertEqual(config.line(of: "pane"), 3)
        XCTAssertEqual(config.diagnostics.map(\.description), [root + "/config/ragtop/config.toml:5: warning: unknown key 'colour' is ignored (the config file has theme, pane, area, sort, since, export_dir and a [keys] table)"])
        XCTAssertNil(RagtopConfig.load(environment: ["XDG_CONFIG_HOME": root + "/none"]))
    }

    func testConfigErrors() {
        let bad = RagtopConfig.parse("theme = 3\npane = \"detail\"\n", path: "c.toml")
        XCTAssertNil(bad.theme)
        XCTAssertEqual(bad.pane, "detail")
        XCTAssertEqual(bad.diagnostics.map(\.description), ["c.toml:1: error: 'theme' must be a string in quotes, not integer; it is ignored"])
        let broken = RagtopConfig.parse("theme = \"x\"\npane = \n", path: "c.toml")
        XCTAssertNil(broken.theme)
        XCTAssertEqual(broken.diagnostics.first?.line, 2)
        XCTAssertEqual(broken.diagnostics.first?.severity, .error)
    }
}
