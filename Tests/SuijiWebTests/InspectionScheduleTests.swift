// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Planned inspection dates")
struct InspectionScheduleTests {
    @Test func theTeamPlansTheVisitWithinTheWindowAndSeesItOnThatDay() async throws {
        try await withApp { fixture, client in
            let (inspection, _) = try await PlanDrawFixture.drawnInspection(fixture, client)
            let leader = try await login(client, "leader")
            let uri = "/inspections/\(inspection.id)"

            // Outside the batch window (July 2026) the date is refused, naming the window; the input stays.
            let early = try await InspectionPagesTests.post(client, "\(uri)/schedule", leader, [("plannedDate", "2026-06-30")])
            #expect(early.status == .unprocessableContent)
            #expect(early.html.contains("计划检查日期应在检查期间 2026-07-01 至 2026-07-31 之内") && early.html.contains(#"value="2026-06-30""#))
            let saved = try await InspectionPagesTests.post(client, "\(uri)/schedule", leader, [("plannedDate", "2026-07-06")])
            #expect(saved.status == .found)
            let page = try await InspectionPagesTests.page(client, uri, leader)
            #expect(page.html.contains("<dt>计划检查日期</dt><dd>2026年7月6日</dd>"))
            let notice = try await InspectionPagesTests.page(client, "\(uri)/notice", leader)
            #expect(notice.html.contains("（计划于2026年7月6日到场）"))

            // The participating department's admin may not move it; the initiator's admin may, over the API.
            let health = try await token(client, "health")
            let moved = try await PlanDrawFixture.call(
                client, .post, "/api/v1/inspections/\(inspection.id)/schedule", token: health, body: ["plannedDate": "2026-07-07"])
            #expect(moved.status == .forbidden)
            let samr = try await token(client, "samr")
            let bad = try await PlanDrawFixture.call(
                client, .post, "/api/v1/inspections/\(inspection.id)/schedule", token: samr, body: ["plannedDate": "7月7日"])
            #expect(bad.status == .unprocessableContent && (bad.json["error"] as? [String: Any])?["field"] as? String == "plannedDate")
            let ok = try await PlanDrawFixture.call(
                client, .post, "/api/v1/inspections/\(inspection.id)/schedule", token: samr, body: ["plannedDate": "2026-07-07"])
            #expect(ok.status == .ok && ok.json["plannedDate"] as? String == "2026-07-07")

            // On that day the leader's home page lists it under 今日检查, and not the day before.
            let account = try #require(try await fixture.stores.accounts.all().first { $0.username == "leader" })
            let onTheDay = try await fixture.stores.workQueue.queue(for: account, today: CalendarDate(iso: "2026-07-07")!)
            #expect(onTheDay.visitsToday.map(\.id) == [inspection.id])
            #expect(try await fixture.stores.workQueue.queue(for: account, today: CalendarDate(iso: "2026-07-06")!).visitsToday.isEmpty)
        }
    }
}
