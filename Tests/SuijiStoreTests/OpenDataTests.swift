// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiStore
import Testing

@Suite("Open datasets")
struct OpenDataTests {
    @Test(arguments: TestDatabase.available)
    func publishedResultsAndDrawsAreExportedWithoutPersonalNames(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let samr = fixture.draw.fixture.samr
        let all = try await fixture.all()
        #expect(try await fixture.stores.openData.table(.results).rows.isEmpty)
        let leader = try await fixture.inspector(all[0].team[0].id, department: "SAMR")
        try await fixture.enter(all[0].id, caller: leader)
        _ = try await fixture.inspections.submit(id: all[0].id, caller: leader)
        _ = try await fixture.inspections.review(id: all[0].id, action: .approve, caller: samr)
        // Approved is not yet public.
        #expect(try await fixture.stores.openData.table(.results).rows.isEmpty)
        _ = try await fixture.inspections.review(id: all[0].id, action: .publish, caller: samr)
        // An individual business named after its operator is masked.
        try await fixture.stores.database.write { db in
            try await db.raw("UPDATE inspections SET target_kind = 'individualBusiness', target_name = '王小五' WHERE id = \(bind: all[0].id)")
                .run()
        }
        let results = try await fixture.stores.openData.table(.results)
        let columns = OpenDataset.results.columns
        func cell(_ row: [String], _ name: String) -> String { row[columns.firstIndex(of: name)!] }
        #expect(results.rows.map { cell($0, "item_code") } == ["HEALTH-001", "SAMR-001"])
        #expect(results.rows.map { cell($0, "result_label") } == ["发现问题已责令改正", "未发现问题"])
        #expect(results.rows.map { cell($0, "result_code") } == ["correction-ordered", "no-problem"])
        #expect(results.rows.allSatisfy { cell($0, "target_name") == "王**" && cell($0, "target_code") == all[0].target.uid })
        let json = String(decoding: try results.encoded(.json), as: UTF8.self)
        #expect(!json.contains("王小五"))
        let draws = try await fixture.stores.openData.table(.draws)
        let drawColumns = OpenDataset.draws.columns
        #expect(draws.rows.count == 1)
        #expect(draws.rows[0][drawColumns.firstIndex(of: "selected_count")!] == String(all.count))
        #expect(draws.rows[0][drawColumns.firstIndex(of: "bundle_url")!] == "/public/draws/\(fixture.executed.id)/bundle.zip")
        let items = try await fixture.stores.openData.table(.items, department: "HEALTH")
        #expect(items.rows.map { $0[2] } == ["HEALTH-001"])
        await fixture.stores.database.close()
    }
}
