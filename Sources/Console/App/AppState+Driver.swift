import Foundation
import Domain
import Views

/// Driver mode: one key confirms the next status of the selected load.
extension AppState {
    /// The status event a driver confirms next; the order lives with `LoadStatus.nextDriverStatus`.
    static func nextCode(after status: LoadStatus) -> StatusCode? {
        guard let next = status.nextDriverStatus else { return nil }
        return StatusCode.allCases.first { $0.status == next }
    }

    mutating func performOnDriverLoads(_ action: Action) -> [Effect] {
        var state = screen.driverLoads
        switch action {
        case .up: state.selected = max(0, state.selected - 1)
        case .down: state.selected = min(max(0, state.loads.count - 1), state.selected + 1)
        case .advanceStatus, .select:
            guard let load = state.selectedLoad else { return [] }
            guard let code = AppState.nextCode(after: load.status) else {
                screen.flash = Flash(.info, "\(load.id) is \(load.status.label): nothing left to confirm")
                return []
            }
            return recordStatus(code, loadId: load.id, reason: nil)
        case .delay:
            guard let load = state.selectedLoad else { return [] }
            screen.dialog = .delay(DelayState(loadId: load.id))
        default: break
        }
        screen.driverLoads = state
        return []
    }

    /// Status reports carry the time and the stop's place; the event id makes a retry the same fact.
    func recordStatus(_ code: StatusCode, loadId: String, reason: DelayReason?) -> [Effect] {
        let load = screen.driverLoads.loads.first { $0.id == loadId }
        let stop = (code.status ?? .posted) >= .arrivedDelivery ? load?.delivery : load?.pickup
        let event = Mutation.RecordStatus(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId, code: code,
                                          reason: reason, at: screen.now, lat: stop?.lat, lon: stop?.lon)
        return [.mutate(.recordStatus(event))]
    }
}
