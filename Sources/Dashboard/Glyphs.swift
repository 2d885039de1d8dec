import ScorecardData

/// The glyphs ragtop draws, with ASCII stand-ins for terminals without UTF-8. RAG glyphs are
/// distinct shapes and letters, so colour is never the only signal.
public struct Glyphs: Sendable, Equatable {
    public var ascii: Bool

    public init(ascii: Bool) { self.ascii = ascii }

    /// ✖ red, ▲ amber, ● green, · none (ASCII: X, !, O, .).
    public func rag(_ rag: RAG?) -> Character {
        switch rag {
        case .red: ascii ? "X" : "✖"
        case .amber: ascii ? "!" : "▲"
        case .green: ascii ? "O" : "●"
        case nil: ascii ? "." : "·"
        }
    }

    /// Glyph and letter: `✖ R`.
    public func ragLabel(_ rag: RAG?) -> String {
        guard let rag else { return ascii ? ". -" : "· -" }
        return "\(self.rag(rag)) \(rag.letter)"
    }

    public func dot(_ dot: DOT?) -> String {
        guard let dot else { return " " }
        return ascii ? dot.ascii : dot.arrow
    }

    public var separator: String { ascii ? ">" : "›" }
    public var ellipsis: Character { ascii ? "~" : "…" }
    public var horizontal: Character { ascii ? "-" : "─" }
    public var vertical: Character { ascii ? "|" : "│" }
    public var bullet: Character { ascii ? "*" : "•" }
    public var fullBlock: Character { ascii ? "#" : "█" }
    /// Sparkline levels, lowest first.
    public var sparkLevels: [Character] { ascii ? ["_", ".", "-", "~", "=", "^", "*", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] }

    public static func role(for rag: RAG?) -> StyleRole {
        switch rag {
        case .red: .ragRed
        case .amber: .ragAmber
        case .green: .ragGreen
        case nil: .ragNone
        }
    }
}
