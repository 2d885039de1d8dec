import ScorecardData

/// Makes untrusted text (from data files and themes) safe to put on a terminal: C0 and C1
/// control characters, DEL, and bidirectional overrides never reach the screen raw. Each becomes
/// a visible placeholder, so an escape sequence in a name shows as `␛[2J` instead of clearing
/// the screen.
public enum SafeText {
    /// Returns `string` with every unsafe scalar replaced by a visible placeholder.
    public static func sanitize(_ string: String) -> String {
        var needsWork = false
        for scalar in string.unicodeScalars where isUnsafe(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return string }
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True for scalars that must never be written to a terminal as they are.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { TerminalSafe.isUnsafe(scalar) }

    /// The visible stand-in for an unsafe scalar: the Unicode control pictures for C0 and DEL
    /// (␛ for ESC, ␇ for BEL), and a bracketed hex code for the rest.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20, let pic = Unicode.Scalar(0x2400 + v) { return String(Character(pic)) }
        if v == 0x7F { return "␡" }
        return "<U+" + String(v, radix: 16, uppercase: true) + ">"
    }
}
