extension String {
    /// The string without leading and trailing spaces and tabs: how every cell of a dataset, a
    /// theme's style word and a typed command are read.
    public func trimmingSpaces() -> String {
        // Most cells have nothing to trim. A space or a tab is a character of one byte, so a
        // first and a last byte that are neither mean there is nothing to trim; this skips
        // walking the characters (grapheme breaking) and a copy.
        guard let first = utf8.first, let last = utf8.last else { return self }
        if !Self.isSpaceOrTab(first) && !Self.isSpaceOrTab(last) { return self }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
