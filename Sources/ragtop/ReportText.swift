import Dashboard
import ScorecardData

extension ReportTextStyle {
    /// `report --format text` on this terminal: the dashboard's glyphs (`✖ RED`, `↑`; ASCII
    /// `X RED`, `^`), and on a colour terminal the built-in theme's RAG colours and a bold
    /// header.
    static func terminal(ascii: Bool, color: Bool) -> ReportTextStyle {
        let glyphs = Glyphs(ascii: ascii)
        @Sendable func styled(_ role: StyleRole, _ text: String) -> String {
            color ? AnsiRenderer.sgr(Theme.builtInDefault.style(role), depth: .ansi16) + text + "\u{1B}[0m" : text
        }
        return ReportTextStyle(rating: { glyphs.ragWord($0) }, travel: { $0.map { glyphs.dot($0) } ?? "" },
                               paint: { rag, cell in styled(Glyphs.role(for: rag), cell) }, header: { styled(.header, $0) },
                               separator: " \(glyphs[.joiner]) ")
    }
}
