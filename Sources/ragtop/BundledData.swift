import Foundation

/// The data that comes with ragtop — the Kent scorecard, the national comparators and the theme
/// files — and the one place that knows where it lives.
///
/// An installed ragtop keeps it in `PREFIX/share/ragtop/`, found from the executable's own path
/// (`/proc/self/exe`, so a moved tree still finds its data); a build folder keeps it in
/// SwiftPM's `ragtop_ragtop.resources` beside the binary. `RAGTOP_DATA`, `XDG_DATA_HOME` and
/// `XDG_DATA_DIRS` name other places. Nothing here crashes when the data is missing: the caller
/// gets every place that was looked in.
enum BundledData {
    /// The Kent dataset's folder name, which is also its edition.
    static let name = "kent-cype-2024-10"
    static let nationalName = "national"
    static let themesName = "themes"
    /// What the bundled Kent dataset is, for `--version`.
    static let edition = "Kent CYPE Directorate Scorecard, October 2024"
    /// SwiftPM's resource folder for the `ragtop` target, beside the binary in a build folder.
    static let buildFolderName = "ragtop_ragtop.resources"

    /// A folder that may hold ragtop's data (`kent-cype-2024-10/`, `national/`, `themes/`), and
    /// why it is searched.
    struct Place: Equatable, Sendable {
        var path: String
        var reason: String
    }

    /// Where the bundled data was found, or where it was looked for.
    enum Lookup: Sendable {
        /// The Kent directory, then the national one (absent when left out or missing).
        case found(kent: String, national: String?, warnings: [String])
        case missing(looked: [Place], explicit: String?)
    }

    /// The running executable's path, symlinks resolved: /proc/self/exe on Linux, else the
    /// command's own path.
    static func executablePath() -> String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), target.hasPrefix("/") {
            return target
        }
        guard let arg0 = CommandLine.arguments.first, arg0.contains("/") else { return nil }
        let absolute = arg0.hasPrefix("/") ? arg0 : FileManager.default.currentDirectoryPath + "/" + arg0
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
    }

    /// The folders searched for ragtop's data, in order: `RAGTOP_DATA`; `bin/../share/ragtop`
    /// beside the executable; the build folder's resources beside it; `$XDG_DATA_HOME/ragtop`
    /// (default `~/.local/share/ragtop`); each `$XDG_DATA_DIRS/ragtop` (default
    /// `/usr/local/share:/usr/share`). Relative XDG paths are ignored, as the XDG spec says.
    static func searchPath(environment: [String: String], executable: String?) -> [Place] {
        var places: [Place] = []
        if let dir = environment["RAGTOP_DATA"], !dir.isEmpty {
            places.append(Place(path: expandTilde(dir, environment: environment), reason: "RAGTOP_DATA"))
        }
        if let executable {
            let bin = (executable as NSString).deletingLastPathComponent
            let prefix = (bin as NSString).deletingLastPathComponent
            places.append(Place(path: (prefix as NSString).appendingPathComponent("share/ragtop"), reason: "beside the executable \(executable)"))
            places.append(Place(path: (bin as NSString).appendingPathComponent(buildFolderName), reason: "the build folder of \(executable)"))
        }
        if let home = environment["XDG_DATA_HOME"], home.hasPrefix("/") {
            places.append(Place(path: home + "/ragtop", reason: "XDG_DATA_HOME"))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            places.append(Place(path: home + "/.local/share/ragtop", reason: "XDG_DATA_HOME unset: ~/.local/share"))
        }
        let dirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        let unset = environment["XDG_DATA_DIRS"].map(\.isEmpty) ?? true
        for dir in dirs.split(separator: ":").map(String.init) where dir.hasPrefix("/") {
            let trimmed = dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir
            places.append(Place(path: trimmed + "/ragtop", reason: unset ? "XDG_DATA_DIRS unset: /usr/local/share:/usr/share" : "XDG_DATA_DIRS"))
        }
        var seen = Set<String>()
        return places.filter { seen.insert(($0.path as NSString).standardizingPath).inserted }
    }

    /// The search path of this process.
    static var searchPath: [Place] {
        searchPath(environment: ProcessInfo.processInfo.environment, executable: executablePath())
    }

    /// The theme folders of the search path that exist, in search order.
    static var themeDirectories: [String] {
        searchPath.map { $0.path + "/" + themesName }.filter(isDirectory)
    }

    /// Finds the bundled datasets: the first folder of the search path with a `kent-cype-2024-10/`
    /// and the `national/` beside it. `RAGTOP_DATA`, when set, is the only folder looked in.
    /// `RAGTOP_BUNDLED_DATA` names the Kent directory itself, and `RAGTOP_BUNDLED_NATIONAL` the
    /// national one (empty: left out).
    static func lookup(environment: [String: String] = ProcessInfo.processInfo.environment, executable: String? = executablePath()) -> Lookup {
        var places = searchPath(environment: environment, executable: executable)
        let explicit = environment["RAGTOP_DATA"].flatMap { $0.isEmpty ? nil : $0 }
        if explicit != nil { places = Array(places.prefix(1)) }
        let root = places.first { isDirectory($0.path + "/" + name) }?.path
        let kent: String
        if let dir = environment["RAGTOP_BUNDLED_DATA"], !dir.isEmpty {
            kent = dir
        } else if let root {
            kent = root + "/" + name
        } else {
            return .missing(looked: places, explicit: explicit)
        }
        var warnings: [String] = []
        var national: String?
        if let dir = environment["RAGTOP_BUNDLED_NATIONAL"] {
            national = dir.isEmpty ? nil : dir
        } else if let root, isDirectory(root + "/" + nationalName) {
            national = root + "/" + nationalName
        } else {
            warnings.append("no \(nationalName)/ folder beside \(kent); the national comparators are left out")
        }
        return .found(kent: kent, national: national, warnings: warnings)
    }

    /// Kent, then the national data. Prints what is wrong and exits 66 when the data is missing.
    static func directories() throws -> [String] {
        switch lookup() {
        case .found(let kent, let national, let warnings):
            for w in warnings { Console.error("ragtop: warning: \(w)") }
            return [kent] + (national.map { [$0] } ?? [])
        case .missing(let looked, let explicit):
            Console.error(missingMessage(looked: looked, explicit: explicit))
            throw ExitStatus.noInput
        }
    }

    /// Where ragtop looked and how to point it at the data.
    static func missingMessage(looked: [Place], explicit: String?) -> String {
        var lines: [String]
        if let explicit {
            lines = ["ragtop: RAGTOP_DATA=\(explicit) does not hold the bundled data (no \(name)/ folder in it)"]
        } else {
            lines = ["ragtop: cannot find the bundled data (the \(name)/ folder); looked in:"]
            lines += looked.map { "  \($0.path)  (\($0.reason))" }
        }
        lines.append("ragtop: open a dataset with --data DIR, or set RAGTOP_DATA to the folder that holds \(name)/ and \(nationalName)/ (share/ragtop of an install)")
        return lines.joined(separator: "\n")
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    private static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}
