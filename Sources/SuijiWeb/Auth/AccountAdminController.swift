// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// What the office does to existing accounts, on the accounts page and over the API: lift a
/// login lockout. Every action is in the audit log.
struct AccountAdminController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    let logins: LoginGuard

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/admin/accounts/:username/unlock", use: unlockPage)
        router.post("/api/v1/accounts/:username/unlock", use: unlockAPI)
    }

    struct AccountState: Encodable {
        var username: String
        var locked: Bool
    }

    @Sendable func unlockPage(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        try await Self.requireFormCSRF(request, context: context)
        let username = try context.parameters.require("username")
        try await unlock(username, caller: caller)
        return Response.redirect(to: "/admin/accounts", type: .found)
    }

    @Sendable func unlockAPI(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let username = try context.parameters.require("username")
        try await unlock(username, caller: caller)
        return JSONBody.response(AccountState(username: username, locked: false))
    }

    private func unlock(_ username: String, caller: Caller) async throws {
        try await stores.accounts.unlock(username: username, caller: caller)
        logins.lift(username: username)
    }

    /// Throws unless a page form carries the session's CSRF token.
    static func requireFormCSRF(_ request: Request, context: AppRequestContext) async throws {
        let form = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        guard form["_csrf"] == context.csrfToken else { throw WebError.csrfMismatch }
    }
}
