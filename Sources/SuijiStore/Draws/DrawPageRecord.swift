// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// Everything a draw's page shows (the staff ceremony page, the public page and its API), read
/// by one store call in one read transaction: the draw, its plan and batch, its published files
/// by name, size and digest, the content of the small ones, the excluded targets by reason, the
/// names behind the files' ids and the draw's entries of the public log.
///
/// The pool and the excluded list — nearly all of a draw's bytes — are never read: their sizes
/// are summed and the excluded reasons counted in the database, and every digest comes from what
/// the draw stored (`manifest.txt`, `record.txt`, `commitment.txt`, `parameters.txt`, the public
/// log), not from hashing the files again on each view.
public struct DrawPageRecord: Sendable {
    /// A published file without its content.
    public struct File: Sendable, Equatable {
        public var name: String
        /// Size in bytes.
        public var size: Int
        /// Lowercase hex SHA-256 of the file's bytes.
        public var sha256: String
    }

    public var plan: Plan
    public var batch: Batch
    public var draw: DrawSummary
    /// The files published so far, by name.
    public var files: [File]
    /// The content of every published file but the pool and the excluded list.
    public var contents: [String: [UInt8]]
    /// The excluded targets by reason (empty until the files are published).
    public var exclusions: [ExclusionReason: Int]
    public var names: DrawNames
    /// Display names of the accounts that prepared the draw and approved its redraw.
    public var people: [String: String]
    /// This draw's entries of the public log, and the log's newest entry.
    public var log: [PublicLogEntry]
    public var logHead: PublicLogEntry?

    /// The digest of the published file `name`, nil when it is not published.
    public func digest(_ name: String) -> String? { files.first { $0.name == name }?.sha256 }

    /// The published files the page parses rather than lists: never the pool or excluded list.
    static let large: Set<String> = ["pool.txt", "excluded.txt"]
}

extension DrawStore {
    /// The ceremony page's record of draw `id`, for `account` (who may read its plan).
    public func page(_ id: String, for account: Account) async throws -> DrawPageRecord {
        let flavour = database.flavour
        return try await database.readTransaction { db in
            let (row, departments) = try await Self.load(id, on: db)
            guard let plan = try await PlanStore.load(id: row.planId, on: db), PlanPolicy.canRead(account, plan) else {
                throw PlanError.notFound("未找到计划（\(row.planId)），或无权查看")
            }
            guard let batch = try await PlanStore.loadBatch(id: row.batchId, on: db) else {
                throw PlanError.notFound("未找到批次（\(row.batchId)）")
            }
            return try await Self.pageRecord(row.summary(departments), plan: plan, batch: batch, flavour: flavour, on: db)
        }
    }

    /// Reads the rest of a draw page's record inside the caller's read transaction.
    static func pageRecord(_ draw: DrawSummary, plan: Plan, batch: Batch, flavour: SQLFlavour, on db: any SQLDatabase) async throws
        -> DrawPageRecord
    {
        var record = DrawPageRecord(
            plan: plan, batch: batch, draw: draw, files: [], contents: [:], exclusions: [:], names: DrawNames(), people: [:], log: [],
            logHead: try await PublicLogStore.last(on: db))
        record.log = try await PublicLogStore.entries("WHERE draw_id = \(bind: draw.id)", on: db)
        record.people = try await Self.accountNames([draw.preparedBy, draw.redrawApprover], on: db)
        if draw.state.publishesFiles {
            let visible = draw.state.publishesAllFiles ? nil : Self.committedFiles
            let sizes = try await Self.fileSizes(draw.id, flavour: flavour, on: db).filter { visible?.contains($0.key) ?? true }
            let small = sizes.keys.filter { !DrawPageRecord.large.contains($0) }.sorted()
            record.contents = small.isEmpty ? [:] : try await Self.files(draw.id, only: small, on: db)
            if sizes["excluded.txt"] != nil { record.exclusions = try await Self.exclusionCounts(draw.id, on: db) }
            var digests = StoredDigests(contents: record.contents, log: record.log)
            var files: [DrawPageRecord.File] = []
            for (name, size) in sizes.sorted(by: { $0.key < $1.key }) {
                var sha256 = digests.digest(name)
                if sha256 == nil { sha256 = try await Self.digest(draw.id, name: name, on: db) }
                files.append(.init(name: name, size: size, sha256: sha256 ?? ""))
            }
            record.files = files
        }
        record.names = try await Self.names(record.contents, plan: plan, on: db)
        return record
    }

    /// The size in bytes of each file of draw `id`, summed over its chunks in the database.
    static func fileSizes(_ id: String, flavour: SQLFlavour, on db: any SQLDatabase) async throws -> [String: Int] {
        let length: SQLQueryString =
            switch flavour {
            case .sqlite: "LENGTH(CAST(content AS BLOB))"
            case .postgres: "OCTET_LENGTH(content)"
            }
        var sizes: [String: Int] = [:]
        for row in try await db.raw(
            "SELECT name, CAST(SUM(" + length + ") AS BIGINT) AS size FROM draw_file_chunks WHERE draw_id = \(bind: id) GROUP BY name"
        ).all() {
            sizes[try row.decode(column: "name", as: String.self)] = try row.decode(column: "size", as: Int.self)
        }
        return sizes
    }

    /// The lines of `excluded.txt` by reason, counted in the database: each line ends in
    /// `TAB reason LF` (spec §3), so a reason's count is how often that text occurs.
    static func exclusionCounts(_ id: String, on db: any SQLDatabase) async throws -> [ExclusionReason: Int] {
        var columns: SQLQueryString = ""
        for (index, reason) in ExclusionReason.allCases.enumerated() {
            let text = "\t\(reason.rawValue)\n"
            columns += index == 0 ? "" : ", "
            columns +=
                "CAST(SUM((LENGTH(content) - LENGTH(REPLACE(content, \(bind: text), ''))) / \(bind: text.count)) AS BIGINT) AS n\(unsafeRaw: String(index))"
        }
        guard
            let row = try await db.raw(
                "SELECT " + columns + " FROM draw_file_chunks WHERE draw_id = \(bind: id) AND name = 'excluded.txt'"
            ).first()
        else { return [:] }
        var counts: [ExclusionReason: Int] = [:]
        for (index, reason) in ExclusionReason.allCases.enumerated() {
            let count = try row.decode(column: "n\(index)", as: Int?.self) ?? 0
            if count > 0 { counts[reason] = count }
        }
        return counts
    }

    /// Display names of the accounts `usernames`.
    static func accountNames(_ usernames: [String], on db: any SQLDatabase) async throws -> [String: String] {
        let wanted = Array(Set(usernames.filter { !$0.isEmpty })).sorted()
        guard !wanted.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for row in try await db.raw("SELECT username, display_name FROM accounts WHERE username IN (\(binds: wanted))").all() {
            names[try row.decode(column: "username", as: String.self)] = try row.decode(column: "display_name", as: String.self)
        }
        return names
    }
}

/// The digests a draw already stored, by file name: `manifest.txt` lists every file of an
/// executed bundle (spec §10), `record.txt`, `commitment.txt` and `parameters.txt` name the
/// digests of the files before them (§4, §6, §10), and the public log those of the commitment,
/// reveal, record, timeline and inspector replacements (§14.1). What none of them covers (the
/// manifest itself) is a small file whose content was read: hashed here.
struct StoredDigests {
    private var known: [String: String] = [:]
    private let contents: [String: [UInt8]]

    init(contents: [String: [UInt8]], log: [PublicLogEntry]) {
        self.contents = contents
        // Later sources fill only what earlier ones left: the manifest is the bundle as it stands.
        for line in Self.lines(contents["manifest.txt"]) where line.count == 3 { add(line[0], line[2]) }
        for file in ["record.txt", "commitment.txt", "parameters.txt"] {
            for line in Self.lines(contents[file]) where line.count == 2 && line[0].hasSuffix("-digest") {
                add(String(line[0].dropLast("-digest".count)) + ".txt", line[1])
            }
        }
        let logged: [PublicLogEntry.Kind: String] = [
            .commitment: "commitment.txt", .reveal: "reveal.txt", .record: "record.txt", .timeline: "timeline.txt",
            .replacement: "inspector-replacements.txt",
        ]
        // The newest entry of a kind is the file as it stands (replacements append).
        for entry in log.reversed() { if let name = logged[entry.kind] { add(name, entry.digest) } }
    }

    private mutating func add(_ name: String, _ digest: String) {
        if known[name] == nil, digest.utf8.count == 64 { known[name] = digest }
    }

    /// The stored digest of `name`, else the hash of its content when read; nil otherwise.
    mutating func digest(_ name: String) -> String? {
        if let digest = known[name] { return digest }
        guard let bytes = contents[name] else { return nil }
        let digest = Bytes.sha256Hex(bytes)
        known[name] = digest
        return digest
    }

    static func lines(_ bytes: [UInt8]?) -> [[String]] {
        guard let bytes else { return [] }
        return bytes.split(separator: 0x0A).map {
            $0.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
