// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import SuijiCore
import Synchronization

/// The server's login throttle: failed logins per account name and per client address, kept in
/// memory and consulted before anything else, so a refused attempt costs no database read and no
/// bcrypt. Real accounts are also locked in the database (`AccountStore.login`).
final class LoginGuard: Sendable {
    private let state: Mutex<LoginThrottle>

    init(throttle: LoginThrottle = LoginThrottle()) {
        state = Mutex(throttle)
    }

    func verdict(username: String, address: String?, now: Date) -> LoginThrottle.Verdict {
        state.withLock { $0.verdict(username: username, address: address, now: now) }
    }

    func failed(username: String, address: String?, now: Date) {
        state.withLock { _ = $0.recordFailure(username: username, address: address, now: now) }
    }

    /// A refused form (no CSRF token) counts against the address only.
    func refused(address: String?, now: Date) {
        guard let address else { return }
        state.withLock { $0.recordAddressFailure(address: address, now: now) }
    }

    func succeeded(username: String) {
        state.withLock { $0.recordSuccess(username: username) }
    }

    /// The office lifted the account's lock.
    func lift(username: String) {
        state.withLock { $0.lift(username: username) }
    }
}

extension AppRequestContext {
    /// The client's address: the connection's peer, or — behind a reverse proxy that the
    /// configuration trusts — the last address of `X-Forwarded-For` (the one the proxy added).
    func clientAddress(_ request: Request, trustForwardedFor: Bool) -> String? {
        if trustForwardedFor, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return remoteAddress
    }
}
