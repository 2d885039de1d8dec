import ScorecardData

/// The status line while a reload runs: `reloading observations.csv ▕████░░░░▏ 42%`, with
/// `[####----] 42%` under --ascii (the glyphs are the `.progress` mark's), and
/// `· another reload queued` when one is waiting.
enum ProgressLine {
    /// Cells of the bar between its ends.
    static let barWidth = 8

    static func text(_ reload: ReloadStatus, glyphs: Glyphs) -> String {
        let parts = Array(glyphs[.progress])
        let (left, done, todo, right) = parts.count == 4 ? (parts[0], parts[1], parts[2], parts[3]) : ("[", "#", "-", "]")
        let fraction = reload.progress?.fraction ?? 0
        // Whole cells and whole percent, rounded down: 100% and a full bar only when all is read.
        let filled = min(barWidth, Int((fraction * Double(barWidth)).rounded(.down)))
        let percent = min(100, Int((fraction * 100).rounded(.down)))
        let bar = String(left) + String(repeating: done, count: filled) + String(repeating: todo, count: barWidth - filled) + String(right)
        let queued = reload.queued ? " \(glyphs[.joiner]) another reload queued" : ""
        return "reloading \(reload.file) \(bar) \(percent)%\(queued)"
    }
}
