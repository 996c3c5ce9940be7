// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SQLKit
import SuijiCore
import SuijiDraw
import SuijiStore
import SuijiTabular
import Testing

/// Randomness and time come from outside the stores, so a run can be repeated byte for byte.
@Suite("Reproducible stores and exports")
struct ReproducibilityTests {
    @Test func aSeededSourceRepeatsItselfAndSeedsDiffer() {
        // validate
        #expect(RandomSource.seeded(42).bytes(32) == RandomSource.seeded(42).bytes(32))
        #expect(RandomSource.seeded(42).bytes(16) != RandomSource.seeded(43).bytes(16))
        let source = RandomSource.seeded(42)
        #expect(source.bytes(16) != source.bytes(16))
    }

    @Test func theConflictSaltComesFromTheSourcePassedIn() async throws {
        // setup
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let stores = try await Stores.open(.sqliteMemory, bcryptCost: 4, random: .seeded(42), now: TestDatabase.t0, logger: logger)
        let draw = try await DrawFixture.make(fixture: try await Fixture.make(stores: stores))
        // MUT
        let prepared = try await stores.draws.prepare(batchID: draw.batch.id, caller: draw.fixture.samr)
        // validate
        let salt = try await stores.database.read { db in
            try await db.raw("SELECT conflict_salt FROM draws WHERE id = \(bind: prepared.id)").first()?
                .decode(column: "conflict_salt", as: String.self)
        }
        #expect(salt == Bytes.hex(RandomSource.seeded(42).bytes(16)))
        await stores.database.close()
    }

    @Test func aWorkbookCarriesAFixedDateSoEqualSheetsAreEqualBytes() throws {
        // setup
        let sheets = [TabularXLSXWriter.Sheet(name: "抽查结果", rows: [["编号", "名称"], ["1", "第一号公司"]])]
        // MUT
        let data = try TabularXLSXWriter.encode(sheets)
        // validate: the first local header's DOS time and date are 12:00:00 and 2000-01-01 (UTC).
        #expect(Array(data[10..<14]) == [0x00, 0x60, 0x21, 0x28])
        #expect(try TabularXLSXWriter.encode(sheets) == data)
    }
}
