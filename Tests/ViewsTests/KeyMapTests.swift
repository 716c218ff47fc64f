import Domain
import Testing
@testable import Views

@Suite("Key map")
struct KeyMapTests {
    @Test func vimKeysAndArrowsMeanTheSame() {
        for (vim, arrow, action) in [("j", Key.down, Action.down), ("k", .up, .up), ("h", .left, .left), ("l", .right, .right)] {
            #expect(KeyMap.action(for: .char(Character(vim)), pane: .board, role: .dispatcher) == action)
            #expect(KeyMap.action(for: arrow, pane: .board, role: .dispatcher) == action)
        }
        #expect(KeyMap.action(for: .char("g"), pane: .board, role: .dispatcher) == .top)
        #expect(KeyMap.action(for: .end, pane: .verification, role: .dispatcher) == .bottom)
        #expect(KeyMap.action(for: .pageDown, pane: .outbox, role: .dispatcher) == .pageDown)
    }

    @Test func globalKeys() {
        #expect(KeyMap.action(for: .char("q"), pane: .map, role: .dispatcher) == .quit)
        #expect(KeyMap.action(for: .char("?"), pane: .payments, role: .accounting) == .help)
        #expect(KeyMap.action(for: .tab, pane: .board, role: .dispatcher) == .nextPane)
        #expect(KeyMap.action(for: .backTab, pane: .board, role: .dispatcher) == .previousPane)
        #expect(KeyMap.action(for: .char("2"), pane: .board, role: .dispatcher) == .showPane(.map))
        #expect(KeyMap.action(for: .char("2"), pane: .board, role: .accounting) == .showPane(.verification))
        #expect(KeyMap.action(for: .char("2"), pane: .driverLoads, role: .driver) == .showPane(.outbox))
        #expect(KeyMap.action(for: .char("3"), pane: .driverLoads, role: .driver) == nil)
        #expect(KeyMap.action(for: .char(":"), pane: .board, role: .dispatcher) == .command)
    }

    @Test func paneKeys() {
        #expect(KeyMap.action(for: .char("/"), pane: .board, role: .dispatcher) == .filter)
        #expect(KeyMap.action(for: .char("a"), pane: .board, role: .dispatcher) == .assign)
        #expect(KeyMap.action(for: .char("u"), pane: .board, role: .dispatcher) == .unassign)
        #expect(KeyMap.action(for: .char("s"), pane: .board, role: .dispatcher) == .cycleSort)
        #expect(KeyMap.action(for: .char("S"), pane: .board, role: .dispatcher) == .reverseSort)
        #expect(KeyMap.action(for: .escape, pane: .board, role: .dispatcher) == .clearFilter)
        #expect(KeyMap.action(for: .char("+"), pane: .map, role: .dispatcher) == .zoomIn)
        #expect(KeyMap.action(for: .char("-"), pane: .map, role: .dispatcher) == .zoomOut)
        #expect(KeyMap.action(for: .char("t"), pane: .payments, role: .dispatcher) == .nextTab)
        #expect(KeyMap.action(for: .char("R"), pane: .outbox, role: .dispatcher) == .retry)
        #expect(KeyMap.action(for: .char("x"), pane: .outbox, role: .dispatcher) == .discard)
        #expect(KeyMap.action(for: .char("c"), pane: .driverLoads, role: .driver) == .advanceStatus)
        #expect(KeyMap.action(for: .char("d"), pane: .driverLoads, role: .driver) == .delay)
        #expect(KeyMap.action(for: .char("a"), pane: .map, role: .dispatcher) == nil)
        #expect(KeyMap.action(for: .char("r"), pane: .board, role: .dispatcher) == .syncNow)
    }

    @Test func bindingsListEachKeyOnce() {
        for role in Role.allCases {
            for pane in Pane.tabs(for: role) {
                let keys = KeyMap.bindings(for: pane, role: role).flatMap(\.keys)
                #expect(Set(keys).count == keys.count, "duplicate key in \(pane) for \(role)")
                // Every binding's keys resolve to its action.
                for binding in KeyMap.bindings(for: pane, role: role) {
                    for key in binding.keys {
                        #expect(KeyMap.action(for: key, pane: pane, role: role) == binding.action)
                    }
                }
            }
        }
    }
}
