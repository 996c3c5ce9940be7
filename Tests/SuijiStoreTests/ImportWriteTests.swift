// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiStore
import Testing

/// How a target import writes: new rows are inserted, stored ones compared and updated, in
/// chunks that mix both; every target's item tags are stored once each (a tag repeated in its
/// cell too), also when a sync changes them.
@Suite("Import writes")
struct ImportWriteTests {
    static func sheet(_ rows: [Int], tags: (Int) -> String) -> Data {
        var lines = [ImportTests.header]
        for n in rows {
            lines.append("\(Codes.company(n)),第\(n)号公司,公司,360202,西郊街道,B,在营,,\"\(tags(n))\"")
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The stored (credit code, item code) pairs of SAMR's targets.
    static func storedTags(_ stores: Stores) async throws -> Set<String> {
        try await stores.database.read { db in
            try await db.raw(
                "SELECT t.uid AS uid, g.item_code AS item FROM target_tags g JOIN targets t ON t.id = g.target_id WHERE t.department_code = 'SAMR'"
            ).all().map { "\(try $0.decode(column: "uid", as: String.self)) \(try $0.decode(column: "item", as: String.self))" }
        }
        .reduce(into: Set<String>()) { $0.insert($1) }
    }

    static func expected(_ rows: ClosedRange<Int>, tags: (Int) -> [String]) -> Set<String> {
        Set(rows.flatMap { n in tags(n).map { "\(Codes.company(n)) \($0)" } })
    }

    @Test(arguments: TestDatabase.available)
    func newAndStoredRowsMixInChunksAndTagsAreStoredOnce(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let importer = fixture.stores.importer
        // A tag repeated within its cell is one tag.
        func firstCell(_ n: Int) -> String { n % 3 == 0 ? "SAMR-002;SAMR-001;SAMR-002" : "SAMR-001" }
        let first = try await importer.run(.targets, data: Self.sheet(Array(1...300), tags: firstCell), caller: fixture.samr)
        #expect((first.added, first.changed) == (300, 0))
        #expect(
            try await Self.storedTags(fixture.stores) == Self.expected(1...300) { $0 % 3 == 0 ? ["SAMR-001", "SAMR-002"] : ["SAMR-001"] })
        // Targets 1–300 stored (every fifth one's tags change), 301–9,000 new. The first chunk
        // (4,096 rows) is new targets only, though the library was not empty; the stored ones
        // come in the second, among new ones.
        func tags(_ n: Int) -> [String] {
            n <= 300 && n % 5 == 0 ? ["SAMR-003", "SAMR-004"] : n % 3 == 0 && n <= 300 ? ["SAMR-001", "SAMR-002"] : ["SAMR-001"]
        }
        let order = Array(301...4_500) + Array(1...300) + Array(4_501...9_000)
        let data = Self.sheet(order) { n in n <= 300 && n % 5 == 0 ? "SAMR-004、SAMR-003" : n <= 300 ? firstCell(n) : "SAMR-001" }
        let sync = try await importer.run(.targets, data: data, caller: fixture.samr)
        #expect((sync.added, sync.changed, sync.unchanged) == (8_700, 60, 240))
        #expect(try await Self.storedTags(fixture.stores) == Self.expected(1...9_000, tags: tags))
        // The same sheet again: every row stored and unchanged.
        let again = try await importer.run(.targets, data: data, caller: fixture.samr)
        #expect((again.added, again.changed, again.unchanged) == (0, 0, 9_000))
        #expect(try await fixture.stores.targets.list(scope: .only("SAMR"), query: ListQuery()).total == 9_000)
        await fixture.stores.database.close()
    }
}
