/// Finds the two kinds of malformed TOML that make toml++ (inside TOMLKit) stop the process with
/// a failed assertion instead of reporting a parse error, in builds without NDEBUG (every debug
/// build, so the tests and `swift run`):
///
/// - a table header whose name does not start with a key character: `[`, `[.x]`, `[[=`, `[` at
///   the end of a line;
/// - a `}` where an array expects a value: `x = [ }`;
/// - the same after a byte-order mark (`\u{FEFF}[\u{FFFD}`, found by fuzzing);
/// - a date-time whose `T` is not followed by a digit: `x = 1979-05-27TT07:32:00` (found by
///   fuzzing, Tests/Fuzz/regressions/theme).
///
/// It also finds NUL bytes, which TOML never allows and which would end the text TOMLKit hands
/// to toml++ as a C string, so whatever follows one would be silently ignored.
///
/// ragtop checks every theme and config file with this first and reports such a file as a syntax
/// error itself; everything else goes to TOMLKit, whose messages are reported as they are. The
/// scan follows strings, comments, arrays and inline tables; it never flags valid TOML.
enum TOMLPrecheck {
    struct Problem: Equatable {
        var line: Int
        var message: String
    }

    static func problem(in text: String) -> Problem? {
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = 1 + text.utf8[..<nul].count(where: { $0 == UInt8(ascii: "\n") })
            return Problem(line: line, message: "NUL byte: a theme or config file is text, and TOML does not allow NUL")
        }
        let s = Array(text.unicodeScalars)
        let n = s.count
        // toml++ skips a byte-order mark at the start, so the first statement follows it.
        var i = n > 0 && s[0] == "\u{FEFF}" ? 1 : 0
        var line = 1
        var stack: [Unicode.Scalar] = []      // "[" arrays and "{" inline tables inside a value
        var statementStart = true
        var arrayExpectsValue = false
        /// The last scalar that was not a blank, in a value: `=`, `[` or `,` start a value.
        var lastSignificant: Unicode.Scalar = "\n"

        func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
        func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-" || c == "\"" || c == "'"
        }
        func skipToEndOfLine() { while i < n, s[i] != "\n" { i += 1 } }
        func isDigit(_ k: Int) -> Bool { k < n && s[k] >= "0" && s[k] <= "9" }
        /// `YYYY-MM-DDT` at `i` with no digit after the `T`: toml++ asserts the time starts with one.
        func dateTimeWithoutTime() -> Bool {
            guard i + 10 < n else { return false }
            for k in [0, 1, 2, 3, 5, 6, 8, 9] where !isDigit(i + k) { return false }
            return s[i + 4] == "-" && s[i + 7] == "-" && (s[i + 10] == "T" || s[i + 10] == "t") && !isDigit(i + 11)
        }
        /// Steps over a string starting at `i` (one of " ' """ '''), counting lines.
        func skipString() {
            let quote = s[i]
            let triple = i + 2 < n && s[i + 1] == quote && s[i + 2] == quote
            if triple {
                i += 3
                while i < n {
                    if s[i] == "\n" { line += 1 }
                    if quote == "\"" && s[i] == "\\" { i += 2; continue }
                    if s[i] == quote, i + 2 < n, s[i + 1] == quote, s[i + 2] == quote {
                        i += 3
                        while i < n, s[i] == quote { i += 1 }   // up to two quotes may end the content
                        return
                    }
                    i += 1
                }
                return
            }
            i += 1
            while i < n, s[i] != "\n" {
                if quote == "\"" && s[i] == "\\" { i += 2; continue }
                if s[i] == quote { i += 1; return }
                i += 1
            }
        }

        while i < n {
            let c = s[i]
            if c == "\n" {
                line += 1
                i += 1
                if stack.isEmpty { statementStart = true }
                continue
            }
            if isBlank(c) || c == "\r" { i += 1; continue }
            if c == "#" { skipToEndOfLine(); continue }

            if statementStart && stack.isEmpty {
                statementStart = false
                if c == "[" {
                    var j = i + 1
                    var blank = false
                    while j < n, isBlank(s[j]) { j += 1; blank = true }
                    if j < n, s[j] == "[", !blank {
                        j += 1
                        while j < n, isBlank(s[j]) { j += 1 }
                    }
                    if j < n, s[j] != "]", !isKeyStart(s[j]), !(s[j] == "[" && blank) {
                        return Problem(line: line, message: "a table header needs a name after '[', such as [roles]")
                    }
                    skipToEndOfLine()
                    continue
                }
                // A key: up to '=' on this line (quoted parts may hold anything).
                while i < n, s[i] != "\n", s[i] != "=" {
                    if s[i] == "\"" || s[i] == "'" { skipString() } else { i += 1 }
                }
                if i < n, s[i] == "=" { i += 1; lastSignificant = "=" }
                continue
            }

            if c >= "0" && c <= "9", lastSignificant == "=" || (stack.last == "[" && (lastSignificant == "[" || lastSignificant == ",")),
               dateTimeWithoutTime() {
                return Problem(line: line, message: "a date-time needs a time after the 'T', such as 1979-05-27T07:32:00")
            }
            lastSignificant = c

            if arrayExpectsValue && stack.last == "[" {
                arrayExpectsValue = false
                if c == "}" { return Problem(line: line, message: "'}' where the array expects a value or ']'") }
            }
            switch c {
            case "\"", "'":
                skipString()
                continue
            case "[":
                stack.append("[")
                arrayExpectsValue = true
            case "]":
                if stack.last == "[" { stack.removeLast() }
                arrayExpectsValue = false
            case "{":
                stack.append("{")
                arrayExpectsValue = false
            case "}":
                if stack.last == "{" { stack.removeLast() }
            case ",":
                arrayExpectsValue = stack.last == "["
            default:
                break
            }
            i += 1
        }
        return nil
    }
}
