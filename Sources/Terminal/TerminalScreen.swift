@preconcurrency import CNcurses
import Dashboard
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// How the terminal should be driven.
public struct TerminalOptions: Sendable {
    public var colorMode: ColorMode
    public var mouse: Bool

    public init(colorMode: ColorMode = .auto, mouse: Bool = true) {
        self.colorMode = colorMode
        self.mouse = mouse
    }
}

/// Why the terminal could not be set up.
public enum TerminalError: Error, CustomStringConvertible, Sendable {
    case notATerminal
    case cannotOpen(term: String)
    case incapable(term: String)
    case alreadyActive

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal (use `ragtop snapshot` to print a screen instead)"
        case .cannotOpen(let term):
            return "cannot open the terminal: no usable terminfo entry for TERM=\(term.isEmpty ? "(unset)" : term)"
        case .incapable(let term):
            return "the terminal (TERM=\(term)) cannot move the cursor, so it cannot show the dashboard; use `ragtop snapshot` instead"
        case .alreadyActive:
            return "the terminal is already in use by another TerminalScreen"
        }
    }
}

/// The ncurses screen. Paints canvases (diffed against the last one painted), decodes input,
/// and restores the terminal on every way out. Main-actor only: ncurses is single-threaded.
@MainActor
public final class TerminalScreen {
    public private(set) var width: Int
    public private(set) var height: Int
    /// The colour depth in use: what was detected (or forced) and the terminal can do.
    public let colorDepth: ColorDepth

    private var previous: Canvas?
    private var previousTheme: Theme?
    private var needsFullRepaint = true
    private var restored = false
    private var palette: ColorPairs
    private static var active = false

    public init(options: TerminalOptions) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard !TerminalScreen.active else { throw TerminalError.alreadyActive }
        setlocale(LC_ALL, "")
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        // Handlers first, so ncurses sees SIGINT/SIGTERM as taken and leaves them to us.
        TerminalGuard.installHandlers()
        // newterm rather than initscr: initscr exits the process when TERM is unusable.
        guard let created = newterm(nil, stdout, stdin) else { throw TerminalError.cannotOpen(term: term) }
        TerminalGuard.activate()
        // A terminal that cannot move the cursor (TERM=dumb) cannot show a dashboard.
        if !Self.hasCapability("cup") {
            TerminalGuard.restore()
            delscreen(created)
            throw TerminalError.incapable(term: term)
        }
        TerminalScreen.active = true
        let screen = shim_stdscr()
        _ = cbreak()            // not raw(): Ctrl-C still raises SIGINT, Ctrl-Z still suspends
        _ = noecho()
        _ = nonl()
        _ = keypad(screen, true)
        _ = intrflush(screen, false)
        _ = scrollok(screen, false)
        _ = leaveok(screen, true)
        _ = curs_set(0)
        _ = set_escdelay(25)
        Self.disableFlowControl()

        var depth = ColorDepth.none
        if options.colorMode != .none, has_colors() {
            let terminfoColors = Int(tigetnum("colors"))
            let wanted = options.colorMode.forcedDepth
                ?? ColorDepth.detect(environment: Self.environment(), terminfoColors: terminfoColors)
            // ncurses can only show what terminfo describes (truecolour needs a *-direct entry).
            depth = min(wanted, ColorDepth(colorCount: terminfoColors))
            // Only start colour when it will be used: start_color alone paints white on black.
            if depth != .none, start_color() != OK { depth = .none }
        }
        colorDepth = depth
        let defaults = depth != .none && use_default_colors() == OK
        palette = ColorPairs(depth: depth, hasDefaultColors: defaults, maxPairs: Int(shim_COLOR_PAIRS()))

        if options.mouse {
            let mask = shim_BUTTON1_PRESSED() | shim_BUTTON1_RELEASED() | shim_BUTTON1_CLICKED()
                | shim_BUTTON4_PRESSED() | shim_BUTTON5_PRESSED()
            _ = mousemask(mmask_t(mask), nil)
            _ = mouseinterval(0)   // report presses at once; no click-detection delay
        }
        width = Int(shim_getmaxx(screen))
        height = Int(shim_getmaxy(screen))
        _ = wclear(screen)
        _ = wrefresh(screen)
    }

    deinit {
        // Safe off the main actor: the guard's restore is idempotent and touches only ncurses.
        TerminalGuard.restore()
    }

    /// Paints `canvas`: only cells that changed since the last paint are written, then the screen
    /// is refreshed. Everything is written after a resize, a theme change or `forceRedraw()`.
    /// Cells outside the current screen are clipped.
    public func paint(_ canvas: Canvas, theme: Theme) {
        guard !restored else { return }
        let screen = shim_stdscr()
        if previousTheme != theme {
            palette.setTheme(theme)
            previousTheme = theme
            needsFullRepaint = true
        }
        let full = needsFullRepaint || previous == nil
            || previous?.width != canvas.width || previous?.height != canvas.height
        if full {
            _ = werase(screen)
        }
        let maxX = min(canvas.width, width)
        let maxY = min(canvas.height, height)
        var text = [wchar_t](repeating: 0, count: Int(shim_CCHARW_MAX()) + 1)
        for y in 0..<maxY {
            // The run of columns to write on this row: everything, or the changed span widened by
            // one cell each side so wide characters and their continuations are redrawn whole.
            var first = 0, last = maxX - 1
            if !full, let old = previous {
                first = -1
                for x in 0..<maxX where old[x, y] != canvas[x, y] {
                    if first < 0 { first = x }
                    last = x
                }
                if first < 0 { continue }
                first = max(0, first - 1)
                last = min(maxX - 1, last + 1)
                // Never start on the right half of a wide character: start at its left half.
                if first > 0, canvas[first, y].isContinuation { first -= 1 }
            }
            var x = first
            while x <= last {
                let cell = canvas[x, y]
                if cell.isContinuation {
                    // Covered by the wide character before it, unless there is none.
                    // A stray continuation (no wide character before it) is drawn as a blank.
                    if x == 0 || canvas[x - 1, y].isContinuation || TextWidth.of(canvas[x - 1, y].character) != 2 {
                        put(" ", role: cell.role, x: x, y: y, buffer: &text)
                    }
                    x += 1
                    continue
                }
                let wide = TextWidth.of(cell.character) == 2
                if wide && x + 1 >= maxX {
                    put(" ", role: cell.role, x: x, y: y, buffer: &text)   // half a glyph would not fit
                } else {
                    put(cell.character, role: cell.role, x: x, y: y, buffer: &text)
                }
                x += wide ? 2 : 1
            }
        }
        previous = canvas
        needsFullRepaint = false
        _ = wnoutrefresh(screen)
        _ = doupdate()
    }

    /// Makes the next `paint` write every cell and clear the terminal first (for Ctrl-L, or when
    /// something else has written to the terminal).
    public func forceRedraw() {
        needsFullRepaint = true
        if !restored { _ = clearok(shim_curscr(), true) }
    }

    /// Waits for input for up to `timeoutMilliseconds` (-1: forever) without spinning, and returns
    /// the decoded event, or nil on timeout (or for input that means nothing to the dashboard).
    /// With `wakeup`, also returns nil as soon as another thread calls `wakeup.signal()` (a
    /// reload's progress), so the caller can redraw.
    public func nextEvent(timeoutMilliseconds: Int32, wakeup: Wakeup? = nil) -> InputEvent? {
        guard !restored else { return nil }
        guard let wakeup else { return read(timeoutMilliseconds: timeoutMilliseconds).event }
        // What ncurses holds already (a key typed after an Esc, say) is not in the kernel's
        // buffer, so poll would not see it: take it first, without waiting.
        let ready = read(timeoutMilliseconds: 0)
        if ready.read { return ready.event }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeup.readFD, events: Int16(POLLIN), revents: 0)]
        let n = poll(&fds, 2, timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds)
        if n > 0 && fds[1].revents != 0 { wakeup.drain() }
        if n > 0 && fds[0].revents != 0 {
            // Input is there: a whole character or key sequence arrives at once.
            return read(timeoutMilliseconds: 100).event
        }
        // Woken, timed out, or interrupted by a signal (a resize): whatever ncurses now has.
        return n < 0 ? read(timeoutMilliseconds: 0).event : nil
    }

    /// One read from ncurses: whether anything was read, and the event it decodes to.
    private func read(timeoutMilliseconds: Int32) -> (read: Bool, event: InputEvent?) {
        let screen = shim_stdscr()
        wtimeout(screen, timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(screen, &code)
        switch status {
        case OK:
            return (true, KeyDecoder.character(UInt32(code)))
        case shim_KEY_CODE_YES():
            let key = Int32(bitPattern: code)
            if key == shim_KEY_RESIZE() { return (true, handleResize()) }
            if key == shim_KEY_MOUSE() { return (true, readMouse()) }
            return (true, KeyDecoder.keyCode(key).map { .key($0) })
        default:
            return (false, nil)   // ERR: timeout (or an interrupted read)
        }
    }

    /// Leaves curses mode: endwin, cursor visible, mouse reporting off, alternate screen left.
    /// Idempotent; after it, `paint` and `nextEvent` do nothing.
    public func restore() {
        guard !restored else { return }
        restored = true
        TerminalGuard.restore()
        TerminalScreen.active = false
    }

    // MARK: - Private

    private func handleResize() -> InputEvent {
        let screen = shim_stdscr()
        width = Int(shim_getmaxx(screen))
        height = Int(shim_getmaxy(screen))
        needsFullRepaint = true
        _ = clearok(shim_curscr(), true)
        return .resize(width: width, height: height)
    }

    private func readMouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        let state = mmask_t(event.bstate)
        if state & mmask_t(shim_BUTTON4_PRESSED()) != 0 { return .mouse(.wheelUp(x: x, y: y)) }
        if state & mmask_t(shim_BUTTON5_PRESSED()) != 0 { return .mouse(.wheelDown(x: x, y: y)) }
        if state & mmask_t(shim_BUTTON1_PRESSED() | shim_BUTTON1_CLICKED()) != 0 {
            return .mouse(.click(x: x, y: y))
        }
        return nil
    }

    private func put(_ ch: Character, role: StyleRole, x: Int, y: Int, buffer: inout [wchar_t]) {
        let style = palette.attributes(for: role)
        let count = buffer.count - 1
        var n = 0
        // A canvas holds no control characters (Canvas makes them placeholders), so cells are
        // written as they are.
        for (i, scalar) in ch.unicodeScalars.enumerated() {
            guard n < count else { break }
            // A cell holds one spacing character and the marks that combine with it.
            if i > 0 && TextWidth.columns(scalar) != 0 { continue }
            buffer[n] = wchar_t(bitPattern: scalar.value)
            n += 1
        }
        if n == 0 { buffer[0] = 0x20; n = 1 }
        buffer[n] = 0
        _ = buffer.withUnsafeBufferPointer { ptr in
            shim_mvadd_cell(Int32(y), Int32(x), ptr.baseAddress, style.attributes, style.pair)
        }
    }

    /// Turns off XON/XOFF so Ctrl-S and Ctrl-Q reach the program; endwin restores the original.
    private static func disableFlowControl() {
        var tio = termios()
        if tcgetattr(STDIN_FILENO, &tio) == 0 {
            tio.c_iflag &= ~tcflag_t(IXON)
            if tcsetattr(STDIN_FILENO, TCSANOW, &tio) == 0 { _ = def_prog_mode() }
        }
    }

    /// True when terminfo has the string capability `name`.
    private static func hasCapability(_ name: String) -> Bool {
        guard let value = tigetstr(name) else { return false }
        return Int(bitPattern: value) != -1
    }

    private static func environment() -> [String: String] {
        var result: [String: String] = [:]
        for name in ["NO_COLOR", "COLORTERM", "TERM"] {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }
}
