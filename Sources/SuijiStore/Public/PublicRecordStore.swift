// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// A target as the public portal shows it: its personal data masked (`PersonalDataMask`).
public struct PublicTarget: Sendable, Codable, Equatable {
    public var uid: String
    public var name: String
    public var kind: TargetKind
    public var street: String
    public var industry: String
    /// Published results under this target.
    public var publishedResults: Int
}

/// One published inspection result (§19: "抽查结果… 向社会公示").
public struct PublishedResult: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var department: String
        public var item: String
        public var result: String
        public var nonCooperation: [String]
        public var settledOnline: Bool
    }

    public var inspectionID: Int64
    public var planID: Int64
    public var planName: String
    public var drawID: String
    public var initiator: String
    public var departments: [String]
    public var windowStart: CalendarDate
    public var windowEnd: CalendarDate
    public var publishedOn: CalendarDate?
    /// Completed after the result deadline (未按期完成).
    public var late: Bool
    public var entries: [Entry]
}

/// A target's public record: its published results and the executed draws that selected it.
public struct PublicTargetRecord: Sendable, Codable, Equatable {
    public struct Selection: Sendable, Codable, Equatable {
        public var drawID: String
        public var planName: String
        public var year: Int
    }

    public var target: PublicTarget
    public var results: [PublishedResult]
    public var selections: [Selection]
}

/// Read-only queries of the public portal: nothing here needs an account, and nothing returned
/// carries unmasked personal data.
public struct PublicRecordStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// One page of a search and how many targets matched.
    public struct SearchPage: Sendable, Equatable {
        public var targets: [PublicTarget]
        /// Targets matched, counted among the first `candidates` library rows.
        public var total: Int
        public var page: Int
        public var perPage: Int
        /// More library rows matched than were grouped: the search should be narrowed.
        public var truncated: Bool

        public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    }

    /// Targets whose credit code (or stable id) is `query` — when it looks like one; a shorter code
    /// matches as a prefix — or else whose name contains `query`, those with published results
    /// first; at most `limit`.
    public func search(_ query: String, limit: Int = 50) async throws -> [PublicTarget] {
        try await search(query, page: 1, perPage: max(1, min(limit, 500))).targets
    }

    /// The largest page of a search.
    public static let maxPerPage = 100

    /// Page `page` of the search (`perPage` targets each, 1…100), with the count of all matches.
    public func search(_ query: String, page: Int, perPage: Int) async throws -> SearchPage {
        let perPage = min(max(1, perPage), Self.maxPerPage)
        let page = Paging(page: page, perPage: perPage).page
        let text = query.trimmed
        guard !text.isEmpty else { return SearchPage(targets: [], total: 0, page: 1, perPage: perPage, truncated: false) }
        let pattern = ListingFilter.containsPattern(text)
        let code = text.uppercased()
        // A code is looked up through its index; a name needs a scan.
        let condition: SQLQueryString
        if StableID.isValid(code) && code.count >= 15 {
            condition = "t.uid = \(bind: code)"
        } else if StableID.isValid(code) {
            condition = "(t.uid LIKE \(bind: code + "%") OR t.name LIKE \(bind: pattern))"
        } else {
            condition = "t.name LIKE \(bind: pattern)"
        }
        return try await database.read { db in
            let counted = try await db.raw(
                """
                SELECT COUNT(DISTINCT t.uid) AS targets, COUNT(*) AS candidates
                FROM (SELECT uid FROM targets t WHERE \(condition) LIMIT \(bind: Self.candidates)) t
                """
            ).first()
            let total = try counted?.decode(column: "targets", as: Int.self) ?? 0
            let candidates = try counted?.decode(column: "candidates", as: Int.self) ?? 0
            let rows = try await db.raw(
                """
                SELECT t.uid, MIN(t.name) AS name, MIN(t.kind) AS kind, MIN(t.street) AS street, MIN(t.industry) AS industry,
                  MIN(t.legal_representative) AS legal_representative,
                  (SELECT COUNT(*) FROM inspections i WHERE i.target_uid = t.uid AND i.state = 'published') AS published
                FROM (SELECT uid, name, kind, street, industry, legal_representative FROM targets t WHERE \(condition)
                  LIMIT \(bind: Self.candidates)) t
                GROUP BY t.uid ORDER BY published DESC, t.uid LIMIT \(bind: perPage) OFFSET \(bind: (page - 1) * perPage)
                """
            ).all(decoding: TargetSearchRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return SearchPage(
                targets: rows.map(\.target), total: total, page: page, perPage: perPage, truncated: candidates >= Self.candidates)
        }
    }

    /// The public record of the target with `uid`, or nil when no library holds it.
    ///
    /// A page citizens load at will: the names of plans and items come from the cache, and on a
    /// SQLite file the record is read with prepared statements kept between requests.
    public func record(uid: String) async throws -> PublicTargetRecord? {
        let code = uid.trimmed.uppercased()
        let names = try await database.cached("public-record-names") { db in
            RecordNames(plans: try await Self.planNames(on: db), items: try await CheckItemStore.currentNames(on: db))
        }
        let (plans, items) = (names.plans, names.items)
        let calendar = database.calendar
        let found: Found
        if let raw = try await database.readRaw({ raw in try Self.found(code, calendar: calendar, raw: raw) }) {
            found = raw
        } else {
            found = try await database.read { db in try await Self.found(code, calendar: calendar, on: db) }
        }
        guard let row = found.target else { return nil }
        return PublicTargetRecord(
            target: row.target, results: found.inspections.map { Self.result($0, planName: plans[$0.planID] ?? "", items: items) },
            selections: found.selections.map { .init(drawID: $0.drawId, planName: plans[$0.planId] ?? "", year: $0.year) })
    }

    /// The names `record` shows for codes, kept until the data changes (one stamp per page).
    struct RecordNames: Sendable {
        var plans: [Int64: String]
        var items: [PlanItem: String]
    }

    /// What `record` reads about one target.
    struct Found: Sendable {
        var target: TargetSearchRow?
        var inspections: [Inspection] = []
        var selections: [SelectionRow] = []
    }

    static let recordTarget = """
        SELECT t.uid, MIN(t.name) AS name, MIN(t.kind) AS kind, MIN(t.street) AS street, MIN(t.industry) AS industry,
          MIN(t.legal_representative) AS legal_representative,
          (SELECT COUNT(*) FROM inspections i WHERE i.target_uid = t.uid AND i.state = 'published') AS published
        FROM targets t WHERE t.uid = ?1 GROUP BY t.uid
        """
    static let recordInspections = """
        SELECT \(InspectionRow.columns) FROM inspections
        WHERE target_uid = ?1 AND state = 'published' ORDER BY published_at DESC, id DESC
        """
    static let recordSelections = """
        SELECT s.draw_id, s.year, d.plan_id FROM draw_selections s JOIN draws d ON d.id = s.draw_id
        WHERE s.target_uid = ?1 AND d.state = '\(DrawState.executed.rawValue)' ORDER BY s.year DESC, s.draw_id
        """

    /// Through SQLKit (PostgreSQL, SQLite in memory).
    static func found(_ code: String, calendar: WorkCalendar, on db: any SQLDatabase) async throws -> Found {
        func query(_ sql: String) -> SQLQueryString {
            var query = SQLQueryString("")
            let parts = sql.components(separatedBy: "?1")
            for (index, part) in parts.enumerated() {
                if index > 0 { query += "\(bind: code)" }
                query += SQLQueryString(part)
            }
            return query
        }
        guard
            let row = try await db.raw(query(recordTarget)).first(
                decoding: TargetSearchRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return Found() }
        var found = Found(target: row)
        if row.published > 0 {
            found.inspections = try await InspectionStore.assemble(
                try await db.raw(query(recordInspections)).all(decoding: InspectionRow.self, keyDecodingStrategy: .convertFromSnakeCase),
                calendar: calendar, on: db)
        }
        found.selections = try await db.raw(query(recordSelections)).all(
            decoding: SelectionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return found
    }

    /// Straight from a SQLite file with cached statements (the findings of each published
    /// inspection; the team is not public).
    static func found(_ code: String, calendar: WorkCalendar, raw: SQLiteRaw) throws -> Found {
        guard let row = try raw.first(recordTarget, [.text(code)], as: TargetSearchRow.self) else { return Found() }
        var found = Found(target: row)
        if row.published > 0 {
            found.inspections = try raw.all(recordInspections, [.text(code)], as: InspectionRow.self).map { row in
                var inspection = try row.inspection(team: [], findings: [], calendar: calendar)
                let entered = try raw.all(
                    "SELECT \(FindingRow.columns) FROM inspection_findings WHERE inspection_id = ?1", [.int(row.id)], as: FindingRow.self
                ).map { try $0.finding() }
                inspection.findings = inspection.items.compactMap { item in entered.first { $0.item == item } }
                return inspection
            }
        }
        found.selections = try raw.all(recordSelections, [.text(code)], as: SelectionRow.self)
        return found
    }

    /// At most this many library rows are grouped for one search (a name fragment as short as
    /// "瓷" matches a large part of a district).
    static let candidates = 5_000

    static func result(_ inspection: Inspection, planName: String, items: [PlanItem: String]) -> PublishedResult {
        PublishedResult(
            inspectionID: inspection.id, planID: inspection.planID, planName: planName, drawID: inspection.drawID,
            initiator: inspection.initiator, departments: inspection.departments, windowStart: inspection.windowStart,
            windowEnd: inspection.windowEnd, publishedOn: inspection.publishedAt.map { CalendarDate(chinaDateOf: $0) },
            late: inspection.late,
            entries: inspection.findings.map {
                .init(
                    department: $0.item.department, item: items[$0.item] ?? $0.item.code, result: $0.category.label,
                    nonCooperation: $0.nonCooperation.map(\.label),
                    settledOnline: $0.settledOnline)
            })
    }

    static func planNames(on db: any SQLDatabase) async throws -> [Int64: String] {
        let rows = try await db.raw("SELECT id, name FROM plans").all()
        var names: [Int64: String] = [:]
        for row in rows { names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self) }
        return names
    }
}

struct TargetSearchRow: Codable, Sendable {
    var uid: String
    var name: String
    var kind: String
    var street: String
    var industry: String
    var legalRepresentative: String
    var published: Int

    var target: PublicTarget {
        let kind = TargetKind(rawValue: self.kind) ?? .company
        return PublicTarget(
            uid: uid, name: PersonalDataMask.targetName(name, kind: kind, operatorName: legalRepresentative), kind: kind, street: street,
            industry: industry, publishedResults: published)
    }
}

struct SelectionRow: Codable, Sendable {
    var drawId: String
    var year: Int
    var planId: Int64
}
