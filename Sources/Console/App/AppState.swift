import Domain
import Sync
import Views

/// The console's whole state: what the screen shows plus the bookkeeping of paging.
/// Changed only by `reduce`, on the UI thread.
struct AppState {
    var screen: ScreenState
    var quitting = false
    /// A new query's count and average are asked for once its first page is on screen: they read
    /// every match, and running beside the page they delayed it (sort keys' p99 was 21 ms at 100K).
    var totalsWanted = false
    /// The filters whose count and average are on screen (sort left out: it changes neither).
    /// A sort key keeps them instead of reading every match again (75 ms of a core at 1M).
    var totalsFilters: BoardQuery?
    /// Themes the console knows (built-in plus the user's folder) and the one in use;
    /// the UI loop redefines the colour pairs when `theme` changes.
    var themes = ThemeCatalog.builtIn
    var theme = ThemeCatalog.builtIn.fallback
    /// False under `NO_COLOR` or on a monochrome terminal: `:theme` still switches but says so.
    var colorEnabled = true
    /// `:` commands run in this session, for Up/Down.
    var commandHistory = CommandHistory()


    init(screen: ScreenState) {
        self.screen = screen
    }

    var role: Role { screen.session.role }
    var boardVisible: Int { max(1, Screen.boardVisibleRows(height: screen.height)) }

    /// What to load when the console opens.
    mutating func start() -> [Effect] {
        var effects: [Effect] = [.fetchOutbox]
        if role == .driver, let driverId = screen.session.driverId {
            effects.append(.fetchDriverLoads(driverId: driverId))
        } else {
            effects += reloadBoard()
        }
        return effects
    }

    /// Data the current pane shows, fetched again (after a sync or on entering the pane).
    mutating func refreshPane() -> [Effect] {
        switch screen.pane {
        case .board: return []
        case .map: return [.fetchMap(selected: screen.board.selectedRow)]
        case .verification: return [.fetchCarriers]
        case .payments: return refreshPayments()
        case .outbox: return [.fetchOutbox]
        case .driverLoads:
            return screen.session.driverId.map { [.fetchDriverLoads(driverId: $0)] } ?? []
        }
    }
}
