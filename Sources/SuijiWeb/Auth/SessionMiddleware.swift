// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import SuijiCore
import SuijiStore

/// Resolves the caller from the session cookie (pages) or an `Authorization: Bearer` token (API),
/// enforces the CSRF token on cookie-authenticated writes, and keeps an account that still has
/// its one-time password to the page that changes it.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "suiji_session"

    let accounts: AccountStore
    let clock: AppClock
    let trustForwardedFor: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clock = clock
        var mustChangePassword = false
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            if let state = try await accounts.sessionState(token: token, now: clock.now()) {
                context.account = state.account
                context.viaBearer = true
                mustChangePassword = state.mustChangePassword
            } else if Self.needsLogin(request.uri.path) {
                throw AuthError.sessionExpired
            }
            // An expired or revoked token on a public page or the login itself counts as no login
            // (a page would otherwise send it to the login page, and the login page to itself).
        } else if let token = request.cookies[Self.cookieName]?.value,
            let state = try await accounts.sessionState(token: token, now: clock.now())
        {
            context.account = state.account
            context.csrfToken = state.csrfToken
            mustChangePassword = state.mustChangePassword
        }
        context.trace.accountID = context.account?.id
        if context.account != nil, !context.viaBearer, request.method != .get, request.method != .head,
            request.uri.path.hasPrefix("/api/"), request.headers[HTTPField.Name("X-CSRF-Token")!] != context.csrfToken
        {
            await RefusalAuditMiddleware.record(
                WebError.csrfMismatch, request: request, context: context, database: accounts.database, clock: clock,
                trustForwardedFor: trustForwardedFor)
            throw WebError.csrfMismatch
        }
        if mustChangePassword, !Self.allowedBeforePasswordChange(request.uri.path) {
            if request.uri.path.hasPrefix("/api/") { throw WebError.passwordChangeRequired }
            return Response.redirect(to: AccountPagesController.passwordPath, type: .found)
        }
        return try await next(request, context)
    }

    /// API routes that answer only a logged-in caller (the public API and logging in do not).
    static func needsLogin(_ path: String) -> Bool {
        path.hasPrefix("/api/") && !path.hasPrefix("/api/v1/public/") && path != "/api/v1/auth/token"
    }

    /// What an account with a one-time password may still reach: changing it, logging out,
    /// who it is, the public portal and static files.
    static func allowedBeforePasswordChange(_ path: String) -> Bool {
        ["/account", AccountPagesController.passwordPath, "/logout", "/api/v1/me", "/api/v1/me/password"].contains(path)
            || path.hasPrefix("/public") || path.hasPrefix("/static/") || path == "/health"
    }
}
