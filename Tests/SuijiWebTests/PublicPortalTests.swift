// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Public portal")
struct PublicPortalTests {
    /// A page fetched without logging in.
    static func anonymous(_ client: some TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, html: String) {
        try await anonymousPage(client, uri)
    }

    /// The first inspection of an executed draw, entered, approved and published through the API.
    static func publishedInspection(_ fixture: WebFixture, _ client: some TestClientProtocol) async throws -> (Inspection, planID: Int) {
        let target = try await PlanDrawFixture.publishedInspection(fixture, client, healthCategory: "not-publicized")
        return (target, Int(target.planID))
    }

    @Test func aPublishedResultStandsUnderTheTargetWithoutLogin() async throws {
        try await withApp { fixture, client in
            let (inspection, planID) = try await Self.publishedInspection(fixture, client)
            let uid = inspection.target.uid

            // The plan is not on the portal until the office publishes it.
            #expect(try await Self.anonymous(client, "/public/plans/\(planID)").status == .notFound)
            let office = try await token(client, "office")
            #expect(try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(planID)/actions/publish", token: office).status == .ok)
            let home = try await Self.anonymous(client, "/public")
            #expect(home.status == .ok && home.html.contains("公示导航") && home.html.contains("/public/plans/\(planID)"))
            let plan = try await Self.anonymous(client, "/public/plans/\(planID)")
            #expect(plan.status == .ok && plan.html.contains("企业公示信息的抽查") && plan.html.contains("公共场所卫生的检查"))
            #expect(plan.html.contains("/public/draws/") && plan.html.contains("按风险等级比例"))

            // Search by credit code and by name; the target's page shows the result per item.
            let byCode = try await Self.anonymous(client, "/public/targets?q=\(uid.lowercased())")
            #expect(byCode.status == .ok && byCode.html.contains("href=\"/public/targets/\(uid)\""))
            let byPrefix = try await Self.anonymous(client, "/public/targets?q=\(uid.prefix(12))")
            #expect(byPrefix.html.contains("href=\"/public/targets/\(uid)\""))
            let byName = try await Self.anonymous(
                client, "/public/targets?q=\(inspection.target.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            #expect(byName.html.contains(uid))
            let none = try await Self.anonymous(client, "/public/targets?q=%E4%B8%8D%E5%AD%98%E5%9C%A8")
            #expect(none.html.contains("没有找到"))
            let page = try await Self.anonymous(client, "/public/targets/\(uid)")
            #expect(page.status == .ok && page.html.contains("未发现问题") && page.html.contains("未按规定公示应当公示的信息"))
            #expect(page.html.contains("区市场监管局") && page.html.contains("被抽中的抽取") && page.html.contains("?code=\(uid)"))
            #expect(!page.html.contains("未发现问题：") && !page.html.contains("<dt>行业</dt>"), "no empty non-cooperation or industry")

            // Times are shown in China time, not as stored UTC stamps.
            let draw = try await Self.anonymous(client, "/public/draws/\(inspection.drawID)")
            #expect(draw.status == .ok && draw.html.range(of: #"T\d{2}:\d{2}:\d{2}Z"#, options: .regularExpression) == nil)
            #expect(draw.html.range(of: #"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}"#, options: .regularExpression) != nil)

            // A target drawn but not yet published shows no result; an unknown code is 404.
            let others = try await InspectionStore(database: fixture.stores.database).list(
                for: Caller.system(at: WebFixture.now).account, InspectionQuery(state: .pending, limit: 1))
            let pending = try await Self.anonymous(client, "/public/targets/\(try #require(others.first).target.uid)")
            #expect(pending.html.contains("暂无已公示的抽查检查结果") && pending.html.contains("抽取 "))
            #expect(try await Self.anonymous(client, "/public/targets/91360202MA00000000").status == .notFound)

            // The same through the JSON API.
            let record = try await PlanDrawFixture.call(client, .get, "/api/v1/public/targets/\(uid)")
            let results = record.json["results"] as? [[String: Any]] ?? []
            #expect(results.count == 1 && (results[0]["entries"] as? [Any])?.count == 2)
        }
    }

    @Test func theSearchAPIPagesBeyondFifty() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let query = "q=\("号公司".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            var seen: [String] = []
            var total = 0
            for page in 1...4 {
                let (count, names) = try await client.execute(uri: "/api/v1/public/targets?\(query)&page=\(page)", method: .get) {
                    response in
                    let rows = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]] ?? []
                    return (Int(response.headers[HTTPField.Name("X-Total-Count")!] ?? "") ?? -1, rows.compactMap { $0["uid"] as? String })
                }
                total = count
                #expect(names.count <= 50)
                seen += names
            }
            #expect(total > 50 && seen.count == total && Set(seen).count == total, "every match once over the pages")
            let tooBig = try await client.execute(uri: "/api/v1/public/targets?\(query)&perPage=100000", method: .get) { $0.status }
            #expect(tooBig == .ok || tooBig == .badRequest)
        }
    }

    @Test func itemListsPerDepartment() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let samr = try await Self.anonymous(client, "/public/items?department=SAMR")
            #expect(samr.status == .ok && samr.html.contains("企业公示信息的抽查") && !samr.html.contains("公共场所卫生的检查"))
            let health = try await Self.anonymous(client, "/public/items?department=HEALTH")
            #expect(health.html.contains("公共场所卫生的检查") && health.html.contains("共 1 项"))
            #expect(try await Self.anonymous(client, "/public/items?department=NOPE").status == .notFound)
        }
    }

    @Test func individualOperatorsNamesAreMasked() async throws {
        try await withApp { fixture, client in
            let samr = try await PlanDrawFixture.caller(fixture, "samr")
            let codes = [1, 2].map { n in
                let body = String(format: "%08d", 500 + n)
                return CreditCode.completing("92360202" + body + String(CreditCode.organisationCheckCharacter(body)!))!
            }
            let csv = """
                统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级,状态,法定代表人（负责人）
                \(codes[0]),昌江区张三丰日杂店,个体工商户,360202,西郊街道,B,在营,张三丰
                \(codes[1]),李四,个体工商户,360202,西郊街道,B,在营,李四
                """
            _ = try await fixture.stores.importer.run(.targets, data: Data(csv.utf8), caller: samr)
            let found = try await Self.anonymous(client, "/public/targets?q=%E6%97%A5%E6%9D%82")
            #expect(found.html.contains("昌江区张**日杂店") && !found.html.contains("张三丰"))
            let bare = try await Self.anonymous(client, "/public/targets/\(codes[1])")
            #expect(bare.status == .ok && bare.html.contains("李*") && !bare.html.contains("李四"))
        }
    }
}
