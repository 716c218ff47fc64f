#if canImport(Glibc)
import Glibc
#endif
import CNCursesW
import Views

/// Set while the terminal reports the mouse, so a fatal signal handler turns it off.
nonisolated(unsafe) var mouseReportingIsOn = false

/// Mouse reporting, opt-in with `--mouse` or `mouse = true`: while it is on the terminal
/// sends clicks to the program, so selecting text needs Shift (in most terminals).
extension Terminal {
    /// Asks the terminal for presses and the wheel. Returns false when it cannot report them.
    @discardableResult
    func enableMouse() -> Bool {
        mouseEnabled = dispatch_mouse_on() != 0
        mouseReportingIsOn = mouseEnabled
        return mouseEnabled
    }

    /// Stops mouse reporting (before the terminal is handed back).
    func disableMouse() {
        dispatch_mouse_off()
        mouseEnabled = false
        mouseReportingIsOn = false
    }

    /// The mouse event curses queued behind `KEY_MOUSE`, as a key; nil for events the console ignores.
    func readMouse() -> Key? {
        var x: Int32 = 0, y: Int32 = 0
        switch dispatch_read_mouse(&x, &y) {
        case 1: return .mouse(x: Int(x), y: Int(y))
        case 2: return .scrollUp
        case 3: return .scrollDown
        default: return nil
        }
    }
}
