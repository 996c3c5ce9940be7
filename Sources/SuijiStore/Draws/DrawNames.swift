// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// The names behind the ids of a draw's files, for the pages: the drawn and replacement
/// targets (from the plan departments' libraries), the inspectors and experts of the teams and
/// the departments. The files themselves stay name-free (spec §2, §9.1).
public struct DrawNames: Sendable {
    /// A target as the libraries name it.
    public struct Target: Sendable {
        public var name: String
        public var kind: TargetKind?
        /// The operator of an individual business (its name is masked on public pages).
        public var operatorName: String

        /// The name the public sees: an individual business's operator masked.
        public var publicName: String {
            PersonalDataMask.targetName(name, kind: kind ?? .individualBusiness, operatorName: operatorName)
        }
    }

    /// An inspector (`I-<n>`) or expert (`E-<n>`) of the draw's inspector table.
    public struct Person: Sendable {
        public var name: String
        /// Department code; `EXPERT` for experts.
        public var department: String
    }

    public var targets: [String: Target] = [:]
    public var people: [String: Person] = [:]
    public var departments: [String: String] = [:]

    public init() {}

    /// The department's name, or its code when unknown (`EXPERT` reads 专家库).
    public func department(_ code: String) -> String {
        code == "EXPERT" ? "专家库" : (departments[code] ?? code)
    }
}

extension DrawStore {
    /// The names for the targets and people named in `files` (selection, replacements,
    /// assignment and inspector replacements) of draw `id`.
    public func names(_ id: String, files: [String: [UInt8]]) async throws -> DrawNames {
        try await database.read { db in
            let (row, _) = try await Self.load(id, on: db)
            return try await Self.names(files, plan: try await Self.plan(row.planId, on: db), on: db)
        }
    }

    /// `names` inside the caller's transaction, for a draw of `plan`.
    static func names(_ files: [String: [UInt8]], plan: Plan, on db: any SQLDatabase) async throws -> DrawNames {
        var uids: [String] = []
        for name in ["selection.txt", "replacements.txt"] {
            uids += try TargetSelection.parseList(files[name] ?? [], file: name).map(\.id)
        }
        var tokens = Set(try InspectorMatching.parse(files["assignment.txt"] ?? []).map(\.inspector))
        for line in try Self.replacementLines(DrawBundle(files: files)) { tokens.insert(line.inspector) }
        var names = DrawNames()
        names.departments = try await DepartmentStore.names(on: db)
        names.targets = try await Self.targetNames(uids, plan: plan, on: db)
        names.people = try await Self.people(tokens, on: db)
        return names
    }

    /// Each uid's record in the libraries: the initiator's, else the first plan department's.
    static func targetNames(_ uids: [String], plan: Plan, on db: any SQLDatabase) async throws -> [String: DrawNames.Target] {
        var best: [String: (rank: Int, target: DrawNames.Target)] = [:]
        for chunk in stride(from: 0, to: uids.count, by: 500).map({ Array(uids[$0..<min($0 + 500, uids.count)]) }) {
            var sql: SQLQueryString = "SELECT uid, department_code, name, kind, legal_representative FROM targets WHERE uid IN ("
            for (index, uid) in chunk.enumerated() { sql += index == 0 ? "\(bind: uid)" : ", \(bind: uid)" }
            for row in try await db.raw(sql + ")").all() {
                let uid = try row.decode(column: "uid", as: String.self)
                guard let rank = plan.departments.firstIndex(of: try row.decode(column: "department_code", as: String.self)),
                    rank < (best[uid]?.rank ?? Int.max)
                else { continue }
                best[uid] = (
                    rank,
                    DrawNames.Target(
                        name: try row.decode(column: "name", as: String.self),
                        kind: TargetKind(rawValue: try row.decode(column: "kind", as: String.self)),
                        operatorName: try row.decode(column: "legal_representative", as: String.self))
                )
            }
        }
        return best.mapValues(\.target)
    }

    /// Inspectors (`I-<n>`) and experts (`E-<n>`) by their draw-table ids.
    static func people(_ tokens: Set<String>, on db: any SQLDatabase) async throws -> [String: DrawNames.Person] {
        var people: [String: DrawNames.Person] = [:]
        for (prefix, table) in [("I-", "inspectors"), ("E-", "experts")] {
            let ids = tokens.filter { $0.hasPrefix(prefix) }.compactMap { Int64($0.dropFirst(2)) }.sorted()
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                var sql: SQLQueryString = "SELECT id, name, department_code FROM \(unsafeRaw: table) WHERE id IN ("
                for (index, id) in chunk.enumerated() { sql += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
                for row in try await db.raw(sql + ")").all() {
                    let id = try row.decode(column: "id", as: Int64.self)
                    people["\(prefix)\(id)"] = DrawNames.Person(
                        name: try row.decode(column: "name", as: String.self),
                        department: prefix == "E-" ? "EXPERT" : try row.decode(column: "department_code", as: String.self))
                }
            }
        }
        return people
    }
}

extension DrawStore {
    /// The library record of one target of draw `id`'s plan (the initiator's first).
    public func target(_ id: String, uid: String) async throws -> DrawNames.Target? {
        try await database.read { db in
            let (row, _) = try await Self.load(id, on: db)
            return try await Self.targetNames([uid], plan: try await Self.plan(row.planId, on: db), on: db)[uid]
        }
    }

    /// Why the once-a-year rule could exclude `uid` from draw `id`: the draws of the year
    /// prepared before it that drew the target (with their plans), its inspection not cancelled,
    /// and the date of the last random inspection in the libraries — in Chinese.
    public func earlierChecks(_ id: String, uid: String) async throws -> [String] {
        try await database.read { db in
            let (row, _) = try await Self.load(id, on: db)
            let plan = try await Self.plan(row.planId, on: db)
            var checks: [String] = []
            let draws = try await db.raw(
                """
                SELECT s.draw_id, p.name FROM draw_selections s JOIN draws d ON d.id = s.draw_id JOIN plans p ON p.id = d.plan_id
                  LEFT JOIN inspections i ON i.draw_id = s.draw_id AND i.target_uid = s.target_uid
                WHERE s.target_uid = \(bind: uid) AND s.year = \(bind: plan.year) AND d.prepared_at <= \(bind: row.preparedAt)
                  AND s.draw_id <> \(bind: id) AND (i.state IS NULL OR i.state <> 'cancelled')
                ORDER BY d.executed_at
                """
            ).all()
            for draw in draws {
                checks.append(
                    "抽取 \(try draw.decode(column: "draw_id", as: String.self))（\(try draw.decode(column: "name", as: String.self))）")
            }
            var sql: SQLQueryString = "SELECT last_random_inspection FROM targets WHERE uid = \(bind: uid) AND department_code IN ("
            for (index, department) in plan.departments.enumerated() { sql += index == 0 ? "\(bind: department)" : ", \(bind: department)" }
            for library in try await db.raw(sql + ")").all() {
                if let date = try library.decode(column: "last_random_inspection", as: String?.self), date.hasPrefix("\(plan.year)-") {
                    checks.append("检查对象库登记的最近随机抽查日期 \(date)")
                }
            }
            return checks
        }
    }
}
