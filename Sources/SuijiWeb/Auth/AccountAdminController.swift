// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// What the office does to existing accounts — and a department admin to their department's
/// inspector logins — on the pages and over the API: lift a login lockout, reset a password to
/// a one-time password (shown once), disable or enable, revoke API tokens. Every action is in
/// the audit log; the store decides who may do what.
struct AccountAdminController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    let logins: LoginGuard

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        let office = routes.signedIn(.office)
        office.post(AdminPaths.unlock) { request, context in
            try await pageAction(request, context) { username, caller in try await unlock(username, caller: caller) }
        }
        router.post(AdminPaths.disable) { request, context in
            try await pageAction(request, context) { try await stores.accounts.setActive(username: $0, active: false, caller: $1) }
        }
        router.post(AdminPaths.enable) { request, context in
            try await pageAction(request, context) { try await stores.accounts.setActive(username: $0, active: true, caller: $1) }
        }
        router.post(AdminPaths.revokeTokens) { request, context in
            try await pageAction(request, context) { try await stores.accounts.revokeTokens(of: $0, caller: $1) }
        }
        router.post(AdminPaths.resetPassword, use: resetPage)

        office.post("/api/v1/accounts/:username/unlock") { _, context in
            let (username, caller) = try target(context)
            try await unlock(username, caller: caller)
            return JSONBody.response(AccountState(username: username, locked: false))
        }
        router.post("/api/v1/accounts/:username/password-reset") { _, context in
            let (username, caller) = try target(context)
            let password = try await stores.accounts.resetPassword(username: username, caller: caller)
            logins.lift(username: username)
            return JSONBody.response(OneTimeLogin(username: username, password: password, mustChangePassword: true))
        }
        router.post("/api/v1/accounts/:username/disable") { _, context in
            let (username, caller) = try target(context)
            try await stores.accounts.setActive(username: username, active: false, caller: caller)
            return JSONBody.response(AccountState(username: username, active: false))
        }
        router.post("/api/v1/accounts/:username/enable") { _, context in
            let (username, caller) = try target(context)
            try await stores.accounts.setActive(username: username, active: true, caller: caller)
            return JSONBody.response(AccountState(username: username, active: true))
        }
        router.get("/api/v1/accounts/:username/tokens") { _, context in
            let (username, caller) = try target(context)
            return JSONBody.response(try await stores.accounts.sessions(of: username, caller: caller))
        }
        router.delete("/api/v1/accounts/:username/tokens") { _, context in
            let (username, caller) = try target(context)
            return JSONBody.response(["revoked": try await stores.accounts.revokeTokens(of: username, caller: caller)])
        }
    }

    struct AccountState: Encodable {
        var username: String
        var locked: Bool?
        var active: Bool?
    }

    struct OneTimeLogin: Encodable {
        var username: String
        var password: String
        var mustChangePassword: Bool
    }

    private func target(_ context: SignedInContext) throws -> (String, Caller) {
        (try context.parameters.require("username"), context.caller)
    }

    private func unlock(_ username: String, caller: Caller) async throws {
        try await stores.accounts.unlock(username: username, caller: caller)
        logins.lift(username: username)
    }

    /// A page form's action on one account, then back to the page it came from.
    private func pageAction(
        _ request: Request, _ context: SignedInContext, _ action: (String, Caller) async throws -> some Sendable
    ) async throws -> Response {
        let (username, caller) = try target(context)
        let form = try await Self.formValues(request, context: context)
        _ = try await action(username, caller)
        return Response.redirect(to: Self.back(form), type: .found)
    }

    @Sendable func resetPage(request: Request, context: SignedInContext) async throws -> Response {
        let (username, caller) = try target(context)
        let form = try await Self.formValues(request, context: context)
        let password = try await stores.accounts.resetPassword(username: username, caller: caller)
        logins.lift(username: username)
        let model = OneTimePasswordsPage(
            title: "已重置 \(username) 的密码", logins: [.init(name: username, certificate: "", username: username, password: password)],
            backURL: Self.back(form), csvURL: nil)
        return pages.render("one-time-passwords", model, account: caller.account, csrf: context.csrfToken)
    }

    /// The local page to return to (`back` in the form), the accounts page by default.
    static func back(_ form: [String: String]) -> String {
        let back = form["back"] ?? ""
        return back.hasPrefix("/") && !back.hasPrefix("//") ? back : AdminPaths.accounts.href
    }

    /// The form's fields (its CSRF token was checked by the signed-in group).
    static func formValues(_ request: Request, context: SignedInContext) async throws -> [String: String] {
        let form = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        return form
    }
}

/// One-time passwords just issued: shown once on this page, kept nowhere.
struct OneTimePasswordsPage {
    struct Login {
        var name: String
        var certificate: String
        var username: String
        var password: String
    }

    var title: String
    var logins: [Login]
    var backURL: String
    var csvURL: String?
}
