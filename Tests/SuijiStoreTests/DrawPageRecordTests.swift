// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// A draw page's read model (`DrawPageRecord`): one store call, the same files, sizes and
/// digests as the files themselves, without reading the pool or the excluded list.
@Suite("Draw page read model")
struct DrawPageRecordTests {
    /// What the record says of each file, checked against the files' own bytes.
    static func expectMatches(_ record: DrawPageRecord, _ files: [String: [UInt8]]) {
        #expect(record.files.map(\.name) == files.keys.sorted())
        for file in record.files {
            let bytes = files[file.name] ?? []
            #expect(file.size == bytes.count, "\(file.name)")
            #expect(file.sha256 == Bytes.sha256Hex(bytes), "\(file.name)")
        }
        #expect(record.contents.keys.sorted() == files.keys.filter { $0 != "pool.txt" && $0 != "excluded.txt" }.sorted())
        for (name, bytes) in record.contents { #expect(bytes == files[name], "\(name)") }
    }

    @Test(arguments: TestDatabase.available)
    func theRecordHoldsWhatTheFilesHold(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let stores = draw.stores
        let prepared = try await stores.draws.prepare(
            batchID: draw.batch.id, caller: draw.fixture.samr, announcement: DrawFixture.exception)
        // Prepared: nothing is published yet.
        var record = try await stores.draws.page(prepared.id, for: draw.fixture.samr.account)
        #expect(record.draw.id == prepared.id && record.plan.id == draw.plan.id && record.batch.id == draw.batch.id)
        #expect(record.files.isEmpty && record.contents.isEmpty && record.exclusions.isEmpty)
        #expect(record.people[prepared.preparedBy] != nil)
        // Committed: the pool, parameters and commitment are public, their digests stored ones.
        for department in ["SAMR", "HEALTH"] {
            _ = try await stores.draws.commit(
                prepared.id, department: department, commitment: draw.commitment(department, prepared.id),
                caller: department == "SAMR" ? draw.fixture.samr : draw.fixture.health)
        }
        record = try await stores.draws.page(prepared.id, for: draw.fixture.health.account)
        Self.expectMatches(record, try await stores.draws.publishedFiles(prepared.id))
        #expect(record.digest("commitment.txt") != nil && record.digest("record.txt") == nil)
        #expect(record.log.map(\.kind).contains(.commitment))

        _ = try await stores.draws.reveal(
            prepared.id, department: "SAMR", secret: Bytes.hex(DrawFixture.secrets["SAMR"]!),
            caller: DrawFixture.later(draw.fixture.samr, hours: 0.003))
        let executed = try await stores.draws.execute(
            prepared.id, caller: Caller(account: draw.fixture.samr.account, at: TestDatabase.t0.addingTimeInterval(120)))
        let bundle = try await stores.draws.bundle(executed.id)
        record = try await stores.draws.page(executed.id, for: draw.fixture.office.account)
        Self.expectMatches(record, bundle.files)
        // The excluded list by reason, counted in the database, as the list itself says.
        var counts: [ExclusionReason: Int] = [:]
        for entry in try ExcludedList.parse(bundle.files["excluded.txt"]!).entries { counts[entry.reason, default: 0] += 1 }
        #expect(!counts.isEmpty)
        #expect(record.exclusions == counts)
        // Every drawn target and team member is named.
        let drawn = try TargetSelection.parseList(bundle.files["selection.txt"]!, file: "selection.txt").map(\.id)
        #expect(!drawn.isEmpty && drawn.allSatisfy { record.names.targets[$0] != nil })
        #expect(!record.names.people.isEmpty)

        // The public page reads the same record (the plan is public once approved).
        let open = try #require(try await stores.publicRecords.drawPage(executed.id))
        #expect(open.files == record.files && open.exclusions == record.exclusions && open.contents == record.contents)
        #expect(open.log.map(\.seq) == record.log.map(\.seq) && open.logHead?.seq == record.logHead?.seq)
        #expect(try await stores.publicRecords.drawPage("no-such-draw") == nil)
        await stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aStaffPageIsRefusedToWhoMayNotReadThePlan(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let prepared = try await draw.stores.draws.prepare(
            batchID: draw.batch.id, caller: draw.fixture.samr, announcement: DrawFixture.exception)
        let outsider = Account(
            id: 999, username: "outsider", displayName: "外单位", role: .departmentAdmin, departmentCode: "TAX", inspectorID: nil, active: true
        )
        await #expect(throws: PlanError.self) { try await draw.stores.draws.page(prepared.id, for: outsider) }
        await draw.stores.database.close()
    }
}
