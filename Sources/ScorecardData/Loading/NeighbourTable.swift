/// Reads and validates neighbours.csv files (docs/data-format.md): both codes must be areas, the
/// rank a whole number from 1, and no area may be its own neighbour. An (area, neighbour) pair
/// and an (area, rank) pair may appear once in all the files loaded together.
struct NeighbourTable {
    private(set) var rows: [Neighbour] = []
    private var pairOrigin: [String: (path: String, line: Int)] = [:]
    private var rankOrigin: [String: (path: String, line: Int)] = [:]

    /// Reads the rows of one file, reporting problems at their cells.
    mutating func read(_ t: inout TableReader, areaIndex: [String: Int32]) {
        while t.nextRow() {
            let area = areaCode(&t, "area_code", areaIndex)
            let neighbour = areaCode(&t, "neighbour_code", areaIndex)
            let rank = self.rank(&t)
            let closeness = t.text("closeness")
            guard let area, let neighbour, let rank, !t.rowHasError else { continue }
            if area == neighbour {
                t.fail("neighbour_code", "area '\(SafeText.clip(area))' cannot be its own neighbour")
                continue
            }
            let pair = area + "\u{1F}" + neighbour
            if let first = pairOrigin[pair] {
                t.fail("neighbour_code", "duplicate neighbour \(SafeText.clip(neighbour)) of \(SafeText.clip(area)) (first at \(first.path):\(first.line))")
                continue
            }
            let rankKey = area + "\u{1F}" + String(rank)
            if let first = rankOrigin[rankKey] {
                t.fail("rank", "duplicate rank \(rank) among the neighbours of \(SafeText.clip(area)) (first at \(first.path):\(first.line))")
                continue
            }
            pairOrigin[pair] = (t.path, t.line)
            rankOrigin[rankKey] = (t.path, t.line)
            rows.append(Neighbour(area: area, neighbour: neighbour, rank: rank, closeness: closeness))
        }
    }

    private func areaCode(_ t: inout TableReader, _ column: String, _ areaIndex: [String: Int32]) -> String? {
        guard let code = t.requiredText(column, "an area code from areas.csv") else { return nil }
        guard areaIndex[code] != nil else {
            t.fail(column, "unknown area '\(SafeText.clip(code))': expected a code from areas.csv")
            return nil
        }
        return code
    }

    /// The rank: a whole number from 1 (the closest).
    private func rank(_ t: inout TableReader) -> Int? {
        let expected = "a whole number from 1 (1 = the closest)"
        guard t.requiredText("rank", expected) != nil else { return nil }
        guard let v = t.number("rank") else { return nil }
        guard v >= 1, v == v.rounded(), let n = Int(exactly: v) else {
            t.fail("rank", "rank: expected \(expected), found \(ValueFormatter.plain(v))")
            return nil
        }
        return n
    }
}
