// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Histories and declarations under a record: item versions, target status history, an
/// inspector's declared conflicts of interest.
struct HistoryAPIController {
    let stores: Stores
    let clock: AppClock

    struct ConflictBody: Decodable {
        var targetUID: String
        var kind: ConflictKind
        var note: String?
        var declaredOn: CalendarDate?
    }

    func addRoutes(to routes: AppRoutes) {
        let signedIn = routes.signedIn().group("/api/v1/")
        signedIn.get("items/:id/versions") { _, context in
            let account = context.account
            let id = try context.parameters.require("id", as: Int64.self)
            return JSONBody.response(try await stores.items.versions(id: id, scope: AccessPolicy.readScope(account)))
        }
        signedIn.get("items/:id/versions/:version") { _, context in
            let account = context.account
            let id = try context.parameters.require("id", as: Int64.self)
            let version = try context.parameters.require("version", as: Int.self)
            return JSONBody.response(try await stores.items.get(id: id, version: version, scope: AccessPolicy.readScope(account)))
        }
        signedIn.get("targets/:id/history") { _, context in
            let account = context.account
            let id = try context.parameters.require("id", as: Int64.self)
            return JSONBody.response(try await stores.targets.statusHistory(id: id, scope: AccessPolicy.readScope(account)))
        }
        signedIn.get("inspectors/:id/conflicts") { _, context in
            let account = context.account
            let id = try context.parameters.require("id", as: Int64.self)
            return JSONBody.response(try await stores.inspectors.conflicts(inspectorID: id, scope: AccessPolicy.readScope(account)))
        }
        signedIn.post("inspectors/:id/conflicts") { request, context in
            let caller = context.caller
            let id = try context.parameters.require("id", as: Int64.self)
            let body = try await request.decode(as: ConflictBody.self, context: context)
            let conflict = ConflictOfInterest(
                inspectorID: id, targetUID: body.targetUID.trimmingCharacters(in: .whitespaces).uppercased(), kind: body.kind,
                note: body.note ?? "", declaredOn: body.declaredOn ?? CalendarDate(chinaDateOf: caller.at))
            return JSONBody.response(try await stores.inspectors.declareConflict(conflict, caller: caller), status: .created)
        }
    }
}
