// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging
import SuijiCore
import SuijiStore

/// The request context of a route behind `SignedInRoutes`: built from `AppRequestContext` only
/// when the session (cookie or bearer token) has an account — otherwise `WebError.loginRequired`
/// (401 under `/api/`, the login page elsewhere) — so a handler reads `context.account` and
/// `context.caller` as values, never a check it could forget.
struct SignedInContext: ChildRequestContext {
    typealias ParentContext = AppRequestContext

    var coreContext: CoreRequestContextStorage
    /// The signed-in account.
    let account: Account
    /// CSRF token of a cookie session; empty for bearer tokens.
    let csrfToken: String
    /// Whether the request was authenticated by a bearer token.
    let viaBearer: Bool
    /// The connection's peer address.
    let remoteAddress: String?
    /// Shared with the access log.
    let trace: RequestTrace
    /// The most bytes this request's body may have (`BodyLimitMiddleware`).
    let bodyLimit: Int
    /// The app's clock (set on the parent context by `SessionMiddleware`).
    let clock: AppClock

    init(context: AppRequestContext) throws {
        guard let account = context.account else { throw WebError.loginRequired }
        coreContext = context.coreContext
        self.account = account
        csrfToken = context.csrfToken
        viaBearer = context.viaBearer
        remoteAddress = context.remoteAddress
        trace = context.trace
        bodyLimit = context.bodyLimit
        clock = context.clock
    }

    /// The caller of a write: the account and the clock's now (read when asked, as before).
    var caller: Caller { Caller(account: account, at: clock.now()) }

    /// Every body reader (decoders, forms, uploads) collects at most this much.
    var maxUploadSize: Int { bodyLimit }

    /// JSON bodies: bounded, text-checked, errors naming the field (`AppRequestDecoder`).
    var requestDecoder: some RequestDecoder { AppRequestDecoder() }
}
