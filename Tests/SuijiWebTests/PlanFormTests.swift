// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

/// Planning by picking (issue 13, point 2): other departments' items from lists, a preview of
/// the pool and of the count per risk class that the draw then takes, ratios in %, and changing
/// or deleting drafts and batches — all without JavaScript.
@Suite("The plan form")
struct PlanFormTests {
    typealias Session = InspectionPagesTests.Session

    static let plan: [(String, String)] = [
        ("name", "陶瓷企业联合抽查"), ("code", "2026-SAMR-07"), ("year", "2026"), ("windowStart", "2026-06-01"),
        ("windowEnd", "2026-11-30"), ("items", "SAMR:SAMR-001"), ("items", "HEALTH:HEALTH-001"), ("kinds", "company"),
    ]

    static func number(after marker: String, in html: String) -> Int? {
        guard let range = html.range(of: marker) else { return nil }
        return Int(html[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func itemsAreNamedInListsAndThePreviewSavesNothing() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let samr = try await login(client, "samr")

            // MUT: the form lists the other department's items by name; no code is typed
            let form = try await InspectionPagesTests.page(client, "/plans/new", samr)
            #expect(form.status == .ok)
            #expect(form.html.contains("value=\"HEALTH:HEALTH-001\"> 公共场所卫生的检查（HEALTH-001）"))
            #expect(form.html.contains("<h3>区卫健委</h3>") && !form.html.contains("CULTURE:CULTURE-003"))
            #expect(form.html.contains("/static/filter.js") && !form.html.contains("<script>"))

            // 预览 shows the pool per risk class and writes nothing
            let preview = try await InspectionPagesTests.post(client, "/plans", samr, Self.plan + [("intent", "preview")])
            #expect(preview.status == .ok && preview.html.contains("抽取池预览"))
            // 120 companies: 6 deregistered (every 20th), 6 more closed (every 15th but the 60th and 120th) → 108
            #expect(Self.number(after: "当前可抽取的检查对象共 <strong>", in: preview.html) == 108)
            #expect(preview.html.contains("排除原因：歇业或吊销 6 户；已注销 6 户"))
            #expect(preview.html.contains("value=\"陶瓷企业联合抽查\"") && preview.html.contains("value=\"HEALTH:HEALTH-001\" checked"))
            #expect(try await fixture.stores.plans.list(for: Caller.system(at: WebFixture.now).account).isEmpty)
        }
    }

    @Test func theBatchPreviewIsWhatTheDrawThenTakes() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let samr = try await login(client, "samr")
            let saved = try await InspectionPagesTests.post(client, "/plans", samr, Self.plan + [("intent", "save")])
            #expect(saved.status == .found)
            let planURL = saved.location
            let planID = Int(planURL.dropFirst("/plans/".count)) ?? 0
            // The initiator's item and the picked HEALTH item; HEALTH became a participant by it.
            let stored = try await fixture.stores.plans.get(id: Int64(planID), for: Caller.system(at: WebFixture.now).account)
            #expect(stored.participants == ["HEALTH"] && stored.items.count == 2)
            let samrToken = try await token(client, "samr")
            let office = try await token(client, "office")
            #expect(try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(planID)/actions/submit", token: samrToken).status == .ok)
            #expect(try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(planID)/actions/approve", token: office).status == .ok)

            // Ratios in % with ‰ precision; a third decimal is refused naming the class.
            let batch: [(String, String)] = [
                ("code", "B1"), ("start", "2026-07-01"), ("end", "2026-07-31"), ("mode", "ratios"), ("a", "5"), ("b", "12.5"),
                ("c", "30"), ("d", "100"), ("rounding", "ceil"), ("capExtra", "5"),
            ]
            let bad = try await InspectionPagesTests.post(
                client, "\(planURL)/batches", samr, batch.map { $0.0 == "b" ? ("b", "12.55") : $0 } + [("intent", "save")])
            #expect(bad.status == .unprocessableContent && bad.html.contains("B 类比例“12.55”应为 0–100 之间的百分数"))
            let preview = try await InspectionPagesTests.post(client, "\(planURL)/batches", samr, batch + [("intent", "preview")])
            #expect(preview.status == .ok && preview.html.contains("预计抽取"))
            let expected = try #require(Self.number(after: "户，预计抽取 <strong>", in: preview.html))
            #expect(preview.html.contains("value=\"12.5\""), "the posted ratios are kept")
            #expect(try await InspectionPagesTests.post(client, "\(planURL)/batches", samr, batch + [("intent", "save")]).status == .found)
            let shown = try await InspectionPagesTests.page(client, planURL, samr).html
            #expect(shown.contains("A 类 5%、B 类 12.5%、C 类 30%、D 类 100%"))
            let batches = try await fixture.stores.plans.batches(planID: Int64(planID), for: Caller.system(at: WebFixture.now).account)
            #expect(batches.first?.size == .ratios(a: 50, b: 125, c: 300, d: 1000, rounding: .ceil))

            // The draw takes exactly what the preview said.
            let drawID = try await PlanDrawFixture.executedDraw(client, batch: Int(batches[0].id))
            #expect(try await PlanDrawFixture.drawnCodes(fixture, drawID).count == expected)
            // A batch with a draw can no longer be changed.
            #expect(try await InspectionPagesTests.page(client, "/batches/\(batches[0].id)/edit", samr).status == .conflict)
        }
    }

    @Test func draftsAndBatchesAreChangedAndDeletedByTheirInitiatorOnly() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let samr = try await login(client, "samr")
            let health = try await login(client, "health")
            let planURL = try await InspectionPagesTests.post(client, "/plans", samr, Self.plan + [("intent", "save")]).location
            let id = Int64(planURL.dropFirst("/plans/".count)) ?? 0

            // Edit: the form comes back filled in; a change is saved and audited.
            let edit = try await InspectionPagesTests.page(client, "\(planURL)/edit", samr)
            #expect(edit.status == .ok && edit.html.contains("value=\"陶瓷企业联合抽查\"") && edit.html.contains("value=\"company\" checked"))
            #expect(try await InspectionPagesTests.page(client, "\(planURL)/edit", health).status == .forbidden)
            let renamed = Self.plan.map { $0.0 == "name" ? ("name", "陶瓷企业联合抽查（修订）") : $0 } + [("intent", "save")]
            #expect(try await InspectionPagesTests.post(client, planURL, samr, renamed).status == .found)
            #expect(try await fixture.stores.plans.get(id: id, for: Caller.system(at: WebFixture.now).account).name == "陶瓷企业联合抽查（修订）")
            #expect(try await AuditLog.recent(fixture.stores.database, limit: 5).contains { $0.action == "update" && $0.entity == "plan" })

            // A batch without a draw is changed, then deleted.
            let batch: [(String, String)] = [
                ("code", "B1"), ("start", "2026-07-01"), ("end", "2026-07-31"), ("mode", "count"), ("count", "4"),
            ]
            #expect(try await InspectionPagesTests.post(client, "\(planURL)/batches", samr, batch + [("intent", "save")]).status == .found)
            let batchID = try #require(
                try await fixture.stores.plans.batches(planID: id, for: Caller.system(at: WebFixture.now).account).first?.id)
            #expect(try await InspectionPagesTests.page(client, "/batches/\(batchID)/edit", samr).html.contains("value=\"4\""))
            let recount = batch.map { $0.0 == "count" ? ("count", "6") : $0 } + [("intent", "save")]
            #expect(try await InspectionPagesTests.post(client, "/batches/\(batchID)", samr, recount).status == .found)
            #expect(try await InspectionPagesTests.page(client, planURL, samr).html.contains("固定数量 6 户"))
            #expect(try await InspectionPagesTests.post(client, "/batches/\(batchID)/delete", samr, []).status == .unprocessableContent)
            #expect(try await InspectionPagesTests.post(client, "/batches/\(batchID)/delete", samr, [("confirm", "yes")]).status == .found)
            #expect(!(try await InspectionPagesTests.page(client, planURL, samr).html.contains("固定数量 6 户")))

            // Delete: not by another department, not without confirming, not once submitted.
            #expect(try await InspectionPagesTests.post(client, "\(planURL)/delete", health, [("confirm", "yes")]).status == .forbidden)
            #expect(try await InspectionPagesTests.post(client, "\(planURL)/delete", samr, []).status == .unprocessableContent)
            #expect(try await InspectionPagesTests.post(client, "\(planURL)/actions/submit", samr, []).status == .found)
            #expect(try await InspectionPagesTests.post(client, "\(planURL)/delete", samr, [("confirm", "yes")]).status == .conflict)
            #expect(try await InspectionPagesTests.page(client, "\(planURL)/edit", samr).status == .conflict)
            #expect(
                try await InspectionPagesTests.post(client, "\(planURL)/actions/reject", try await login(client, "office"), []).status
                    == .found)
            #expect(try await InspectionPagesTests.post(client, "\(planURL)/delete", samr, [("confirm", "yes")]).status == .found)
            #expect(try await fixture.stores.plans.list(for: Caller.system(at: WebFixture.now).account).isEmpty)
        }
    }
}
