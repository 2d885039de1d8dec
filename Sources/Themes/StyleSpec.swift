import Dashboard
import ScorecardData

/// Parsing of the colour and attribute words a theme file uses.
///
/// A colour is a name (`black`, `red`, `green`, `yellow`, `blue`, `magenta`, `cyan`, `white`,
/// `bright-black` … `bright-white`, `grey`/`gray` = bright-black, `default`), `#RRGGBB` (or
/// `#RGB`), or a palette index 0–255. Attributes: `bold`, `underline`, `reverse`, `dim`, `italic`.
/// A style written as one string is words in any order: colours and attributes, the first colour
/// the foreground, and a colour after `on` the background: `"#D55E00 bold"`,
/// `"white on #303040"`, `"reverse bold"`, `"plain"`.
public enum StyleSpec {
    /// The sixteen ANSI colour names, by palette index.
    public static let colorNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Attribute words and their flags.
    public static let attributeNames: [(String, TextAttributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim), ("italic", .italic),
    ]

    /// Parses one colour word, or returns why it is not one.
    public static func color(_ word: String) -> Result<ThemeColor, SpecError> {
        let w = word.trimmingSpaces().lowercased()
        if w.isEmpty { return .failure(SpecError("empty colour")) }
        if w == "default" || w == "none" || w == "terminal" { return .success(.terminalDefault) }
        if w.hasPrefix("#") {
            let hex = Array(w.dropFirst())
            guard hex.allSatisfy(\.isHexDigit) else {
                return .failure(SpecError("'\(word)' is not a colour: after # come 6 hex digits, e.g. #D55E00"))
            }
            func byte(_ s: String) -> UInt8 { UInt8(s, radix: 16)! }
            switch hex.count {
            case 6:
                return .success(.rgb(byte(String(hex[0...1])), byte(String(hex[2...3])), byte(String(hex[4...5]))))
            case 3:
                return .success(.rgb(byte(String([hex[0], hex[0]])), byte(String([hex[1], hex[1]])), byte(String([hex[2], hex[2]]))))
            default:
                return .failure(SpecError("'\(word)' is not a colour: after # come 6 hex digits (#RRGGBB), not \(hex.count)"))
            }
        }
        if let n = Int(w) {
            guard (0...255).contains(n) else { return .failure(SpecError("colour index \(n) is out of range 0-255")) }
            return .success(.index(UInt8(n)))
        }
        let normal = normalized(w)
        if normal == "grey" || normal == "gray" { return .success(.index(8)) }
        if let i = colorNames.firstIndex(of: normal) { return .success(.index(UInt8(i))) }
        return .failure(SpecError("unknown colour '\(word)' (use a name such as red or bright-blue, #RRGGBB, or 0-255)"))
    }

    /// Parses one attribute word.
    public static func attribute(_ word: String) -> TextAttributes? {
        let w = word.trimmingSpaces().lowercased()
        if w == "underlined" { return .underline }
        if w == "reversed" || w == "inverse" { return .reverse }
        if w == "faint" { return .dim }
        return attributeNames.first { $0.0 == w }?.1
    }

    /// Parses a whole style written as one string.
    public static func style(_ text: String) -> Result<RoleStyle, SpecError> {
        var style = RoleStyle()
        var foregroundSet = false
        var expectBackground = false
        var backgroundSet = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init) {
            let lower = word.lowercased()
            if lower == "on" {
                if expectBackground || backgroundSet { return .failure(SpecError("'on' may appear only once, before the background colour")) }
                expectBackground = true
                continue
            }
            if lower == "plain" || lower == "normal" { continue }
            if !expectBackground, let a = attribute(lower) {
                style.attributes.insert(a)
                continue
            }
            switch color(word) {
            case .success(let c):
                if expectBackground {
                    style.background = c
                    expectBackground = false
                    backgroundSet = true
                } else if foregroundSet {
                    return .failure(SpecError("two foreground colours in \"\(text)\" (write 'FG on BG' for a background)"))
                } else {
                    style.foreground = c
                    foregroundSet = true
                }
            case .failure(let e):
                if attribute(lower) != nil { return .failure(SpecError("'on' must be followed by a colour, not '\(word)'")) }
                if word.hasPrefix("#") || Int(word) != nil { return .failure(e) }
                return .failure(SpecError("unknown colour or attribute '\(word)' (attributes: bold, underline, reverse, dim, italic)" + (e.message.hasPrefix("unknown") ? "" : "; \(e.message)")))
            }
        }
        if expectBackground { return .failure(SpecError("'on' must be followed by a background colour")) }
        return .success(style)
    }

    /// The canonical text of a colour, as a theme file would write it.
    public static func text(_ color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: return "default"
        case .index(let i) where i < 16: return colorNames[Int(i)]
        case .index(let i): return String(i)
        case let .rgb(r, g, b): return "#" + [r, g, b].map { hex2($0) }.joined()
        }
    }

    /// The canonical one-string form of a style: `"#D55E00 on default bold"` without the defaults.
    public static func text(_ style: RoleStyle) -> String {
        var words: [String] = []
        if style.foreground != .terminalDefault || style.background != .terminalDefault { words.append(text(style.foreground)) }
        if style.background != .terminalDefault { words += ["on", text(style.background)] }
        for (name, flag) in attributeNames where style.attributes.contains(flag) { words.append(name) }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }

    static func hex2(_ v: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
    }

    /// `bright_red`, `brightred`, `Bright Red` → `bright-red`; `light-red` too.
    static func normalized(_ w: String) -> String {
        var s = w.replacingAll("_", with: "-")
        for prefix in ["bright", "light"] where s.hasPrefix(prefix) {
            var rest = String(s.dropFirst(prefix.count))
            if rest.hasPrefix("-") { rest.removeFirst() }
            if !rest.isEmpty { s = "bright-" + rest }
        }
        return s
    }
}

/// Why a colour or style could not be read.
public struct SpecError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension String {
    func replacingAll(_ a: Character, with b: String) -> String {
        var out = ""
        for ch in self { if ch == a { out += b } else { out.append(ch) } }
        return out
    }
}
