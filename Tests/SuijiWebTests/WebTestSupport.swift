// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SuijiCore
import SuijiStore
import SuijiWeb
import Testing

/// The app's clock in tests: frozen at `WebFixture.now` until a test moves it on (a draw's
/// reveal deadline and public value lie days ahead).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    var now: Date { lock.withLock { instant } }

    func advance(days: Double) { lock.withLock { instant = instant.addingTimeInterval(days * 86_400) } }
}

/// An app over a fresh in-memory database with two departments, an admin each, an office, an
/// overseer and an inspector; the clock stands still unless a test advances it.
struct WebFixture {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    let stores: Stores
    let app: Application<RouterResponder<AppRequestContext>>
    let clock: TestClock

    static func make(calendar: WorkCalendar? = nil) async throws -> WebFixture {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let stores = try await Stores.open(
            location(), bcryptCost: 4, hasher: testHasher, calendar: calendar, random: .seeded(2026), now: now, logger: logger)
        let system = Caller.system(at: now)
        try await stores.departments.create(Department(code: "SAMR", name: "区市场监管局"), caller: system)
        try await stores.departments.create(Department(code: "HEALTH", name: "区卫健委"), caller: system)
        for (username, role, department) in [
            ("samr", Role.departmentAdmin, "SAMR"), ("health", .departmentAdmin, "HEALTH"), ("office", .office, nil),
            ("overseer", .overseer, nil), ("inspector", .inspector, "SAMR"),
        ] as [(String, Role, String?)] {
            try await stores.accounts.create(
                Account(username: username, displayName: username, role: role, departmentCode: department),
                password: testPassword, caller: system)
        }
        let pages = try await PageRenderer.bundled()
        let clock = TestClock(now)
        let router = buildRouter(stores: stores, pages: pages, clock: AppClock { clock.now }, configuration: AppConfiguration())
        return WebFixture(stores: stores, app: Application(router: router, logger: logger), clock: clock)
    }
}

extension WebFixture {
    /// Where a fixture's database lives: in memory, or — with `SUIJI_WEB_TEST_DATABASE=file`, as
    /// `scripts/test.sh` runs the web suite a second time — a temporary SQLite file, so the raw
    /// bulk paths the default deployment takes (imports, draw pools) are exercised over HTTP.
    static func location() -> DatabaseLocation {
        guard ProcessInfo.processInfo.environment["SUIJI_WEB_TEST_DATABASE"] == "file" else { return .sqliteMemory }
        return .sqliteFile(FileManager.default.temporaryDirectory.appendingPathComponent("suiji-web-\(UUID().uuidString).sqlite").path)
    }

    /// Closes the database and removes its file, if it has one.
    func close() async {
        await stores.database.close()
        if let path = stores.database.sqliteFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}

/// Runs `body` against a fresh fixture's app and always closes the database (an unclosed
/// SQLite connection traps when it is freed).
func withApp(calendar: WorkCalendar? = nil, _ body: @Sendable (WebFixture, any TestClientProtocol) async throws -> Void) async throws {
    let fixture = try await WebFixture.make(calendar: calendar)
    do {
        try await fixture.app.test(.router) { client in try await body(fixture, client) }
    } catch {
        await fixture.close()
        throw error
    }
    await fixture.close()
}

/// The tests' password hasher: its queue is never refused (the whole suite logs in at once on a
/// loaded machine; the refusal itself is tested with hashers of its own).
let testHasher = PasswordHasher(threads: 2, maxWaiting: 1_000_000)

/// The password of every fixture account.
let testPassword = "fixture-pass-2026"

/// A bearer token for `username`.
func token(_ client: some TestClientProtocol, _ username: String) async throws -> String {
    let body = #"{"username":"\#(username)","password":"\#(testPassword)"}"#
    return try await client.execute(
        uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
    ) { response in
        #expect(response.status == .created)
        let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return json?["token"] as? String ?? ""
    }
}

/// The login form's CSRF token and the cookie that must carry it back.
func loginForm(_ client: some TestClientProtocol) async throws -> (cookie: String, csrf: String) {
    try await client.execute(uri: "/login", method: .get) { response in
        let setCookie = response.headers[.setCookie] ?? ""
        let html = String(buffer: response.body)
        let token = html.range(of: #"name="_csrf" value=""#).map { String(html[$0.upperBound...].prefix(64)) } ?? ""
        return (String(setCookie.split(separator: ";").first ?? ""), token)
    }
}

/// A cookie session: the cookie header and the CSRF token scraped from a page.
func login(_ client: some TestClientProtocol, _ username: String, password: String = testPassword) async throws -> (
    cookie: String, csrf: String
) {
    let form = try await loginForm(client)
    let cookie = try await client.execute(
        uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: form.cookie],
        body: ByteBuffer(string: "username=\(username)&password=\(password)&next=/&_csrf=\(form.csrf)")
    ) { response in
        #expect(response.status == .found)
        let setCookie = response.headers[values: .setCookie].first { $0.hasPrefix("suiji_session=") } ?? ""
        return String(setCookie.split(separator: ";").first ?? "")
    }
    let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
        let html = String(buffer: response.body)
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return "" }
        return String(html[range.upperBound...].prefix(64))
    }
    return (cookie, csrf)
}

extension String {
    init(buffer: ByteBuffer) {
        self = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes) ?? ""
    }
}

extension Data {
    init(buffer: ByteBuffer) {
        self = Data(buffer.readableBytesView)
    }
}

/// JSON body of a request.
func json(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
}

/// A page fetched without logging in: its status and body.
func anonymousPage(_ client: some TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, html: String) {
    try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
}
