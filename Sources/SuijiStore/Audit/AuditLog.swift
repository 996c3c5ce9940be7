// SPDX-License-Identifier: Apache-2.0

import SuijiDraw
import Foundation
import SQLKit
import SuijiCore

/// The append-only audit log: every write records who, when, what and a digest of the change;
/// each row carries the hash of the row before it, so an edited or removed row breaks the chain.
public enum AuditLog {
    /// The `prev_hash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// Appends one row inside the caller's write transaction.
    public static func append(
        _ db: any SQLDatabase, caller: Caller, action: String, entity: String, entityID: String,
        detail: some Encodable
    ) async throws {
        let detailText = try canonicalJSON(detail)
        let last = try await db.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()
        let seq = try (last?.decode(column: "seq", as: Int64.self) ?? 0) + 1
        let prev = try last?.decode(column: "hash", as: String.self) ?? genesis
        let row = AuditEntry(
            seq: seq, at: Timestamp.format(caller.at), actor: caller.account.username, action: action, entity: entity,
            entityID: entityID, detail: detailText, digest: sha256Hex(detailText), prevHash: prev, hash: "")
        let hash = row.computedHash
        try await db.raw(
            """
            INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, digest, prev_hash, hash)
            VALUES (\(bind: row.seq), \(bind: row.at), \(bind: row.actor), \(bind: row.action), \(bind: row.entity),
            \(bind: row.entityID), \(bind: row.detail), \(bind: row.digest), \(bind: row.prevHash), \(bind: hash))
            """
        ).run()
    }

    /// Appends one row on a raw SQLite connection, inside its transaction (bulk paths).
    static func append(
        raw: SQLiteRaw, caller: Caller, action: String, entity: String, entityID: String, detail: some Encodable
    ) throws {
        let last = try raw.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        var seq: Int64 = 1
        var prev = genesis
        if try last.step() {
            seq = last.int64(0) + 1
            prev = last.text(1) ?? genesis
        }
        let detailText = try canonicalJSON(detail)
        var row = AuditEntry(
            seq: seq, at: Timestamp.format(caller.at), actor: caller.account.username, action: action, entity: entity,
            entityID: entityID, detail: detailText, digest: sha256Hex(detailText), prevHash: prev, hash: "")
        row.hash = row.computedHash
        let insert = try raw.prepare(
            "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, digest, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        )
        insert.bind(1, row.seq)
        for (index, value) in [row.at, row.actor, row.action, row.entity, row.entityID, row.detail, row.digest, row.prevHash, row.hash]
            .enumerated()
        {
            insert.bind(Int32(index + 2), value)
        }
        try insert.run()
    }

    /// Walks the whole chain and reports the first row that was altered or removed.
    public static func verify(_ database: SuijiDatabase) async throws -> AuditVerification {
        try await walk(database, collecting: []).0
    }

    /// Walks the chain; also returns the hashes of the rows numbered in `collecting`.
    static func walk(_ database: SuijiDatabase, collecting: Set<Int64>) async throws -> (AuditVerification, [Int64: String]) {
        try await database.read { db in
            var expectedSeq: Int64 = 1
            var prev = genesis
            var count = 0
            var hashes: [Int64: String] = [:]
            let rows = try await db.raw(
                "SELECT seq, at, actor, action, entity, entity_id, detail, digest, prev_hash, hash FROM audit_log ORDER BY seq"
            ).all(decoding: AuditEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
            for row in rows {
                if row.seq != expectedSeq {
                    return (.broken(seq: expectedSeq, reason: "第 \(expectedSeq) 条记录缺失（下一条为第 \(row.seq) 条）"), hashes)
                }
                if row.digest != sha256Hex(row.detail) {
                    return (.broken(seq: row.seq, reason: "第 \(row.seq) 条记录的变更内容与摘要不符（内容被改动）"), hashes)
                }
                if row.prevHash != prev {
                    return (.broken(seq: row.seq, reason: "第 \(row.seq) 条记录的前序哈希与上一条不符"), hashes)
                }
                if row.hash != row.computedHash {
                    return (.broken(seq: row.seq, reason: "第 \(row.seq) 条记录的哈希不符（记录被改动）"), hashes)
                }
                if collecting.contains(row.seq) { hashes[row.seq] = row.hash }
                prev = row.hash
                expectedSeq += 1
                count += 1
            }
            return (.intact(count: count, head: prev), hashes)
        }
    }

    /// Rows of the log, newest first, for the audit page.
    public static func recent(_ database: SuijiDatabase, limit: Int, offset: Int = 0) async throws -> [AuditEntry] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT seq, at, actor, action, entity, entity_id, detail, digest, prev_hash, hash FROM audit_log
                ORDER BY seq DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all(decoding: AuditEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    static func canonicalJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func sha256Hex(_ text: String) -> String {
        Bytes.sha256Hex(Array(text.utf8))
    }
}

/// One row of the audit log.
public struct AuditEntry: Sendable, Codable, Equatable {
    public var seq: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var detail: String
    public var digest: String
    public var prevHash: String
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, at, actor, action, entity, detail, digest, hash
        case entityID = "entityId"
        case prevHash
    }

    /// SHA-256 over the row's fields and the previous hash, one per line.
    var computedHash: String {
        AuditLog.sha256Hex([String(seq), at, actor, action, entity, entityID, digest, prevHash].joined(separator: "\n"))
    }
}

/// The outcome of `AuditLog.verify`.
public enum AuditVerification: Sendable, Equatable {
    /// Every row checks out; `head` is the hash of the last row (publish it to anchor the chain).
    case intact(count: Int, head: String)
    /// The first row found altered or missing.
    case broken(seq: Int64, reason: String)
}
