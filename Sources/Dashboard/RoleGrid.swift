/// Each cell's style role as one letter, a line per row — the second half of a golden screen
/// (and of `ragtop snapshot --roles`), so a change of style fails a test as a change of text
/// does, as ratatui's TestBackend compares styles.
public enum RoleGrid {
    /// The letter of a role. Every role has one (the switch is exhaustive: a new role needs a
    /// letter before the code builds).
    public static func letter(_ role: StyleRole) -> Character {
        switch role {
        case .text: "."
        case .muted: "m"
        case .header: "h"
        case .title: "t"
        case .border: "b"
        case .selection: "s"
        case .status: "S"
        case .statusKey: "K"
        case .breadcrumb: "c"
        case .error: "E"
        case .warning: "w"
        case .changed: "C"
        case .ragRed: "R"
        case .ragAmber: "A"
        case .ragGreen: "G"
        case .ragNone: "N"
        case .chartLine: "l"
        case .chartTarget: "T"
        case .chartFloor: "F"
        case .chartBenchmark: "B"
        case .chartAxis: "x"
        case .chartCompare1: "1"
        case .chartCompare2: "2"
        case .chartCompare3: "3"
        case .chartCompare4: "4"
        case .tileEmpty: "e"
        case .highlight: "H"
        case .helpKey: "k"
        }
    }

    /// The line between a screen and its roles.
    public static let separator = "-- roles --"

    /// The separator, then a line of role letters per row of the canvas (trailing plain text
    /// cells trimmed).
    public static func text(_ canvas: Canvas) -> String {
        var lines = [separator]
        for y in 0..<canvas.height {
            var line = String((0..<canvas.width).map { letter(canvas[$0, y].role) })
            while line.last == "." { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
