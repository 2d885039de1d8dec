import Dashboard

// Themes: colour theme files (TOML) and ragtop's config file.
//
// - `ThemeParser` reads one theme file into a `ThemeDocument` (never throws: diagnostics).
// - `ThemeCatalog` finds themes (--themes-dir, $XDG_CONFIG_HOME/ragtop/themes, bundled), loads
//   them with their `base`, and knows the cycling order for the dashboard's `t` key.
// - `RagtopConfig` reads config.toml; `ThemeChoice` applies flag > env > config > default.
// - `BundledThemes` holds the text of the files in the repository's themes/ folder.

extension ThemeCatalog {
    /// The theme to use for `choice`. With no choice: `default`, or `mono` when colour is off.
    /// When the chosen name or file cannot be found, the second value says why and the default
    /// is used (the caller decides whether that is an error).
    public func select(_ choice: ThemeChoice?, colorOff: Bool) -> (theme: LoadedTheme, problem: ThemeLookupError?) {
        let fallbackName = colorOff ? "mono" : "default"
        if let choice {
            switch find(choice.value) {
            case .success(let entry): return (load(entry), nil)
            case .failure(let why):
                return (fallback(fallbackName), ThemeLookupError(message: "\(choice.source): \(why.message); using the \(fallbackName) theme"))
            }
        }
        return (fallback(fallbackName), nil)
    }

    private func fallback(_ name: String) -> LoadedTheme {
        if case .success(let entry) = find(name) {
            let loaded = load(entry)
            if !loaded.hasErrors { return loaded }
        }
        let entry = ThemeEntry(name: "default", origin: .bundled, path: nil, text: "")
        return LoadedTheme(theme: Theme.builtInDefault, entry: entry, description: nil, diagnostics: [])
    }
}
