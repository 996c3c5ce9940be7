// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

/// §3 checks recorded by a department's staff on the page and over the API, seen by the
/// overseer, counted in oversight on their own; §8 exchange files of published plans and results.
@Suite("Checks outside the draw and the exchange file")
struct OutsideCheckWebTests {
    @Test func aDepartmentRecordsChecksOnThePageAndTheAPI() async throws {
        try await withApp { fixture, client in
            // setup
            try await PlanDrawFixture.seed(fixture)
            let samr = try await login(client, "samr")
            let target = PlanDrawFixture.company(7)

            // MUT: a bad post keeps the input and names the problem; a good one is listed.
            let bad = try await InspectionPagesTests.post(
                client, "/outside-checks", samr,
                [
                    ("target", "NOPE"), ("kind", "complaint"), ("checkedOn", "2026-05-20"), ("source", "12315-0520"), ("inspectors", "王五"),
                    ("outcome", "noProblem"),
                ])
            let good = try await InspectionPagesTests.post(
                client, "/outside-checks", samr,
                [
                    ("target", target), ("kind", "referral"), ("checkedOn", "2026-05-20"), ("source", "市局交办〔2026〕5号"),
                    ("inspectors", "王五、赵六"),
                    ("outcome", "correctionOrdered"), ("notes", "已责令改正"),
                ])
            let api = try await PlanDrawFixture.call(
                client, .post, "/api/v1/outside-checks", token: try await token(client, "health"),
                body: [
                    "target": PlanDrawFixture.company(3), "kind": "special", "checkedOn": "2026-05-02", "source": "公共场所卫生专项",
                    "inspectors": "钱七", "outcome": "noProblem",
                ])

            // validate
            #expect(bad.status == .unprocessableContent && bad.html.contains("本部门检查对象库中没有“NOPE”") && bad.html.contains("12315-0520"))
            #expect(good.status == .found && good.location == "/outside-checks?year=2026&saved=1")
            #expect(api.status == .created && api.json["targetName"] as? String == "第3号公司" && api.json["kind"] as? String == "special")
            let list = try await InspectionPagesTests.page(client, "/outside-checks?year=2026", samr)
            #expect(list.html.contains("第7号公司") && list.html.contains("转办交办") && list.html.contains("2026年5月20日"))
            #expect(!list.html.contains("第3号公司"), "a department sees its own checks")
            let overseer = try await login(client, "overseer")
            let seen = try await InspectionPagesTests.page(client, "/outside-checks?year=2026", overseer)
            #expect(seen.html.contains("第7号公司") && seen.html.contains("第3号公司") && !seen.html.contains(#"action="/outside-checks""#))
            let all = try await PlanDrawFixture.call(
                client, .get, "/api/v1/outside-checks?year=2026", token: try await token(client, "office"))
            #expect(all.json["total"] as? Int == 2)
            let oversight = try await InspectionPagesTests.page(client, "/oversight/report?from=2026-01&to=2026-12", overseer)
            #expect(oversight.html.contains("随机抽查以外的检查（第三条）"))
        }
    }

    @Test func theExchangeFileHoldsTheYearsPublishedPlansAndResults() async throws {
        try await withApp { fixture, client in
            // setup: a published inspection of a plan the office published.
            let inspection = try await PlanDrawFixture.publishedInspection(fixture, client, healthCategory: "correction-ordered")
            let office = try await token(client, "office")
            #expect(
                try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(inspection.planID)/actions/publish", token: office).status
                    == .ok)

            // MUT
            let json = try await client.execute(
                uri: "/api/v1/exchange?year=2026", method: .get, headers: [.authorization: "Bearer \(office)"]
            ) { try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any] ?? [:] }
            let health = try await client.execute(
                uri: "/api/v1/exchange?year=2026&department=SAMR", method: .get,
                headers: [.authorization: "Bearer \(try await token(client, "health"))"]
            ) { try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any] ?? [:] }
            let session = try await login(client, "samr")
            let xlsx = try await client.execute(uri: "/exchange.xlsx?year=2026", method: .get, headers: [.cookie: session.cookie]) {
                ($0.status, $0.headers[.contentType] ?? "", Data(buffer: $0.body))
            }
            let page = try await InspectionPagesTests.page(client, "/exchange?year=2026", session)

            // validate: one plan, one result per item; a department admin gets its own items only.
            #expect(json["schema"] as? String == "suiji-exchange/1" && json["year"] as? Int == 2026)
            let plans = json["plans"] as? [[String: Any]] ?? []
            #expect(plans.map { $0["planCode"] as? String } == ["2026-SAMR-01"])
            let results = json["results"] as? [[String: Any]] ?? []
            #expect(results.count == 2 && results.allSatisfy { $0["targetCode"] as? String == inspection.target.uid })
            #expect(results.contains { $0["resultLabel"] as? String == "发现问题已责令改正" && $0["itemName"] as? String == "公共场所卫生的检查" })
            #expect((health["department"] as? [String: Any])?["code"] as? String == "HEALTH", "a department admin gets its own file")
            #expect((health["results"] as? [[String: Any]])?.count == 1)
            #expect(xlsx.0 == .ok && xlsx.1.contains("spreadsheetml") && xlsx.2.prefix(2) == Data("PK".utf8))
            #expect(
                page.html.contains("已公示的抽查计划") && page.html.contains("1 项")
                    && page.html.contains("/exchange.xlsx?year=2026&amp;department=SAMR"))
            let inspector = try await InspectionPagesTests.page(client, "/exchange", try await login(client, "leader"))
            #expect(inspector.status == .forbidden)
        }
    }
}
