import Domain
import Views

/// Saved board views (`:view save NAME`, `:view NAME`, `v` to cycle) and "best loads near a
/// driver" (`:near D-45 [miles]`).
extension AppState {
    mutating func runViewCommand(_ words: [String]) -> [Effect] {
        var views = screen.board.savedViews
        switch (words.first?.lowercased(), words.count) {
        case (nil, _):
            screen.flash = views.isEmpty
                ? Flash(.info, "no saved views; filter the board, then :view save NAME")
                : Flash(.info, "views: " + views.map(\.name).joined(separator: ", ") + "  (v cycles, :view NAME opens)")
            return []
        case ("save", 2):
            let name = words[1]
            guard name.count <= 30, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                screen.flash = Flash(.error, "a view name is up to 30 letters, digits, - or _")
                return []
            }
            views.removeAll { $0.name == name }
            views.append(SavedView(name: name, query: screen.board.query))
            screen.board.savedViews = views
            screen.board.viewName = name
            screen.flash = Flash(.info, "saved view \(name): \(screen.board.query.summary)")
            return [.saveViews(views)]
        case ("delete", 2), ("rm", 2):
            guard views.contains(where: { $0.name == words[1] }) else {
                screen.flash = Flash(.error, "no view named \(words[1])")
                return []
            }
            views.removeAll { $0.name == words[1] }
            screen.board.savedViews = views
            if screen.board.viewName == words[1] { screen.board.viewName = nil }
            screen.flash = Flash(.info, "deleted view \(words[1])")
            return [.saveViews(views)]
        case (_, 1):
            guard let view = views.first(where: { $0.name.lowercased() == words[0].lowercased() }) else {
                screen.flash = Flash(.error, "no view named \(words[0]); :view lists them")
                return []
            }
            return open(view)
        default:
            screen.flash = Flash(.error, "use :view, :view NAME, :view save NAME or :view delete NAME")
            return []
        }
    }

    /// `v`: the next saved view after the one in force.
    mutating func cycleView() -> [Effect] {
        let views = screen.board.savedViews
        guard !views.isEmpty else {
            screen.flash = Flash(.info, "no saved views; filter the board, then :view save NAME")
            return []
        }
        let index = views.firstIndex { $0.name == screen.board.viewName }.map { ($0 + 1) % views.count } ?? 0
        return open(views[index])
    }

    mutating func open(_ view: SavedView) -> [Effect] {
        screen.board.query = view.query
        screen.pane = .board
        let effects = reloadBoard()
        screen.board.viewName = view.name
        screen.flash = Flash(.info, "view \(view.name): \(view.query.summary)")
        return effects
    }

    /// The best loads for a driver: posted, within `miles` of where it is, its equipment, best rate first.
    mutating func receiveNearDriver(_ driverId: String, _ driver: Driver?, miles: Int) -> [Effect] {
        guard let driver else {
            screen.flash = Flash(.error, "no driver \(driverId) in your mirror")
            return []
        }
        var query = BoardQuery(status: .posted, sort: .ratePerMile, descending: true)
        query.origin = .near(driver.point, miles: miles, name: "\(driver.id) \(driver.name)")
        query.equipment = [driver.equipment]
        screen.pane = .board
        screen.board.query = query
        screen.flash = Flash(.info, "posted \(driver.equipment) loads within \(miles) mi of \(driver.id), best rate first")
        return reloadBoard()
    }
}

extension AppState {
    /// Keeps the map centred on the followed driver, at the current zoom.
    mutating func followDriver() {
        guard let id = screen.map.follow,
              let pin = screen.map.pins.first(where: { $0.kind == .driver && $0.label == id }) else { return }
        let halfLat = (screen.map.maxLat - screen.map.minLat) / 2, halfLon = (screen.map.maxLon - screen.map.minLon) / 2
        screen.map.minLat = pin.lat - halfLat
        screen.map.maxLat = pin.lat + halfLat
        screen.map.minLon = pin.lon - halfLon
        screen.map.maxLon = pin.lon + halfLon
    }
}
