import Dashboard
import Foundation
import ScorecardData
import Synchronization

/// The progress bar a CLI command draws on standard error while a load runs, once it has taken
/// `delay` (half a second): `ragtop: loading [█████     ] 48%  190 of 400 MB`. Redrawn in place
/// at most ten times a second, and erased when the load ends, so that what follows starts on a
/// clean line. Nothing is drawn when standard error is not a terminal (a pipe, a file, a test)
/// or when the load ends first.
final class LoadProgressBar: Sendable {
    /// Loads that end sooner draw nothing.
    static let delay: Double = 0.5
    static let width = 30

    private struct State {
        var shown = false
        var lastDraw: Double = 0
        var lastPercent = -1
        var finished = false
    }

    private let state = Mutex(State())
    private let start: Double
    private let glyphs: Glyphs
    private let write: @Sendable (String) -> Void

    /// A bar on standard error, or nil when standard error is not a terminal.
    static func onStandardError() -> LoadProgressBar? {
        guard isatty(2) == 1 else { return nil }
        return LoadProgressBar(ascii: !Locale.isUTF8) { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    init(ascii: Bool, write: @escaping @Sendable (String) -> Void) {
        self.start = Self.now()
        self.glyphs = Glyphs(ascii: ascii)
        self.write = write
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// What the loader calls as it reads (from any thread).
    func update(_ progress: LoadProgress) {
        let t = Self.now()
        let percent = Int(progress.fraction * 100)
        let text: String? = state.withLock { s in
            guard !s.finished, t - start >= Self.delay, percent != s.lastPercent, !s.shown || t - s.lastDraw >= 0.1 || percent == 100 else { return nil }
            s.shown = true
            s.lastDraw = t
            s.lastPercent = percent
            return "\r" + line(progress) + "\u{1B}[K"
        }
        if let text { write(text) }
    }

    /// The load is over: erases the bar if one was drawn.
    func finish() {
        let shown = state.withLock { s in
            s.finished = true
            return s.shown
        }
        if shown { write("\r\u{1B}[K") }
    }

    /// The bar's text, without the carriage return.
    func line(_ progress: LoadProgress) -> String {
        let filled = min(Self.width, Int(progress.fraction * Double(Self.width)))
        let bar = glyphs.bar(filled) + String(repeating: " ", count: Self.width - filled)
        let mb = { (bytes: Int64) in String(format: "%.0f", Double(bytes) / 1e6) }
        return "ragtop: loading [\(bar)] \(String(format: "%3d", Int(progress.fraction * 100)))%  \(mb(progress.bytesRead)) of \(mb(progress.bytesTotal)) MB"
    }
}
