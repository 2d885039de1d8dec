import Synchronization

/// Keeps the last table model (and its columns' widths) a pane built, so that the several
/// layouts of one frame (the key's update, settling the cursor, drawing) and the frames that only
/// move the cursor do not build and measure every row's cells again. A pane takes a new version
/// each time it builds its rows again (`ModelVersion.next()`: unique across copies of the pane, so
/// a copy kept in the back history never reads another's) and asks by that version and whatever
/// else the value depends on; a key that misses a dependency shows a stale table.
final class ModelMemo<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let slot = Mutex<(key: Key, value: Value)?>(nil)

    init() {}

    /// The value for `key`: the one kept if it was made for `key`, else `make()`'s, kept.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let kept = slot.withLock({ $0 }), kept.key == key { return kept.value }
        let value = make()
        slot.withLock { $0 = (key, value) }
        return value
    }
}

/// Versions for `ModelMemo` keys: a new one for each rebuild of any pane.
enum ModelVersion {
    private static let counter = Atomic<Int>(0)

    /// A version no pane has had before.
    static func next() -> Int { counter.wrappingAdd(1, ordering: .relaxed).newValue }
}
