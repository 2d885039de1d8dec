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
