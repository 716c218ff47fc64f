import Domain

/// Draws the modal in force over the pane. Every dialog computes its box from the
/// current screen size, so a resize while it is open just redraws it to fit.
enum DialogView {
    static func draw(_ dialog: Dialog, state: ScreenState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let screen = Rect(x: 0, y: 0, width: state.width, height: state.height)
        switch dialog {
        case .help: HelpDialog.draw(state, screen: screen, into: &buffer, glyphs: glyphs)
        case let .filter(form): FilterDialog.draw(form, screen: screen, into: &buffer, glyphs: glyphs)
        case let .assign(assign): AssignDialog.draw(assign, screen: screen, into: &buffer, glyphs: glyphs)
        case let .confirm(confirm): ConfirmDialog.draw(confirm, screen: screen, into: &buffer, glyphs: glyphs)
        case let .delay(delay): DelayDialog.draw(delay, screen: screen, into: &buffer, glyphs: glyphs)
        case let .statusConfirm(confirm):
            StatusConfirmDialog.draw(confirm, state: state, screen: screen, into: &buffer, glyphs: glyphs)
        case let .payoutAction(action): PayoutActionDialog.draw(action, screen: screen, into: &buffer, glyphs: glyphs)
        case let .carrierFilter(form): FilterDialog.draw(form, screen: screen, into: &buffer, glyphs: glyphs)
        case let .carrierDetail(detail):
            CarrierDetailView.draw(detail, screen: screen, now: state.now, into: &buffer, glyphs: glyphs)
        case let .loadDetail(detail):
            LoadDetailView.draw(detail, screen: screen, now: state.now, into: &buffer, glyphs: glyphs)
        case let .loadForm(state): FilterDialog.draw(state.form, screen: screen, into: &buffer, glyphs: glyphs)
        case let .carrierForm(form): FilterDialog.draw(form, screen: screen, into: &buffer, glyphs: glyphs)
        case let .cancelLoad(cancel): CancelLoadDialog.draw(cancel, screen: screen, into: &buffer, glyphs: glyphs)
        }
    }

    /// The keys line at a dialog's bottom edge.
    static func footer(_ text: String, inner: Rect, into buffer: inout CellBuffer) {
        guard inner.height > 0 else { return }
        buffer.put(text, x: inner.x, y: inner.maxY - 1, style: .muted, maxWidth: inner.width)
    }
}
