// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// What `AuditLog.check` found: the chain's verdict, plus what the signed checkpoints cover.
public struct AuditReport: Sendable, Equatable {
    public var verification: AuditVerification
    /// Signed checkpoints in the database.
    public var checkpoints: Int
    /// The newest checkpoint (from the anchor file when there is one).
    public var anchor: AuditCheckpoint?
    /// Whether checkpoints could be checked (a key was given).
    public var keyed: Bool

    /// One line in Chinese for pages and the command line.
    public var summary: String {
        switch verification {
        case .broken(let seq, let reason): return "已被篡改：第 \(seq) 条。\(reason)"
        case .intact(let count, let head):
            var text = "完整：共 \(count) 条记录，链尾哈希 \(head)"
            if !keyed {
                text += "；未配置审计密钥，无法发现末尾记录被删除或整条链被重写"
            } else if let anchor {
                let after = Int64(count) - anchor.seq
                text += "；签名检查点 \(checkpoints) 个，最新签到第 \(anchor.seq) 条（\(anchor.at)）"
                if after > 0 { text += "，其后 \(after) 条待下次签名" }
            } else {
                text += "；尚无签名检查点"
            }
            return text
        }
    }
}

/// Signed checkpoints of the chain head: written periodically by `serve` (and by `suiji audit
/// checkpoint`, `backup`), each in the `audit_checkpoints` table and — the newest — in the
/// anchor file outside the database.
extension AuditLog {
    /// Signs the current head if it moved since the last checkpoint; returns the new checkpoint
    /// (nil when nothing changed). Refuses to sign a chain that does not check out from the last
    /// checkpoint (in the database and in the anchor file) on: a rewritten or cut log is never
    /// blessed by a fresh signature.
    @discardableResult
    public static func checkpoint(_ database: SuijiDatabase, seal: AuditSeal, now: Date) async throws -> AuditCheckpoint? {
        let anchor = try seal.anchor()
        let made = try await database.write { db -> AuditCheckpoint? in
            let last = try await db.raw("SELECT seq, head, at, key_id, mac FROM audit_checkpoints ORDER BY seq DESC LIMIT 1")
                .first(decoding: AuditCheckpoint.self, keyDecodingStrategy: .convertFromSnakeCase)
            let references = [last, anchor].compactMap { $0 }
            let start = references.map(\.seq).min() ?? 1
            let rows = try await db.raw(
                """
                SELECT seq, at, actor, action, entity, entity_id, detail, digest, prev_hash, hash FROM audit_log
                WHERE seq >= \(bind: max(start, 1)) ORDER BY seq
                """
            ).all(decoding: AuditEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
            for reference in references {
                guard reference.isSigned(by: seal.key), rows.first(where: { $0.seq == reference.seq })?.hash == reference.head else {
                    throw AuditSealError.unsignable("the checkpoint of row \(reference.seq) (\(reference.at)) does not match the log")
                }
            }
            guard let head = rows.last, head.seq > (references.map(\.seq).max() ?? 0) else { return nil }
            var prev = rows.first.map { $0.seq == 1 ? genesis : $0.prevHash } ?? genesis
            for (offset, row) in rows.enumerated() {
                guard row.seq == (rows.first?.seq ?? 1) + Int64(offset), row.prevHash == prev, row.hash == row.computedHash,
                    row.digest == sha256Hex(row.detail)
                else { throw AuditSealError.unsignable("row \(row.seq) does not check out") }
                prev = row.hash
            }
            let checkpoint = AuditCheckpoint.signed(seq: head.seq, head: head.hash, at: Timestamp.format(now), key: seal.key)
            try await db.raw(
                """
                INSERT INTO audit_checkpoints (seq, head, at, key_id, mac)
                VALUES (\(bind: checkpoint.seq), \(bind: checkpoint.head), \(bind: checkpoint.at), \(bind: checkpoint.keyID),
                  \(bind: checkpoint.mac))
                """
            ).run()
            return checkpoint
        }
        if let made { try seal.writeAnchor(made) }
        return made
    }

    /// Walks the chain and, with a seal, checks every signed checkpoint against it and the
    /// anchor file's checkpoint: rows removed from the end, or a chain rewritten whole, show.
    /// `useAnchor: false` leaves the anchor file out (a backup is older than it by nature).
    public static func check(_ database: SuijiDatabase, seal: AuditSeal?, useAnchor: Bool = true) async throws -> AuditReport {
        let checkpoints = try await database.read { db in
            try await db.raw("SELECT seq, head, at, key_id, mac FROM audit_checkpoints ORDER BY seq")
                .all(decoding: AuditCheckpoint.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        var watched = Set(checkpoints.map(\.seq))
        let anchor = useAnchor ? try seal?.anchor() : nil
        if let anchor { watched.insert(anchor.seq) }
        let (verification, hashes) = try await walk(database, collecting: watched)
        var report = AuditReport(
            verification: verification, checkpoints: checkpoints.count, anchor: anchor ?? checkpoints.last, keyed: seal != nil)
        guard let seal, case .intact(let count, _) = verification else { return report }
        func broken(_ seq: Int64, _ reason: String) -> AuditReport {
            report.verification = .broken(seq: seq, reason: reason)
            return report
        }
        for checkpoint in checkpoints {
            guard checkpoint.isSigned(by: seal.key) else {
                return broken(checkpoint.seq, "第 \(checkpoint.seq) 条的签名检查点签名无效（检查点被伪造或改动，或不是用本密钥签的）")
            }
            guard let hash = hashes[checkpoint.seq] else {
                return broken(
                    Int64(count) + 1, "日志在第 \(count) 条之后被截断：\(checkpoint.at) 的签名检查点记录了第 \(checkpoint.seq) 条")
            }
            guard hash == checkpoint.head else {
                return broken(checkpoint.seq, "第 \(checkpoint.seq) 条及以前的记录被改写：与 \(checkpoint.at) 的签名检查点不符")
            }
        }
        if let anchor {
            guard anchor.isSigned(by: seal.key) else {
                return broken(anchor.seq, "锚点文件 \(seal.anchorPath) 的签名无效（被改动，或不是用本密钥签的）")
            }
            guard let hash = hashes[anchor.seq] else {
                return broken(
                    Int64(count) + 1, "日志在第 \(count) 条之后被截断：锚点文件记录了 \(anchor.at) 时共 \(anchor.seq) 条（链尾 \(anchor.head.prefix(16))…）")
            }
            guard hash == anchor.head else {
                return broken(anchor.seq, "第 \(anchor.seq) 条及以前的记录被改写：与锚点文件中 \(anchor.at) 的签名检查点不符")
            }
            guard checkpoints.contains(anchor) else {
                return broken(anchor.seq, "数据库中缺少 \(anchor.at) 的签名检查点（检查点记录被删除）")
            }
        }
        return report
    }

    /// Appends one row in its own transaction: for events that change nothing else (downloads,
    /// refusals, exports).
    public static func record(
        _ database: SuijiDatabase, caller: Caller, action: String, entity: String, entityID: String, detail: some Encodable & Sendable
    ) async throws {
        try await database.write { db in
            try await append(db, caller: caller, action: action, entity: entity, entityID: entityID, detail: detail)
        }
    }
}

/// Changing the audit key: every checkpoint is signed again with the new key, after the log has
/// been checked with the old one (or, when the old key is lost, after the chain alone has been
/// checked — said so in the audit row).
extension AuditLog {
    /// Re-signs every checkpoint with `new` and moves the anchor; returns how many were re-signed.
    /// With `old`, the log must first check out against it; without, only the chain is checked.
    @discardableResult
    public static func rekey(_ database: SuijiDatabase, old: AuditSeal?, new: AuditSeal, now: Date) async throws -> Int {
        let report = try await check(database, seal: old)
        if case .broken(let seq, let reason) = report.verification {
            throw AuditSealError.unsignable("row \(seq): \(reason)")
        }
        let count = try await database.write { db in
            let checkpoints = try await db.raw("SELECT seq, head, at, key_id, mac FROM audit_checkpoints ORDER BY seq")
                .all(decoding: AuditCheckpoint.self, keyDecodingStrategy: .convertFromSnakeCase)
            for checkpoint in checkpoints {
                let again = AuditCheckpoint.signed(seq: checkpoint.seq, head: checkpoint.head, at: checkpoint.at, key: new.key)
                try await db.raw(
                    "UPDATE audit_checkpoints SET key_id = \(bind: again.keyID), mac = \(bind: again.mac) WHERE seq = \(bind: again.seq)"
                ).run()
            }
            try await append(
                db, caller: .system(at: now), action: "rekey", entity: "audit-key", entityID: new.key.id,
                detail: ["old": old?.key.id ?? "lost (chain checked only)", "checkpoints": String(checkpoints.count)])
            return checkpoints.count
        }
        let newest = try await database.read { db in
            try await db.raw("SELECT seq, head, at, key_id, mac FROM audit_checkpoints ORDER BY seq DESC LIMIT 1")
                .first(decoding: AuditCheckpoint.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        if let newest { try new.writeAnchor(newest) } else { try? FileManager.default.removeItem(atPath: new.anchorPath) }
        try await checkpoint(database, seal: new, now: now)
        return count
    }
}
