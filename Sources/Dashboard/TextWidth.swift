/// Terminal column widths of characters: 2 for East Asian wide and most emoji, 0 for combining
/// marks, 1 otherwise. A small table that covers what scorecards contain.
public enum TextWidth {
    public static func of(_ string: String) -> Int {
        var total = 0
        for ch in string { total += of(ch) }
        return total
    }

    public static func of(_ ch: Character) -> Int {
        guard let scalar = ch.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if v < 0x300 { return v < 0x20 ? 0 : 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200D).contains(v) || v == 0xFE0F { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Pads or cuts `string` to exactly `width` columns (cut with an ellipsis).
    public static func fit(_ string: String, _ width: Int, alignRight: Bool = false) -> String {
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
        out.append("…")
        used += 1
        if used < width { out += String(repeating: " ", count: width - used) }
        return out
    }
}
