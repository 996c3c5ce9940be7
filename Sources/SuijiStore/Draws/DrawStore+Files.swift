// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// A draw's files in the database: each file in chunks of about `chunkSize` bytes that end at a
/// line, with the chunk's first line, so that one line of a sorted file is found by reading the
/// chunks' first lines and one chunk (`findLine`), and a whole file by reading its chunks in order.
extension DrawStore {
    static let chunkSize = 128 << 10

    static func files(_ id: String, only name: String? = nil, on db: any SQLDatabase) async throws -> [String: [UInt8]] {
        try await files(id, only: name.map { [$0] }, on: db)
    }

    /// The files `names` of draw `id` (all of them when nil): a draw's small files without its
    /// pool and excluded list, which are the bulk of it.
    static func files(_ id: String, only names: [String]?, on db: any SQLDatabase) async throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var sql: SQLQueryString = "SELECT name, content FROM draw_file_chunks WHERE draw_id = \(bind: id)"
        if let names {
            sql += " AND name IN ("
            for (index, name) in names.enumerated() { sql += index == 0 ? "\(bind: name)" : ", \(bind: name)" }
            sql += ")"
        }
        for row in try await db.raw(sql + " ORDER BY name, seq").all() {
            files[try row.decode(column: "name", as: String.self), default: []] += Array(
                try row.decode(column: "content", as: String.self).utf8)
        }
        return files
    }

    /// The columns of `draws` keeping the digests of the files read again after preparation.
    static let digestColumns = ["excluded.txt": "excluded_digest", "parameters.txt": "parameters_digest", "pool.txt": "pool_digest"]

    /// The lowercase hex SHA-256 of file `name` of draw `id`: the one kept on the draw row when
    /// stored, else (a draw stored before the row kept it) hashed chunk by chunk as read.
    static func digest(_ id: String, name: String, on db: any SQLDatabase) async throws -> String {
        if let kept = try await keptDigests(id, on: db)[name] { return kept }
        var hash = SHA256()
        for row in try await db.raw(
            "SELECT content FROM draw_file_chunks WHERE draw_id = \(bind: id) AND name = \(bind: name) ORDER BY seq"
        ).all() {
            var content = try row.decode(column: "content", as: String.self)
            content.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return Bytes.hex(Array(hash.finalize()))
    }

    /// The digests kept on the row of draw `id`, by file name (none for a draw stored before).
    static func keptDigests(_ id: String, on db: any SQLDatabase) async throws -> [String: String] {
        guard
            let row = try await db.raw("SELECT pool_digest, excluded_digest, parameters_digest FROM draws WHERE id = \(bind: id)").first()
        else { return [:] }
        var digests: [String: String] = [:]
        for (name, column) in digestColumns {
            if let digest = try row.decode(column: column, as: String?.self) { digests[name] = digest }
        }
        return digests
    }

    /// Stores `files` of draw `id` (replacing files of the same names); the digests of the files
    /// of `digestColumns` go on the draw row, taken from `digests` when known (the pool's).
    static func store(_ files: [String: [UInt8]], digests: [String: String] = [:], id: String, on db: any SQLDatabase) async throws {
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            if let column = digestColumns[name] {
                try await db.raw(
                    "UPDATE draws SET \(unsafeRaw: column) = \(bind: digests[name] ?? Bytes.sha256Hex(bytes)) WHERE id = \(bind: id)"
                ).run()
            }
            try await db.raw("DELETE FROM draw_file_chunks WHERE draw_id = \(bind: id) AND name = \(bind: name)").run()
            for (seq, range) in chunks(bytes).enumerated() {
                let chunk = bytes[range]
                let first = String(decoding: chunk.prefix { $0 != 0x0A }, as: UTF8.self)
                try await db.raw(
                    """
                    INSERT INTO draw_file_chunks (draw_id, name, seq, first_line, content)
                    VALUES (\(bind: id), \(bind: name), \(bind: seq), \(bind: first), \(bind: String(decoding: chunk, as: UTF8.self)))
                    """
                ).run()
            }
        }
    }

    /// The byte ranges of the chunks of `bytes`: each ends after a LF (or at the end); an empty
    /// file is one empty chunk.
    static func chunks(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        repeat {
            var end = min(start + chunkSize, bytes.count)
            if end < bytes.count {
                end = (bytes[(end - 1)...].firstIndex(of: 0x0A) ?? (bytes.count - 1)) + 1
            }
            ranges.append(start..<end)
            start = end
        } while start < bytes.count
        return ranges
    }

    /// The line of the sorted file `name` of draw `id` for which `compare` returns 0: the last
    /// chunk whose first line sorts at or before the one sought, then a binary search in it.
    static func findLine(_ id: String, name: String, _ compare: ([UInt8]) -> Int, on db: any SQLDatabase) async throws -> [UInt8]? {
        let starts = try await db.raw(
            "SELECT seq, first_line FROM draw_file_chunks WHERE draw_id = \(bind: id) AND name = \(bind: name) ORDER BY seq"
        ).all().map { (try $0.decode(column: "seq", as: Int.self), Array(try $0.decode(column: "first_line", as: String.self).utf8)) }
        guard let chosen = starts.dropFirst().last(where: { compare($0.1) <= 0 })?.0 ?? starts.first?.0 else { return nil }
        guard
            let row = try await db.raw(
                "SELECT content FROM draw_file_chunks WHERE draw_id = \(bind: id) AND name = \(bind: name) AND seq = \(bind: chosen)"
            ).first()
        else { return nil }
        let content = Array(try row.decode(column: "content", as: String.self).utf8)
        return content.withUnsafeBytes { LineSearch.find(in: $0, compare) }
    }

    /// Why `target` was or was not drawn in the executed draw `id` (the public "查询" box): a
    /// key, two or three binary searches and the cutoff — not the whole bundle.
    public func explain(_ id: String, target: String) async throws -> TargetExplanation {
        try await database.read { db in
            let (row, _) = try await Self.load(id, on: db)
            try row.state.require(.explain, draw: id)
            let record = try await Self.files(id, only: "record.txt", on: db)["record.txt"] ?? []
            let reveal = try await Self.files(id, only: "reveal.txt", on: db)["reveal.txt"] ?? []
            var lookup = try TargetLookup(id: target, record: record, reveal: reveal)
            let excluded = try await Self.findLine(id, name: "excluded.txt", lookup.byID, on: db)
            let pool = excluded == nil ? try await Self.findLine(id, name: "pool.txt", lookup.byID, on: db) : nil
            switch try lookup.step(excluded: excluded, pool: pool) {
            case .done(let explanation): return explanation
            case .rank(let file, let compare): return try lookup.finish(try await Self.findLine(id, name: file, compare, on: db))
            }
        }
    }
}
