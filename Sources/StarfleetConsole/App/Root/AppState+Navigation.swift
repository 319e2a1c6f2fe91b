import Foundation
import StarfleetTUI

/// The screen stack, flash messages and ids: shared by the root and the features.
extension AppState {
    static let flashSeconds: TimeInterval = 6

    mutating func showFlash(_ text: String, _ kind: Flash.Kind = .info) {
        flash = Flash(text, kind: kind, expires: now.addingTimeInterval(Self.flashSeconds))
    }

    /// A fresh request or run id.
    mutating func nextID() -> Int {
        sequence += 1
        return sequence
    }

    mutating func push(_ next: Screen) {
        if screen != next { screens.append(next) }
    }

    mutating func pop() {
        if screens.count > 1 { screens.removeLast() }
    }

    func shipRow(named name: String) -> ShipRow? {
        fleet.snapshot?.ships.first { $0.name == name }
    }
}
