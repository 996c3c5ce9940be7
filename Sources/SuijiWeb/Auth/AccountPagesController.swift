// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// 我的账号: change one's own password (required after a one-time password) and see or end
/// one's own sessions and API tokens; the same over the API.
struct AccountPagesController {
    static let passwordPath = StaffPaths.account.href

    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    let logins: LoginGuard

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(StaffPaths.account, use: page)
        router.post(StaffPaths.accountPassword, use: changePassword)
        router.post(StaffPaths.revokeSession, use: revokePage)
        router.post("/api/v1/me/password", use: changePasswordAPI)
        router.get("/api/v1/auth/tokens", use: tokens)
        router.delete("/api/v1/auth/tokens/:id", use: revokeAPI)
    }

    struct PasswordChange: Decodable {
        var currentPassword: String
        var newPassword: String
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let changed = request.uri.queryParameters["changed"] != nil
        return try await render(context: context, request: request, message: changed ? "密码已修改，其他登录已全部退出。" : nil, errors: [])
    }

    private func render(
        context: SignedInContext, request: Request, message: String?, errors: [String], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caller = context.caller
        let current = (request.cookies[SessionMiddleware.cookieName]?.value).map { AccountStore.sessionID(token: $0) }
        let sessions = try await stores.accounts.sessions(of: caller.account.username, caller: caller)
        let model = AccountPage(
            username: caller.account.username, name: caller.account.displayName, role: caller.account.role.label,
            mustChange: try await stores.accounts.mustChangePassword(caller.account.id), message: message, errors: errors,
            hasErrors: !errors.isEmpty, minLength: PasswordRule.minLength,
            sessions: sessions.map {
                AccountPage.Session(
                    id: $0.id, kind: $0.kind == "api" ? "API 令牌" : "浏览器登录", createdAt: ChinaTime.text(stamp: $0.createdAt),
                    lastSeenAt: ChinaTime.text(stamp: $0.lastSeenAt) ?? "—", expiresAt: ChinaTime.text(stamp: $0.expiresAt),
                    isCurrent: $0.id == current, revokeURL: StaffPaths.revokeSession.href($0.id))
            }, hasSessions: !sessions.isEmpty, idleMinutes: Int(AccountStore.idleTimeout / 60))
        return pages.render("account", model, account: caller.account, csrf: context.csrfToken, status: status)
    }

    @Sendable func changePassword(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        let new = form["newPassword"] ?? ""
        guard new == form["confirmPassword"] else {
            return try await render(
                context: context, request: request, message: nil, errors: ["两次输入的新密码不一致"], status: .unprocessableContent)
        }
        do {
            try await change(
                current: form["currentPassword"] ?? "", new: new, token: request.cookies[SessionMiddleware.cookieName]?.value,
                caller: caller, request: request, context: context)
            return Response.redirect(to: StaffPaths.account.href + "?changed=1", type: .found)
        } catch let error as AuthError {
            let status: HTTPResponse.Status = if case .throttled = error { .tooManyRequests } else { .unprocessableContent }
            return try await render(context: context, request: request, message: nil, errors: [error.message], status: status)
        }
    }

    @Sendable func changePasswordAPI(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let body = try await request.decode(as: PasswordChange.self, context: context)
        let bearer = request.headers[.authorization].map { String($0.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces) }
        try await change(
            current: body.currentPassword, new: body.newPassword, token: bearer ?? request.cookies[SessionMiddleware.cookieName]?.value,
            caller: caller, request: request, context: context)
        return JSONBody.response(["changed": true])
    }

    /// Checks the current password under the login throttle (a stolen session must not become
    /// a way to guess it), then changes it.
    private func change(current: String, new: String, token: String?, caller: Caller, request: Request, context: SignedInContext)
        async throws
    {
        let username = caller.account.username
        if case .wait(let seconds) = logins.verdict(username: username, address: nil, now: caller.at) {
            throw AuthError.throttled(seconds: seconds)
        }
        do {
            try await stores.accounts.changePassword(current: current, new: new, keepToken: token, caller: caller)
        } catch AuthError.invalidAccount(let field, let message) where field == "currentPassword" {
            logins.failed(username: username, address: nil, now: caller.at)
            throw AuthError.invalidAccount(field: field, message: message)
        }
    }

    @Sendable func tokens(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        return JSONBody.response(try await stores.accounts.sessions(of: caller.account.username, caller: caller))
    }

    @Sendable func revokePage(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        _ = try await AccountAdminController.formValues(request, context: context)
        try await stores.accounts.revoke(sessionID: try context.parameters.require("id"), caller: caller)
        return Response.redirect(to: StaffPaths.account.href, type: .found)
    }

    @Sendable func revokeAPI(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        try await stores.accounts.revoke(sessionID: try context.parameters.require("id"), caller: caller)
        return Response(status: .noContent)
    }
}

/// The view model of 我的账号.
struct AccountPage {
    struct Session {
        var id: String
        var kind: String
        var createdAt: String
        var lastSeenAt: String
        var expiresAt: String
        var isCurrent: Bool
        var revokeURL: String
    }

    var username: String
    var name: String
    var role: String
    var mustChange: Bool
    var message: String?
    var errors: [String]
    var hasErrors: Bool
    var minLength: Int
    var sessions: [Session]
    var hasSessions: Bool
    var idleMinutes: Int
}
