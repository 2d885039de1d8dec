/// Reads and validates neighbours.csv files (docs/data-format.md): both codes must be areas, the
/// rank a whole number from 1, and no area may be its own neighbour. An (area, neighbour) pair
/// and an (area, rank) pair may appear once in all the files loaded together.
struct NeighbourTable {
    private(set) var rows: [Neighbour] = []
    private var pairOrigin: [Pair: (path: String, line: Int)] = [:]
    private var rankOrigin: [Pair: (path: String, line: Int)] = [:]

    /// An area (its index in areas.csv) and a neighbour's index or a rank: the keys of the
    /// duplicate checks, with no string built a row.
    private struct Pair: Hashable {
        var area: Int32
        var other: Int
    }

    /// Reads the rows of one file, reporting problems at their cells.
    mutating func read(_ t: inout TableReader, areaIndex: [String: Int32]) {
        while t.nextRow() {
            let areaCell = areaCode(&t, "area_code", areaIndex)
            let neighbourCell = areaCode(&t, "neighbour_code", areaIndex)
            let rank = self.rank(&t)
            let closeness = t.text("closeness")
            guard let areaCell, let neighbourCell, let rank, !t.rowHasError else { continue }
            let area = areaCell.code, neighbour = neighbourCell.code
            if area == neighbour {
                t.fail("neighbour_code", "area '\(SafeText.clip(area))' cannot be its own neighbour")
                continue
            }
            let pair = Pair(area: areaCell.index, other: Int(neighbourCell.index))
            if let first = pairOrigin[pair] {
                t.fail("neighbour_code", "duplicate neighbour \(SafeText.clip(neighbour)) of \(SafeText.clip(area)) (first at \(first.path):\(first.line))")
                continue
            }
            let rankKey = Pair(area: areaCell.index, other: rank)
            if let first = rankOrigin[rankKey] {
                t.fail("rank", "duplicate rank \(rank) among the neighbours of \(SafeText.clip(area)) (first at \(first.path):\(first.line))")
                continue
            }
            pairOrigin[pair] = (t.path, t.line)
            rankOrigin[rankKey] = (t.path, t.line)
            rows.append(Neighbour(area: area, neighbour: neighbour, rank: rank, closeness: closeness))
        }
    }

    /// The cell's area code and its index in areas.csv.
    private func areaCode(_ t: inout TableReader, _ column: String, _ areaIndex: [String: Int32]) -> (code: String, index: Int32)? {
        guard let code = t.requiredText(column, "an area code from areas.csv") else { return nil }
        guard let index = areaIndex[code] else {
            t.fail(column, "unknown area '\(SafeText.clip(code))': expected a code from areas.csv")
            return nil
        }
        return (code, index)
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
