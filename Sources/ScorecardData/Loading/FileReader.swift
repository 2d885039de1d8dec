#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files into memory with POSIX calls, so failures can be told apart (missing, a
/// directory, unreadable) and large files are read without extra copies. Never writes.
public enum FileReader {
    public enum Failure: Error, Equatable, Sendable {
        case missing
        case isDirectory
        case unreadable(String)

        public var message: String {
            switch self {
            case .missing: "no such file"
            case .isDirectory: "is a directory, expected a file"
            case .unreadable(let why): "cannot read: \(why)"
            }
        }
    }

    /// The kind of thing at `path`.
    public enum Kind: Sendable { case missing, file, directory, other }

    public static func kind(of path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// Reads the file at `path`.
    public static func read(_ path: String) -> Result<[UInt8], Failure> {
        switch kind(of: path) {
        case .missing: return .failure(.missing)
        case .directory: return .failure(.isDirectory)
        // A FIFO or device would block the reader (and a reload) forever.
        case .other: return .failure(.unreadable("not a regular file"))
        case .file: break
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var st = stat()
        _ = fstat(fd, &st)
        let size = max(Int(st.st_size), 0)
        // Read straight into the array's storage: a 40 MB file is not zeroed first.
        var failure: Int32?
        var buffer = [UInt8](unsafeUninitializedCapacity: size + 1) { raw, filled in
            failure = readFully(fd, into: raw, filled: &filled)
        }
        // A file that grew after fstat fills the buffer: read the rest in blocks.
        var full = buffer.count == size + 1
        while failure == nil && full {
            let block = [UInt8](unsafeUninitializedCapacity: 65536) { raw, filled in
                failure = readFully(fd, into: raw, filled: &filled)
            }
            buffer += block
            full = block.count == 65536
        }
        if let failure { return .failure(.unreadable(String(cString: strerror(failure)))) }
        return .success(buffer)
    }

    /// Reads until `raw` is full or the file ends; the errno of a failed read, or nil.
    private static func readFully(_ fd: Int32, into raw: UnsafeMutableBufferPointer<UInt8>, filled: inout Int) -> Int32? {
        while filled < raw.count {
            let n = Glibc.read(fd, raw.baseAddress! + filled, raw.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { break }
            filled += n
        }
        return nil
    }

    /// The modification time and size of a file, for change detection (nil if missing).
    public static func signature(of path: String) -> FileSignature? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileSignature(size: Int64(st.st_size), seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec), inode: UInt64(st.st_ino))
    }
}

/// What identifies a version of a file cheaply: size, modification time and inode.
public struct FileSignature: Hashable, Sendable {
    public var size: Int64
    public var seconds: Int64
    public var nanoseconds: Int64
    public var inode: UInt64
}
