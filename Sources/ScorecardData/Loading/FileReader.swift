#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

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
        // Read straight into the array's storage: a 40 MB file is not zeroed first. A large file
        // is read in parts at once: the time goes in faulting in the fresh pages it is copied
        // to, which processors can share.
        var failure: Int32?
        var buffer = [UInt8](unsafeUninitializedCapacity: size + 1) { raw, filled in
            if size >= parallelReadBytes && ObservationReader.processors > 1, let base = raw.baseAddress {
                let parts = min(ObservationReader.processors, 4)
                let target = SharedBytes(base: base)
                let outcomes = Mutex([Int32?](repeating: nil, count: parts))
                let short = Atomic<Bool>(false)
                DispatchQueue.concurrentPerform(iterations: parts) { k in
                    let from = size * k / parts, to = size * (k + 1) / parts
                    var done = 0
                    let error = preadFully(fd, into: target.base + from, count: to - from, at: from, done: &done)
                    if error != nil { outcomes.withLock { $0[k] = error } }
                    if done < to - from { short.store(true, ordering: .relaxed) }
                }
                failure = outcomes.withLock { $0.compactMap { $0 }.first }
                // All of it read: go on after it. A file that shrank meanwhile is read again, in
                // one go, so the bytes are contiguous.
                if failure == nil && !short.load(ordering: .relaxed) {
                    filled = size
                    if lseek(fd, off_t(size), SEEK_SET) < 0 { failure = errno }
                    if failure == nil { failure = readFully(fd, into: raw, filled: &filled) }
                    return
                }
                if failure != nil { return }
                if lseek(fd, 0, SEEK_SET) < 0 { failure = errno; return }
            }
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

    /// Files of this size or more are read in parts at once.
    static let parallelReadBytes = 8 << 20

    /// The buffer being read into, shared by the readers of its parts, each writing only its
    /// own range, during the read.
    private struct SharedBytes: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
    }

    /// Reads `count` bytes at file offset `offset` into `target`, or until the file ends; the
    /// errno of a failed read, or nil. `done` is how many bytes were read.
    private static func preadFully(_ fd: Int32, into target: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int, done: inout Int) -> Int32? {
        untilDone(count, &done) { pread(fd, target + $0, count - $0, off_t(offset + $0)) }
    }

    /// Reads until `raw` is full or the file ends; the errno of a failed read, or nil.
    private static func readFully(_ fd: Int32, into raw: UnsafeMutableBufferPointer<UInt8>, filled: inout Int) -> Int32? {
        guard let base = raw.baseAddress else { return nil }
        return untilDone(raw.count, &filled) { Glibc.read(fd, base + $0, raw.count - $0) }
    }

    /// Calls `transfer(done)` (a read of the rest from `done` on) until `count` bytes are done or
    /// it reads nothing (the end of the file), retrying on EINTR; the errno of a failure, or nil.
    private static func untilDone(_ count: Int, _ done: inout Int, _ transfer: (Int) -> Int) -> Int32? {
        while done < count {
            let n = transfer(done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { break }
            done += n
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

/// A regular file read a chunk at a time, each chunk ending after a line feed, so that a large
/// observations.csv is never resident all at once. Never writes.
final class ChunkedFile {
    private let fd: Int32
    /// The file's size when opened.
    let size: Int
    /// Bytes read past the last chunk's final line feed: the start of the next chunk.
    private var carry: [UInt8] = []
    private var ended = false
    /// Bytes of the file in the chunks handed out so far.
    private(set) var consumed = 0

    /// Opens the regular file at `path`; nil if it cannot be.
    init?(path: String) {
        guard FileReader.kind(of: path) == .file else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.size = max(Int(st.st_size), 0)
    }

    deinit { close(fd) }

    /// The next chunk: about `bytes` bytes, up to and including the last line feed read (more
    /// when a line is longer), or the rest of the file at its end. Nil on a read error; `last`
    /// is true for the final chunk (which may be empty).
    func next(_ bytes: Int) -> (bytes: [UInt8], last: Bool)? {
        if ended { return ([], true) }
        var want = max(bytes, carry.count + 1)
        var searched = 0
        var buffer = carry
        carry = []
        while true {
            let have = buffer.count
            let old = buffer
            var failure: Int32?
            var eof = false
            buffer = [UInt8](unsafeUninitializedCapacity: want) { raw, filled in
                guard let base = raw.baseAddress else { return }
                old.withUnsafeBufferPointer { old in
                    if let from = old.baseAddress { base.initialize(from: from, count: have) }
                }
                filled = have
                while filled < want {
                    let n = Glibc.read(fd, base + filled, want - filled)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 {
                        eof = true
                        return
                    }
                    filled += n
                }
            }
            if failure != nil { return nil }
            if eof {
                ended = true
                consumed += buffer.count
                return (buffer, true)
            }
            if let lf = buffer[searched...].lastIndex(of: UInt8(ascii: "\n")) {
                carry = Array(buffer[(lf + 1)...])
                buffer.removeSubrange((lf + 1)...)
                consumed += buffer.count
                return (buffer, false)
            }
            // A line longer than the chunk: read on.
            searched = buffer.count
            want *= 2
        }
    }
}

/// Reads the chunks of a `ChunkedFile` one ahead, on another thread: the next chunk is read
/// while the current one is parsed. Only one read is under way at a time, and the file is
/// touched by nothing else meanwhile.
final class ChunkPrefetch: @unchecked Sendable {
    private let file: ChunkedFile
    private let bytes: Int
    private var pending: (bytes: [UInt8], last: Bool)?
    private var started = false
    private let ready = DispatchSemaphore(value: 0)

    init(_ file: ChunkedFile, bytes: Int) {
        self.file = file
        self.bytes = bytes
    }

    /// Starts reading the next chunk.
    func start() {
        precondition(!started, "a chunk is already being read")
        started = true
        DispatchQueue.global(qos: .userInitiated).async {
            self.pending = self.file.next(self.bytes)
            self.ready.signal()
        }
    }

    /// The chunk `start` read (nil on a read error), once it is read.
    func take() -> (bytes: [UInt8], last: Bool)? {
        precondition(started, "no chunk is being read")
        ready.wait()
        started = false
        defer { pending = nil }
        return pending
    }

    /// Waits for a read under way, if any, and drops what it read.
    func cancel() {
        if started { _ = take() }
    }
}

/// What identifies a version of a file cheaply: size, modification time and inode.
public struct FileSignature: Hashable, Sendable {
    public var size: Int64
    public var seconds: Int64
    public var nanoseconds: Int64
    public var inode: UInt64
}
