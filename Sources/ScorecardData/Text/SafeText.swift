/// The one sanitiser for untrusted text (from data files, theme files, the command line) on its
/// way to a person: the dashboard, `snapshot`, report text and Markdown, and every message on
/// standard error. C0 and C1 control characters, DEL and the bidi controls never reach a
/// terminal as they are: each becomes one visible placeholder, `<U+1B>` for ESC, `<U+202E>` for
/// a right-to-left override. One style everywhere, plain ASCII, so it survives `--ascii` and a
/// C locale too.
public enum SafeText {
    /// True for scalars that must never be written to a terminal as they are: C0 controls
    /// (line feed included), DEL, C1 controls, and the bidi embeddings, overrides, isolates and
    /// direction marks.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return false }
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// The visible stand-in for an unsafe scalar: `<U+` its hex code `>`.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
    }

    /// `text` with every unsafe scalar replaced by its placeholder. Text that needs nothing is
    /// returned as it is, without a copy.
    public static func sanitize(_ text: String) -> String {
        sanitize(text, keepingLineFeeds: false)
    }

    /// As `sanitize`, but line feeds stay: for multi-line output (a report, a message block).
    public static func sanitize(_ text: String, keepingLineFeeds: Bool) -> String {
        func unsafe(_ s: Unicode.Scalar) -> Bool { isUnsafe(s) && !(keepingLineFeeds && s == "\n") }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if unsafe(scalar) {
                out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A short, safe quotation of untrusted text for a message: at most `limit` scalars (then
    /// `…`), each unsafe one as its placeholder.
    public static func clip(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var n = 0
        for scalar in text.unicodeScalars {
            if n >= limit { out += "…"; break }
            if isUnsafe(scalar) { out += placeholder(for: scalar) } else { out.unicodeScalars.append(scalar) }
            n += 1
        }
        return out
    }

    /// `text` in plain ASCII, for a terminal that cannot show UTF-8 (`--ascii`, a C locale):
    /// letters lose their accents (é → e), common punctuation becomes its ASCII look-alike
    /// (– → -, “ → ", … → ...), and anything else becomes `?` per character. Unsafe scalars
    /// become their placeholders first, so the result is also safe.
    public static func ascii(_ text: String) -> String {
        let safe = sanitize(text)
        guard !safe.utf8.contains(where: { $0 >= 0x80 }) else { return fold(safe) }
        return safe
    }

    private static func fold(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch.isASCII { out.append(ch); continue }
            if let mapped = punctuation[ch] { out += mapped; continue }
            // A letter with marks: keep the base letter when it is ASCII (é = e + U+0301).
            let decomposed = String(ch).decomposedASCIIBase
            out += decomposed ?? "?"
        }
        return out
    }

    /// ASCII look-alikes for the punctuation and symbols that occur in scorecards.
    private static let punctuation: [Character: String] = [
        "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"", "′": "'", "″": "\"",
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "…": "...", "·": ".", "•": "*",
        "£": "GBP", "€": "EUR", "×": "x", "÷": "/", "±": "+/-", "≤": "<=", "≥": ">=", "≠": "!=",
        "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "½": "1/2", "¼": "1/4", "¾": "3/4", "°": " deg",
    ]
}

extension String {
    /// The ASCII letter under one accented character (é → e, Å → A), or nil when there is none.
    fileprivate var decomposedASCIIBase: String? {
        // Unicode canonical decompositions for Latin letters with diacritics, without Foundation:
        // a small table of the Latin-1 Supplement and Latin Extended-A bases.
        guard let first = unicodeScalars.first else { return nil }
        if first.isASCII, unicodeScalars.dropFirst().allSatisfy({ (0x300...0x36F).contains($0.value) }) {
            return String(Character(first))
        }
        return latinBases[first.value].map { String($0) }
    }
}

/// Base letters of the precomposed Latin letters (U+00C0–U+017F); ligatures spelled out.
private let latinBases: [UInt32: String] = {
    let table: [(String, String)] = [
        ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"), ("ďđ", "d"),
        ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
        ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
        ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"), ("ÒÓÔÕÖØŌŎŐ", "O"), ("òóôõöøōŏő", "o"),
        ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"), ("śŝşš", "s"), ("ŢŤŦ", "T"), ("ţťŧ", "t"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"),
        ("ŹŻŽ", "Z"), ("źżž", "z"), ("Æ", "AE"), ("æ", "ae"), ("Œ", "OE"), ("œ", "oe"), ("ß", "ss"),
        ("Þ", "Th"), ("þ", "th"), ("Ð", "D"), ("ð", "d"),
    ]
    var out: [UInt32: String] = [:]
    for (letters, base) in table { for s in letters.unicodeScalars { out[s.value] = base } }
    return out
}()
