// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

@Suite("Home work queue")
struct WorkQueueTests {
    @Test func eachRoleSeesTheWorkWaitingForIt() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            var samrToken = try await token(client, "samr")
            let created = try await PlanDrawFixture.call(client, .post, "/api/v1/plans", token: samrToken, body: PlanDrawFixture.plan)
            let planID = created.json["id"] as? Int ?? 0
            #expect(try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(planID)/actions/submit", token: samrToken).status == .ok)

            // The plan list filters by year, state, department and text.
            let samrSession = try await login(client, "samr")
            let filtered = try await InspectionPagesTests.page(
                client, "/plans?year=2026&state=submitted&department=HEALTH&q=SAMR", samrSession)
            #expect(filtered.html.contains("/plans/\(planID)") && filtered.html.contains("共 1 个计划"))
            let none = try await InspectionPagesTests.page(client, "/plans?state=draft", samrSession)
            #expect(!none.html.contains("href=\"/plans/\(planID)\"") && none.html.contains("没有符合条件的联合抽查计划"))

            // The office has a plan to approve; the overseer never has work.
            let office = try await login(client, "office")
            let officeHome = try await InspectionPagesTests.page(client, "/", office)
            #expect(officeHome.html.contains("计划待办") && officeHome.html.contains("/plans/\(planID)") && officeHome.html.contains("批准"))
            // Every entry is a button to its step.
            #expect(officeHome.html.contains("<a class=\"button small\" href=\"/plans/\(planID)#actions\">批准</a>"))
            let overseer = try await login(client, "overseer")
            #expect(try await InspectionPagesTests.page(client, "/", overseer).html.contains("暂无待办事项"))

            // A prepared draw waits for both departments' commitments, not for CULTURE's.
            let officeToken = try await token(client, "office")
            #expect(
                try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(planID)/actions/approve", token: officeToken).status == .ok)
            let batch = try await PlanDrawFixture.call(
                client, .post, "/api/v1/plans/\(planID)/batches", token: samrToken, body: PlanDrawFixture.batch)
            // The initiator sees the batch waiting for its draw, linked to the batch's prepare form.
            let batchID = batch.json["id"] as? Int ?? 0
            let waiting = try await InspectionPagesTests.page(client, "/", try await login(client, "samr")).html
            #expect(waiting.contains("准备抽取") && waiting.contains("href=\"/plans/\(planID)#batch-\(batchID)\">准备抽取</a>"))
            let planPage = try await InspectionPagesTests.page(client, "/plans/\(planID)", try await login(client, "samr")).html
            #expect(planPage.contains("id=\"batch-\(batchID)\"") && !planPage.contains("<summary>准备抽取</summary>"))
            let prepared = try await PlanDrawFixture.call(
                client, .post, "/api/v1/batches/\(batch.json["id"] as? Int ?? 0)/draws", token: samrToken)
            let drawID = prepared.json["id"] as? String ?? ""
            var samr = try await login(client, "samr")
            var health = try await login(client, "health")
            let culture = try await login(client, "culture")
            // First the announcement, by the office or the initiator; the departments wait for it.
            #expect(try await InspectionPagesTests.page(client, "/", office).html.contains("预告公开随机值"))
            #expect(!(try await InspectionPagesTests.page(client, "/", health).html.contains("/draws/\(drawID)")))
            let announced = try await PlanDrawFixture.call(
                client, .post, "/api/v1/draws/\(drawID)/announcement", token: officeToken, body: PlanDrawFixture.exception)
            #expect(announced.status == .ok)
            #expect(try await InspectionPagesTests.page(client, "/", samr).html.contains("提交承诺"))
            let committing = try await InspectionPagesTests.page(client, "/", samr).html
            #expect(committing.contains("href=\"/draws/\(drawID)#commit-form\">提交承诺</a>") && !committing.contains("#batch-\(batchID)"))
            #expect(try await InspectionPagesTests.page(client, "/", health).html.contains("/draws/\(drawID)"))
            #expect(!(try await InspectionPagesTests.page(client, "/", culture).html.contains("/draws/\(drawID)")))

            // After the commitments SAMR hands in its secret; HEALTH still owes its own, so nothing
            // executes before the deadline; after it, HEALTH counts as missing.
            for department in ["SAMR", "HEALTH"] {
                let token = try await token(client, department.lowercased())
                let body = ["department": department, "commitment": PlanDrawFixture.commitment(department, drawID)]
                #expect(
                    try await PlanDrawFixture.call(client, .post, "/api/v1/draws/\(drawID)/commitments", token: token, body: body).status
                        == .ok)
            }
            #expect(try await InspectionPagesTests.page(client, "/", samr).html.contains("揭示秘密值"))
            let secret = Bytes.hex(PlanDrawFixture.secrets["SAMR"]!)
            let revealed = try await PlanDrawFixture.call(
                client, .post, "/api/v1/draws/\(drawID)/reveals", token: samrToken, body: ["department": "SAMR", "secret": secret])
            #expect(revealed.status == .ok)
            #expect(!(try await InspectionPagesTests.page(client, "/", samr).html.contains("执行抽取")))
            #expect(try await InspectionPagesTests.page(client, "/", health).html.contains("揭示秘密值"))
            #expect(try await PlanDrawFixture.call(client, .post, "/api/v1/draws/\(drawID)/execute", token: samrToken).status == .conflict)
            fixture.clock.advance(days: 2)
            // (Two days on, the sessions and the 24-hour API token have expired.)
            (samr, health) = (try await login(client, "samr"), try await login(client, "health"))
            samrToken = try await token(client, "samr")
            #expect(!(try await InspectionPagesTests.page(client, "/", health).html.contains("揭示秘密值")))
            #expect(try await InspectionPagesTests.page(client, "/", samr).html.contains("执行抽取"))
            #expect(try await PlanDrawFixture.call(client, .post, "/api/v1/draws/\(drawID)/execute", token: samrToken).status == .ok)

            // An inspector sees its inspections to notify and the days left; the initiator then has a result to review.
            let stored = try await InspectionStore(database: fixture.stores.database).list(
                for: Caller.system(at: WebFixture.now).account, InspectionQuery(limit: nil))
            let inspection = stored[0]
            try await InspectionAPITests.inspectorAccount(fixture, "leader", id: inspection.team[0].id, department: "SAMR")
            let leader = try await login(client, "leader")
            let leaderHome = try await InspectionPagesTests.page(client, "/", leader).html
            #expect(leaderHome.contains("待告知检查对象") && leaderHome.contains("/inspections/\(inspection.id)"))
            #expect(leaderHome.contains("2026年8月28日 到期，剩余 89 日") && !leaderHome.contains("抽取待办"))
            #expect(leaderHome.contains("href=\"/inspections/\(inspection.id)#notice\">登记告知</a>"))
            #expect(leaderHome.contains("href=\"/inspections/\(inspection.id)#findings\">录入结果</a>"))
            let leaderToken = try await token(client, "leader")
            let uri = "/api/v1/inspections/\(inspection.id)"
            for code in ["SAMR-001", "HEALTH-001"] {
                let body: [String: Any] = ["itemCode": code, "methods": ["onSite"], "category": "no-problem"]
                #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/findings", token: leaderToken, body: body).status == .ok)
            }
            #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/submit", token: leaderToken).status == .ok)
            let samrHome = try await InspectionPagesTests.page(client, "/", samr).html
            #expect(samrHome.contains("待审核结果") && samrHome.contains("href=\"/inspections/\(inspection.id)#review\">审核</a>"))
            #expect(!(try await InspectionPagesTests.page(client, "/", health).html.contains("待审核结果")))
        }
    }
}
