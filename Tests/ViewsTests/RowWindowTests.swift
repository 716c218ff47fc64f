import Testing
import Domain
@testable import Views

/// The window's bookkeeping against an in-memory list answering pages as the mirror would.
@Suite("Row window: keyset paging around the selection")
struct RowWindowTests {
    struct Item: Sendable, Hashable, Identifiable { let id: Int }

    /// The list in sort order, answering a request like a keyset query.
    struct List {
        var items: [Item]
        func page(_ request: WindowRequest<Item>) -> [Item] {
            switch request.anchor {
            case .first: return Array(items.prefix(request.limit))
            case .last: return Array(items.suffix(request.limit))
            case .after(let row): return Array(items.filter { $0.id > row.id }.prefix(request.limit))
            case .before(let row): return Array(items.filter { $0.id < row.id }.suffix(request.limit))
            case .from(let row): return Array(items.filter { $0.id >= row.id }.prefix(request.limit))
            }
        }
    }

    /// Answers each request as it comes, as the console's effect runner does.
    func settle(_ window: inout RowWindow<Item>, _ list: List, _ first: WindowRequest<Item>?, visible: Int = 20) {
        var next = first
        while let request = next {
            window.receive(list.page(request), for: request, visible: visible, total: list.items.count)
            next = window.followUp(visible: visible)
        }
    }

    let list = List(items: (0..<10_000).map(Item.init))

    @Test func theFirstPageAndItsEnd() {
        var window = RowWindow<Item>(pageSize: 100, maxRows: 400)
        settle(&window, List(items: Array(list.items.prefix(30))), window.reload())
        #expect(window.rows.count == 30)
        #expect(window.atStart && window.atEnd, "a short page is the whole list")
        #expect(window.selectedPosition == 0)
        let more = window.move(by: 100, visible: 20)
        #expect(more == nil, "nothing more to read")
        #expect(window.selectedRow?.id == 29)
    }

    @Test func walkingDownExtendsAndTrimsTheFarEnd() {
        var window = RowWindow<Item>(pageSize: 100, maxRows: 400)
        settle(&window, list, window.reload())
        #expect(window.rows.count == 100)
        for _ in 0..<500 {
            settle(&window, list, window.move(by: 20, visible: 20))
            #expect(window.rows.count <= 400, "never more than the window in memory")
            #expect(window.selectedRow?.id == window.selectedPosition, "positions stay true as rows are trimmed")
        }
        #expect(window.selectedRow?.id == 9_999)
        #expect(window.atEnd && !window.atStart)
        // And back up to the top through `before` pages.
        for _ in 0..<500 { settle(&window, list, window.move(by: -20, visible: 20)) }
        #expect(window.selectedRow?.id == 0 && window.selectedPosition == 0)
        #expect(window.atStart && !window.atEnd)
    }

    @Test func jumpingToTheEndPlacesTheLastPageInTheWholeList() {
        var window = RowWindow<Item>(pageSize: 100, maxRows: 400)
        settle(&window, list, window.reload())
        settle(&window, list, window.jump(toEnd: true))
        #expect(window.selectedRow?.id == 9_999)
        #expect(window.selectedPosition == 9_999)
        #expect(window.top == 80, "the last screenful shows")
    }

    @Test func aRefreshKeepsTheSelectedRowWhereverItMoved() {
        var window = RowWindow<Item>(pageSize: 100, maxRows: 400)
        settle(&window, list, window.reload())
        settle(&window, list, window.move(by: 10, visible: 20))
        var changed = list
        changed.items.removeAll { $0.id == 3 || $0.id == 5 }
        settle(&window, changed, window.refresh(visible: 20))
        #expect(window.selectedRow?.id == 10, "the same row stays selected after rows above it went")
    }

    @Test func aChangeDuringAPageIsReadOnceThePageArrives() {
        var window = RowWindow<Item>(pageSize: 100, maxRows: 400)
        let first = window.reload()
        let second = window.refresh(visible: 20)
        #expect(second == nil, "no second page while one is in flight")
        #expect(window.stale)
        window.receive(list.page(first), for: first, visible: 20)
        let again = window.followUp(visible: 20)
        #expect(again?.anchor == .from(Item(id: 0)), "the refresh that waited is asked for now")
    }

    @Test func aPageOfAnOlderListIsDropped() {
        var window = RowWindow<Item>(pageSize: 100, maxRows: 400)
        let old = window.reload()
        let new = window.reload()
        let tookOld = window.receive(list.page(old), for: old, visible: 20)
        #expect(!tookOld)
        #expect(window.rows.isEmpty && window.inFlight)
        let tookNew = window.receive(Array(list.items.suffix(5)), for: new, visible: 20)
        #expect(tookNew)
        #expect(window.rows.map(\.id) == Array(9_995..<10_000))
    }

    @Test func aCountedPositionPlacesTheWindow() {
        var window = RowWindow<Item>(pageSize: 100, maxRows: 400)
        settle(&window, list, window.reload())
        _ = window.move(by: 7, visible: 20)
        window.place(selectedAt: 5_007)
        #expect(window.start == 5_000 && window.selectedPosition == 5_007)
    }
}
