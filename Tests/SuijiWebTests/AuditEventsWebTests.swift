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

/// Collects log records (the access log's lines).
final class LogCapture: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    let records = Mutex<[Record]>([])

    var logger: Logger {
        Logger(label: "test.access") { _ in Handler(capture: self) }
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let record = Record(
                level: event.level, message: event.message.description,
                metadata: (event.metadata ?? [:]).mapValues { $0.description })
            capture.records.withLock { $0.append(record) }
        }
    }
}

@Suite("Audit of logouts, refusals, exports and downloads; the access log")
struct AuditEventsWebTests {
    static func actions(_ fixture: WebFixture) async throws -> [AuditEntry] {
        try await AuditLog.recent(fixture.stores.database, limit: 500)
    }

    @Test func refusalsAndLogoutsAreAudited() async throws {
        try await withApp { fixture, client in
            // A role that may not: an inspector writing a library.
            let inspector = try await token(client, "inspector")
            let refused = try await AccountManagementTests.api(
                client, .post, "/api/v1/items", inspector, ["code": "X-1", "name": "不该有的事项", "methods": "实地核查"])
            #expect(refused.status == .forbidden)
            // A page form without its CSRF token, an API write from a cookie without the header,
            // and a login form without its token.
            let samr = try await login(client, "samr")
            #expect(try await InspectionPagesTests.post(client, "/admin/accounts/x/unlock", (samr.cookie, ""), []).status == .forbidden)
            try await client.execute(
                uri: "/api/v1/items", method: .post, headers: [.cookie: samr.cookie, .contentType: "application/json"],
                body: json(["code": "X-2"])
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=samr&password=x&next=/")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: samr.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(samr.csrf)")
            ) { #expect($0.status == .found) }

            let rows = try await Self.actions(fixture)
            let refusals = rows.filter { $0.action == "refuse" }
            #expect(refusals.contains { $0.actor == "inspector" && $0.entityID == "POST /api/v1/items" && $0.detail.contains("forbidden") })
            #expect(
                refusals.contains { $0.actor == "samr" && $0.entityID == "POST /admin/accounts/x/unlock" && $0.detail.contains("csrf") })
            #expect(refusals.contains { $0.actor == "samr" && $0.entityID == "POST /api/v1/items" && $0.detail.contains("csrf") })
            #expect(refusals.contains { $0.actor == "anonymous" && $0.entityID == "POST /login" })
            #expect(rows.contains { $0.action == "logout" && $0.actor == "samr" && $0.entityID == "cookie" })
            // The log stays one chain.
            guard case .intact = try await AuditLog.verify(fixture.stores.database) else {
                Issue.record("chain broken")
                return
            }
        }
    }

    @Test func exportsOfPersonalDataAreAudited() async throws {
        try await withApp { fixture, client in
            let office = try await token(client, "office")
            for file in ["inspectors.csv", "targets.xlsx", "experts.csv", "items.csv"] {
                try await client.execute(
                    uri: "/api/v1/exports/\(file)?department=SAMR", method: .get, headers: [.authorization: "Bearer \(office)"]
                ) { #expect($0.status == .ok) }
            }
            let exports = try await Self.actions(fixture).filter { $0.action == "export" }
            #expect(Set(exports.map(\.entity)) == ["inspectors", "targets", "experts"])
            #expect(exports.allSatisfy { $0.actor == "office" && $0.entityID == "SAMR" })
        }
    }

    @Test func attachmentAndDossierDownloadsAreAudited() async throws {
        try await withApp { fixture, client in
            let (target, _) = try await PlanDrawFixture.drawnInspection(fixture, client, leader: nil)
            try await InspectionAPITests.inspectorAccount(fixture, "leader", id: target.team[0].id, department: "SAMR")
            let leader = try await token(client, "leader")
            let api = "/api/v1/inspections/\(target.id)"
            let bearer: HTTPFields = [.authorization: "Bearer \(leader)"]
            _ = try await InspectionRecordsWebTests.upload(
                client, "\(api)/attachments", headers: bearer, [], file: ("门头照片.jpg", InspectionRecordsWebTests.photo))
            let id = try #require(try await InspectionAPITests.list(client, "\(api)/attachments", token: leader).first?["id"] as? Int)
            try await client.execute(uri: "\(api)/attachments/\(id)", method: .get, headers: bearer) { #expect($0.status == .ok) }
            try await client.execute(uri: "\(api)/dossier.zip", method: .get, headers: bearer) { #expect($0.status == .ok) }
            let office = try await login(client, "office")
            try await client.execute(uri: "/inspections/\(target.id)/dossier.zip", method: .get, headers: [.cookie: office.cookie]) {
                #expect($0.status == .ok)
            }
            let downloads = try await Self.actions(fixture).filter { $0.action == "download" }
            #expect(
                downloads.contains {
                    $0.actor == "leader" && $0.entity == "attachment" && $0.entityID == String(id)
                        && $0.detail.contains(InspectionRecordsWebTests.photoDigest)
                })
            #expect(
                downloads.filter { $0.entity == "dossier" && $0.entityID == String(target.id) }.map(\.actor).sorted() == [
                    "leader", "office",
                ])
        }
    }

    @Test func eachRequestIsLoggedWithoutSecrets() async throws {
        let fixture = try await WebFixture.make()
        let capture = LogCapture()
        var configuration = AppConfiguration()
        configuration.accessLogger = capture.logger
        let router = buildRouter(
            stores: fixture.stores, pages: try await PageRenderer.bundled(), clock: AppClock { WebFixture.now },
            configuration: configuration)
        let app = Application(router: router, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try await app.test(.router) { client in
            let office = try await token(client, "office")
            try await client.execute(
                uri: "/api/v1/targets?q=%E5%BC%A0%E4%B8%89&token=secret-in-query", method: .get,
                headers: [.authorization: "Bearer \(office)"]
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/public", method: .get) { #expect($0.status == .ok) }
        }
        await fixture.stores.database.close()
        let records = capture.records.withLock { $0 }
        let tokenLine = try #require(records.first { $0.metadata["path"] == "/api/v1/auth/token" })
        #expect(tokenLine.metadata["status"] == "201" && tokenLine.metadata["method"] == "POST" && tokenLine.level == .notice)
        let listing = try #require(records.first { $0.metadata["path"] == "/api/v1/targets" })
        #expect(listing.metadata["status"] == "200" && listing.metadata["account"] != nil && listing.metadata["ms"] != nil)
        #expect(records.first { $0.metadata["path"] == "/public" }?.metadata["account"] == nil)
        let everything = records.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains("secret-in-query") && !everything.contains(testPassword) && !everything.contains("Bearer"))
    }

    @Test func theAuditPageShowsTheSignedCheckpoints() async throws {
        let base = try await WebFixture.make()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-seal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        _ = try AuditKey.generate(path: dir.appendingPathComponent("k").path)
        var stores = base.stores
        stores.auditSeal = try AuditSeal.load(keyPath: dir.appendingPathComponent("k").path)
        try await AuditLog.checkpoint(stores.database, seal: try #require(stores.auditSeal), now: WebFixture.now)
        let router = buildRouter(
            stores: stores, pages: try await PageRenderer.bundled(), clock: AppClock { WebFixture.now }, configuration: AppConfiguration())
        try await Application(router: router).test(.router) { client in
            let office = try await login(client, "office")
            let page = try await InspectionPagesTests.page(client, "/admin/audit", office)
            #expect(page.html.contains("签名检查点 1 个，最新签到第 7 条"))
            let token = try await token(client, "overseer")
            let verify = try await AccountManagementTests.api(client, .get, "/api/v1/audit/verify", token)
            #expect(verify.body.contains(#""keyed":true"#) && verify.body.contains(#""checkpoints":1"#))
        }
        await stores.database.close()
        try? FileManager.default.removeItem(at: dir)
    }
}
