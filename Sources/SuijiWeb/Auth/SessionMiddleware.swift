// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import SuijiCore
import SuijiStore

/// Resolves the caller from the session cookie (pages) or an `Authorization: Bearer` token (API),
/// and enforces the CSRF token on cookie-authenticated writes.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "suiji_session"

    let accounts: AccountStore
    let clock: AppClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let (account, _) = try await accounts.session(token: token, now: clock.now()) else {
                throw AuthError.sessionExpired
            }
            context.account = account
            context.viaBearer = true
        } else if let token = request.cookies[Self.cookieName]?.value,
            let (account, csrf) = try await accounts.session(token: token, now: clock.now())
        {
            context.account = account
            context.csrfToken = csrf
        }
        if context.account != nil, !context.viaBearer, request.method != .get, request.method != .head,
            request.uri.path.hasPrefix("/api/"), request.headers[HTTPField.Name("X-CSRF-Token")!] != context.csrfToken
        {
            throw WebError.csrfMismatch
        }
        return try await next(request, context)
    }
}

extension AppRequestContext {
    /// The caller of a write: the account and the clock's now.
    func caller(_ clock: AppClock) throws -> Caller {
        Caller(account: try requireAccount(), at: clock.now())
    }
}
