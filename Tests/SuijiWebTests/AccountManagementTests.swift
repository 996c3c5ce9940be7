// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Accounts: password rule, own password, resets, disabling, tokens, sessions")
struct AccountManagementTests {
    typealias Post = InspectionPagesTests

    /// A JSON request with a bearer token: status and body.
    static func api(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ token: String, _ body: [String: Any]? = nil
    ) async throws -> (status: HTTPResponse.Status, body: String) {
        try await client.execute(
            uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: body.map(json)
        ) { ($0.status, String(buffer: $0.body)) }
    }

    static func tokenFor(_ client: some TestClientProtocol, _ username: String, _ password: String) async throws -> (
        status: HTTPResponse.Status, token: String, json: [String: Any]
    ) {
        try await client.execute(
            uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
            body: json(["username": username, "password": password])
        ) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
            return (response.status, object["token"] as? String ?? "", object)
        }
    }

    @Test func weakPasswordsAreRefusedNamingTheField() async throws {
        try await withApp { _, client in
            let office = try await token(client, "office")
            for (password, reason) in [("12345678", "至少 10 位"), ("password123", "过于常见"), ("zhangsan-2026", "不能包含用户名")] {
                let answer = try await Self.api(
                    client, .post, "/api/v1/accounts", office,
                    ["username": "zhangsan", "displayName": "张三", "password": password, "role": "overseer"])
                #expect(answer.status == .unprocessableContent)
                #expect(answer.body.contains(#""field":"password""#))
                #expect(answer.body.contains(reason), "\(password): \(answer.body)")
            }
            let created = try await Self.api(
                client, .post, "/api/v1/accounts", office,
                ["username": "zhangsan", "displayName": "张三", "password": "suiji-demo-2026", "role": "overseer"])
            #expect(created.status == .created)
        }
    }

    @Test func aUserChangesTheirPasswordAndOtherSessionsEnd() async throws {
        try await withApp { _, client in
            let other = try await token(client, "samr")
            let session = try await login(client, "samr")
            let wrong = try await Post.post(
                client, "/account/password", session,
                [("currentPassword", "not-my-password"), ("newPassword", "river-teacup-77"), ("confirmPassword", "river-teacup-77")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.html.contains("当前密码不正确"))
            let weak = try await Post.post(
                client, "/account/password", session,
                [("currentPassword", testPassword), ("newPassword", "qwerty12345"), ("confirmPassword", "qwerty12345")])
            #expect(weak.html.contains("新密码过于常见"))
            let changed = try await Post.post(
                client, "/account/password", session,
                [("currentPassword", testPassword), ("newPassword", "river-teacup-77"), ("confirmPassword", "river-teacup-77")])
            #expect(changed.status == .found)
            // This session stays; the API token made before is gone; the old password is refused.
            try await client.execute(uri: "/account?changed=1", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("密码已修改"))
            }
            #expect(try await Self.api(client, .get, "/api/v1/me", other).status == .unauthorized)
            #expect(try await Self.tokenFor(client, "samr", testPassword).status == .unauthorized)
            let fresh = try await Self.tokenFor(client, "samr", "river-teacup-77")
            #expect(fresh.status == .created)
            // Over the API too.
            let api = try await Self.api(
                client, .post, "/api/v1/me/password", fresh.token, ["currentPassword": "river-teacup-77", "newPassword": "lantern-pine-88"])
            #expect(api.status == .ok)
            #expect(try await Self.tokenFor(client, "samr", "lantern-pine-88").status == .created)
        }
    }

    @Test func theOfficeResetsAPasswordThatMustThenBeChanged() async throws {
        try await withApp { fixture, client in
            let office = try await login(client, "office")
            let page = try await Post.post(client, "/admin/accounts/overseer/reset-password", office, [])
            #expect(page.status == .ok)
            #expect(page.html.contains("只显示这一次"))
            let password = try #require(page.html.firstMatch(of: /<code>([a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4})<\/code>/)?.1)
            #expect(try await Self.tokenFor(client, "overseer", testPassword).status == .unauthorized)
            let grant = try await Self.tokenFor(client, "overseer", String(password))
            #expect(grant.status == .created)
            #expect(grant.json["mustChangePassword"] as? Bool == true)
            // Nothing but changing it is allowed.
            let refused = try await Self.api(client, .get, "/api/v1/targets", grant.token)
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("password_change_required"))
            let session = try await login(client, "overseer", password: String(password))
            try await client.execute(uri: "/targets", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/account")
            }
            #expect(
                try await Self.api(
                    client, .post, "/api/v1/me/password", grant.token,
                    ["currentPassword": String(password), "newPassword": "maple-harbour-31"]
                ).status == .ok)
            let after = try await Self.tokenFor(client, "overseer", "maple-harbour-31")
            #expect(try await Self.api(client, .get, "/api/v1/targets", after.token).status == .ok)
            let actions = try await AuditLog.recent(fixture.stores.database, limit: 50).map(\.action)
            #expect(actions.contains("reset-password") && actions.contains("change-password"))
        }
    }

    @Test func theOfficeDisablesAndEnablesAccounts() async throws {
        try await withApp { _, client in
            let office = try await token(client, "office")
            let health = try await token(client, "health")
            #expect(try await Self.api(client, .post, "/api/v1/accounts/health/disable", office).status == .ok)
            #expect(try await Self.api(client, .get, "/api/v1/me", health).status == .unauthorized)
            #expect(try await Self.tokenFor(client, "health", testPassword).status == .unauthorized)
            #expect(try await Self.api(client, .post, "/api/v1/accounts/health/enable", office).status == .ok)
            #expect(try await Self.tokenFor(client, "health", testPassword).status == .created)
            // Not oneself; and a department admin cannot touch another admin.
            let own = try await Self.api(client, .post, "/api/v1/accounts/office/disable", office)
            #expect(own.status == .unprocessableContent)
            #expect(own.body.contains("不能停用自己的账号"))
            let samr = try await token(client, "samr")
            #expect(try await Self.api(client, .post, "/api/v1/accounts/health/disable", samr).status == .notFound)
        }
    }

    @Test func aDepartmentAdminIssuesLoginsForTheirInspectorsInBulk() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let samr = try await token(client, "samr")
            #expect(try await Self.api(client, .get, "/api/v1/departments/HEALTH/inspector-logins", samr).status == .forbidden)
            let issued = try await Self.api(client, .post, "/api/v1/departments/SAMR/inspector-logins", samr, [:])
            #expect(issued.status == .created)
            let logins = try #require(try JSONSerialization.jsonObject(with: Data(issued.body.utf8)) as? [[String: Any]])
            #expect(logins.count == 8)
            let first = try #require(logins.first { $0["certificateNumber"] as? String == "SAMR-1" })
            #expect(first["username"] as? String == "samr-1")
            // The new login works at once (and asks for a new password).
            let grant = try await Self.tokenFor(client, "samr-1", try #require(first["password"] as? String))
            #expect(grant.status == .created)
            #expect(grant.json["mustChangePassword"] as? Bool == true)
            let account = try #require(try await fixture.stores.accounts.all().first { $0.username == "samr-1" })
            #expect(account.role == .inspector && account.departmentCode == "SAMR" && account.inspectorID != nil)
            // Nobody is left without one; the page says so and offers the CSV.
            let again = try await Self.api(client, .post, "/api/v1/departments/SAMR/inspector-logins", samr)
            #expect(again.body == "[]")
            let page = try await login(client, "samr")
            try await client.execute(uri: "/inspector-logins", method: .get, headers: [.cookie: page.cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("尚无账号的在岗、休假人员：0 人"))
                #expect(html.contains("samr-8"))
            }
            // The admin resets one of them and disables another, from that page.
            let reset = try await Post.post(
                client, "/admin/accounts/samr-2/reset-password", page, [("back", "/inspector-logins?department=SAMR")])
            #expect(reset.html.contains("samr-2"))
            let disabled = try await Post.post(
                client, "/admin/accounts/samr-3/disable", page, [("back", "/inspector-logins?department=SAMR")])
            #expect(disabled.location == "/inspector-logins?department=SAMR")
            // … but not an account outside their department's inspectors.
            #expect(try await Post.post(client, "/admin/accounts/health/disable", page, []).status == .notFound)
        }
    }

    @Test func theBulkLoginsDownloadAsCSV() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let office = try await login(client, "office")
            let csv = try await Post.post(client, "/inspector-logins", office, [("department", "HEALTH"), ("format", "csv")])
            #expect(csv.status == .ok)
            let lines = csv.html.split(separator: "\r\n")
            #expect(lines.first == "\u{FEFF}姓名,执法证号,用户名,一次性初始密码")
            #expect(lines.count == 9)
            #expect(lines.contains { $0.hasPrefix("HEALTH检查员1,HEALTH-1,health-1,") })
        }
    }

    @Test func tokensAreListedRevokedAndShortLived() async throws {
        try await withApp { _, client in
            let first = try await Self.tokenFor(client, "samr", testPassword)
            let second = try await token(client, "samr")
            let expires = try #require(first.json["expiresAt"] as? String)
            #expect(Timestamp.parse(expires) == WebFixture.now.addingTimeInterval(24 * 3_600))
            let list = try await Self.api(client, .get, "/api/v1/auth/tokens", second)
            let sessions = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])
            #expect(sessions.count == 2)
            let firstID = AccountStore.sessionID(token: first.token)
            #expect(sessions.contains { $0["id"] as? String == firstID && $0["kind"] as? String == "api" })
            // Another department's admin cannot revoke it; its owner can.
            let health = try await token(client, "health")
            #expect(try await Self.api(client, .delete, "/api/v1/auth/tokens/\(firstID)", health).status == .notFound)
            #expect(try await Self.api(client, .delete, "/api/v1/auth/tokens/\(firstID)", second).status == .noContent)
            #expect(try await Self.api(client, .get, "/api/v1/me", first.token).status == .unauthorized)
            // A revoked token on the public portal, the public API or the login page counts as no
            // login (no redirect to the login page, and none from it to itself).
            for uri in ["/public", "/login", "/api/v1/public/targets?q=x"] {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(first.token)"]) {
                    #expect($0.status == .ok, "\(uri)")
                }
            }
            #expect(try await Self.api(client, .get, "/api/v1/targets", first.token).body.contains("session_expired"))
            // The office revokes every token of an account.
            let office = try await token(client, "office")
            let revoked = try await Self.api(client, .delete, "/api/v1/accounts/samr/tokens", office)
            #expect(revoked.body == #"{"revoked":1}"#)
            #expect(try await Self.api(client, .get, "/api/v1/me", second).status == .unauthorized)
        }
    }

    @Test func anIdleBrowserSessionEnds() async throws {
        try await SecurityFixture.with { fixture, client in
            let session = try await login(client, "samr")
            for _ in 1...3 {
                fixture.clock.advance(25 * 60)
                try await client.execute(uri: "/targets", method: .get, headers: [.cookie: session.cookie]) { #expect($0.status == .ok) }
            }
            fixture.clock.advance(31 * 60)
            try await client.execute(uri: "/targets", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/login") == true)
            }
        }
    }

    @Test func theLoginFormNeedsItsCSRFToken() async throws {
        try await withApp { _, client in
            // No token, or a token that is not the cookie's: refused, no session.
            for (cookie, field) in [("", ""), ("suiji_login=" + String(repeating: "a", count: 64), String(repeating: "b", count: 64))] {
                try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                    body: ByteBuffer(string: "username=samr&password=\(testPassword)&next=/&_csrf=\(field)")
                ) { response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains("表单已过期"))
                    #expect(response.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("suiji_session=") })
                }
            }
            _ = try await login(client, "samr")
        }
    }
}
