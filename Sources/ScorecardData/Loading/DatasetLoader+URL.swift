#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DatasetLoader {
    /// `load(directories:progress:)` for directories given as file URLs: the contract the
    /// dashboard's background reload and the CLI share (issue #17).
    public static func load(directories: [URL], progress: (@Sendable (LoadProgress) -> Void)?) throws -> LoadResult {
        try load(directories: directories.map(\.path), progress: progress)
    }
}
