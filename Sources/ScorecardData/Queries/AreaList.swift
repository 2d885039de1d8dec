extension Dataset {
    /// The areas a comma-separated list names (`Dover,Thanet`; each a code or a name as
    /// `area(named:)` finds it), in order, each once. A name with a comma in it
    /// (`Bournemouth, Christchurch and Poole`) is found whole: the longest run of pieces that
    /// names an area wins. `unknown` is the first piece that names none (then `areas` stops
    /// before it); blank pieces are skipped.
    public func areas(inList text: String) -> (areas: [Area], unknown: String?) {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func trimmed(_ s: String) -> String { String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
        var found: [Area] = []
        var i = 0
        while i < pieces.count {
            guard !trimmed(pieces[i]).isEmpty else { i += 1; continue }
            let match = (i + 1...pieces.count).reversed().lazy.compactMap { j in
                self.area(named: trimmed(pieces[i..<j].joined(separator: ","))).map { (area: $0, end: j) }
            }.first
            guard let match else { return (found, trimmed(pieces[i])) }
            if !found.contains(match.area) { found.append(match.area) }
            i = match.end
        }
        return (found, nil)
    }
}
