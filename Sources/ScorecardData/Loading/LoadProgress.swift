/// How far a load has got: bytes of observation files read so far of the total.
public struct LoadProgress: Sendable, Equatable {
    public var bytesRead: Int64
    public var bytesTotal: Int64

    public init(bytesRead: Int64, bytesTotal: Int64) {
        self.bytesRead = bytesRead
        self.bytesTotal = bytesTotal
    }

    /// The share read, 0...1; 1 when there is nothing to read.
    public var fraction: Double {
        guard bytesTotal > 0 else { return 1 }
        return min(1, max(0, Double(bytesRead) / Double(bytesTotal)))
    }
}

/// Calls a load's progress callback: monotonically, at most about once a megabyte (or chunk),
/// and exactly once with `bytesRead == bytesTotal`, at the end.
final class LoadProgressReporter: @unchecked Sendable {
    private let callback: (@Sendable (LoadProgress) -> Void)?
    private let total: Int64
    /// Bytes of the files done before the one being read.
    private var done: Int64 = 0
    private var lastReported: Int64 = -1
    private var finished = false
    /// Reports closer together than this are skipped.
    let step: Int64

    init(total: Int64, step: Int64 = 1 << 20, _ callback: (@Sendable (LoadProgress) -> Void)?) {
        self.total = max(0, total)
        self.step = step
        self.callback = callback
    }

    /// `bytes` of the current file have been read.
    func reached(_ bytes: Int64) {
        guard let callback, !finished else { return }
        let read = min(total, done + max(0, bytes))
        guard read > lastReported, read - max(0, lastReported) >= step || read == total else { return }
        if read == total { return }  // the final report is `finish`'s
        lastReported = read
        callback(LoadProgress(bytesRead: read, bytesTotal: total))
    }

    /// The current file, `bytes` long, is done.
    func fileDone(_ bytes: Int64) {
        done += max(0, bytes)
        reached(0)
    }

    /// The load is over (successfully or not): the one report with everything read.
    func finish() {
        guard let callback, !finished else { return }
        finished = true
        callback(LoadProgress(bytesRead: total, bytesTotal: total))
    }
}
