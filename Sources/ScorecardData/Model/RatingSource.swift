/// Where the rating a row shows comes from (`Dataset.ratingSource(row:)`, the `rated_by` column
/// of reports).
public enum RatingSource: String, Sendable, CaseIterable {
    /// Published with the figure (observations.csv `rag`): shown as given.
    case published
    /// Computed by the RAG rule against a target (and floor) that applies to the figure's area.
    case rule
    /// The figure misses a target that applies to its area, but there is no floor, so the rule
    /// cannot tell AMBER from RED and the dataset does not say how it rates such misses
    /// (indicators.csv `missed_target`): shown as "target missed", with no colour.
    case undecided
}

/// A row's rating and where it came from: -1 none; 0...2 a published `RAG`; 4...6 a `RAG` by
/// rule (raw value + 4); 8 undecided. It shares the one byte a row costs with the row's
/// direction (`packed(rating:dot:)`, `Dataset.ratings`).
enum RatingCode {
    static let none: Int8 = -1
    static let undecided: Int8 = 8

    @inline(__always) static func published(_ rag: RAG) -> Int8 { rag.rawValue }
    @inline(__always) static func rule(_ rag: RAG) -> Int8 { rag.rawValue | 4 }

    /// The rating shown: nil for none and for undecided.
    @inline(__always) static func rag(_ code: Int8) -> RAG? {
        code >= 0 && code < undecided ? RAG(rawValue: code & 3) : nil
    }

    @inline(__always) static func source(_ code: Int8) -> RatingSource? {
        code < 0 ? nil : code < 4 ? .published : code < undecided ? .rule : .undecided
    }

    /// A rating code and a direction (a `DOT` raw value, -1 for none) in one byte: each plus
    /// one, the rating in the low four bits and the direction in the high four.
    @inline(__always) static func packed(rating: Int8, dot: Int8) -> UInt8 {
        UInt8(truncatingIfNeeded: rating &+ 1) & 15 | UInt8(truncatingIfNeeded: dot &+ 1) << 4
    }

    /// The rating code of a `packed` byte.
    @inline(__always) static func rating(packed byte: UInt8) -> Int8 { Int8(byte & 15) &- 1 }

    /// The direction (`DOT` raw value, -1 for none) of a `packed` byte.
    @inline(__always) static func dot(packed byte: UInt8) -> Int8 { Int8(byte >> 4) &- 1 }
}
