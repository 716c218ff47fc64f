import Foundation
import Domain
import Sync
import Views

extension AppState {
    /// The one place state changes: an event in, effects out.
    mutating func reduce(_ event: AppEvent) -> [Effect] {
        switch event {
        case .key(let key):
            return handle(key)
        case .resize(let width, let height):
            screen.width = width
            screen.height = height
            return moveBoard(by: 0)
        case .tick(let now):
            screen.now = now
            return []
        case .sync(let syncEvent):
            return handle(syncEvent)
        case .queueCounts(let pending, let conflicts):
            screen.sync.pending = pending
            screen.sync.conflicts = conflicts
            return []
        case .boardPage(let generation, let anchor, let rows, let limit):
            return receiveBoardPage(rows, for: WindowRequest(anchor: anchor, limit: limit, generation: generation))
        case .boardTotals(let generation, let count, let average, let position):
            receiveTotals(generation, count: count, average: average, position: position)
            return []
        case .map(let pins, let driverCount):
            screen.map.pins = pins
            screen.map.driverCount = driverCount
            screen.map.selectedLoad = screen.board.selectedRow
            followDriver()
            return []
        case .carriers(let carriers):
            screen.verification.all = carriers
            screen.verification.refilter(now: screen.now)
            return []
        case .payments(let carriers, let aging, let totals):
            receivePaymentSums(totals)
            screen.payments.carriers = Dictionary(carriers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            screen.payments.carrierNames = screen.payments.carriers.mapValues(\.name)
            screen.payments.agingCents = aging
            return []
        case .payoutsPage(let rows, let request):
            return receivePayouts(rows, for: request)
        case .invoicesPage(let rows, let request):
            return receiveInvoices(rows, for: request)
        case .outbox(let pending, let conflicts):
            if pending.isEmpty, !screen.outbox.pending.isEmpty, screen.flash?.kind != .error {
                screen.flash = Flash(.info, "all edits synced")
            }
            screen.outbox.pending = pending
            screen.outbox.conflicts = conflicts
            screen.sync.pending = pending.count
            screen.sync.conflicts = conflicts.count
            screen.outbox.selected = min(screen.outbox.selected, max(0, conflicts.count - 1))
            return []
        case .driverLoads(let loads, let pending, let events, let position):
            screen.driverLoads.loads = loads
            screen.driverLoads.pendingLoadIds = pending
            screen.driverLoads.events = events
            screen.driverLoads.position = position
            screen.driverLoads.selected = min(screen.driverLoads.selected, max(0, loads.count - 1))
            return []
        case .candidates(let loadId, let candidates):
            guard case .assign(var assign) = screen.dialog, assign.load.id == loadId else { return [] }
            assign.candidates = candidates
            assign.loading = false
            assign.selected = min(assign.selected, max(0, candidates.count - 1))
            screen.dialog = .assign(assign)
            return []
        case .filterResolved(let result):
            return receiveResolved(result)
        case .detail(let loadId, let detail):
            return receiveDetail(loadId, detail)
        case .loadToEdit(let loadId, let load):
            return receiveLoadToEdit(loadId, load)
        case .nearDriver(let driverId, let driver, let miles):
            return receiveNearDriver(driverId, driver, miles: miles)
        case .info(let text):
            screen.flash = Flash(.info, text)
            return [.fetchOutbox]
        case .failure(let text):
            screen.flash = Flash(.error, text)
            return [.fetchOutbox]
        }
    }

    mutating func handle(_ event: SyncEvent) -> [Effect] {
        switch event {
        case .connection(let online, let detail):
            screen.sync.online = online
            screen.sync.detail = detail
            return []
        case .progress(let done, let total, let left):
            screen.sync.progress = done < total ? SyncIndicator.Progress(done: done, total: total, secondsLeft: left) : nil
            return []
        case .synced(let at):
            screen.sync.lastSyncAt = at
            screen.sync.progress = nil
            return []
        case .rejected(let reasons):
            screen.flash = Flash(.error, "refused by the server: " + reasons.joined(separator: "; "))
            return [.fetchOutbox]
        case .notice(let text):
            screen.flash = Flash(.info, text)
            return []
        case .mirrorChanged:
            var effects: [Effect] = [.fetchOutbox]
            if role != .driver { effects += refreshBoard() }
            effects += refreshPane().filter { $0 != .fetchOutbox }
            effects += refreshDetail()
            return effects
        }
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if case .mouse = key { return handleMouse(key) }
        if key == .scrollUp || key == .scrollDown { return handleMouse(key) }
        if screen.commandLine != nil { return handleCommandLine(key) }
        if screen.dialog != nil { return handleDialog(key) }
        if key != .resize { screen.flash = nil }
        if key == .ctrl("c") { quitting = true; return [] }
        guard let action = KeyMap.action(for: key, pane: screen.pane, role: role) else { return [] }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit: quitting = true; return []
        case .help: screen.dialog = .help; return []
        case .command: screen.commandLine = ""; return []
        case .syncNow: screen.flash = Flash(.info, "syncing…"); return [.syncNow]
        case .nextPane, .previousPane:
            let tabs = Pane.tabs(for: role)
            let index = tabs.firstIndex(of: screen.pane) ?? 0
            let step = action == .nextPane ? 1 : tabs.count - 1
            return show(tabs[(index + step) % tabs.count])
        case .showPane(let pane):
            return Pane.tabs(for: role).contains(pane) ? show(pane) : []
        default:
            switch screen.pane {
            case .board: return performOnBoard(action)
            case .driverLoads: return performOnDriverLoads(action)
            case .outbox: return performOnOutbox(action)
            case .map: return performOnMap(action)
            case .verification: return performOnCarriers(action)
            case .payments: return performOnPayments(action)
            }
        }
    }

    mutating func show(_ pane: Pane) -> [Effect] {
        screen.pane = pane
        return refreshPane()
    }

    mutating func performOnBoard(_ action: Action) -> [Effect] {
        let page = boardVisible
        switch action {
        case .up: return moveBoard(by: -1)
        case .down: return moveBoard(by: 1)
        case .pageUp: return moveBoard(by: -page)
        case .pageDown: return moveBoard(by: page)
        case .top: return jumpBoard(toEnd: false)
        case .bottom: return jumpBoard(toEnd: true)
        case .cycleSort: return cycleSort()
        case .reverseSort:
            screen.board.query.descending.toggle()
            return reloadBoard()
        case .filter: screen.dialog = .filter(filterForm()); return []
        case .clearFilter:
            let sort = screen.board.query.sort
            screen.board.query = BoardQuery(sort: sort, descending: screen.board.query.descending)
            return reloadBoard()
        case .assign: return openAssign()
        case .select:
            guard let row = screen.board.selectedRow else { return [] }
            return openDetail(row.id)
        case .cycleView: return cycleView()
        case .newLoad: return openNewLoad()
        case .editLoad:
            guard let row = screen.board.selectedRow else { return [] }
            return openEditLoad(row.id)
        case .cancelLoad:
            guard let row = screen.board.selectedRow else { return [] }
            return openCancel(row)
        case .tender:
            guard let row = screen.board.selectedRow else { return [] }
            return openTender(row)
        case .unassign:
            guard let row = screen.board.selectedRow else { return [] }
            screen.dialog = .confirm(ConfirmState(
                title: "Unassign \(row.id)?",
                message: "\(row.id) goes back to posted and \(row.driverId ?? "its driver") loses it.",
                action: .unassign(loadId: row.id)))
            return []
        default: return []
        }
    }

    mutating func performOnMap(_ action: Action) -> [Effect] {
        var map = screen.map
        let latSpan = map.maxLat - map.minLat, lonSpan = map.maxLon - map.minLon
        switch action {
        case .zoomIn, .zoomOut:
            let factor = action == .zoomIn ? 0.25 : -0.5
            map.minLat += latSpan * factor / 2; map.maxLat -= latSpan * factor / 2
            map.minLon += lonSpan * factor / 2; map.maxLon -= lonSpan * factor / 2
        case .left: map.minLon -= lonSpan / 8; map.maxLon -= lonSpan / 8
        case .right: map.minLon += lonSpan / 8; map.maxLon += lonSpan / 8
        case .up: map.minLat += latSpan / 8; map.maxLat += latSpan / 8
        case .down: map.minLat -= latSpan / 8; map.maxLat -= latSpan / 8
        case .top: map = MapState(); map.pins = screen.map.pins; map.driverCount = screen.map.driverCount
        case .follow:
            if map.follow != nil {
                map.follow = nil
                screen.flash = Flash(.info, "stopped following")
            } else if let driver = screen.board.selectedRow?.driverId {
                map.follow = driver
                screen.flash = Flash(.info, "following \(driver)")
            } else {
                screen.flash = Flash(.error, "select an assigned load on the board first, or type :follow D-45")
                return []
            }
        default: return []
        }
        map.selectedLoad = screen.map.selectedLoad
        if action != .follow, action != .zoomIn, action != .zoomOut { map.follow = nil }
        screen.map = map
        followDriver()
        return []
    }

    mutating func performOnList(_ action: Action) -> [Effect] {
        let page = max(1, Screen.visibleRows(screen))
        let delta: Int
        switch action {
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -page
        case .pageDown: delta = page
        case .top: delta = -1_000_000
        case .bottom: delta = 1_000_000
        case .nextTab where screen.pane == .payments, .left where screen.pane == .payments,
             .right where screen.pane == .payments:
            // Each tab keeps its own window and selection.
            screen.payments.tab = screen.payments.tab == .payouts ? .invoices : .payouts
            return []
        default: return []
        }
        if screen.pane == .payments { return movePayments(by: delta, page: page) }
        func move(_ selected: inout Int, _ top: inout Int, count: Int) {
            selected = min(max(0, selected + delta), max(0, count - 1))
            if selected < top { top = selected }
            if selected >= top + page { top = selected - page + 1 }
        }
        move(&screen.verification.selected, &screen.verification.top, count: screen.verification.carriers.count)
        return []
    }

    mutating func performOnOutbox(_ action: Action) -> [Effect] {
        let conflicts = screen.outbox.conflicts
        switch action {
        case .up: screen.outbox.selected = max(0, screen.outbox.selected - 1)
        case .down: screen.outbox.selected = min(max(0, conflicts.count - 1), screen.outbox.selected + 1)
        case .retry:
            guard conflicts.indices.contains(screen.outbox.selected) else { return [] }
            return [.retryConflict(conflicts[screen.outbox.selected].id)]
        case .discard:
            guard conflicts.indices.contains(screen.outbox.selected) else { return [] }
            let item = conflicts[screen.outbox.selected]
            screen.dialog = .confirm(ConfirmState(title: "Discard #\(item.id)?",
                                                  message: "\(item.summary) will not be sent again.",
                                                  action: .discardConflict(id: item.id)))
        default: break
        }
        return []
    }
}
