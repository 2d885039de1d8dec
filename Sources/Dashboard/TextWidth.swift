#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's `wcwidth`. Glibc declares it only for X/Open builds, which the Swift Glibc
/// module is not, so it is bound by name; it takes a `wchar_t` and returns an `int`.
@_silgen_name("wcwidth")
private func libcWCWidth(_ c: wchar_t) -> Int32

/// Terminal column widths, from the C library's `wcwidth` — what ncurses paints by — so a canvas
/// lays text out exactly as the terminal will show it: 2 columns for East Asian wide characters
/// and emoji such as 🚀 ✅ ⭐, 0 for combining marks, 1 for the rest.
///
/// `wcwidth` answers for the thread's locale; the widths are asked under a UTF-8 locale of
/// their own (C.UTF-8), so `snapshot` and the tests, which never call `setlocale`, measure as
/// the dashboard does. Every UTF-8 locale of one C library shares the same width table.
public enum TextWidth {
    /// The columns `string` takes.
    public static func of(_ string: String) -> Int {
        // Printable ASCII (most of what a table holds) is a column a byte; tables measure every
        // cell of a column each layout, so this is kept quick.
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return string.utf8.count }
        var total = 0
        for ch in string { total += of(ch) }
        return total
    }

    /// The columns one character takes: the width of its first scalar (marks after it take
    /// none). A character the C library cannot print (width -1) counts as 1; `Canvas` shows
    /// such characters as their code instead.
    public static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        let v = first.value
        if v >= 0x20 && v < 0x7F { return 1 }
        return max(0, columns(first) ?? 1)
    }

    /// The width `wcwidth` gives one scalar, or nil when it is not printable.
    public static func columns(_ scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        let w = Int(withUTF8Locale { libcWCWidth(wchar_t(bitPattern: v)) })
        return w < 0 ? nil : w
    }

    /// True when every scalar of the character can be printed (its width is known).
    public static func isPrintable(_ ch: Character) -> Bool {
        ch.unicodeScalars.allSatisfy { columns($0) != nil }
    }

    /// Pads or cuts `string` to exactly `width` columns (cut with `ellipsis`).
    public static func fit(_ string: String, _ width: Int, alignRight: Bool = false, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        let w = of(string)
        if w == width { return string }
        if w < width {
            let pad = String(repeating: " ", count: width - w)
            return alignRight ? pad + string : string + pad
        }
        var out = ""
        var used = 0
        for ch in string {
            let cw = of(ch)
            if used + cw > width - 1 { break }
            out.append(ch)
            used += cw
        }
        out.append(ellipsis)
        used += 1
        if used < width { out += String(repeating: " ", count: width - used) }
        return out
    }

    // MARK: The UTF-8 locale

    /// A UTF-8 LC_CTYPE locale, made once (nil if the C library has none: then the process
    /// locale answers).
    nonisolated(unsafe) private static let utf8Locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_GB.UTF-8"] {
            if let l = newlocale(LC_CTYPE_MASK, name, nil) { return l }
        }
        return nil
    }()

    /// Runs `body` with this thread's locale set to the UTF-8 one, then puts the old one back.
    @inline(__always)
    private static func withUTF8Locale<T>(_ body: () -> T) -> T {
        guard let locale = utf8Locale else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }
}
