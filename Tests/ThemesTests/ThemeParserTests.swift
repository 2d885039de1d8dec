import Dashboard
import XCTest
@testable import Themes

final class ThemeParserTests: XCTestCase {
    func parse(_ text: String) -> ThemeDocument { ThemeParser.parse(text, path: "t.toml") }

    // MARK: Colours and styles

    func testColourWords() {
        XCTAssertEqual(try StyleSpec.color("#D55E00").get(), .rgb(0xD5, 0x5E, 0x00))
        XCTAssertEqual(try StyleSpec.color("#d55e00").get(), .rgb(0xD5, 0x5E, 0x00))
        XCTAssertEqual(try StyleSpec.color("#abc").get(), .rgb(0xAA, 0xBB, 0xCC))
        XCTAssertEqual(try StyleSpec.color("red").get(), .index(1))
        XCTAssertEqual(try StyleSpec.color("White").get(), .index(7))
        XCTAssertEqual(try StyleSpec.color("bright-red").get(), .index(9))
        XCTAssertEqual(try StyleSpec.color("bright_blue").get(), .index(12))
        XCTAssertEqual(try StyleSpec.color("brightwhite").get(), .index(15))
        XCTAssertEqual(try StyleSpec.color("grey").get(), .index(8))
        XCTAssertEqual(try StyleSpec.color("gray").get(), .index(8))
        XCTAssertEqual(try StyleSpec.color("default").get(), .terminalDefault)
        XCTAssertEqual(try StyleSpec.color("208").get(), .index(208))
        XCTAssertEqual(try StyleSpec.color("0").get(), .index(0))
        XCTAssertThrowsError(try StyleSpec.color("256").get())
        XCTAssertThrowsError(try StyleSpec.color("#12345").get())
        XCTAssertThrowsError(try StyleSpec.color("#GGGGGG").get())
        XCTAssertThrowsError(try StyleSpec.color("orange").get())
        XCTAssertThrowsError(try StyleSpec.color("").get())
    }

    func testStyleStrings() {
        XCTAssertEqual(try StyleSpec.style("#D55E00 bold").get(), RoleStyle(foreground: .rgb(0xD5, 0x5E, 0), attributes: .bold))
        XCTAssertEqual(try StyleSpec.style("bold #D55E00").get(), RoleStyle(foreground: .rgb(0xD5, 0x5E, 0), attributes: .bold))
        XCTAssertEqual(try StyleSpec.style("white on #303040").get(), RoleStyle(foreground: .index(7), background: .rgb(0x30, 0x30, 0x40)))
        XCTAssertEqual(try StyleSpec.style("on blue").get(), RoleStyle(background: .index(4)))
        XCTAssertEqual(try StyleSpec.style("reverse bold underline dim italic").get(),
                       RoleStyle(attributes: [.reverse, .bold, .underline, .dim, .italic]))
        XCTAssertEqual(try StyleSpec.style("plain").get(), RoleStyle())
        XCTAssertEqual(try StyleSpec.style("").get(), RoleStyle())
        XCTAssertEqual(try StyleSpec.style("default").get(), RoleStyle())
        XCTAssertThrowsError(try StyleSpec.style("red green").get())
        XCTAssertThrowsError(try StyleSpec.style("red on").get())
        XCTAssertThrowsError(try StyleSpec.style("red on bold").get())
        XCTAssertThrowsError(try StyleSpec.style("blinking").get())
    }

    func testCanonicalTextRoundTrips() {
        for role in StyleRole.allCases {
            let style = Theme.builtInDefault.style(role)
            XCTAssertEqual(try StyleSpec.style(StyleSpec.text(style)).get(), style, role.rawValue)
        }
    }

    // MARK: The three ways to write a role

    func testStringTableAndListForms() {
        let doc = parse("""
        name = "t"
        [roles]
        "rag.red" = "#D55E00 bold"
        "rag.amber" = { fg = "#E69F00", bg = "default", attrs = ["bold", "underline"] }
        "rag.green" = ["#009E73", "bold"]
        "rag.none" = 244
        muted = { fg = 245 }
        "status.key" = { fg = "yellow", bg = "#303040", bold = true }
        """)
        XCTAssertEqual(doc.diagnostics, [])
        XCTAssertEqual(doc.name, "t")
        XCTAssertEqual(doc.styles[.ragRed], RoleStyle(foreground: .rgb(0xD5, 0x5E, 0), attributes: .bold))
        XCTAssertEqual(doc.styles[.ragAmber], RoleStyle(foreground: .rgb(0xE6, 0x9F, 0), attributes: [.bold, .underline]))
        XCTAssertEqual(doc.styles[.ragGreen], RoleStyle(foreground: .rgb(0, 0x9E, 0x73), attributes: .bold))
        XCTAssertEqual(doc.styles[.ragNone], RoleStyle(foreground: .index(244)))
        XCTAssertEqual(doc.styles[.muted], RoleStyle(foreground: .index(245)))
        XCTAssertEqual(doc.styles[.statusKey], RoleStyle(foreground: .index(3), background: .rgb(0x30, 0x30, 0x40), attributes: .bold))
    }

    func testDottedKeysAndSubtables() {
        let doc = parse("""
        [roles]
        rag.red = "red"
        chart.line = "cyan"

        [roles.status]
        fg = "black"
        bg = "white"
        key = "blue on white bold"
        """)
        XCTAssertEqual(doc.diagnostics, [])
        XCTAssertEqual(doc.styles[.ragRed], RoleStyle(foreground: .index(1)))
        XCTAssertEqual(doc.styles[.chartLine], RoleStyle(foreground: .index(6)))
        XCTAssertEqual(doc.styles[.status], RoleStyle(foreground: .index(0), background: .index(7)))
        XCTAssertEqual(doc.styles[.statusKey], RoleStyle(foreground: .index(4), background: .index(7), attributes: .bold))
    }

    // MARK: Partial themes

    func testPartialThemeTakesTheRestFromTheDefault() {
        let catalog = ThemeCatalog(themesDir: nil, environment: [:])
        let entry = ThemeEntry(name: "mine", origin: .file, path: "/x/mine.toml", text: """
        [roles]
        "rag.green" = "#56B4E9 bold"
        """)
        let loaded = catalog.load(entry)
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.theme.name, "mine")
        XCTAssertEqual(loaded.theme.style(.ragGreen), RoleStyle(foreground: .rgb(0x56, 0xB4, 0xE9), attributes: .bold))
        for role in StyleRole.allCases where role != .ragGreen {
            XCTAssertEqual(loaded.theme.style(role), Theme.builtInDefault.style(role), role.rawValue)
        }
        XCTAssertEqual(Set(loaded.theme.styles.keys), Set(StyleRole.allCases))
    }

    func testEmptyFileIsTheDefault() {
        let doc = parse("")
        XCTAssertEqual(doc.diagnostics, [])
        XCTAssertTrue(doc.styles.isEmpty)
    }

    // MARK: Unknown keys: warnings with lines

    func testUnknownKeysWarnWithTheirLine() {
        let doc = parse("""
        name = "t"
        colour = "blue"
        [roles]
        "rag.red" = "red"
        "rag.redd" = "red"
        "rag.red.x" = "red"
        "rag.amber" = { fg = "yellow", blink = true }
        """)
        XCTAssertEqual(doc.diagnostics.map(\.description), [
            "t.toml:2: warning: unknown key 'colour' is ignored (a theme has name, description, base, [roles] and [roles-16])",
            "t.toml:5: warning: unknown role 'rag.redd' is ignored (did you mean 'rag.red'?)",
            "t.toml:6: warning: unknown role 'rag.red.x' is ignored (did you mean 'rag.red'?)",
            "t.toml:7: warning: unknown key 'blink' in the style of 'rag.amber' is ignored (use fg, bg and attrs)",
        ])
        // The good parts still apply.
        XCTAssertEqual(doc.styles[.ragRed], RoleStyle(foreground: .index(1)))
        XCTAssertEqual(doc.styles[.ragAmber], RoleStyle(foreground: .index(3)))
    }

    func testRolesOutsideTheRolesTableWarn() {
        let doc = parse("""
        "rag.red" = "red"

        [rag]
        green = "green"
        """)
        XCTAssertEqual(doc.diagnostics.map(\.line), [1, 3])
        XCTAssertTrue(doc.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("[roles]") }, "\(doc.diagnostics)")
        XCTAssertTrue(doc.styles.isEmpty)
    }

    // MARK: Bad values: errors with lines, and a fallback

    func testBadValuesAreErrorsAndTheRoleFallsBack() {
        let text = """
        # a comment with "rag.red" = in it
        [roles]
        "rag.red"   = "#D55E0 bold"
        "rag.amber" = { fg = "orange", attrs = ["bold"] }
        "rag.green" = { fg = "green", attrs = ["blink"] }
        "rag.none"  = true
        "muted"     = "red green"
        "header"    = "bold"
        """
        let doc = parse(text)
        let errors = doc.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.line), [3, 4, 5, 6, 7], "\(doc.diagnostics)")
        XCTAssertEqual(doc.diagnostics.count, 5)
        XCTAssertTrue(errors[0].description.hasPrefix("t.toml:3: error: '#D55E0' is not a colour"), errors[0].description)
        XCTAssertTrue(errors[0].message.hasSuffix("'rag.red' keeps its style from the base theme"))
        XCTAssertTrue(errors[1].message.contains("unknown colour 'orange'"), errors[1].message)
        XCTAssertTrue(errors[2].message.contains("unknown attribute 'blink'"), errors[2].message)
        XCTAssertTrue(errors[3].message.contains("not bool"), errors[3].message)
        XCTAssertTrue(errors[4].message.contains("two foreground colours"), errors[4].message)
        XCTAssertEqual(Set(doc.styles.keys), [.header])

        // Loaded, the bad roles are the default's.
        let loaded = ThemeCatalog(themesDir: nil, environment: [:]).load(ThemeEntry(name: "t", origin: .file, path: "t.toml", text: text))
        for role: StyleRole in [.ragRed, .ragAmber, .ragGreen, .ragNone, .muted] {
            XCTAssertEqual(loaded.theme.style(role), Theme.builtInDefault.style(role), role.rawValue)
        }
        XCTAssertEqual(loaded.theme.style(.header), RoleStyle(attributes: .bold))
    }

    func testWrongTypesForTopLevelKeys() {
        let doc = parse("""
        name = 3
        roles = "all red"
        """)
        XCTAssertEqual(doc.diagnostics.map(\.line), [1, 2])
        XCTAssertTrue(doc.diagnostics.allSatisfy { $0.severity == .error })
    }

    func testRoleSetTwiceWarns() {
        let doc = parse("""
        [roles]
        "rag.red" = "red"
        [roles.rag]
        red = "blue"
        """)
        XCTAssertEqual(doc.diagnostics.map(\.description), ["t.toml:4: warning: 'rag.red' is set twice (lines 2 and 4); the later one is used"])
        XCTAssertEqual(doc.styles[.ragRed], RoleStyle(foreground: .index(4)))
    }

    // MARK: Syntax errors

    func testSyntaxErrorGivesTheParsersLineAndTheDefault() {
        let text = """
        name = "broken"
        [roles]
        "rag.red" = "red"
        "rag.amber" = "yellow
        "rag.green" = "green"
        """
        let doc = parse(text)
        XCTAssertTrue(doc.syntaxError)
        XCTAssertEqual(doc.diagnostics.count, 1)
        let d = doc.diagnostics[0]
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.line, 4)
        XCTAssertTrue(d.description.hasPrefix("t.toml:4: error: "), d.description)
        XCTAssertTrue(d.message.hasSuffix("using the default theme"))
        XCTAssertTrue(doc.styles.isEmpty)
        let loaded = ThemeCatalog(themesDir: nil, environment: [:]).load(ThemeEntry(name: "broken", origin: .file, path: "t.toml", text: text))
        XCTAssertEqual(loaded.theme.styles, Theme.builtInDefault.styles)
        XCTAssertTrue(loaded.hasErrors)
    }

    func testOtherSyntaxErrors() {
        for (text, line) in [("[roles\n", 1), ("a = 1\na = 2\n", 2), ("\n\n[roles]\n\"rag.red\" = = 1\n", 4), ("x = [1, \n", 1)] {
            let doc = parse(text)
            XCTAssertTrue(doc.syntaxError, text)
            XCTAssertEqual(doc.diagnostics.first?.line, line, "\(text): \(doc.diagnostics)")
        }
    }

    /// Inputs that make toml++ abort on a failed assertion in debug builds (found by fuzzing
    /// toml++ directly): each is reported as a syntax error instead.
    func testInputsThatWouldAbortTheTOMLParserAreSyntaxErrors() {
        let crashers = ["[", "[\n", "[[", "[[\n", "[.x]", "[=", "[#", "[ :", "[\r", "[[{", "[[=[", "[\n[.", "[[.", "[[[[[",
                        "name = \"x\"\n\n[", "x = [ }", "x = [1, }", "a.b=[}x", "x = [\n  # c\n  }\n]", "x = { a = [ } }", "[roles]\n\"rag.red\" = [ }"]
        for text in crashers {
            let doc = parse(text)
            XCTAssertTrue(doc.syntaxError, text.debugDescription)
            XCTAssertEqual(doc.diagnostics.count, 1, text.debugDescription)
            XCTAssertEqual(RagtopConfig.parse(text, path: "c.toml").diagnostics.first?.severity, .error, text.debugDescription)
        }
        XCTAssertEqual(parse("name = \"x\"\n\n[").diagnostics.first?.line, 3)
        XCTAssertEqual(parse("x = [\n  # c\n  }\n]").diagnostics.first?.line, 3)
    }

    func testThePrecheckLetsValidTOMLThrough() {
        let valid = [
            "[roles]\n\"rag.red\" = \"red\"",
            "[ roles ]\n[ 'roles'.\"x\" ]\n[[arr]]\n[[ arr ]]",
            "x = [\n  [1, 2],\n  [ 3 ], # comment with [ and }\n]\n[t]",
            "s = \"\"\"\n[\n}\n\"\"\"\n[t]",
            "s = '''\n[=\n'''\nt = 'x [ }'",
            "t = { a = [ 1, { b = 2 } ], c = \"}\" }\n[u]",
            "x = \"a \\\" [ }\"\n[y]",
            "x = [] # [\n",
            "\"[weird key\" = 1\n'[' = 2",
        ]
        for text in valid {
            XCTAssertNil(TOMLPrecheck.problem(in: text), text)
            XCTAssertFalse(parse(text).syntaxError, "\(text): \(parse(text).diagnostics)")
        }
    }

    func testSixteenColourOverrides() {
        let text = """
        [roles]
        "rag.amber" = "#8A5A00 bold"
        "rag.red" = "#B3261E"
        [roles-16]
        "rag.amber" = "yellow bold"
        "rag.bogus" = "red"
        """
        let doc = parse(text)
        XCTAssertEqual(doc.styles[.ragAmber], RoleStyle(foreground: .rgb(0x8A, 0x5A, 0), attributes: .bold))
        XCTAssertEqual(doc.styles16, [.ragAmber: RoleStyle(foreground: .index(3), attributes: .bold)])
        XCTAssertEqual(doc.diagnostics.map(\.line), [6])
        let loaded = ThemeCatalog(themesDir: nil, environment: [:]).load(ThemeEntry(name: "x", origin: .file, path: "x.toml", text: text))
        XCTAssertEqual(loaded.theme(for: .truecolor).style(.ragAmber).foreground, .rgb(0x8A, 0x5A, 0))
        XCTAssertEqual(loaded.theme(for: .ansi256).style(.ragAmber).foreground, .rgb(0x8A, 0x5A, 0))
        XCTAssertEqual(loaded.theme(for: .ansi16).style(.ragAmber).foreground, .index(3))
        XCTAssertEqual(loaded.theme(for: .ansi8).style(.ragAmber).foreground, .index(3))
        // Roles without a 16-colour override are the same in both.
        XCTAssertEqual(loaded.theme(for: .ansi16).style(.ragRed), loaded.theme.style(.ragRed))
        XCTAssertEqual(loaded.theme(for: .ansi16).style(.muted), Theme.builtInDefault.style(.muted))
    }

    func testGarbageNeverCrashes() {
        let samples = ["\u{0}\u{1}\u{2}", "[[roles]]\nx=1", "[roles]\n\"\" = \"red\"", "[roles]\n\"rag.red\" = {}", "[roles]\n\"rag.red\" = [[1]]",
                       "[roles.rag.red.deep]\nfg = 1", "[roles]\n\"rag.red\" = 1e9", "[roles]\n\"rag.red\" = -1", String(repeating: "[", count: 5000)]
        for s in samples { _ = parse(s) }
        XCTAssertEqual(parse("[roles]\n\"rag.red\" = {}").styles[.ragRed], RoleStyle())
    }

    // MARK: Line finding

    func testLineLocator() {
        let text = """
        # "rag.red" = "nope"
        name = "x"   # trailing comment
        description = \"\"\"
        multi = line
        \"\"\"
        [roles]
        'rag.amber' = "yellow"
          "rag.red"="red"
        [roles.rag]
        green = { fg = "green", attrs = ["bold"] }
        """
        let l = LineLocator(text: text)
        XCTAssertEqual(l.line(of: ["name"]), 2)
        XCTAssertEqual(l.line(of: ["description"]), 3)
        XCTAssertNil(l.line(of: ["multi"]))
        XCTAssertEqual(l.line(of: ["roles"]), 6)
        XCTAssertEqual(l.line(of: ["roles", "rag.amber"]), 7)
        XCTAssertEqual(l.line(of: ["roles", "rag.red"]), 8)
        XCTAssertEqual(l.line(of: ["roles", "rag", "green"]), 10)
        XCTAssertEqual(l.line(of: ["roles", "rag", "green", "attrs"]), 10)
        XCTAssertEqual(l.line(of: ["roles", "nothing"]), 6)
    }

    func testSuggestions() {
        XCTAssertEqual(ThemeParser.suggestion(for: "rag.gren"), "rag.green")
        XCTAssertEqual(ThemeParser.suggestion(for: "statuskey"), "status.key")
        XCTAssertNil(ThemeParser.suggestion(for: "something.else.entirely"))
    }
}
