/// Finds the two kinds of malformed TOML that make toml++ (inside TOMLKit) stop the process with
/// a failed assertion instead of reporting a parse error, in builds without NDEBUG (every debug
/// build, so the tests and `swift run`):
///
/// - a table header whose name does not start with a key character: `[`, `[.x]`, `[[=`, `[` at
///   the end of a line;
/// - a `}` where an array expects a value: `x = [ }`.
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
        let s = Array(text.unicodeScalars)
        let n = s.count
        var i = 0
        var line = 1
        var stack: [Unicode.Scalar] = []      // "[" arrays and "{" inline tables inside a value
        var statementStart = true
        var arrayExpectsValue = false

        func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
        func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-" || c == "\"" || c == "'"
        }
        func skipToEndOfLine() { while i < n, s[i] != "\n" { i += 1 } }
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
                if i < n, s[i] == "=" { i += 1 }
                continue
            }

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
