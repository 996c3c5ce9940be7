// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SQLKit
import SuijiStore
import SuijiTabular
import Testing

/// A target import is streamed (read, validated and written chunk by chunk): what it writes and
/// reports is the same as reading the whole sheet first, and a bad row late in a large file
/// still leaves nothing written.
@Suite("Streamed imports")
struct ImportStreamingTests {
    static func sheet(_ rows: Int, badRow: Int? = nil) -> String {
        var lines = [ImportTests.header]
        for n in 1...rows {
            var line = ImportTests.row(n, risk: ["A", "B", "C", "D"][n % 4])
            if n % 7 == 0 { line = line.replacingOccurrences(of: ",SAMR-001", with: ",\"SAMR-001;SAMR-002、SAMR-003\"") }
            if n + 1 == badRow { line = line.replacingOccurrences(of: "360202,西郊", with: "3602,西郊") }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: TestDatabase.available)
    func aBadRowAfterManyChunksWritesNothing(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        // Row 9,500 is bad: two chunks of valid rows were already written when it is read.
        let text = Self.sheet(10_000, badRow: 9_500)
        do {
            _ = try await fixture.stores.importer.run(.targets, data: Data(text.utf8), caller: fixture.samr)
            Issue.record("import accepted")
        } catch ImportError.rejected(let report) {
            #expect(report.rows == 10_000)
            #expect(report.issues.map(\.row) == [9_500])
            #expect(report.issues.first?.column == "所属区划")
        }
        #expect(try await fixture.stores.targets.list(scope: .all, query: ListQuery()).total == 0)
        let tags = try await fixture.stores.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM target_tags").first()?.decode(column: "n", as: Int.self)
        }
        #expect(tags == 0)
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aFileIsImportedLikeItsBytesAndTagsAreKept(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let text = Self.sheet(9_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-import-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let report = try await fixture.stores.importer.run(.targets, input: .file(path), caller: fixture.samr)
        #expect((report.rows, report.added, report.format) == (9_000, 9_000, "csv/utf8"))
        #expect(report.fileDigest == Bytes.sha256Hex(Array(text.utf8)))
        let tags = try await fixture.stores.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM target_tags").first()?.decode(column: "n", as: Int.self)
        }
        #expect(tags == 9_000 + 2 * (9_000 / 7))
        let tagged = try await fixture.stores.targets.list(scope: .only("SAMR"), query: ListQuery(search: Codes.company(14)))
        #expect(tagged.items.first?.tags == ["SAMR-001", "SAMR-002", "SAMR-003"])
        // The same bytes again: a registry sync that changes nothing.
        let again = try await fixture.stores.importer.run(.targets, data: Data(text.utf8), caller: fixture.samr)
        #expect((again.added, again.changed, again.unchanged) == (0, 0, 9_000))
        await fixture.stores.database.close()
    }
}
