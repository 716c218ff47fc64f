import Foundation
import Domain
import Views

/// Driver mode: `c` shows what will be recorded (status, time, place, and for a delivery the
/// POD signer) and Enter records it; every report is queued in the outbox and works offline.
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
            screen.dialog = .statusConfirm(StatusConfirmState(loadId: load.id, code: code,
                                                              place: reportPlace(code, load: load)))
        case .delay:
            guard let load = state.selectedLoad else { return [] }
            screen.dialog = .delay(DelayState(loadId: load.id))
        default: break
        }
        screen.driverLoads = state
        return []
    }

    /// My fresh GPS fix, else the stop the report is about.
    func reportPlace(_ code: StatusCode, load: Load?) -> ReportPlace? {
        ReportPlace.choose(fix: screen.driverLoads.position, stop: load.flatMap { ReportPlace.stop(for: code, in: $0) },
                           now: screen.now)
    }

    /// Keys in the confirmation: Enter records; a delivery first needs a valid signer name.
    mutating func handleStatusConfirm(_ key: Key, _ confirm: inout StatusConfirmState) -> [Effect] {
        if key == .enter {
            var signer: String?
            if confirm.needsSigner {
                if let problem = Mutation.RecordStatus.signerProblem(confirm.signer) {
                    confirm.error = problem
                    return []
                }
                signer = confirm.signer.trimmingCharacters(in: .whitespaces)
            }
            screen.dialog = nil
            return recordStatus(confirm.code, loadId: confirm.loadId, reason: nil, place: confirm.place, signer: signer)
        }
        if confirm.needsSigner, AppState.edit(&confirm.signer, key) { confirm.error = nil }
        return []
    }

    /// Status reports carry the time and the place; the event id makes a retry the same fact.
    func recordStatus(_ code: StatusCode, loadId: String, reason: DelayReason?, place: ReportPlace? = nil,
                      signer: String? = nil) -> [Effect] {
        let load = screen.driverLoads.loads.first { $0.id == loadId }
        let spot = place ?? reportPlace(code, load: load)
        let event = Mutation.RecordStatus(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId, code: code,
                                          reason: reason, at: screen.now, lat: spot?.lat, lon: spot?.lon,
                                          podSigner: signer)
        return [.mutate(.recordStatus(event))]
    }
}
