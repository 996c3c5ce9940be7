// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

@Suite("Audit log checkpoints: truncation and rewrites")
struct AuditCheckpointTests {
    /// A fixture with some rows, a fresh key file and its anchor in a scratch directory.
    func sealed(_ database: TestDatabase) async throws -> (Fixture, AuditSeal, URL) {
        let fixture = try await AuditLogTests().populated(database)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let keyPath = dir.appendingPathComponent("audit.key").path
        _ = try AuditKey.generate(path: keyPath)
        return (fixture, try AuditSeal.load(keyPath: keyPath), dir)
    }

    func addTarget(_ fixture: Fixture, _ n: Int) async throws {
        var input = TargetInput()
        input.creditCode = Codes.company(n)
        input.name = "第\(n)号公司"
        input.kind = "公司"
        input.division = "360202"
        _ = try await fixture.stores.targets.create(input, caller: fixture.samr)
    }

    @Test(arguments: TestDatabase.available)
    func checkpointsSignTheHeadWhenItMoves(_ database: TestDatabase) async throws {
        let (fixture, seal, dir) = try await sealed(database)
        let db = fixture.stores.database
        let first = try #require(try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0))
        #expect(first.seq == 8)
        #expect(try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0) == nil)
        try await addTarget(fixture, 4)
        let second = try #require(try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0))
        #expect(second.seq == 9)
        #expect(try seal.anchor() == second)
        let report = try await AuditLog.check(db, seal: seal)
        guard case .intact(9, _) = report.verification else {
            Issue.record("\(report)")
            return
        }
        #expect(report.checkpoints == 2)
        #expect(report.summary.contains("签名检查点 2 个，最新签到第 9 条"))
        await db.close()
        try? FileManager.default.removeItem(at: dir)
    }

    @Test(arguments: TestDatabase.available)
    func deletingTheNewestRowsIsFound(_ database: TestDatabase) async throws {
        let (fixture, seal, dir) = try await sealed(database)
        let db = fixture.stores.database
        try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0)
        // Cut the last two rows, and the checkpoint that named them.
        try await db.write { sql in
            try await sql.raw("DELETE FROM audit_log WHERE seq > 6").run()
            try await sql.raw("DELETE FROM audit_checkpoints").run()
        }
        // The chain alone still looks whole …
        #expect(try await AuditLog.verify(db) == .intact(count: 6, head: try #require(try await AuditLog.recent(db, limit: 1).first?.hash)))
        // … the anchor outside the database does not.
        let report = try await AuditLog.check(db, seal: seal)
        guard case .broken(let seq, let reason) = report.verification else {
            Issue.record("truncation not found: \(report)")
            return
        }
        #expect(seq == 7)
        #expect(reason.contains("日志在第 6 条之后被截断"))
        // Without the anchor file, the checkpoint rows left behind still tell (here: keep them).
        await db.close()
        try? FileManager.default.removeItem(at: dir)
    }

    @Test(arguments: TestDatabase.available)
    func deletingRowsButNotCheckpointsIsFoundWithoutTheAnchor(_ database: TestDatabase) async throws {
        let (fixture, seal, dir) = try await sealed(database)
        let db = fixture.stores.database
        try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0)
        try FileManager.default.removeItem(atPath: seal.anchorPath)
        try await db.write { sql in try await sql.raw("DELETE FROM audit_log WHERE seq = 8").run() }
        guard case .broken(_, let reason) = try await AuditLog.check(db, seal: seal).verification else {
            Issue.record("truncation not found")
            return
        }
        #expect(reason.contains("被截断"))
        await db.close()
        try? FileManager.default.removeItem(at: dir)
    }

    @Test(arguments: TestDatabase.available)
    func aChainRewrittenWholeIsFound(_ database: TestDatabase) async throws {
        let (fixture, seal, dir) = try await sealed(database)
        let db = fixture.stores.database
        try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0)
        // Rewrite row 7 and recompute every digest and hash after it, as someone with write
        // access but no key would; drop the checkpoints too.
        var rewritten: [AuditEntry] = []
        var prev = String(repeating: "0", count: 64)
        for var row in try await AuditLog.recent(db, limit: 100).reversed() {
            if row.seq == 7 { row.detail = #"{"name":"改过的名称"}"# }
            row.digest = Bytes.sha256Hex(Array(row.detail.utf8))
            row.prevHash = prev
            let fields = [String(row.seq), row.at, row.actor, row.action, row.entity, row.entityID, row.digest, row.prevHash]
            row.hash = Bytes.sha256Hex(Array(fields.joined(separator: "\n").utf8))
            prev = row.hash
            rewritten.append(row)
        }
        try await db.write { [rewritten] sql in
            for row in rewritten {
                try await sql.raw(
                    """
                    UPDATE audit_log SET detail = \(bind: row.detail), digest = \(bind: row.digest), prev_hash = \(bind: row.prevHash),
                      hash = \(bind: row.hash) WHERE seq = \(bind: row.seq)
                    """
                ).run()
            }
            try await sql.raw("DELETE FROM audit_checkpoints").run()
        }
        guard case .intact = try await AuditLog.verify(db) else {
            Issue.record("the rewrite should fool the unkeyed chain")
            return
        }
        guard case .broken(let seq, let reason) = try await AuditLog.check(db, seal: seal).verification else {
            Issue.record("rewrite not found")
            return
        }
        #expect(seq == 8)
        #expect(reason.contains("被改写"))
        // And the server refuses to sign the rewritten head (which would bless it).
        await #expect(throws: AuditSealError.self) { try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0) }
        await db.close()
        try? FileManager.default.removeItem(at: dir)
    }

    @Test(arguments: TestDatabase.available)
    func aForgedCheckpointIsFound(_ database: TestDatabase) async throws {
        let (fixture, seal, dir) = try await sealed(database)
        let db = fixture.stores.database
        try await AuditLog.checkpoint(db, seal: seal, now: TestDatabase.t0)
        try await db.write { sql in
            try await sql.raw("UPDATE audit_checkpoints SET at = '2020-01-01T00:00:00Z'").run()
        }
        guard case .broken(_, let reason) = try await AuditLog.check(db, seal: seal).verification else {
            Issue.record("forgery not found")
            return
        }
        #expect(reason.contains("签名无效"))
        // Another key cannot vouch for this log either.
        let otherKey = dir.appendingPathComponent("other.key").path
        _ = try AuditKey.generate(path: otherKey)
        #expect(throws: AuditSealError.keyExists(otherKey)) { try AuditKey.generate(path: otherKey) }
        await db.close()
        try? FileManager.default.removeItem(at: dir)
    }
}
