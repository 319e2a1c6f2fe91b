import Foundation
import StarfleetTUI

/// The header's one result: the background `GetCallerIdentity` answer.
enum HeaderFeature {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard case .identityFetched(let result) = action else { return [] }
        switch result {
        case .success(let identity): state.header.identity = .known(identity)
        case .failure(let failure): state.header.identity = .unavailable(failure.message)
        }
        return []
    }
}
