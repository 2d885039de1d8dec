import ScorecardData

/// What the dashboard asks its host to do after an update. The host (the executable's effect
/// runner) does the I/O and reports the outcome back through `update(_:)` as an
/// `EffectResult`.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write `contents` to a new file named like `fileName` in the working directory.
    case export(fileName: String, contents: String)
    case cycleTheme
    /// Load the data again. The dashboard asks for one reload at a time: a request while one
    /// runs is queued (`ReloadStatus.queued`) and asked for when it ends.
    case reload
}

/// What came of an effect, reported back to the dashboard.
public enum EffectResult: Sendable {
    /// The export was written to `path`.
    case exported(path: String)
    case exportFailed(String)
    /// New data was loaded at `time` (wall clock, for the status line).
    case reloaded(Dataset, at: String)
    /// A reload failed: the last good data stays.
    case reloadFailed(String)
    /// A reload started in the background, reading `file` (for the progress line); its
    /// progress and then `.reloaded` or `.reloadFailed` follow.
    case reloadStarted(file: String)
    /// How far the reload in the background has got.
    case reloadProgress(LoadProgress)
    /// The theme in use is now `name`; `message` says so (and any problem with it).
    case themeChanged(name: String, message: String?, isError: Bool)
}
