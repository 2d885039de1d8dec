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
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }            // C0 controls and DEL
        if v >= 0x80 && v < 0xA0 { return true }            // C1 controls (0x9B is CSI)
        if v >= 0x202A && v <= 0x202E { return true }       // bidi embeddings and overrides
        if v >= 0x2066 && v <= 0x2069 { return true }       // bidi isolates
        if v == 0x200E || v == 0x200F || v == 0x061C { return true } // direction marks
        return false
    }

    /// The visible stand-in for an unsafe scalar: the Unicode control pictures for C0 and DEL
    /// (␛ for ESC, ␇ for BEL), and a bracketed hex code for the rest.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20, let pic = Unicode.Scalar(0x2400 + v) { return String(Character(pic)) }
        if v == 0x7F { return "␡" }
        return "<U+" + String(v, radix: 16, uppercase: true) + ">"
    }
}
