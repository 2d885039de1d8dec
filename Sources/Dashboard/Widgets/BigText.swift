/// Large digits, three rows high, for a headline figure read across a room.
enum BigText {
    private static let font: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"], "1": [" ▄█", "  █", "  ▀"], "2": ["▀▀█", "█▀▀", "▀▀▀"],
        "3": ["▀▀█", " ▀█", "▀▀▀"], "4": ["█ █", "▀▀█", "  ▀"], "5": ["█▀▀", "▀▀█", "▀▀▀"],
        "6": ["█▀▀", "█▀█", "▀▀▀"], "7": ["▀▀█", "  █", "  ▀"], "8": ["█▀█", "█▀█", "▀▀▀"],
        "9": ["█▀█", "▀▀█", "▀▀▀"], ".": [" ", " ", "▀"], "%": ["▀ █", " █ ", "█ ▄"], "-": ["   ", "▀▀▀", "   "],
    ]

    /// The three rows of `text` in the big font (ASCII mode uses `#`).
    static func rows(_ text: String, ascii: Bool) -> [String] {
        var out = ["", "", ""]
        for ch in text {
            let glyph = font[ch] ?? ["   ", "   ", "   "]
            for i in 0..<3 {
                var g = glyph[i]
                if ascii { g = String(g.map { $0 == " " ? " " : "#" }) }
                out[i] += g + " "
            }
        }
        return out
    }

    static func width(_ text: String) -> Int { rows(text, ascii: true)[0].count }
}
