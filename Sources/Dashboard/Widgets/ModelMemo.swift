import Synchronization

/// Keeps the last table model a pane built, so that the several layouts of one frame (the key's
/// update, settling the cursor, drawing) and the frames that only move the cursor do not build
/// every row's cells again. A pane takes a new `version` each time it rebuilds (`next()`: unique
/// across copies of the pane, so a copy kept in the back history never reads another's model)
/// and asks for the model by that version and whatever else the model depends on.
final class ModelMemo<Key: Equatable & Sendable>: Sendable {
    private let slot = Mutex<(key: Key, model: TableModel)?>(nil)
    init() {}

    /// The model for `key`: the one kept if it was built for `key`, else `make()`'s, kept.
    func model(_ key: Key, _ make: () -> TableModel) -> TableModel {
        if let kept = slot.withLock({ $0 }), kept.key == key { return kept.model }
        let model = make()
        slot.withLock { $0 = (key, model) }
        return model
    }
}

/// Versions for `ModelMemo` keys: a new one for each rebuild of any pane.
enum ModelVersion {
    private static let counter = Atomic<Int>(0)

    /// A version no pane has had before.
    static func next() -> Int { counter.wrappingAdd(1, ordering: .relaxed).newValue }
}
