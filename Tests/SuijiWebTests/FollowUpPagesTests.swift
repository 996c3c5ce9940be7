// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Follow-up pages and the credit view")
struct FollowUpPagesTests {
    /// An executed draw whose first inspection is published with a problem (HEALTH-001 发现问题已责令改正).
    static func published(_ fixture: WebFixture, _ client: some TestClientProtocol) async throws -> Inspection {
        try await PlanDrawFixture.publishedInspection(fixture, client, healthCategory: "correction-ordered")
    }

    @Test func aDepartmentOpensRechecksAndClosesFollowUps() async throws {
        try await withApp { fixture, client in
            // setup
            let target = try await Self.published(fixture, client)
            let page = "/inspections/\(target.id)"
            let samr = try await login(client, "samr")
            let form = try await InspectionPagesTests.page(client, page, samr)
            #expect(form.html.contains("登记后续处置") && form.html.contains("责令限期改正"))

            // MUT + validate: a rectification without a deadline is refused with the input kept; with one it opens.
            let missing = try await InspectionPagesTests.post(client, "\(page)/follow-ups", samr, [("kind", "rectification")])
            #expect(missing.status == .unprocessableContent && missing.html.contains("责令限期改正须写明整改期限"))
            #expect(form.html.contains("value=\"HEALTH:HEALTH-001\"") && !form.html.contains("value=\"SAMR:SAMR-001\">"))
            let clean = try await InspectionPagesTests.post(
                client, "\(page)/follow-ups", samr, [("kind", "rectification"), ("item", "SAMR:SAMR-001"), ("deadline", "2026-06-20")])
            #expect(clean.status == .unprocessableContent && clean.html.contains("事项 SAMR:SAMR-001 未发现问题"))
            let opened = try await InspectionPagesTests.post(
                client, "\(page)/follow-ups", samr,
                [("kind", "rectification"), ("item", "HEALTH:HEALTH-001"), ("openedOn", "2026-05-01"), ("deadline", "2026-05-20")])
            #expect(opened.status == .found && opened.location == "\(page)#follow-ups")
            let lead = try await InspectionPagesTests.post(
                client, "\(page)/follow-ups", samr,
                [("kind", "leadTransferred"), ("transferredTo", "区卫生监督所"), ("transferredOn", "2026-05-28"), ("transferredBy", "李四")])
            #expect(lead.status == .found)
            let shown = try await InspectionPagesTests.page(client, page, samr)
            #expect(shown.html.contains("整改期限 2026年5月20日") && shown.html.contains("整改逾期") && shown.html.contains("区卫生监督所"))

            // The list flags the overdue rectification in red; another department sees none of SAMR's.
            let overdue = try await InspectionPagesTests.page(client, "/follow-ups?state=overdue", samr)
            #expect(overdue.status == .ok && overdue.html.contains("class=\"overdue\"") && overdue.html.contains(target.target.name))
            #expect(!overdue.html.contains("区卫生监督所"))
            let health = try await login(client, "health")
            #expect(try await InspectionPagesTests.page(client, "/follow-ups", health).html.contains("没有符合条件的后续处置"))
            let stored = try await FollowUpStore(database: fixture.stores.database).list(
                inspectionID: target.id, for: try await PlanDrawFixture.caller(fixture, "samr").account)
            let (order, transfer) = (stored[0], stored[1])
            #expect(order.item == PlanItem(department: "HEALTH", code: "HEALTH-001") && transfer.item == nil)
            #expect(
                try await InspectionPagesTests.post(client, "/follow-ups/\(order.id)/actions", health, [("action", "rectified")]).status
                    == .forbidden)
            // A malformed API body is refused, not read as "no body": the order stays open.
            let samrToken = try await token(client, "samr")
            let malformed = try await client.execute(
                uri: "/api/v1/follow-ups/\(order.id)/actions/rectified", method: .post,
                headers: [.authorization: "Bearer \(samrToken)", .contentType: "application/json"],
                body: ByteBuffer(string: "{\"date\": 2026")
            ) { $0.status }
            #expect(malformed == .badRequest)
            let rechecked = try await InspectionPagesTests.post(
                client, "/follow-ups/\(order.id)/actions", samr, [("action", "rectified"), ("date", "2026-05-28"), ("back", "/follow-ups")])
            #expect(rechecked.status == .found && rechecked.location == "/follow-ups")
            #expect(
                try await InspectionPagesTests.post(client, "/follow-ups/\(transfer.id)/actions", samr, [("action", "close")]).status
                    == .found)
            let closed = try await InspectionPagesTests.page(client, "/follow-ups?state=closed", samr)
            #expect(closed.html.contains("复查已整改（2026年5月28日）") && closed.html.contains("已办结") && !closed.html.contains("class=\"overdue\""))
            #expect(try await InspectionPagesTests.page(client, "/follow-ups?state=open", samr).html.contains("没有符合条件的后续处置"))
            let api = try await InspectionAPITests.list(client, "/api/v1/follow-ups?state=closed", token: try await token(client, "samr"))
            #expect(api.count == 2)
        }
    }

    @Test func theTargetPageShowsTheCreditRecordAndRiskClassHistory() async throws {
        try await withApp { fixture, client in
            let target = try await Self.published(fixture, client)
            let rows = try await fixture.stores.targets.list(scope: .only("SAMR"), query: ListQuery(search: target.target.uid))
            let row = try #require(rows.items.first { $0.uid == target.target.uid })
            let samr = try await login(client, "samr")
            let detail = try await InspectionPagesTests.page(client, "/targets/\(row.id)", samr)
            #expect(detail.status == .ok && detail.html.contains("信用记录（已公示的抽查结果）") && detail.html.contains("发现问题已责令改正"))
            #expect(detail.html.contains("风险等级变更记录"))
            #expect(detail.html.contains("第 \(target.id) 号"))
            // The published problem raised the class one step (a D target stays D).
            #expect(row.riskClass == .d || detail.html.contains("抽查发现问题，风险等级上调一级"))
        }
    }
}
