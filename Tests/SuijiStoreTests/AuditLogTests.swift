// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiStore
import Testing

@Suite("Audit log hash chain")
struct AuditLogTests {
    func populated(_ database: TestDatabase) async throws -> Fixture {
        let fixture = try await Fixture.make(database)
        for n in 1...3 {
            var input = TargetInput()
            input.creditCode = Codes.company(n)
            input.name = "第\(n)号公司"
            input.kind = "公司"
            input.division = "360202"
            _ = try await fixture.stores.targets.create(input, caller: fixture.samr)
        }
        return fixture
    }

    @Test(arguments: TestDatabase.available)
    func everyWriteIsChained(_ database: TestDatabase) async throws {
        let fixture = try await populated(database)
        let result = try await AuditLog.verify(fixture.stores.database)
        guard case .intact(let count, let head) = result else {
            Issue.record("\(result)")
            return
        }
        // 2 departments + 3 accounts + 3 targets
        #expect(count == 8)
        #expect(head.count == 64)
        let recent = try await AuditLog.recent(fixture.stores.database, limit: 1)
        #expect(recent.first?.actor == "samr")
        #expect(recent.first?.entity == "target")
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func anEditedRowIsFound(_ database: TestDatabase) async throws {
        let fixture = try await populated(database)
        try await fixture.stores.database.write { db in
            try await db.raw("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5").run()
        }
        #expect(try await AuditLog.verify(fixture.stores.database) == .broken(seq: 5, reason: "第 5 条记录的哈希不符（记录被改动）"))
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func anEditedDetailIsFound(_ database: TestDatabase) async throws {
        let fixture = try await populated(database)
        try await fixture.stores.database.write { db in
            try await db.raw("UPDATE audit_log SET detail = '{}' WHERE seq = 7").run()
        }
        guard case .broken(let seq, _) = try await AuditLog.verify(fixture.stores.database) else {
            Issue.record("not detected")
            return
        }
        #expect(seq == 7)
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aRemovedRowIsFound(_ database: TestDatabase) async throws {
        let fixture = try await populated(database)
        try await fixture.stores.database.write { db in
            try await db.raw("DELETE FROM audit_log WHERE seq = 4").run()
        }
        guard case .broken(let seq, let reason) = try await AuditLog.verify(fixture.stores.database) else {
            Issue.record("not detected")
            return
        }
        #expect(seq == 4)
        #expect(reason.contains("缺失"))
        await fixture.stores.database.close()
    }
}
