#if canImport(Glibc)
import Glibc
#endif
import CNCursesW
import Views

extension Terminal {
    /// Every key waiting, without blocking: reads with `wget_wch` until `ERR`.
    /// A resize updates `size` before `.resize` is returned, so the next frame fits.
    func readKeys() -> [Key] {
        var keys: [Key] = []
        var value: wint_t = 0
        while keys.count < 256 {
            let rc = wget_wch(window, &value)
            if rc == ERR { break }
            if rc == KEY_CODE_YES {
                if Int32(value) == KEY_RESIZE {
                    refreshSize()
                    forceFullRedraw()
                    keys.append(.resize)
                } else if Int32(value) == KEY_MOUSE {
                    if let key = readMouse() { keys.append(key) }
                } else if let key = Terminal.key(code: Int32(value)) {
                    keys.append(key)
                }
            } else if let key = Terminal.key(character: UInt32(value)) {
                keys.append(key)
            }
        }
        return keys
    }

    /// A curses key code (arrows, pages, function keys, back-tab).
    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for n in 1 ... 12 where code == dispatch_KEY_F(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// A character as typed; control characters become their keys.
    static func key(character value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1 ... 26:
            guard let scalar = Unicode.Scalar(value + 96) else { return nil }
            return .ctrl(Character(scalar))
        case 0 ..< 32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
