// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Inspections over the API")
struct InspectionAPITests {
    /// The JSON array answered by a GET.
    static func list(_ client: some TestClientProtocol, _ uri: String, token: String) async throws -> [[String: Any]] {
        try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
            #expect(response.status == .ok)
            return (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
        }
    }

    /// An inspector account for inspector `id`.
    static func inspectorAccount(_ fixture: WebFixture, _ username: String, id: Int64, department: String) async throws {
        try await fixture.stores.accounts.create(
            Account(username: username, displayName: "检查员\(id)", role: .inspector, departmentCode: department, inspectorID: id),
            password: "fixture-pass-2026", caller: Caller.system(at: WebFixture.now))
    }

    @Test func anInspectorEntersResultsAndTheInitiatorReviews() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (_, batch) = try await PlanDrawFixture.approvedPlan(client)
            let draw = try await PlanDrawFixture.executedDraw(client, batch: batch)
            let office = try await token(client, "office")
            let all = try await Self.list(client, "/api/v1/inspections", token: office)
            #expect(all.count == (try await PlanDrawFixture.drawnCodes(fixture, draw)).count)
            let stored = try await InspectionStore(database: fixture.stores.database).list(
                for: Caller.system(at: WebFixture.now).account, InspectionQuery(limit: nil))
            let target = stored[0]
            let leaderID = target.team[0].id
            let outsiderID = try #require((1...8).map(Int64.init).first { id in !target.team.contains { $0.id == id } })
            try await Self.inspectorAccount(fixture, "leader", id: leaderID, department: "SAMR")
            try await Self.inspectorAccount(fixture, "outsider", id: outsiderID, department: "SAMR")
            let leader = try await token(client, "leader")
            let outsider = try await token(client, "outsider")

            // The leader sees only its own teams' inspections, with the due date.
            let own = try await Self.list(client, "/api/v1/inspections", token: leader)
            #expect(!own.isEmpty && own.count == stored.filter { $0.hasMember(leaderID) }.count)
            let uri = "/api/v1/inspections/\(target.id)"
            let shown = try await PlanDrawFixture.call(client, .get, uri, token: leader)
            #expect(shown.status == .ok)
            #expect(shown.json["resultDueDate"] as? String == "2026-08-28")
            #expect(shown.json["state"] as? String == "pending" && shown.json["overdue"] as? Bool == false)
            #expect((shown.json["trail"] as? [Any])?.isEmpty == true)
            #expect(try await PlanDrawFixture.call(client, .get, uri, token: outsider).status == .notFound)

            // Notice and findings by the team; an outsider and an admin cannot enter.
            let finding: [String: Any] = ["itemCode": "SAMR-001", "methods": ["onSite"], "category": "no-problem"]
            #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/findings", token: outsider, body: finding).status == .notFound)
            let samr = try await token(client, "samr")
            #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/findings", token: samr, body: finding).status == .forbidden)
            let notice = try await PlanDrawFixture.call(
                client, .post, "\(uri)/notice", token: leader, body: ["notified": true, "channel": "phone", "date": "2026-07-01"])
            #expect(notice.status == .ok)
            #expect((notice.json["notice"] as? [String: Any])?["by"] as? String == "检查员\(leaderID)")
            let bad = try await PlanDrawFixture.call(
                client, .post, "\(uri)/findings", token: leader, body: finding.merging(["category": "maybe"]) { $1 })
            #expect(bad.status == .unprocessableContent)
            #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/submit", token: leader).status == .unprocessableContent)
            #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/findings", token: leader, body: finding).status == .ok)
            let second = try await PlanDrawFixture.call(
                client, .post, "\(uri)/findings", token: leader,
                body: ["itemCode": "HEALTH-001", "methods": ["onSite"], "category": "non-cooperation", "nonCooperation": ["refusedEntry"]])
            let findings = second.json["findings"] as? [[String: Any]] ?? []
            #expect(findings.count == 2 && findings.allSatisfy { $0["enteredBy"] as? String == "leader" })
            #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/submit", token: leader).json["state"] as? String == "submitted")

            // Review: only SAMR's admin; a return needs a reason; then resubmit, approve, publish.
            let submitted = try await Self.list(client, "/api/v1/inspections?state=submitted", token: samr)
            #expect(submitted.map { $0["id"] as? Int } == [Int(target.id)])
            let health = try await token(client, "health")
            let overseer = try await token(client, "overseer")
            for caller in [health, overseer, leader] {
                let result = try await PlanDrawFixture.call(client, .post, "\(uri)/review", token: caller, body: ["action": "approve"])
                #expect(result.status == .forbidden)
            }
            let review = "\(uri)/review"
            #expect(
                try await PlanDrawFixture.call(client, .post, review, token: samr, body: ["action": "return"]).status
                    == .unprocessableContent)
            #expect(
                try await PlanDrawFixture.call(client, .post, review, token: samr, body: ["action": "submit"]).status
                    == .unprocessableContent)
            let returned = try await PlanDrawFixture.call(
                client, .post, review, token: samr, body: ["action": "return", "reason": "请补充现场照片"])
            #expect(returned.json["state"] as? String == "returned" && returned.json["returnReason"] as? String == "请补充现场照片")
            #expect(try await PlanDrawFixture.call(client, .post, "\(uri)/submit", token: leader).status == .ok)
            #expect(
                try await PlanDrawFixture.call(client, .post, review, token: samr, body: ["action": "approve"]).json["state"] as? String
                    == "approved")
            #expect(
                try await PlanDrawFixture.call(client, .post, review, token: samr, body: ["action": "publish"]).json["state"] as? String
                    == "published")
            let final = try await PlanDrawFixture.call(client, .get, uri, token: overseer)
            #expect(
                (final.json["trail"] as? [[String: Any]])?.map { $0["action"] as? String } == [
                    "submit", "return", "submit", "approve", "publish",
                ])
            #expect(final.json["late"] as? Bool == false)
            #expect(try await PlanDrawFixture.call(client, .post, review, token: samr, body: ["action": "publish"]).status == .conflict)
        }
    }

    @Test func filtersAndScopes() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (_, batch) = try await PlanDrawFixture.approvedPlan(client)
            _ = try await PlanDrawFixture.executedDraw(client, batch: batch)
            let office = try await token(client, "office")
            // The frozen clock (2026-05-28) is long before the 2026-08-28 due date.
            #expect(try await Self.list(client, "/api/v1/inspections?overdue=1", token: office).isEmpty)
            #expect(
                try await PlanDrawFixture.call(client, .get, "/api/v1/inspections?state=done", token: office).status
                    == .unprocessableContent)
            // An inspector account without an inspector record, and a department outside the plan, see nothing.
            #expect(try await Self.list(client, "/api/v1/inspections", token: try await token(client, "inspector")).isEmpty)
            #expect(try await Self.list(client, "/api/v1/inspections", token: try await token(client, "culture")).isEmpty)
            #expect(!(try await Self.list(client, "/api/v1/inspections", token: try await token(client, "health"))).isEmpty)
            let unauthenticated = try await client.execute(uri: "/api/v1/inspections", method: .get) { $0.status }
            #expect(unauthenticated == .unauthorized)
        }
    }
}
