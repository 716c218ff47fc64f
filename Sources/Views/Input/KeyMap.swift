import Domain

/// The keys in force per pane and role; help is generated from the same table,
/// so what `?` shows is what the keys do.
public enum KeyMap {
    /// Global bindings first, then the pane's own.
    public static func bindings(for pane: Pane, role: Role) -> [KeyBinding] {
        let own = paneBindings(pane)
        let taken = Set(own.flatMap(\.keys))
        // A global binding the pane redefines would show twice in help.
        return global(role: role).filter { !$0.keys.allSatisfy(taken.contains) } + own
    }

    /// The action a key triggers in a pane, or nil when the key means nothing there.
    /// Pane bindings win over global ones (so `h`/`l` pan on the map).
    public static func action(for key: Key, pane: Pane, role: Role) -> Action? {
        for binding in paneBindings(pane) + global(role: role) where binding.keys.contains(key) {
            return binding.action
        }
        return nil
    }

    static func global(role: Role) -> [KeyBinding] {
        var list: [KeyBinding] = [
            KeyBinding([.char("q"), .ctrl("c")], .quit, "quit"),
            KeyBinding([.char("?"), .function(1)], .help, "this help"),
            KeyBinding([.tab], .nextPane, "next pane"),
            KeyBinding([.backTab], .previousPane, "previous pane"),
        ]
        for (index, pane) in Pane.tabs(for: role).enumerated() {
            let digit = Character(String(index + 1))
            list.append(KeyBinding([.char(digit)], .showPane(pane), "show \(pane.title)"))
        }
        list += [
            KeyBinding([.char("k"), .up], .up, "up", label: "k/↑"),
            KeyBinding([.char("j"), .down], .down, "down", label: "j/↓"),
            KeyBinding([.char("h"), .left], .left, "left", label: "h/←"),
            KeyBinding([.char("l"), .right], .right, "right", label: "l/→"),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp, "page up", label: "PgUp/Ctrl-B"),
            KeyBinding([.pageDown, .ctrl("f")], .pageDown, "page down", label: "PgDn/Ctrl-F"),
            KeyBinding([.home, .char("g")], .top, "first row", label: "Home/g"),
            KeyBinding([.end, .char("G")], .bottom, "last row", label: "End/G"),
            KeyBinding([.enter], .select, "open / choose"),
            KeyBinding([.char(":")], .command, "command line"),
            KeyBinding([.char("r"), .ctrl("r")], .syncNow, "sync now"),
        ]
        return list
    }

    static func paneBindings(_ pane: Pane) -> [KeyBinding] {
        switch pane {
        case .board:
            [
                KeyBinding([.char("/")], .filter, "filter loads"),
                KeyBinding([.char("F"), .escape], .clearFilter, "clear filter"),
                KeyBinding([.enter], .select, "open load detail"),
                KeyBinding([.char("a")], .assign, "assign a driver"),
                KeyBinding([.char("u")], .unassign, "unassign"),
                KeyBinding([.char("n")], .newLoad, "post a new load"),
                KeyBinding([.char("e")], .editLoad, "edit the load"),
                KeyBinding([.char("x")], .cancelLoad, "cancel the load"),
                KeyBinding([.char("T")], .tender, "tender to the carrier"),
                KeyBinding([.char("s")], .cycleSort, "next sort column"),
                KeyBinding([.char("S")], .reverseSort, "reverse sort"),
                KeyBinding([.char("v")], .cycleView, "next saved view"),
            ]
        case .map:
            [
                KeyBinding([.char("+"), .char("=")], .zoomIn, "zoom in", label: "+"),
                KeyBinding([.char("-")], .zoomOut, "zoom out"),
                KeyBinding([.char("f")], .follow, "follow driver on/off"),
                KeyBinding([.char("h"), .left], .left, "pan west", label: "h/←"),
                KeyBinding([.char("l"), .right], .right, "pan east", label: "l/→"),
                KeyBinding([.char("k"), .up], .up, "pan north", label: "k/↑"),
                KeyBinding([.char("j"), .down], .down, "pan south", label: "j/↓"),
            ]
        case .verification:
            [
                KeyBinding([.char("/")], .filter, "filter carriers"),
                KeyBinding([.char("n")], .newCarrier, "add a carrier (DOT or MC)"),
                KeyBinding([.char("F"), .escape], .clearFilter, "clear filter"),
                KeyBinding([.enter], .select, "carrier detail"),
                KeyBinding([.char("s")], .cycleSort, "next sort"),
                KeyBinding([.char("S")], .reverseSort, "reverse sort"),
            ]
        case .payments:
            [
                KeyBinding([.char("t"), .char("["), .char("]")], .nextTab, "payouts / invoices", label: "t/[/]"),
                KeyBinding([.char("h"), .left], .left, "previous tab", label: "h/←"),
                KeyBinding([.char("l"), .right], .right, "next tab", label: "l/→"),
                KeyBinding([.char("A")], .approvePayout, "approve payout"),
                KeyBinding([.char("H")], .holdPayout, "hold (asks a reason)"),
                KeyBinding([.char("Q")], .quickPay, "QuickPay (shows fee)"),
                KeyBinding([.char("s")], .statusFilter, "filter by status"),
            ]
        case .outbox:
            [
                KeyBinding([.char("R")], .retry, "retry a conflict"),
                KeyBinding([.char("x"), .delete], .discard, "discard a conflict", label: "x/Del"),
            ]
        case .driverLoads:
            [
                KeyBinding([.char("c")], .advanceStatus, "confirm next status"),
                KeyBinding([.char("d")], .delay, "record a delay"),
            ]
        }
    }
}
