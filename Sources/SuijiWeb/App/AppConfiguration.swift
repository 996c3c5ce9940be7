// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging

/// A clock passed in, so tests are deterministic.
public struct AppClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The wall clock.
    public static let system = AppClock { Date() }
}

/// How the HTTP server runs.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Mark cookies `Secure` (behind HTTPS).
    public var secureCookies: Bool
    /// Show unexpected errors' text (development only).
    public var showInternalErrors: Bool
    /// Take the client's address from `X-Forwarded-For` (only behind a reverse proxy that sets it).
    public var trustForwardedFor: Bool
    /// Where the per-request access log goes (`notice` level); none when nil (tests).
    public var accessLogger: Logger?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, showInternalErrors: Bool = false,
        trustForwardedFor: Bool = false
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.showInternalErrors = showInternalErrors
        self.trustForwardedFor = trustForwardedFor
    }
}
