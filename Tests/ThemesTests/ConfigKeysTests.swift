import Dashboard
import XCTest
@testable import Themes

/// config.toml's `[keys]` table: read into the keymap in effect, each problem as FILE:LINE, the
/// bad entries ignored and the rest applied.
final class ConfigKeysTests: XCTestCase {
    let path = "/home/me/.config/ragtop/config.toml"

    func testRebindingsApplyAndSayWhereTheyCameFrom() {
        let config = RagtopConfig.parse("""
        theme = "mono"

        [keys]
        export = "E"
        quit = ["q", "F10"]
        "pick-area" = 'a'
        reload = []
        """, path: path)
        XCTAssertEqual(config.diagnostics.map(\.description), ["\(path):6: warning: [keys] filter-amber has no key left (a is pick-area's); give it one in [keys] if you use it"])
        XCTAssertEqual(config.theme, "mono")
        XCTAssertEqual(config.keyRebindings, [
            KeyRebinding(action: "export", keys: ["E"], line: 4), KeyRebinding(action: "quit", keys: ["q", "F10"], line: 5),
            KeyRebinding(action: "pick-area", keys: ["a"], line: 6), KeyRebinding(action: "reload", keys: [], line: 7),
        ])
        let keys = config.keymap
        XCTAssertEqual(keys.command(for: .character("E")), .export)
        XCTAssertNil(keys.command(for: .character("e")))
        XCTAssertEqual(keys.command(for: .function(10)), .quit)
        XCTAssertEqual(keys.command(for: .character("a")), .pickArea)
        XCTAssertEqual(keys.origin(of: "export"), .config(line: 4))
        XCTAssertEqual(keys.origin(of: "filter-amber"), .tableLess(keys: [.character("a")], lines: [6]))
        XCTAssertEqual(keys.origin(of: "help"), .table)
        // An inline table works too.
        let inline = RagtopConfig.parse("keys = { export = \"E\", help = \"H\" }\n", path: path)
        XCTAssertEqual(inline.diagnostics, [])
        XCTAssertEqual(inline.keymap.command(for: .character("H")), .help)
        XCTAssertEqual(inline.keymap.origin(of: "help"), .config(line: 1))
        // No [keys]: the defaults.
        XCTAssertEqual(RagtopConfig.parse("theme = \"mono\"\n", path: path).keymap, EffectiveKeymap.defaults)
    }

    func testEveryProblemIsReportedAtItsLineAndTheRestApply() {
        let config = RagtopConfig.parse("""
        [keys]
        exprot = "E"
        export = "E"
        top = "E"
        help = "Ctrl-c"
        reload = "Hyper-r"
        bottom = 5
        quit = ["Q", 1]
        theme = "mono"
        next-pane = "N"
        """, path: path)
        XCTAssertEqual(config.diagnostics.map(\.line), [2, 4, 5, 6, 7, 8, 9])
        XCTAssertTrue(config.diagnostics.allSatisfy { $0.severity == .error }, "\(config.diagnostics)")
        let text = config.diagnostics.map(\.description)
        XCTAssertTrue(text[0].hasPrefix("\(path):2: error: [keys]: unknown action 'exprot'; it is ignored (the actions are up, down,"), text[0])
        XCTAssertEqual(text[1], "\(path):4: error: [keys] top: E is already bound to export (line 3); the entry is ignored")
        XCTAssertEqual(text[2], "\(path):5: error: [keys] help: Ctrl-c cannot be rebound (it always quits); the entry is ignored")
        XCTAssertEqual(text[3], "\(path):6: error: [keys] reload: unknown key 'Hyper-r' (a key is \(Key.nameForms)); the entry is ignored")
        XCTAssertEqual(text[4], "\(path):7: error: [keys] bottom must be a key name in quotes or a list of them, such as \"E\" or [\"E\", \"F5\"], not integer; the entry is ignored")
        XCTAssertEqual(text[5], "\(path):8: error: [keys] quit must be a key name in quotes or a list of them, such as \"E\" or [\"E\", \"F5\"], and every key a string; the entry is ignored")
        XCTAssertEqual(text[6], "\(path):9: error: 'theme' is a setting, not an action: settings go above [keys]; it is ignored")
        XCTAssertNil(config.theme, "a setting below [keys] is not a setting")
        let keys = config.keymap
        XCTAssertEqual(keys.command(for: .character("E")), .export)
        XCTAssertEqual(keys.command(for: .character("N")), .nextPane)
        XCTAssertEqual(keys.command(for: .character("q")), .quit)
        XCTAssertEqual(keys.command(for: .character("?")), .help)
        XCTAssertEqual(keys.command(for: .ctrl("r")), .reload)
        XCTAssertEqual(keys.command(for: .home), .top)
    }

    func testKeysThatIsNotATable() {
        let config = RagtopConfig.parse("pane = \"ehcp\"\nkeys = \"E\"\n", path: path)
        XCTAssertEqual(config.diagnostics.map(\.description), ["\(path):2: error: 'keys' must be a table: a [keys] line, then one action = \"KEY\" per line (docs/keys.md); it is ignored"])
        XCTAssertEqual(config.pane, "ehcp")
        XCTAssertEqual(config.keymap, EffectiveKeymap.defaults)
    }

    func testAFileThatIsNotTOMLChangesNoKey() {
        let config = RagtopConfig.parse("[keys]\nexport = \"E\nquit = \"Q\"\n", path: path)
        XCTAssertEqual(config.diagnostics.first?.severity, .error)
        XCTAssertEqual(config.keymap, EffectiveKeymap.defaults)
    }
}
