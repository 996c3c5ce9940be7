// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// `/api/v1/targets/:id/credit` (`id` is the uid): a target's credit record and risk-class history (§19),
/// scoped like the target libraries.
struct CreditAPIController {
    let stores: Stores
    let clock: AppClock
    var credit: CreditStore { stores.credit }

    struct CreditBody: Encodable {
        var uid: String
        var records: [CreditRecord]
        var history: [RiskClassChange]
    }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get("/api/v1/targets/:id/credit", use: show)
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let uid = try context.parameters.require("id")
        let scope = AccessPolicy.readScope(account)
        let body = CreditBody(
            uid: uid, records: try await credit.records(uid: uid, scope: scope), history: try await credit.history(uid: uid, scope: scope))
        return JSONBody.response(body)
    }
}
