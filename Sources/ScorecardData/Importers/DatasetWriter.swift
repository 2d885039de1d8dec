#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a dataset directory safely: every file goes to a new temporary directory beside the
/// destination, the result is loaded and validated with `DatasetLoader`, and only then moved into
/// place (one rename for a new directory; one rename per file when replacing the dataset files of
/// an existing one, leaving its other files alone). A failure leaves the destination untouched.
public enum DatasetWriter {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The destination exists and replacing was not asked for.
        case exists(String)
        /// A directory or file could not be created or moved.
        case cannotCreate(String)
        /// The dataset did not validate (an importer bug, or references to areas it lacks).
        case invalid([Diagnostic])

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists: use --force to replace its dataset files, or --merge to add to them"
            case .cannotCreate(let why): why
            case .invalid(let d): d.map(\.description).joined(separator: "\n")
            }
        }
    }

    /// Writes `files` to the directory `path`. When `path` exists it must be a directory and
    /// `replacing` must be true; its dataset files (areas.csv … waits.csv) are replaced, and the
    /// ones `files` has no rows for are removed. Returns the validated load of the new files.
    @discardableResult
    public static func write(_ files: DatasetFiles, to path: String, replacing: Bool) throws(Failure) -> LoadResult {
        let out = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let existing = FileReader.kind(of: out)
        switch existing {
        case .missing: break
        case .directory: if !replacing { throw .exists(out) }
        default: throw .cannotCreate("\(out) exists and is not a directory")
        }
        let parent = out.lastIndex(of: "/").map { $0 == out.startIndex ? "/" : String(out[..<$0]) } ?? "."
        guard FileReader.kind(of: parent) == .directory else {
            throw .cannotCreate("cannot create \(out): the directory \(parent) does not exist")
        }
        let name = out.lastPathComponent
        var temp = ""
        for attempt in 0..<100 {
            let candidate = (parent == "/" ? "" : parent) + "/.\(name).ragtop-import-\(getpid())-\(attempt)"
            if mkdir(candidate, 0o755) == 0 { temp = candidate; break }
            if errno != EEXIST { throw .cannotCreate("cannot create a temporary directory in \(parent): \(String(cString: strerror(errno)))") }
        }
        guard !temp.isEmpty else { throw .cannotCreate("cannot create a temporary directory in \(parent)") }
        let rendered = files.renderedFiles()
        func cleanUp() {
            for f in DatasetLoader.requiredFiles + DatasetLoader.optionalFiles { unlink(temp + "/" + f) }
            rmdir(temp)
        }
        for (file, contents) in rendered {
            if let why = writeNew(temp + "/" + file, Array(contents.utf8)) {
                cleanUp()
                throw .cannotCreate("cannot write \(out)/\(file): \(why)")
            }
        }
        let result: LoadResult
        do {
            result = try DatasetLoader.load(directory: temp)
        } catch {
            cleanUp()
            throw .invalid(error.diagnostics.map { d in
                var d = d
                if d.path.hasPrefix(temp) { d.path = out + d.path.dropFirst(temp.count) }
                return d
            })
        }
        if existing == .missing {
            if rename(temp, out) != 0 {
                let why = String(cString: strerror(errno))
                cleanUp()
                throw .cannotCreate("cannot create \(out): \(why)")
            }
        } else {
            let written = Set(rendered.map(\.name))
            // Required files first, so a reader never sees observations without their areas.
            for f in DatasetLoader.requiredFiles + DatasetLoader.optionalFiles {
                if written.contains(f) {
                    if rename(temp + "/" + f, out + "/" + f) != 0 {
                        let why = String(cString: strerror(errno))
                        cleanUp()
                        throw .cannotCreate("cannot replace \(out)/\(f): \(why)")
                    }
                } else if FileReader.kind(of: out + "/" + f) == .file {
                    unlink(out + "/" + f)
                }
            }
            rmdir(temp)
        }
        return result
    }

    /// Creates `path` (which must not exist) with `bytes`; returns why it failed, or nil.
    private static func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
        NewFile.create(path, bytes).map(NewFile.describe)
    }
}
