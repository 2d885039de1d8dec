/// Finds the line where a key of a TOML document is written. TOMLKit gives no source positions
/// for parsed values, so the text is scanned: table headers (`[roles]`, `[roles.rag]`), keys
/// (bare, quoted and dotted) and the keys of inline tables on the same line. Arrays of tables and
/// multi-line strings are stepped over. The scan is only used to place messages; a document the
/// scanner misreads still parses, it just gets a less precise line.
struct LineLocator {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        var inMultiline: String?
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(raw)
            if let delimiter = inMultiline {
                if line.contains(delimiter) { inMultiline = nil }
                continue
            }
            var scanner = KeyScanner(Array(line))
            scanner.skipSpaces()
            guard let first = scanner.peek, first != "#" else { continue }
            if first == "[" {
                let isArray = scanner.peek(1) == "["
                scanner.advance(isArray ? 2 : 1)
                if let path = scanner.keyPath() {
                    table = path
                    record(table, lineNumber)
                }
                continue
            }
            guard let key = scanner.keyPath() else { continue }
            scanner.skipSpaces()
            guard scanner.peek == "=" else { continue }
            scanner.advance(1)
            let full = table + key
            record(full, lineNumber)
            scanner.skipSpaces()
            if scanner.startsWith("\"\"\"") || scanner.startsWith("'''") {
                let delimiter = scanner.startsWith("\"\"\"") ? "\"\"\"" : "'''"
                scanner.advance(3)
                if !scanner.rest.contains(delimiter) { inMultiline = delimiter }
            } else if scanner.peek == "{" {
                recordInline(&scanner, prefix: full, line: lineNumber)
            }
        }
    }

    /// The line of `path`, or of its longest prefix that was found; nil if nothing matches.
    func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let n = lines[p.joined(separator: "\u{1F}")] { return n }
            p.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let key = path.joined(separator: "\u{1F}")
        if lines[key] == nil { lines[key] = line }
    }

    /// `{ fg = "#fff", attrs = ["bold"], x = { y = 1 } }`: records `prefix.fg`, `prefix.attrs` …
    private mutating func recordInline(_ s: inout KeyScanner, prefix: [String], line: Int) {
        s.advance(1)   // {
        while true {
            s.skipSpaces()
            guard let c = s.peek, c != "}" else { return }
            guard let key = s.keyPath() else { return }
            s.skipSpaces()
            guard s.peek == "=" else { return }
            s.advance(1)
            record(prefix + key, line)
            s.skipSpaces()
            if s.peek == "{" {
                recordInline(&s, prefix: prefix + key, line: line)
                s.skipSpaces()
                if s.peek == "}" { s.advance(1) }
            } else {
                s.skipValue()
            }
            s.skipSpaces()
            if s.peek == "," { s.advance(1) } else { return }
        }
    }
}

/// A cursor over one line's characters, reading TOML keys.
private struct KeyScanner {
    let chars: [Character]
    var i = 0

    init(_ chars: [Character]) { self.chars = chars }

    var peek: Character? { i < chars.count ? chars[i] : nil }
    func peek(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }
    var rest: String { i < chars.count ? String(chars[i...]) : "" }
    mutating func advance(_ n: Int) { i = min(chars.count, i + n) }
    func startsWith(_ s: String) -> Bool { rest.hasPrefix(s) }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { i += 1 }
    }

    /// `a.b."c.d"` → ["a", "b", "c.d"], or nil if no key starts here.
    mutating func keyPath() -> [String]? {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let part = key() else { return parts.isEmpty ? nil : parts }
            parts.append(part)
            skipSpaces()
            if peek == "." { advance(1) } else { return parts }
        }
    }

    private mutating func key() -> String? {
        guard let c = peek else { return nil }
        if c == "\"" || c == "'" {
            advance(1)
            var out = ""
            while let d = peek, d != c {
                if c == "\"" && d == "\\", let e = peek(1) {
                    out.append(e)
                    advance(2)
                    continue
                }
                out.append(d)
                advance(1)
            }
            advance(1)
            return out
        }
        var out = ""
        while let d = peek, d.isLetter || d.isNumber || d == "_" || d == "-" {
            out.append(d)
            advance(1)
        }
        return out.isEmpty ? nil : out
    }

    /// Steps over a value inside an inline table: a string, an array or a bare word.
    mutating func skipValue() {
        var depth = 0
        while let c = peek {
            if c == "\"" || c == "'" {
                advance(1)
                while let d = peek, d != c {
                    if c == "\"" && d == "\\" { advance(1) }
                    advance(1)
                }
                advance(1)
                continue
            }
            if c == "[" || c == "{" { depth += 1 }
            if c == "]" || c == "}" {
                if depth == 0 { return }
                depth -= 1
            }
            if c == "," && depth == 0 { return }
            advance(1)
        }
    }
}
