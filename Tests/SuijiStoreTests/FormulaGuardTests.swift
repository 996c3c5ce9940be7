// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import SuijiTabular
import Testing

@Suite("CSV formula guard")
struct FormulaGuardTests {
    @Test func cellsThatLookLikeFormulasAreNeutralizedAndRestored() {
        for cell in ["=HYPERLINK(\"http://x\")", "+86 0798 8221234", "-1", "@SUM(A1)", "\tx"] {
            #expect(TabularFormulaGuard.neutralize(cell) == "'" + cell)
            #expect(TabularFormulaGuard.restore(TabularFormulaGuard.neutralize(cell)) == cell)
        }
        for cell in ["景德镇市昌江区", "91360202MA35L2XK1B", "'引号开头", ""] {
            #expect(TabularFormulaGuard.neutralize(cell) == cell && TabularFormulaGuard.restore(cell) == cell)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCSVExportCannotRunAFormulaAndReimportsUnchanged(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let address = "=HYPERLINK(\"http://evil.example\",\"点击\")"
        let csv = ImportTests.header + ",地址\n" + ImportTests.row(1) + ",\"\(address.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
        let added = try await fixture.stores.importer.run(.targets, data: Data(csv.utf8), caller: fixture.samr)
        #expect(added.added == 1)
        let exported = try await fixture.stores.exporter.export(.targets, scope: .only("SAMR"), format: .csv)
        let text = String(decoding: exported, as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(") && !text.contains(",\"=HYPERLINK("))
        let again = try await fixture.stores.importer.run(.targets, data: exported, caller: fixture.samr)
        #expect((again.added, again.changed, again.unchanged) == (0, 0, 1))
        let stored = try await fixture.stores.targets.list(scope: .only("SAMR"), query: ListQuery()).items
        #expect(stored.map(\.address) == [address])
        await fixture.stores.database.close()
    }
}
