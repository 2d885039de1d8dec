extension String {
    /// The string without leading and trailing spaces and tabs: how every cell of a dataset, a
    /// theme's style word and a typed command are read.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
