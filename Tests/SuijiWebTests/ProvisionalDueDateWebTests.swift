// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

/// A due date counting a year without a State Council notice shows 暂定 on pages and in the API;
/// the office is reminded on its home page and loads the notice on the calendar page, after
/// which the date is final.
@Suite("Provisional due dates")
struct ProvisionalDueDateWebTests {
    static var without2026: WorkCalendar {
        WorkCalendar(years: try! WorkCalendar.bundled().years.filter { $0.key != 2026 })
    }

    @Test func theOfficeIsRemindedAndLoadsTheNoticeInTheRunningServer() async throws {
        try await withApp(calendar: Self.without2026) { fixture, client in
            // setup: the plan's July window ends in 2026, which has no notice here.
            let (inspection, _) = try await PlanDrawFixture.drawnInspection(fixture, client)
            let office = try await login(client, "office")
            let uri = "/inspections/\(inspection.id)"

            // validate before: 暂定 on the page and the list, a field in the API, the office's reminder.
            #expect(try await InspectionPagesTests.page(client, uri, office).html.contains("2026年8月28日（暂定）"))
            #expect(try await InspectionPagesTests.page(client, "/inspections", office).html.contains("2026年8月28日（暂定）"))
            let api = try await PlanDrawFixture.call(client, .get, "/api/v1\(uri)", token: try await token(client, "office"))
            #expect(api.json["resultDueDate"] as? String == "2026-08-28" && api.json["resultDueDateProvisional"] as? Bool == true)
            let home = try await InspectionPagesTests.page(client, "/", office).html
            #expect(home.contains("载入节假日安排通知") && home.contains("2026 年国务院办公厅节假日安排通知尚未载入"))
            #expect(home.contains(#"href="/admin/calendar""#))
            let samrHome = try await InspectionPagesTests.page(client, "/", try await login(client, "samr")).html
            #expect(!samrHome.contains("载入节假日安排通知"), "the reminder is the office's")

            // The calendar page lists 2026 as 暂定 with its computed days; a department admin may not load.
            let page = try await InspectionPagesTests.page(client, "/admin/calendar", office)
            #expect(page.status == .ok && page.html.contains("2026 年 <span class=\"tag\">暂定</span>"))
            #expect(page.html.contains("10月5日（周一）（国庆节（补假））"))
            let samrLoad = try await client.execute(
                uri: "/api/v1/calendar/notices", method: .post, headers: [.authorization: "Bearer \(try await token(client, "samr"))"],
                body: ByteBuffer(string: "year 2026 x\n")
            ) { $0.status }
            #expect(samrLoad == .forbidden)

            // MUT: a malformed notice is refused naming its line and kept; the corrected one loads.
            let bad = try await InspectionPagesTests.post(
                client, "/admin/calendar", office, [("notice", "year 2026 测试通知\noff 2026-08-08 周六\n")])
            #expect(bad.status == .unprocessableContent && bad.html.contains("第 2 行") && bad.html.contains("off 2026-08-08"))
            let loaded = try await InspectionPagesTests.post(
                client, "/admin/calendar", office, [("notice", "年度 2026 测试通知\n放假 2026-08-03 测试假日\n")])

            // validate after: final date, no 暂定, no reminder; the API lists the year as a notice.
            #expect(loaded.status == .ok && loaded.html.contains("已载入2026 年的节假日安排通知"))
            let after = try await InspectionPagesTests.page(client, uri, office).html
            #expect(after.contains("2026年8月31日") && !after.contains("暂定"))
            #expect(!(try await InspectionPagesTests.page(client, "/", office).html.contains("载入节假日安排通知")))
            let years = try await client.execute(
                uri: "/api/v1/calendar", method: .get, headers: [.authorization: "Bearer \(try await token(client, "office"))"]
            ) { try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [[String: Any]] ?? [] }
            #expect(years.first { $0["year"] as? Int == 2026 }?["provisional"] as? Bool == false)
            #expect(years.first { $0["year"] as? Int == 2027 }?["provisional"] as? Bool == true)
        }
    }
}
