/// A red, amber or green rating.
public enum RAG: Int8, Sendable, CaseIterable, Comparable {
    case red = 0, amber = 1, green = 2

    public static func < (lhs: RAG, rhs: RAG) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses `RED`/`AMBER`/`GREEN` (any case) or `R`/`A`/`G`.
    public init?(text: some StringProtocol) {
        switch text.uppercased() {
        case "RED", "R": self = .red
        case "AMBER", "A": self = .amber
        case "GREEN", "G": self = .green
        default: return nil
        }
    }

    /// `RED`, `AMBER` or `GREEN`.
    public var name: String {
        switch self {
        case .red: "RED"
        case .amber: "AMBER"
        case .green: "GREEN"
        }
    }

    /// `R`, `A` or `G`.
    public var letter: Character {
        switch self {
        case .red: "R"
        case .amber: "A"
        case .green: "G"
        }
    }
}

/// Direction of travel: whether the latest figure is better than the one before (polarity-aware).
public enum DOT: Int8, Sendable, CaseIterable {
    case worsened = 0, same = 1, improved = 2

    /// Parses `↑`/`↓`/`↔` (the scorecard's arrows) or `improved`/`worsened`/`same`, `up`/`down`.
    public init?(text: some StringProtocol) {
        switch text.lowercased() {
        case "↑", "improved", "up", "better": self = .improved
        case "↓", "worsened", "down", "worse": self = .worsened
        case "↔", "same", "unchanged", "=", "flat": self = .same
        default: return nil
        }
    }

    /// The scorecard's arrow: ↑ improved, ↓ worsened, ↔ same.
    public var arrow: String {
        switch self {
        case .improved: "↑"
        case .worsened: "↓"
        case .same: "↔"
        }
    }

    /// An ASCII form: `^`, `v`, `=`.
    public var ascii: String {
        switch self {
        case .improved: "^"
        case .worsened: "v"
        case .same: "="
        }
    }

    public var name: String {
        switch self {
        case .improved: "improved"
        case .worsened: "worsened"
        case .same: "same"
        }
    }
}
