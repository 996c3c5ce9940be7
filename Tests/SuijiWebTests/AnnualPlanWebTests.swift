// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Annual plan pages, API and open data")
struct AnnualPlanWebTests {
    /// Items of both departments and one submitted plan each over the same (undirected) libraries.
    static func seed(_ fixture: WebFixture) async throws -> [Plan] {
        let stores = fixture.stores
        let samr = Caller(account: try await Self.account(stores, "samr"), at: WebFixture.now)
        let health = Caller(account: try await Self.account(stores, "health"), at: WebFixture.now)
        var plans: [Plan] = []
        for (caller, department) in [(samr, "SAMR"), (health, "HEALTH")] {
            var item = CheckItemInput()
            item.code = "\(department)-001"
            item.name = "\(department) 事项"
            item.methods = "实地核查"
            _ = try await stores.items.create(item, caller: caller)
            var lines = ["统一社会信用代码,名称,类型,所属区划,风险等级,状态"]
            for n in 1...10 { lines.append("\(PlanDrawFixture.company(n)),第\(n)号公司,公司,360202,B,在营") }
            _ = try await stores.importer.run(.targets, data: Data(lines.joined(separator: "\n").utf8), caller: caller)
            let plan = try await stores.plans.create(
                Plan(
                    code: "2026-\(department)-01", name: "\(department) 计划", year: 2026, initiator: department,
                    items: [PlanItem(department: department, code: "\(department)-001")], windowStart: CalendarDate(iso: "2026-06-01")!,
                    windowEnd: CalendarDate(iso: "2026-09-30")!),
                caller: caller)
            plans.append(try await stores.plans.apply(.submit, to: plan.id, caller: caller))
        }
        return plans
    }

    static func account(_ stores: Stores, _ username: String) async throws -> Account {
        try #require(try await stores.accounts.all().first { $0.username == username })
    }

    func post(_ client: some TestClientProtocol, _ uri: String, _ token: String, _ body: [String: Any] = [:]) async throws -> (
        HTTPResponse.Status, [String: Any]
    ) {
        try await client.execute(
            uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: json(body)
        ) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
        }
    }

    @Test func theOfficeMergesApprovesAndPublishesThroughTheAPI() async throws {
        try await withApp { fixture, client in
            _ = try await Self.seed(fixture)
            let office = try await token(client, "office")
            let samr = try await token(client, "samr")
            let overview = try await client.execute(
                uri: "/api/v1/annual-plans/2026", method: .get, headers: [.authorization: "Bearer \(office)"]
            ) {
                try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any] ?? [:]
            }
            #expect(overview["deadline"] as? String == "2026-05-31")
            #expect(overview["daysLeft"] as? Int == 2)  // 2026-05-29 in China
            #expect((overview["submissions"] as? [[String: Any]])?.count == 2)
            #expect(try await post(client, "/api/v1/annual-plans/2026/merge-proposals/refresh", samr).0 == .forbidden)
            let refreshed = try await client.execute(
                uri: "/api/v1/annual-plans/2026/merge-proposals/refresh", method: .post, headers: [.authorization: "Bearer \(office)"]
            ) { try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [[String: Any]] ?? [] }
            #expect(refreshed.count == 1)
            let id = refreshed[0]["id"] as? Int ?? 0
            let maybe = try await post(client, "/api/v1/merge-proposals/\(id)/maybe", office)
            #expect(maybe.0 == .unprocessableContent, "\(maybe.1)")
            let (status, accepted) = try await post(client, "/api/v1/merge-proposals/\(id)/accept", office, ["note": "一次检查"])
            #expect(status == .ok)
            let merged = accepted["mergedPlanID"] as? Int ?? 0
            #expect(try await post(client, "/api/v1/plans/\(merged)/actions/approve", office).0 == .ok)
            let (published, version) = try await post(client, "/api/v1/annual-plans/2026/versions", office)
            #expect(published == .created)
            #expect(version["version"] as? Int == 1)
            let (again, refused) = try await post(client, "/api/v1/annual-plans/2026/versions", office, ["note": "x"])
            #expect(again == .unprocessableContent)
            let message = (refused["error"] as? [String: Any])?["message"] as? String
            #expect(message?.contains("没有变化") == true)
            let (reminded, reminder) = try await post(client, "/api/v1/annual-plans/2026/reminders", office, ["department": "SAMR"])
            #expect(reminded == .created)
            #expect((reminder["message"] as? String ?? "").contains("2026年5月31日"))
        }
    }

    @Test func thePublicSeesTheAnnualPlanAndItsFilesWithoutLogin() async throws {
        try await withApp { fixture, client in
            let plans = try await Self.seed(fixture)
            let office = Caller(account: try await Self.account(fixture.stores, "office"), at: WebFixture.now)
            for plan in plans { _ = try await fixture.stores.plans.apply(.approve, to: plan.id, caller: office) }
            _ = try await fixture.stores.annualPlans.publish(year: 2026, note: "", caller: office)
            let page = try await client.execute(uri: "/public/annual-plans/2026", method: .get) { ($0.status, String(buffer: $0.body)) }
            #expect(page.0 == .ok)
            #expect(page.1.contains("2026-HEALTH-01"))
            #expect(page.1.contains("第 1 版"))
            #expect(page.1.contains("/public/data/annual-plans/2026.xlsx?version=1"))
            let list = try await client.execute(uri: "/public/annual-plans", method: .get) { String(buffer: $0.body) }
            #expect(list.contains("/public/annual-plans/2026"))
            let csv = try await client.execute(uri: "/public/data/annual-plans/2026.csv", method: .get) { $0 }
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(String(buffer: csv.body).contains("year,version,published_at,version_note,plan_code"))
            let body = try await client.execute(uri: "/public/data/annual-plans/2026.json", method: .get) {
                try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any] ?? [:]
            }
            #expect(body["schema"] as? String == "suiji-open-data/1")
            #expect((body["records"] as? [[String: String]])?.map { $0["plan_code"] ?? "" } == ["2026-HEALTH-01", "2026-SAMR-01"])
            let xlsx = try await client.execute(uri: "/public/data/plans.xlsx?year=2026", method: .get) { $0 }
            #expect(Data(buffer: xlsx.body).prefix(2) == Data("PK".utf8))
            let items = try await client.execute(uri: "/public/data/items.json?department=SAMR", method: .get) { String(buffer: $0.body) }
            #expect(items.contains("\"item_code\" : \"SAMR-001\""))
            #expect(!items.contains("HEALTH-001"))
            for missing in [
                "/public/data/nothing.csv", "/public/data/items.pdf", "/public/annual-plans/2025", "/public/data/annual-plans/2025.csv",
            ] {
                #expect(try await client.execute(uri: missing, method: .get) { $0.status } == .notFound, "\(missing)")
            }
            let index = try await client.execute(uri: "/public/data", method: .get) { String(buffer: $0.body) }
            #expect(index.contains("/public/data/draws.json"))
        }
    }

    @Test func theOfficePageRemindsAndTheDepartmentSeesIt() async throws {
        try await withApp { fixture, client in
            _ = try await Self.seed(fixture)
            let session = try await login(client, "office")
            let page = try await client.execute(uri: "/annual-plans/2026", method: .get, headers: [.cookie: session.cookie]) {
                String(buffer: $0.body)
            }
            #expect(page.contains("2026年5月31日"))
            #expect(page.contains("还剩 2 天（其中 0 个工作日）"))  // Friday 29 May: the weekend is left
            #expect(!page.contains(">提醒</button>"))  // both departments have submitted
            let form = "_csrf=\(session.csrf)&department=SAMR"
            let status = try await client.execute(
                uri: "/annual-plans/2026/reminders", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
            ) { $0.status }
            #expect(status == .found)
            let refresh = try await client.execute(
                uri: "/annual-plans/2026/merge-proposals/refresh", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(session.csrf)")
            ) { $0.status }
            #expect(refresh == .found)
            let after = try await client.execute(uri: "/annual-plans/2026", method: .get, headers: [.cookie: session.cookie]) {
                String(buffer: $0.body)
            }
            #expect(after.contains("采纳并合并"))
            let samr = try await login(client, "samr")
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: samr.cookie]) { String(buffer: $0.body) }
            #expect(home.contains("联席会议办公室通知"))
            #expect(home.contains("2026年5月31日"))
            let denied = try await client.execute(uri: "/annual-plans/2026", method: .get, headers: [.cookie: samr.cookie]) { $0.status }
            #expect(denied == .forbidden)
        }
    }
}
