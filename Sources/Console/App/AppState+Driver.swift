import Foundation
import Domain
import Views

/// Driver mode: `c` shows what will be recorded (status, time, place, and for a delivery the
/// POD signer) and Enter records it; every report is queued in the outbox and works offline.
extension AppState {
    mutating func performOnDriverLoads(_ action: Action) -> [Effect] {
        var state = screen.driverLoads
        switch action {
        case .up: state.selected = max(0, state.selected - 1)
        case .down: state.selected = min(max(0, state.loads.count - 1), state.selected + 1)
        case .advanceStatus, .select:
            guard let load = state.selectedLoad else { return [] }
            // The order lives in Domain (`StopProgress.next`): stop by stop on a multi-stop load.
            guard let (code, stop) = StopProgress.next(for: load) else {
                screen.flash = Flash(.info, "\(load.id) is \(load.status.label): nothing left to confirm")
                return []
            }
            let name = stop.flatMap { index in
                load.stops.count > 2 ? "stop \(index + 1) of \(load.stops.count), \(load.stops[index].place)" : nil
            }
            screen.dialog = .statusConfirm(StatusConfirmState(loadId: load.id, code: code,
                                                              place: reportPlace(code, stop: stop, load: load),
                                                              stop: stop, stopName: name))
        case .delay:
            guard let load = state.selectedLoad else { return [] }
            screen.dialog = .delay(DelayState(loadId: load.id))
        default: break
        }
        screen.driverLoads = state
        return []
    }

    /// My fresh GPS fix, else the stop the report is about.
    func reportPlace(_ code: StatusCode, stop: Int? = nil, load: Load?) -> ReportPlace? {
        ReportPlace.choose(fix: screen.driverLoads.position, stop: load.flatMap { ReportPlace.stop(for: code, at: stop, in: $0) },
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
            return recordStatus(confirm.code, loadId: confirm.loadId, reason: nil, place: confirm.place, signer: signer,
                                stop: confirm.stop)
        }
        if confirm.needsSigner, AppState.edit(&confirm.signer, key) { confirm.error = nil }
        return []
    }

    /// Status reports carry the time and the place; the event id makes a retry the same fact.
    func recordStatus(_ code: StatusCode, loadId: String, reason: DelayReason?, place: ReportPlace? = nil,
                      signer: String? = nil, stop: Int? = nil) -> [Effect] {
        let load = screen.driverLoads.loads.first { $0.id == loadId }
        let spot = place ?? reportPlace(code, stop: stop, load: load)
        let event = Mutation.RecordStatus(eventId: "E-" + UUID().uuidString.lowercased(), loadId: loadId, code: code,
                                          reason: reason, at: screen.now, lat: spot?.lat, lon: spot?.lon,
                                          podSigner: signer, stop: stop)
        return [.mutate(.recordStatus(event))]
    }
}
