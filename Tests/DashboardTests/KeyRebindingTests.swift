import XCTest
@testable import Dashboard

/// Rebinding keys (config.toml's `[keys]`, applied by `EffectiveKeymap`): the action names, the
/// key names, every problem with its line, and what a rebound key does to the dashboard.
final class KeyRebindingTests: XCTestCase {
    func rebound(_ entries: [(String, [String])]) -> (keymap: EffectiveKeymap, problems: [KeymapProblem]) {
        EffectiveKeymap.rebinding(entries.enumerated().map { KeyRebinding(action: $0.element.0, keys: $0.element.1, line: $0.offset + 2) })
    }

    func state(_ entries: [(String, [String])], width: Int = 100, height: Int = 30, keys: String = "") -> DashboardState {
        var s = DashboardState(dataset: Kent.dataset, width: width, height: height)
        let r = rebound(entries)
        XCTAssertEqual(r.problems.filter(\.isError), [])
        s.rebind(r.keymap)
        _ = s.apply(keys: keys.split(separator: " ").compactMap { Key(name: String($0)) })
        return s
    }

    // MARK: Action names

    func testEveryBindingHasOneStableActionName() {
        let names = Keymap.bindings.map(\.action)
        XCTAssertEqual(Set(names).count, names.count, "two bindings share an action name: \(names)")
        for name in names {
            XCTAssertNotNil(name.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression), name)
        }
        // The names people write in their config files.
        for name in ["quit", "help", "filter-red", "filter-amber", "filter-green", "export", "next-pane", "previous-pane", "pane-scorecard",
                     "pane-ehcp", "drill-down", "back", "page-down", "top", "pick-area", "reload", "cycle-theme", "cycle-ehcp-view"] {
            XCTAssertTrue(names.contains(name), "no action \(name) in \(names)")
        }
    }

    func testNamesComeFromTheCommandSoNewCommandsHaveOne() {
        XCTAssertEqual(Command.nextPane.actionName, "next-pane")
        XCTAssertEqual(Command.cycleEHCPView.actionName, "cycle-ehcp-view")
        XCTAssertEqual(Command.pane(.districts).actionName, "pane-districts")
        XCTAssertEqual(Command.pane(Pane("two words")).actionName, "pane-two-words")
        XCTAssertEqual(Command.toggleRAG(.amber).actionName, "filter-amber")
        XCTAssertEqual(ActionName.words("toggleRAG"), "toggle-rag")
        XCTAssertEqual(ActionName.words("sortByColumn2"), "sort-by-column2")
        XCTAssertEqual(ActionName.words("HTMLExport"), "html-export")
        // A binding takes its command's name unless it is given one.
        XCTAssertEqual(KeyBinding(keys: [], command: .reload, section: "", help: "").action, "reload")
        XCTAssertEqual(KeyBinding(keys: [], command: .reload, section: "", help: "", action: "refresh").action, "refresh")
        // Whatever table the keymap is made from can be rebound by its names.
        let table = [KeyBinding(keys: [.character("z")], command: .reload, section: "Other", help: "reload"),
                     KeyBinding(keys: [.character("y")], command: .cycleTheme, section: "Other", help: "theme", action: "colours")]
        let r = EffectiveKeymap.rebinding([KeyRebinding(action: "colours", keys: ["Y"], line: 3)], table: table)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.keymap.command(for: .character("Y")), .cycleTheme)
        XCTAssertNil(r.keymap.command(for: .character("y")))
        XCTAssertEqual(r.keymap.command(for: .character("z")), .reload)
    }

    // MARK: Key names

    func testKeyNames() {
        let good: [(String, Key)] = [
            ("E", .character("E")), ("e", .character("e")), ("?", .character("?")), ("é", .character("é")), (" ", .character(" ")),
            ("Enter", .enter), ("return", .enter), ("ESC", .escape), ("Tab", .tab), ("S-Tab", .backTab), ("shift-tab", .backTab),
            ("PgUp", .pageUp), ("pgdn", .pageDown), ("Home", .home), ("End", .end), ("Space", .character(" ")), ("Backspace", .backspace),
            ("Up", .up), ("↓", .down), ("left", .left), ("→", .right), ("F1", .function(1)), ("f24", .function(24)),
            ("Ctrl-r", .ctrl("r")), ("C-r", .ctrl("r")), ("ctrl+R", .ctrl("r")), ("^r", .ctrl("r")), ("Ctrl-]", .ctrl("]")), (" F5 ", .function(5)),
        ]
        for (name, key) in good { XCTAssertEqual(try Key.parse(bindingName: name).get(), key, "'\(name)'") }
        for bad in ["", "ab", "Ctrl-Shift-e", "F25", "F0", "Ctrl-", "Ctrl-é", "\u{7}", "\u{202E}", "Meta-x", "enterr"] {
            guard case .failure(.unknown) = Key.parse(bindingName: bad) else { return XCTFail("'\(bad)' was taken as a key") }
        }
        for (key, _) in Key.reserved {
            guard case .failure(.reserved(key, _)) = Key.parse(bindingName: key.displayName) else { return XCTFail("\(key) can be rebound") }
        }
        XCTAssertEqual(Key.parse(bindingName: "Ctrl-m"), .failure(.sameAs(.ctrl("m"), .enter)))
        XCTAssertEqual(Key.parse(bindingName: "C-h"), .failure(.sameAs(.ctrl("h"), .backspace)))
        // Every key as the help screen and `ragtop config` name it reads back as itself.
        for b in Keymap.bindings {
            for k in b.keys {
                XCTAssertEqual(try Key.parse(bindingName: k.name(ascii: true)).get(), k)
                XCTAssertEqual(try Key.parse(bindingName: k.displayName).get(), k)
            }
        }
    }

    // MARK: Rebinding

    func testAnActionGetsExactlyTheKeysGiven() {
        let r = rebound([("export", ["E"]), ("quit", ["Q", "F10"]), ("reload", [])])
        XCTAssertEqual(r.problems, [])
        let k = r.keymap
        XCTAssertEqual(k.command(for: .character("E")), .export)
        XCTAssertNil(k.command(for: .character("e")), "the old key no longer exports")
        XCTAssertEqual(k.command(for: .character("Q")), .quit)
        XCTAssertEqual(k.command(for: .function(10)), .quit)
        XCTAssertNil(k.command(for: .character("q")))
        XCTAssertNil(k.command(for: .ctrl("r")))
        XCTAssertEqual(k.binding(for: .reload)?.keys, [])
        XCTAssertEqual(k.origin(of: "export"), .config(line: 2))
        XCTAssertEqual(k.origin(of: "reload"), .config(line: 4))
        XCTAssertEqual(k.origin(of: "help"), .table)
        XCTAssertEqual(k.command(for: .character("?")), .help, "the rest keep their keys")
        XCTAssertTrue(k.isRebound)
        XCTAssertFalse(EffectiveKeymap.defaults.isRebound)
        let lines = k.helpLines(ascii: true)
        XCTAssertTrue(lines.contains { $0.keys == "E" && $0.help.hasPrefix("export") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.keys == "(no key)" && $0.help == "reload the data now" }, "\(lines)")
        // Listing an action's default key again keeps it.
        XCTAssertEqual(rebound([("export", ["e", "E"])]).keymap.command(for: .character("e")), .export)
    }

    func testAKeyGivenToOneActionIsTakenFromItsDefaultOwner() {
        let r = rebound([("export", ["E"]), ("pick-area", ["a"])])
        XCTAssertEqual(r.keymap.command(for: .character("a")), .pickArea)
        XCTAssertNil(r.keymap.command(for: .character("A")))
        XCTAssertEqual(r.keymap.binding(for: .toggleRAG(.amber))?.keys, [])
        XCTAssertEqual(r.keymap.origin(of: "filter-amber"), .tableLess(keys: [.character("a")], lines: [3]))
        XCTAssertEqual(r.problems, [KeymapProblem(line: 3, message: "[keys] filter-amber has no key left (a is pick-area's); give it one in [keys] if you use it", isError: false)])
        // Taking one of two keys leaves the other, without a warning.
        let one = rebound([("export", ["k"])])
        XCTAssertEqual(one.problems, [])
        XCTAssertEqual(one.keymap.binding(for: .up)?.keys, [.up])
        XCTAssertEqual(one.keymap.command(for: .character("k")), .export)
    }

    func testEveryProblemIsAtItsLineAndOnlyThatEntryIsIgnored() {
        let r = rebound([
            ("exprot", ["E"]),          // 2
            ("next_pane", ["n"]),       // 3
            ("export", ["E"]),          // 4
            ("top", ["E"]),             // 5
            ("help", ["Ctrl-c"]),       // 6
            ("back", ["Ctrl-h"]),       // 7
            ("reload", ["Ctrl-Shift-r"]), // 8
            ("quit", ["Q", "Ctrl-z"]),  // 9
            ("bottom", ["Z"]),          // 10
        ])
        XCTAssertEqual(r.problems.map(\.line), [2, 3, 5, 6, 7, 8, 9])
        XCTAssertTrue(r.problems.allSatisfy(\.isError))
        let messages = r.problems.map(\.message)
        XCTAssertTrue(messages[0].hasPrefix("[keys]: unknown action 'exprot'; it is ignored (the actions are up, down, left, right"), messages[0])
        XCTAssertTrue(messages[0].contains(", export, ") && messages[0].contains("quit"), "names the choices: \(messages[0])")
        XCTAssertTrue(messages[1].hasPrefix("[keys]: unknown action 'next_pane' (did you mean 'next-pane'?); it is ignored"), messages[1])
        XCTAssertEqual(messages[2], "[keys] top: E is already bound to export (line 4); the entry is ignored")
        XCTAssertEqual(messages[3], "[keys] help: Ctrl-c cannot be rebound (it always quits); the entry is ignored")
        XCTAssertEqual(messages[4], "[keys] back: Ctrl-h is the same key as Backspace in a terminal; write Backspace; the entry is ignored")
        XCTAssertEqual(messages[5], "[keys] reload: unknown key 'Ctrl-Shift-r' (a key is \(Key.nameForms)); the entry is ignored")
        XCTAssertEqual(messages[6], "[keys] quit: Ctrl-z cannot be rebound (the terminal suspends ragtop with it); the entry is ignored")
        // The bad entries change nothing; the good ones apply.
        let k = r.keymap
        XCTAssertEqual(k.command(for: .character("E")), .export)
        XCTAssertEqual(k.command(for: .character("Z")), .bottom)
        XCTAssertEqual(k.command(for: .home), .top)
        XCTAssertEqual(k.command(for: .character("?")), .help)
        XCTAssertEqual(k.command(for: .character("q")), .quit, "quit's entry was refused as a whole")
        XCTAssertNil(k.command(for: .character("Q")))
        XCTAssertEqual(k.command(for: .ctrl("r")), .reload)
        XCTAssertEqual(k.command(for: .backspace), .back)
        XCTAssertEqual(Set(k.origins.keys), ["export", "bottom"])
    }

    func testTwoKeySequencesGoWhenTheirFirstKeyDoesSomethingElse() {
        XCTAssertEqual(EffectiveKeymap.defaults.command(after: .character("g"), .character("g")), .top)
        // gg after an export key would export, then jump.
        let export = rebound([("export", ["g"])]).keymap
        XCTAssertNil(export.command(after: .character("g"), .character("g")))
        XCTAssertEqual(export.binding(for: .top)?.sequences, [])
        // Rebinding top replaces gg too.
        XCTAssertNil(rebound([("top", ["T"])]).keymap.command(after: .character("g"), .character("g")))
        // g with no action at all: gg still goes to the top.
        let unbound = rebound([("filter-green", ["F"])]).keymap
        XCTAssertNil(unbound.command(for: .character("g")))
        XCTAssertEqual(unbound.command(after: .character("g"), .character("g")), .top)
    }

    // MARK: The dashboard with rebound keys

    func testTheRemappedKeyWorksAndTheOldOneSaysWhereItWent() {
        var s = state([("export", ["E"])])
        guard case .export(let name, _)? = s.update(.key(.character("E"))).first else { return XCTFail("E does not export") }
        XCTAssertEqual(name, "ragtop-scorecard-kent.csv")
        XCTAssertEqual(s.update(.key(.character("e"))), [])
        XCTAssertEqual(s.message, "e is unbound: [keys] in config.toml gives export E")
        XCTAssertEqual(s.update(.key(.character("z"))), [])
        XCTAssertEqual(s.message, "unbound key z — press ? for help")
        // With the defaults, e exports.
        var d = Kent.state()
        guard case .export? = d.update(.key(.character("e"))).first else { return XCTFail("e does not export by default") }
    }

    func testHelpStatusLineAndMessagesShowTheKeysInEffect() {
        let entries = [("export", ["E"]), ("help", ["H", "F1"]), ("quit", ["Q"]), ("filter-red", ["R"])]
        var s = state(entries, height: 100)
        let status = s.render().plainText.split(separator: "\n").last.map(String.init) ?? ""
        for hint in ["R/a/g RAG · ", " · E export · ", " · H help · ", " · Q quit"] {
            XCTAssertTrue(status.contains(hint), "the status line lacks '\(hint)': \(status)")
        }
        XCTAssertFalse(status.contains("e export") || status.contains("? help") || status.contains("q quit") || status.contains("r/a/g"), status)
        XCTAssertEqual(s.update(.key(.character("?"))), [])
        XCTAssertFalse(s.showHelp, "? no longer opens the help")
        XCTAssertEqual(s.message, "? is unbound: [keys] in config.toml gives help H F1")
        XCTAssertTrue(s.render().plainText.contains("H help"), "the message line names the help key")
        _ = s.update(.key(.character("H")))
        XCTAssertTrue(s.showHelp)
        let help = s.render().plainText
        for line in ["Keys changed in config.toml", "export: E (default e)", "help: H F1 (default ? F1)", "quit: Q (default q)", "filter-red: R (default r)"] {
            XCTAssertTrue(help.contains(line), "help lacks '\(line)':\n\(help)")
        }
        XCTAssertNotNil(help.range(of: #"│   E +export the table"#, options: .regularExpression), help)
        XCTAssertNotNil(help.range(of: #"│   H F1 +this help"#, options: .regularExpression), help)
        XCTAssertNil(help.range(of: #"│   e +export the table"#, options: .regularExpression), help)
        XCTAssertTrue(help.contains("R/a/g show only rows of those colours"), help)
        // In the help, the quit key quits; q only closes it, as any other key.
        var closing = s
        XCTAssertEqual(closing.update(.key(.character("q"))), [])
        XCTAssertFalse(closing.showHelp)
        XCTAssertFalse(closing.shouldQuit)
        XCTAssertEqual(s.update(.key(.character("Q"))), [.quit])
        XCTAssertTrue(s.shouldQuit)
    }

    func testTheHelpScrollsWithTheMoveKeysInEffect() {
        var s = state([("down", ["n"]), ("up", ["p"])], width: 80, height: 24, keys: "?")
        XCTAssertTrue(s.showHelp)
        XCTAssertTrue(s.render().plainText.contains(" n/p scroll 1-"), s.render().plainText)
        _ = s.update(.key(.character("n")))
        XCTAssertTrue(s.render().plainText.contains(" n/p scroll 2-"), s.render().plainText)
        _ = s.update(.key(.character("p")))
        XCTAssertTrue(s.render().plainText.contains(" n/p scroll 1-"))
        _ = s.update(.key(.character("j")))
        XCTAssertFalse(s.showHelp, "j is no longer a move key, so it closes the help")
    }

    func testATooSmallScreenNamesAndTakesTheQuitKey() {
        var s = state([("quit", ["Q"])], width: 40, height: 10)
        XCTAssertTrue(s.render().plainText.contains("Q quits"), s.render().plainText)
        XCTAssertEqual(s.update(.key(.character("q"))), [])
        XCTAssertEqual(s.update(.key(.character("Q"))), [.quit])
        // Without any quit key, Ctrl-c is the one named (it always quits).
        let none = state([("quit", [])], width: 40, height: 10)
        XCTAssertTrue(none.render().plainText.contains("Ctrl-c quits"), none.render().plainText)
        var wide = state([("quit", [])])
        XCTAssertTrue(wide.render().plainText.contains("· Ctrl-c quit"), wide.render().plainText)
        XCTAssertEqual(wide.update(.key(.ctrl("c"))), [.quit])
    }

    func testThePaneKeysAndTheSequenceInTheDashboard() {
        let s = state([("pane-ehcp", ["E"]), ("filter-green", ["F"])], keys: "E")
        XCTAssertEqual(s.pane, .ehcp)
        let t = state([("pane-ehcp", ["E"])], keys: "4")
        XCTAssertEqual(t.pane, .scorecard, "4 no longer opens the EHCP pane")
        XCTAssertEqual(t.message, "4 is unbound: [keys] in config.toml gives pane-ehcp E")
        // g does nothing now; gg still goes to the top, and says only that.
        let gg = state([("filter-green", ["F"])], keys: "End g g")
        XCTAssertEqual(gg.ragFilter, [])
        XCTAssertEqual(gg.message, "gg: first row")
        XCTAssertEqual(state([("filter-green", ["F"])], keys: "F").ragFilter, [.green])
    }
}
