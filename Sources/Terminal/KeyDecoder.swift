@preconcurrency import CNcurses
import Dashboard

/// Turns what get_wch returns into dashboard keys.
enum KeyDecoder {
    /// A character get_wch returned with OK: printable text, or a control code.
    static func character(_ code: UInt32) -> InputEvent? {
        switch code {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 0: return .key(.ctrl(" "))                    // Ctrl-Space / Ctrl-@
        case 1...26:
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(96 + code)))))   // Ctrl-A → "a"
        case 28...31:
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(64 + code)))))   // Ctrl-\ ] ^ _
        default:
            return Unicode.Scalar(code).flatMap(Key.typed).map { .key($0) }
        }
    }

    /// A function-key code get_wch returned with KEY_CODE_YES (not resize or mouse).
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case shim_KEY_UP(): return .up
        case shim_KEY_DOWN(): return .down
        case shim_KEY_LEFT(): return .left
        case shim_KEY_RIGHT(): return .right
        case shim_KEY_HOME(), shim_KEY_A1(): return .home
        case shim_KEY_END(), shim_KEY_C1(): return .end
        case shim_KEY_PPAGE(), shim_KEY_A3(): return .pageUp
        case shim_KEY_NPAGE(), shim_KEY_C3(): return .pageDown
        case shim_KEY_ENTER(): return .enter
        case shim_KEY_BACKSPACE(): return .backspace
        case shim_KEY_BTAB(): return .backTab
        default:
            let f = code - shim_KEY_F0()
            if (1...24).contains(f) { return .function(Int(f)) }
            return nil
        }
    }
}
