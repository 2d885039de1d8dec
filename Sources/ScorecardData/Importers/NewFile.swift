#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Creating a file that must not exist yet: the one way ragtop writes a new file (a dataset's
/// files in `DatasetWriter`, the dashboard's exports).
public enum NewFile {
    /// Creates `path` with `bytes` and syncs it. O_EXCL: an existing file is never opened, let
    /// alone changed. Returns nil, or the errno of what failed (EEXIST: the name is taken); a
    /// file that could not be written whole is removed.
    public static func create(_ path: String, _ bytes: [UInt8]) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        var done = 0
        var failure: Int32?
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                #if canImport(Glibc)
                return Glibc.write(fd, base + done, raw.count - done)
                #elseif canImport(Musl)
                return Musl.write(fd, base + done, raw.count - done)
                #else
                return Darwin.write(fd, base + done, raw.count - done)
                #endif
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                failure = n < 0 ? errno : EIO
                break
            }
            done += n
        }
        if failure == nil && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == nil { failure = errno }
        if failure != nil { unlink(path) }
        return failure
    }

    /// The C library's words for an errno.
    public static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
