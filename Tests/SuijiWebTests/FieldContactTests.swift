// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@testable import SuijiWeb

/// Inspectors in the field: the task page and 今日检查 show where the target is and a number to
/// tap; photos are previewed, PDFs get an icon (issue 13, point 7).
@Suite("Target contact and attachment previews for inspectors")
struct FieldContactTests {
    @Test func theTaskPageAndTheDayListGiveAddressAndATapToCallPhone() async throws {
        try await withApp { fixture, client in
            // setup: the drawn target's library record carries an address and a phone
            let (inspection, _) = try await PlanDrawFixture.drawnInspection(fixture, client)
            let record = try #require(
                try await fixture.stores.targets.list(scope: .only("SAMR"), query: ListQuery(search: inspection.target.uid)).items.first)
            var input = TargetInput(record)
            input.address = "景德镇市昌江区西郊街道瓷都大道 8 号"
            input.phone = "0798-822 1234"
            _ = try await fixture.stores.targets.update(id: record.id, input, caller: try await PlanDrawFixture.caller(fixture, "samr"))
            let leader = try await login(client, "leader")

            // MUT + validate: the task page
            let page = try await InspectionPagesTests.page(client, "/inspections/\(inspection.id)", leader).html
            #expect(page.contains("<dt>地址</dt><dd>景德镇市昌江区西郊街道瓷都大道 8 号</dd>"))
            #expect(page.contains("<a href=\"tel:07988221234\" class=\"tel\">0798-822 1234</a>"))

            // 今日检查 on the planned day
            #expect(
                try await InspectionPagesTests.post(
                    client, "/inspections/\(inspection.id)/schedule", leader, [("plannedDate", "2026-07-07")]
                ).status == .found)
            let account = try #require(try await fixture.stores.accounts.all().first { $0.username == "leader" })
            let queue = try await fixture.stores.workQueue.queue(for: account, today: CalendarDate(iso: "2026-07-07")!)
            let contacts = try await fixture.stores.names.contacts([inspection.target.uid], preferring: "SAMR")
            let model = WorkQueuePage(queue, today: CalendarDate(iso: "2026-07-07")!, account: account, names: .init(contacts: contacts))
            let visit = try #require(model.sections.first { $0.heading == "今日检查" }?.tasks.first)
            #expect(visit.contact?.tel == "tel:07988221234" && visit.contact?.address?.contains("瓷都大道") == true)
            #expect(visit.actions.first?.url == "/inspections/\(inspection.id)#notice")
        }
    }

    @Test func photosArePreviewedAndPDFsGetAnIcon() async throws {
        try await withApp { fixture, client in
            let (inspection, _) = try await PlanDrawFixture.drawnInspection(fixture, client)
            let leader = try await token(client, "leader")
            let bearer: HTTPFields = [.authorization: "Bearer \(leader)"]
            let api = "/api/v1/inspections/\(inspection.id)/attachments"
            let pdf = Data("%PDF-1.7\n%suiji\n".utf8)
            for file in [("门头.jpg", InspectionRecordsWebTests.photo), ("记录.pdf", pdf)] {
                #expect(try await InspectionRecordsWebTests.upload(client, api, headers: bearer, [], file: file).status == .created)
            }
            let page = try await InspectionPagesTests.page(client, "/inspections/\(inspection.id)", try await login(client, "leader")).html
            #expect(
                page.range(
                    of: #"<img class="thumb" src="/api/v1/inspections/\d+/attachments/\d+" alt="门头.jpg" loading="lazy""#,
                    options: .regularExpression) != nil)
            #expect(page.contains("<img class=\"thumb icon\" src=\"/static/document.svg\" alt=\"PDF 文件\""))
        }
    }

    @Test func aTelLinkKeepsOnlyDigitsAndPlus() {
        #expect(WorkQueuePage.tel("+86 138-0798-1234") == "tel:+8613807981234")
        #expect(WorkQueuePage.tel("无") == nil)
    }
}
