// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Logging
import SuijiCore

/// The request context: the logged-in account (if any) and its session's CSRF token.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account behind the session cookie or bearer token.
    public var account: Account?
    /// CSRF token of a cookie session; empty for bearer tokens.
    public var csrfToken: String
    /// Whether the request was authenticated by a bearer token (no CSRF check needed).
    public var viaBearer: Bool
    /// The connection's peer address (see `clientAddress` for proxies).
    public var remoteAddress: String?
    /// Shared with the access log: the account once the session is known.
    public let trace = RequestTrace()
    /// The most bytes this request's body may have, set by `BodyLimitMiddleware` per route and
    /// caller (a few KB until then).
    public var bodyLimit: Int
    /// The app's clock, set by `SessionMiddleware` (handlers behind `SignedInRoutes` read
    /// `context.caller` from it).
    public var clock: AppClock

    public init(source: Source) {
        coreContext = .init(source: source)
        account = nil
        csrfToken = ""
        viaBearer = false
        remoteAddress = source.channel.remoteAddress?.ipAddress
        bodyLimit = BodyLimits.anonymous
        clock = .system
    }

    /// Every body reader (decoders, forms, uploads) collects at most this much.
    public var maxUploadSize: Int { bodyLimit }

    /// JSON bodies: bounded, text-checked, errors naming the field (`AppRequestDecoder`).
    public var requestDecoder: some RequestDecoder { AppRequestDecoder() }
}
