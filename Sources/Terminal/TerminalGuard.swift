@preconcurrency import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Puts the terminal back the way we found it on every way out: `restore()`, normal exit
/// (atexit), and SIGINT, SIGTERM, SIGHUP and SIGQUIT. After restoring, a signal handler resets the
/// signal to its default action and re-raises it, so the process exits with the usual status
/// (130 for Ctrl-C, 143 for SIGTERM in a shell).
///
/// Crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT — a Swift runtime trap is SIGILL or
/// SIGTRAP) also restore the terminal, then hand the signal back to whatever handled it before
/// (the Swift backtracer, or the default action), so crash reports print on a sane screen.
///
/// The state lives in C-visible globals because a signal handler can capture nothing. It is
/// written only on the main thread before the handlers are installed, and read by the handlers.
enum TerminalGuard {
    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Installs the signal handlers and the atexit hook, once per process.
    static func installHandlers() {
        if !guardInstalled {
            guardInstalled = true
            prepareResetSequence()
            atexit(guardAtExit)
            for sig in handledSignals {
                // A signal the parent told us to ignore (nohup, a background job) stays ignored.
                var current = sigaction()
                if sigaction(sig, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler,
                   unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                    continue
                }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = guardSignalHandler
                sigemptyset(&action.sa_mask)
                // Block the other handled signals while one is being handled.
                for other in handledSignals { sigaddset(&action.sa_mask, other) }
                action.sa_flags = 0
                sigaction(sig, &action, nil)
            }
            let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
            saved.initialize(repeating: sigaction(), count: Int(NSIG))
            previousActions = saved
            for sig in crashSignals {
                var action = sigaction()
                action.__sigaction_handler.sa_sigaction = guardCrashHandler
                sigemptyset(&action.sa_mask)
                action.sa_flags = SA_ONSTACK | SA_SIGINFO
                sigaction(sig, &action, saved + Int(sig))
            }
        }
    }

    /// Marks curses as owning the terminal: from now on every way out restores it.
    static func activate() {
        guardActive = 1
    }

    /// Restores the terminal if curses is active. Safe to call any number of times.
    static func restore() {
        restoreTerminalIfActive()
    }
}

// MARK: - Process-wide state (touched by signal handlers: keep it plain)

nonisolated(unsafe) private var guardInstalled = false
/// 1 while curses owns the terminal. A sig_atomic_t-sized flag.
nonisolated(unsafe) private var guardActive: Int32 = 0
/// The bytes written after endwin: mouse reporting off (all modes ncurses may have turned on),
/// cursor visible, attributes reset. Allocated once, before any handler can run.
nonisolated(unsafe) private var resetBytes: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var resetCount = 0
/// The crash signals' actions before ours, indexed by signal number.
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>? = nil

private let resetSequence = "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1006l\u{1b}[?25h\u{1b}[0m"

private func prepareResetSequence() {
    let bytes = Array(resetSequence.utf8)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
    buffer.initialize(from: bytes, count: bytes.count)
    resetBytes = buffer
    resetCount = bytes.count
}

/// endwin (which leaves the alternate screen, shows the cursor and restores the tty modes saved
/// at start-up), then the reset bytes with write(2). Does nothing if not active.
private func restoreTerminalIfActive() {
    guard guardActive != 0 else { return }
    guardActive = 0
    if isendwin() == false {
        _ = mousemask(0, nil)
        _ = curs_set(1)
        _ = endwin()
    }
    if let bytes = resetBytes {
        var offset = 0
        while offset < resetCount {
            let n = write(STDOUT_FILENO, bytes + offset, resetCount - offset)
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
    }
}

private let guardAtExit: @convention(c) () -> Void = {
    restoreTerminalIfActive()
}

private let guardSignalHandler: @convention(c) (Int32) -> Void = { sig in
    let savedErrno = errno
    restoreTerminalIfActive()
    errno = savedErrno
    // Die the way the signal would have killed us: default action, unblocked, re-raised.
    signal(sig, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, sig)
    sigprocmask(SIG_UNBLOCK, &set, nil)
    raise(sig)
}

private let guardCrashHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, info, _ in
    restoreTerminalIfActive()
    // Put back the previous action and return: a fault re-executes and reaches it with its
    // original details. A signal that was sent (kill, raise, abort: si_code <= 0) would not come
    // again, and the process would run on with curses half torn down, so it is raised again; it
    // is blocked until this handler returns, then the previous action takes it.
    if let saved = previousActions {
        sigaction(sig, saved + Int(sig), nil)
    } else {
        signal(sig, SIG_DFL)
    }
    if let info, info.pointee.si_code <= 0 {
        raise(sig)
    }
}
