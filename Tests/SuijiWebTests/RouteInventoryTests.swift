// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@testable import SuijiWeb

/// Every route is either explicitly public (listed here: adding one means adding it to this
/// list, on purpose) or added through `SignedInRoutes`, whose context cannot exist without an
/// account and whose middleware checks the form CSRF token and the role — so a new route cannot
/// be added unprotected by accident.
@Suite("Route inventory: public or signed in")
struct RouteInventoryTests {
    /// The routes anyone reaches: the public portal and its API, the open data, logging in and
    /// out, the health check.
    static let publicRoutes: Set<String> = [
        "GET /health",
        "GET /login", "POST /login", "POST /logout", "POST /api/v1/auth/token",
        "GET /public", "GET /public/items", "GET /public/plans", "GET /public/plans/{id}", "GET /public/targets",
        "GET /public/targets/{uid}", "GET /api/v1/public/targets", "GET /api/v1/public/targets/{uid}",
        "GET /public/annual-plans", "GET /public/annual-plans/{year}", "GET /public/data", "GET /public/data/annual-plans/{file}",
        "GET /public/data/{file}",
        "GET /public/draws/{id}", "GET /public/draws/{id}/verify", "GET /public/draws/{id}/files/{name}",
        "GET /public/draws/{id}/bundle.zip",
        "GET /public/draw-log.txt", "GET /api/v1/public/draws/{id}",
    ]

    static func routes() async throws -> (all: Set<String>, signedIn: [String: String]) {
        let fixture = try await WebFixture.make()
        let (router, table) = buildRoutes(
            stores: fixture.stores, pages: try await PageRenderer.bundled(), clock: AppClock { WebFixture.now },
            configuration: AppConfiguration())
        await fixture.close()
        return (Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" }), table.signedInRoutes)
    }

    @Test func everyRouteIsPublicOnPurposeOrBehindTheSignedInGroup() async throws {
        // MUT
        let (all, signedIn) = try await Self.routes()
        // validate
        let unprotected = all.subtracting(Self.publicRoutes).subtracting(signedIn.keys).sorted()
        #expect(unprotected.isEmpty, "routes neither public on purpose nor signed in: \(unprotected)")
        let both = Self.publicRoutes.intersection(signedIn.keys).sorted()
        #expect(both.isEmpty, "listed as public but signed in: \(both)")
        let gone = Self.publicRoutes.subtracting(all).sorted()
        #expect(gone.isEmpty, "public routes that no longer exist: \(gone)")
        #expect(Set(signedIn.keys).isSubset(of: all), "recorded signed-in routes the router does not have")
        #expect(signedIn.count > 150, "\(signedIn.count)")
    }

    /// A route of a role group answers 403 with the area's refusal to every other role — for a
    /// form, with a valid CSRF token, so the refusal is the role's — and the refusal is audited.
    @Test func aRoleGroupRefusesEveryOtherRole() async throws {
        let (_, signedIn) = try await Self.routes()
        let accesses = [RouteAccess.office, .auditReaders, .calendarReaders, .calendarLoaders, .oversightReaders, .exchangers, .importers]
        try await withApp { fixture, client in
            var sessions: [Role: (cookie: String, csrf: String)] = [:]
            var bearers: [Role: String] = [:]
            for (role, username) in [
                (Role.office, "office"), (.departmentAdmin, "samr"), (.inspector, "inspector"), (.overseer, "overseer"),
            ] {
                sessions[role] = try await login(client, username)
                bearers[role] = try await token(client, username)
            }
            var checked = 0
            for (route, name) in signedIn.sorted(by: { $0.key < $1.key }) {
                guard let access = accesses.first(where: { $0.name == name }) else { continue }
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(String(parts[0]))!
                let uri = String(parts[1]).replacingOccurrences(of: "{username}", with: "inspector")
                    .replacingOccurrences(of: "{code}", with: "SAMR")
                for role in Role.allCases where !access.roles.contains(role) {
                    let account = try #require(try await fixture.stores.accounts.all().first { $0.role == role })
                    #expect(throws: (any Error).self) { try access.check(account) }
                    let session = sessions[role]!
                    var headers: HTTPFields = [:]
                    var body = ByteBuffer()
                    if uri.hasPrefix("/api/") {
                        headers[.authorization] = "Bearer \(bearers[role]!)"
                        headers[.contentType] = "application/json"
                        if method == .post { body = ByteBuffer(string: #"{"code":"NEW","name":"新部门"}"#) }
                    } else {
                        headers[.cookie] = session.cookie
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        if method == .post { body = ByteBuffer(string: "_csrf=\(session.csrf)&code=NEW&name=x") }
                    }
                    // MUT
                    let (status, text) = try await client.execute(uri: uri, method: method, headers: headers, body: body) {
                        ($0.status, String(buffer: $0.body))
                    }
                    // validate
                    #expect(status == .forbidden, "\(role) \(route): \(status) \(text.prefix(200))")
                    checked += 1
                }
            }
            #expect(checked >= 20, "\(checked)")
            let refusals = try await AuditLog.recent(fixture.stores.database, limit: 1000).filter { $0.action == "refuse" }
            #expect(refusals.count >= checked)
        }
    }

    /// A page form without the session's token is refused by the group, before the handler
    /// (a URL-encoded form and a multipart upload alike); with it, the handler answers.
    @Test func theGroupChecksEveryFormsToken() async throws {
        try await withApp { _, client in
            let session = try await login(client, "samr")
            for body in ["", "_csrf=wrong&name=x", "name=x"] {
                let status = try await client.execute(
                    uri: "/plans", method: .post,
                    headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
                ) { $0.status }
                #expect(status == .forbidden, "\(body)")
            }
            for fields in [[("library", "targets")], [("library", "targets"), ("_csrf", "wrong")]] {
                let (type, body) = InspectionRecordsWebTests.multipart(fields, file: (name: "t.csv", content: Data("a,b\n".utf8)))
                let status = try await client.execute(
                    uri: "/imports", method: .post, headers: [.cookie: session.cookie, .contentType: type], body: body
                ) { $0.status }
                #expect(status == .forbidden, "\(fields)")
            }
            // the token first, then the file: the handler reads the whole body (a report page, not a refusal)
            let (type, body) = InspectionRecordsWebTests.multipart(
                [("_csrf", session.csrf), ("library", "targets")], file: (name: "t.csv", content: Data("a,b\n".utf8)))
            let status = try await client.execute(
                uri: "/imports", method: .post, headers: [.cookie: session.cookie, .contentType: type], body: body
            ) { $0.status }
            #expect(status != .forbidden && status != .unauthorized)
        }
    }
}
