import Domain
import Views

/// The load detail view: opened with Enter on the board, refreshed when the mirror changes,
/// and a place to act on the load (assign the best driver, unassign).
extension AppState {
    mutating func openDetail(_ loadId: String) -> [Effect] {
        screen.dialog = .loadDetail(LoadDetailState(loadId: loadId))
        return [.fetchDetail(loadId: loadId)]
    }

    mutating func receiveDetail(_ loadId: String, _ detail: LoadDetail?) -> [Effect] {
        guard case .loadDetail(var state) = screen.dialog, state.loadId == loadId else { return [] }
        guard let detail else {
            screen.dialog = nil
            screen.flash = Flash(.error, "\(loadId) is no longer in your mirror")
            return []
        }
        state.detail = detail
        screen.dialog = .loadDetail(state)
        return []
    }

    /// The open detail, read again after a sync so it never shows stale state.
    func refreshDetail() -> [Effect] {
        guard case .loadDetail(let state) = screen.dialog else { return [] }
        return [.fetchDetail(loadId: state.loadId)]
    }

    mutating func handleDetail(_ key: Key, _ state: inout LoadDetailState) -> [Effect] {
        let page = max(1, screen.height - 6)
        switch key {
        case .up, .char("k"): state.scroll = max(0, state.scroll - 1)
        case .down, .char("j"): state.scroll += 1
        case .pageUp, .ctrl("b"): state.scroll = max(0, state.scroll - page)
        case .pageDown, .ctrl("f"), .char(" "): state.scroll += page
        case .home, .char("g"): state.scroll = 0
        case .enter, .char("q"): screen.dialog = nil
        case .char("a"):
            guard let detail = state.detail else { return [] }
            guard role == .dispatcher else {
                screen.flash = Flash(.error, "only a dispatcher can assign loads")
                return []
            }
            guard detail.load.status == .posted else {
                screen.flash = Flash(.error, "\(detail.load.id) is \(detail.load.status.label), not posted")
                return []
            }
            var assign = AssignState(load: LoadSummary(detail.load, pending: detail.pending))
            assign.candidates = detail.bestDrivers
            screen.dialog = .assign(assign)
            return [.fetchCandidates(loadId: detail.load.id, maxDeadheadMiles: Int(assign.radiusField) ?? 250)]
        case .char("e"):
            guard let load = state.detail?.load, requireDispatcher(to: "edit loads") else { return [] }
            return receiveLoadToEdit(load.id, load)
        case .char("x"):
            guard let detail = state.detail else { return [] }
            return openCancel(LoadSummary(detail.load, pending: detail.pending))
        case .char("T"):
            guard let detail = state.detail else { return [] }
            return openTender(LoadSummary(detail.load, pending: detail.pending))
        case .char("u"):
            guard let load = state.detail?.load, load.driverId != nil else { return [] }
            guard role == .dispatcher else {
                screen.flash = Flash(.error, "only a dispatcher can unassign loads")
                return []
            }
            screen.dialog = .confirm(ConfirmState(
                title: "Unassign \(load.id)?",
                message: "\(load.id) goes back to posted and \(load.driverId ?? "its driver") loses it.",
                action: .unassign(loadId: load.id)))
        default: break
        }
        return []
    }
}
