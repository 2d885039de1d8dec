import ArgumentParser
import Foundation
import Themes

/// Where `e` writes its CSV files, and who chose it: `--export-dir`, else config.toml's
/// `export_dir`, else the working directory. The dashboard and `snapshot` hand it to the one
/// `EffectRunner`.
struct ExportFolder: Equatable {
    /// An absolute path.
    var path: String
    /// `--export-dir`, the config file's `PATH:LINE`, or `default: the current directory`.
    var source: String

    static let defaultSource = "default: the current directory"

    /// The working directory.
    static var currentDirectory: ExportFolder {
        ExportFolder(path: FileManager.default.currentDirectoryPath, source: defaultSource)
    }

    /// The folder chosen by `flag` (relative to the working directory, `~/` expanded), else the
    /// config's `export_dir`, else the working directory. Nothing is checked here.
    static func resolve(flag: String?, config: RagtopConfig?, environment: [String: String] = ProcessInfo.processInfo.environment) -> ExportFolder {
        if let flag, !flag.isEmpty {
            let expanded = RagtopConfig.expandingHome(flag, environment: environment) ?? flag
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            return ExportFolder(path: URL(fileURLWithPath: expanded, relativeTo: cwd).standardizedFileURL.path, source: "--export-dir")
        }
        if let config, let dir = config.exportDir {
            return ExportFolder(path: dir, source: "\(config.path):\(config.line(of: "export_dir"))")
        }
        return currentDirectory
    }

    /// Refuses a `--export-dir` that is not a writable folder (exit 73, as for any output that
    /// cannot be created); a folder from the config or the default is checked when `e` writes.
    func checkFlag() throws {
        guard source == "--export-dir", let why = RagtopConfig.folderProblem(path) else { return }
        Console.error("ragtop: --export-dir: \(why)")
        throw ExitStatus.cannotCreate
    }

    /// Why an export failed, then where the folder setting came from: `/x does not exist;
    /// nothing was written (export_dir, config.toml:3)`.
    func failure(_ why: String) -> String {
        let from: String
        switch source {
        case Self.defaultSource: from = "the current directory"
        case "--export-dir": from = "--export-dir"
        default: from = "export_dir, " + ((source as NSString).lastPathComponent)
        }
        return "\(why); nothing was written (\(from))"
    }
}

extension ViewOptions {
    /// The export folder for the dashboard and `snapshot`; a bad `--export-dir` exits 73.
    func exportFolder(config: RagtopConfig?) throws -> ExportFolder {
        let folder = ExportFolder.resolve(flag: exportDir, config: config)
        try folder.checkFlag()
        return folder
    }
}
