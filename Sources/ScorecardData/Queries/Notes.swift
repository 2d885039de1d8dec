/// The notes of a dataset (notes.csv), each area's and indicator's newest first. Built once at load.
struct NoteIndex: Sendable {
    let all: [Note]
    /// Positions in `all` by area and indicator code, newest period first, then in file order.
    private let byKey: [Key: [Int]]

    private struct Key: Hashable {
        var area: String
        var indicator: String
    }

    init(_ notes: [Note]) {
        all = notes
        var keyed: [Key: [Int]] = [:]
        for (i, n) in notes.enumerated() { keyed[Key(area: n.area, indicator: n.indicator), default: []].append(i) }
        for (key, list) in keyed {
            // Stable: positions are in file order, and only a newer period moves a note up.
            keyed[key] = list.enumerated().sorted {
                let l = notes[$0.element].period, r = notes[$1.element].period
                return l != r ? r < l : $0.offset < $1.offset
            }.map(\.element)
        }
        byKey = keyed
    }

    func notes(area: String, indicator: String) -> [Note] {
        (byKey[Key(area: area, indicator: indicator)] ?? []).map { all[$0] }
    }

    func hasNotes(area: String, indicator: String) -> Bool {
        byKey[Key(area: area, indicator: indicator)] != nil
    }
}

extension Dataset {
    /// Every note of notes.csv, in file order.
    public var notes: [Note] { noteIndex.all }

    /// The notes of an area's indicator (commentary and actions), newest period first; notes of
    /// the same period in file order. Notes belong to the area, so every team of it shares them.
    public func notes(area: String, indicator: String) -> [Note] {
        noteIndex.notes(area: area, indicator: indicator)
    }

    /// The notes of a series' area and indicator, newest first.
    public func notes(series id: Int) -> [Note] {
        let s = series(id)
        return noteIndex.notes(area: s.area, indicator: s.indicator)
    }

    /// Whether an area's indicator has any note: a marker on rows, without building the list.
    public func hasNotes(area: String, indicator: String) -> Bool {
        noteIndex.hasNotes(area: area, indicator: indicator)
    }

    /// Whether a series' area and indicator have any note.
    public func hasNotes(series id: Int) -> Bool {
        hasNotes(area: areas[Int(seriesArea[id])].code, indicator: indicators[Int(seriesIndicator[id])].code)
    }

    /// The newest notes of one kind for a figure of an area's indicator: those written for
    /// `period`, or failing that for the latest earlier period that has notes of that kind (an
    /// action set in August still stands in October until a newer one replaces it). In file order.
    public func currentNotes(area: String, indicator: String, kind: Note.Kind, at period: Period) -> [Note] {
        let candidates = notes(area: area, indicator: indicator).filter { $0.kind == kind && !(period < $0.period) }
        guard let newest = candidates.first?.period else { return [] }
        return candidates.filter { $0.period == newest }
    }
}
