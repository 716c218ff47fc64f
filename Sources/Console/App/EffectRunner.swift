import Foundation
import Domain
import Sync
import Views

/// Runs effects off the UI thread against the mirror and the engine, and posts the answers back.
struct EffectRunner: Sendable {
    let session: Session
    let post: @Sendable (AppEvent) -> Void

    /// The totals of the query on screen; a newer query's cancel the older ones'.
    let totals = LatestTask()
    /// Edits and saved views, one at a time in the order they were made; reads run beside them.
    let writes = SerialJobs()

    func run(_ effect: Effect) {
        let session = session
        let post = post
        if case .fetchBoard(_, _, _, let generation) = effect { totals.cancel(olderThan: generation) }
        let job: SerialJobs.Job = {
            do {
                try await EffectRunner.perform(effect, session: session, post: post)
            } catch {
                // A superseded query was interrupted on purpose; nobody waits for its answer.
                if Task.isCancelled { return }
                post(.failure("\(ConsoleError.wrap(error))"))
            }
        }
        if effect.writes {
            writes.submit(job)
            return
        }
        let task = Task.detached(operation: job)
        if case .fetchTotals(_, _, let generation) = effect { totals.replace(with: task, generation: generation) }
    }

    static func perform(_ effect: Effect, session: Session, post: @Sendable (AppEvent) -> Void) async throws {
        let mirror = session.mirror
        let queries = MirrorQueries(mirror: mirror)
        switch effect {
        case .fetchBoard(let query, let anchor, let limit, let generation):
            let rows = try await BoardQueries(mirror: mirror).page(query, anchor: anchor, limit: limit)
            post(.boardPage(generation: generation, anchor: anchor, rows: rows, limit: limit))
        case .fetchTotals(let query, let selected, let generation):
            let board = BoardQueries(mirror: mirror)
            let totals = try await board.totals(query)
            var position: Int?
            if let selected { position = try await board.position(of: selected, in: query) }
            post(.boardTotals(generation: generation, count: totals.count,
                              averageRatePerMileCents: totals.averageRatePerMileCents, position: position))
        case .fetchMap(let selected):
            var pins = try await queries.driverPositions().map { MapPin(kind: .driver, lat: $0.lat, lon: $0.lon, label: $0.id) }
            if let selected, let load = try await queries.load(selected.id) {
                if let p = load.pickup { pins.append(MapPin(kind: .pickup, lat: p.lat, lon: p.lon, label: selected.id)) }
                if let d = load.delivery { pins.append(MapPin(kind: .delivery, lat: d.lat, lon: d.lon, label: selected.id)) }
            }
            post(.map(pins: pins, driverCount: pins.filter { $0.kind == .driver }.count))
        case .fetchCarriers:
            post(.carriers(try await queries.carriers()))
        case .fetchPayments:
            let now = Int64(Date().timeIntervalSince1970)
            post(.payments(carriers: try await queries.carriers(), aging: try await queries.aging(now: now),
                           totals: try await queries.paymentTotals()))
        case .fetchPayouts(let status, let request):
            post(.payoutsPage(try await queries.payouts(status: status, anchor: request.anchor, limit: request.limit), request))
        case .fetchInvoices(let request):
            post(.invoicesPage(try await queries.invoices(anchor: request.anchor, limit: request.limit), request))
        case .fetchOutbox:
            let pending = try await mirror.outbox().map {
                OutboxItem(id: $0.id, summary: $0.summary, createdAt: $0.createdAt)
            }
            let conflicts = try await mirror.conflicts().map {
                OutboxItem(id: $0.id, summary: $0.summary, createdAt: $0.at, rejection: $0.reason)
            }
            post(.outbox(pending: pending, conflicts: conflicts))
        case .fetchDriverLoads(let driverId):
            let result = try await queries.loads(ofDriver: driverId)
            let events = try await queries.events(forLoads: result.loads.map(\.id))
            let position = try await queries.driver(driverId).map { ReportPlace.Fix(lat: $0.lat, lon: $0.lon, at: $0.positionAt) }
            post(.driverLoads(loads: result.loads, pending: result.pending, events: events, position: position))
        case .fetchCandidates(let loadId, let miles):
            guard let load = try await queries.load(loadId) else { throw ConsoleError.unknownLoad(loadId) }
            let candidates = try await queries.candidates(for: load, maxDeadheadMiles: miles,
                                                          now: Int64(Date().timeIntervalSince1970))
            post(.candidates(loadId: loadId, candidates))
        case .mutate(let mutation):
            let id = try await mirror.enqueue(mutation, by: session.config.actor)
            post(.info("#\(id) \(mutation.summary): pending"))
            post(.sync(.mirrorChanged))
            await session.engine.kick()
        case .syncNow:
            await session.engine.kick()
        case .retryConflict(let id):
            let newId = try await mirror.retryConflict(id, by: session.config.actor)
            post(.info("#\(id) sent again as #\(newId)"))
            post(.sync(.mirrorChanged))
            await session.engine.kick()
        case .discardConflict(let id):
            try await mirror.discardConflict(id)
            post(.info("#\(id) discarded"))
        case .resolveFilter(let query):
            post(.filterResolved(try await BoardQueries(mirror: mirror).resolveCenters(query)))
        case .fetchLoadToEdit(let loadId):
            post(.loadToEdit(loadId: loadId, try await queries.load(loadId)))
        case .fetchDetail(let loadId):
            post(.detail(loadId: loadId, try await queries.detail(loadId, now: Int64(Date().timeIntervalSince1970))))
        case .saveViews(let views):
            try SavedViewStore(directory: session.directory).save(views)
        case .findDriver(let driverId, let miles):
            post(.nearDriver(driverId: driverId, try await queries.driver(driverId), miles: miles))
        }
    }
}

extension Effect {
    /// Whether the effect changes the mirror or a file, and so must keep its place in line.
    var writes: Bool {
        switch self {
        case .mutate, .retryConflict, .discardConflict, .saveViews: true
        default: false
        }
    }
}
