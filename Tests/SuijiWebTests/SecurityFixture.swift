// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SuijiCore
import SuijiStore
import SuijiWeb
import Synchronization
import Testing

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let value = Mutex(WebFixture.now)

    var now: Date { value.withLock { $0 } }

    func advance(_ seconds: TimeInterval) {
        value.withLock { $0 += seconds }
    }

    var appClock: AppClock { AppClock { self.now } }
}

/// A flag set on one thread and polled on another.
final class ManualFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

/// The fixture's stores with a hasher of its own (so the test can count bcrypt checks), a
/// clock the test moves, and the client's address taken from `X-Forwarded-For`.
struct SecurityFixture {
    let base: WebFixture
    let stores: Stores
    let hasher: PasswordHasher
    let clock: ManualClock

    static func make(threads: Int = 1, maxWaiting: Int = 16) async throws -> SecurityFixture {
        let base = try await WebFixture.make()
        let hasher = PasswordHasher(threads: threads, maxWaiting: maxWaiting)
        return SecurityFixture(
            base: base, stores: Stores(database: base.stores.database, bcryptCost: 4, hasher: hasher), hasher: hasher,
            clock: ManualClock())
    }

    /// A fresh app over the same database (a new app forgets the in-memory throttle, as a restart does).
    func app() async throws -> some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let router = buildRouter(
            stores: stores, pages: try await PageRenderer.bundled(), clock: clock.appClock,
            configuration: AppConfiguration(trustForwardedFor: true))
        return Application(router: router, logger: logger)
    }

    /// Runs `body` against a fresh app and closes the database afterwards.
    static func with(
        threads: Int = 1, maxWaiting: Int = 16, _ body: @Sendable (SecurityFixture, any TestClientProtocol) async throws -> Void
    ) async throws {
        let fixture = try await make(threads: threads, maxWaiting: maxWaiting)
        do {
            try await fixture.app().test(.router) { client in try await body(fixture, client) }
        } catch {
            await fixture.stores.database.close()
            throw error
        }
        await fixture.stores.database.close()
    }
}

/// A login form post from `address`: the status, the body and the `Retry-After` header.
func postLogin(_ client: some TestClientProtocol, _ username: String, _ password: String, from address: String = "198.51.100.1")
    async throws -> (status: HTTPResponse.Status, body: String, retryAfter: String?)
{
    let form = try await loginForm(client)
    return try await client.execute(
        uri: "/login", method: .post,
        headers: [
            .contentType: "application/x-www-form-urlencoded", .cookie: form.cookie, HTTPField.Name("X-Forwarded-For")!: address,
        ],
        body: ByteBuffer(string: "username=\(username)&password=\(password)&next=/&_csrf=\(form.csrf)")
    ) { ($0.status, String(buffer: $0.body), $0.headers[.retryAfter]) }
}
