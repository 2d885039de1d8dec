#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Wakes the main loop's `TerminalScreen.nextEvent` from another thread (a reload in the
/// background reporting progress): a non-blocking pipe whose read end is polled with the
/// keyboard. Signals while the loop is busy collapse into one wake-up.
public final class Wakeup: Sendable {
    let readFD: Int32
    let writeFD: Int32

    /// A new pipe; nil when none can be made (out of file descriptors).
    public init?() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Wakes the loop. Safe from any thread; never blocks (a full pipe already wakes it).
    public func signal() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe, so the next wait sleeps until the next signal.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }
}
