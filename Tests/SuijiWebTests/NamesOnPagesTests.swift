// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

/// Pages name plans, departments, areas, items and people instead of showing their codes
/// (issue 13, point 1).
@Suite("Names, not codes, on pages")
struct NamesOnPagesTests {
    @Test func inspectionsPlansAndTargetsAreNamed() async throws {
        try await withApp { fixture, client in
            // setup: an executed draw; the area directory names the district and its street
            let (inspection, _) = try await PlanDrawFixture.drawnInspection(fixture, client)
            let system = Caller.system(at: WebFixture.now)
            try await fixture.stores.areas.upsert(Area(code: "360202", name: "昌江区", parent: ""), caller: system)
            let samr = try await login(client, "samr")
            func page(_ uri: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: samr.cookie]) { String(buffer: $0.body) }
            }
            let planName = "2026 年企业公示信息与公共场所卫生联合抽查"

            // MUT + validate: the task list and page name the plan and the items
            let list = try await page("/inspections")
            #expect(list.contains(">\(planName)</a>") && !list.contains("计划 \(inspection.planID)<"))
            let detail = try await page("/inspections/\(inspection.id)")
            #expect(detail.contains(planName) && detail.contains("企业公示信息的抽查 <small class=\"muted\">区市场监管局 · SAMR-001</small>"))
            #expect(!detail.contains("SAMR:SAMR-001"))

            // the plan page names departments and items
            let plan = try await page("/plans/\(inspection.planID)")
            #expect(plan.contains("<dt>发起部门</dt><dd>区市场监管局</dd>") && plan.contains("<dt>参与部门</dt><dd>区卫健委</dd>"))
            #expect(plan.contains("公共场所卫生的检查 <small class=\"muted\">区卫健委 · HEALTH-001</small>"))

            // the target page names its division and department
            let target = try await fixture.stores.targets.list(scope: .only("SAMR"), query: ListQuery(perPage: 1)).items[0]
            let shown = try await page("/targets/\(target.id)")
            #expect(shown.contains("<dd>昌江区（360202）</dd>") && shown.contains("<dt>所属部门</dt><dd>区市场监管局</dd>"))
            let targets = try await page("/targets")
            #expect(targets.contains("<td>区市场监管局</td>") && !targets.contains("<td>SAMR</td>"))

            // an inspector's items by name
            let inspector = try await fixture.stores.inspectors.list(scope: .only("SAMR"), query: ListQuery(perPage: 1)).items[0]
            #expect(try await page("/inspectors/\(inspector.id)").contains("企业公示信息的抽查（SAMR-001）"))
        }
    }
}
