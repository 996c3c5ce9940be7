// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The office's consolidation of a year's joint plans (§12): who has submitted by 31 May,
/// reminders, and the district annual plan published in versions.
public struct AnnualPlanStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Throws unless `account` is the office (or, when `readOnly`, the overseer too).
    static func requireOffice(_ account: Account, readOnly: Bool = false) throws(PlanError) {
        guard account.active, account.role == .office || (readOnly && account.role == .overseer) else {
            throw .forbidden("只有联席会议办公室可以汇总年度计划")
        }
    }

    /// Each department's submission state for `year`.
    public func submissions(year: Int, for account: Account) async throws -> [SubmissionStatus] {
        try Self.requireOffice(account, readOnly: true)
        let (departments, plans) = try await database.read { db in
            (try await DepartmentStore.all(on: db), try await Self.plans(year: year, on: db))
        }
        return SubmissionStatus.table(departments: departments, plans: plans, year: year)
    }

    /// Sends a reminder to `department` (the office only); the default text names the deadline.
    public func remind(department: String, year: Int, message: String?, caller: Caller) async throws -> Reminder {
        try Self.requireOffice(caller.account)
        let text =
            (message?.trimmed).flatMap { $0.isEmpty ? nil : $0 }
            ?? Reminder.defaultMessage(year: year, today: CalendarDate(chinaDateOf: caller.at))
        guard text.count <= 500 else { throw PlanError.invalid([FieldIssue(field: "message", message: "提醒内容不能超过 500 字")]) }
        var reminder = Reminder(
            year: year, department: department, message: text, sentBy: caller.account.displayName, sentAt: Timestamp.format(caller.at))
        reminder.id = try await database.write { [reminder] db in
            guard try await db.raw("SELECT code FROM departments WHERE code = \(bind: department)").first() != nil else {
                throw PlanError.invalid([FieldIssue(field: "department", message: "部门 \(department) 不存在")])
            }
            let row = try await db.raw(
                """
                INSERT INTO reminders (year, department, message, sent_by, sent_at)
                VALUES (\(bind: year), \(bind: department), \(bind: text), \(bind: reminder.sentBy), \(bind: reminder.sentAt)) RETURNING id
                """
            ).first()
            try await AuditLog.append(db, caller: caller, action: "remind", entity: "department", entityID: department, detail: reminder)
            return try row!.decode(column: "id", as: Int64.self)
        }
        return reminder
    }

    /// The latest reminders `account` should see: its department's (all for the office and overseer).
    public func reminders(for account: Account, limit: Int = 10) async throws -> [Reminder] {
        let department: String?
        switch account.role {
        case .office, .overseer: department = nil
        case .departmentAdmin, .inspector:
            guard let code = account.departmentCode else { return [] }
            department = code
        }
        return try await database.read { db in
            var sql: SQLQueryString = "SELECT id, year, department, message, sent_by, sent_at FROM reminders"
            if let department { sql += " WHERE department = \(bind: department)" }
            sql += " ORDER BY id DESC LIMIT \(unsafeRaw: String(max(1, min(limit, 100))))"
            return try await db.raw(sql).all(decoding: Reminder.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// The annual plan as it would be published now: every approved plan of the year.
    public func draft(year: Int) async throws -> [AnnualPlanEntry] {
        try await database.read { db in try await Self.entries(plans: try await Self.plans(year: year, on: db), on: db) }
    }

    /// Every published version of `year`, oldest first.
    public func versions(year: Int) async throws -> [AnnualPlanVersion] {
        try await database.read { db in
            try await db.raw(
                "SELECT year, version, note, entries, published_by, published_at FROM annual_plan_versions WHERE year = \(bind: year) ORDER BY version"
            ).all().map(Self.version)
        }
    }

    /// Years with at least one published version, newest first.
    public func publishedYears() async throws -> [Int] {
        try await database.read { db in
            try await db.raw("SELECT DISTINCT year FROM annual_plan_versions ORDER BY year DESC").all().map {
                try $0.decode(column: "year", as: Int.self)
            }
        }
    }

    /// Approves and publishes the next version of `year`'s annual plan (the office only): every
    /// submitted plan must be decided first; a later version needs a note and a change. The
    /// included plans are marked published.
    public func publish(year: Int, note: String, caller: Caller) async throws -> AnnualPlanVersion {
        try Self.requireOffice(caller.account)
        return try await database.write { db in
            let plans = try await Self.plans(year: year, on: db)
            let entries = try await Self.entries(plans: plans, on: db)
            let previous = try await db.raw(
                """
                SELECT year, version, note, entries, published_by, published_at FROM annual_plan_versions
                WHERE year = \(bind: year) ORDER BY version DESC LIMIT 1
                """
            ).first().map(Self.version)
            let issues = AnnualPlanRule.publishIssues(plans: plans, entries: entries, previous: previous, note: note)
            guard issues.isEmpty else { throw PlanError.invalid(issues) }
            let version = AnnualPlanVersion(
                year: year, version: (previous?.version ?? 0) + 1, note: note.trimmed, publishedBy: caller.account.displayName,
                publishedAt: Timestamp.format(caller.at), entries: entries)
            try await db.raw(
                """
                INSERT INTO annual_plan_versions (year, version, note, entries, published_by, published_at)
                VALUES (\(bind: year), \(bind: version.version), \(bind: version.note), \(bind: try JSONText.encode(entries)),
                  \(bind: version.publishedBy), \(bind: version.publishedAt))
                """
            ).run()
            for plan in plans where AnnualPlanRule.isIncluded(plan) && !plan.published {
                try await db.raw("UPDATE plans SET published = 1, updated_at = \(bind: version.publishedAt) WHERE id = \(bind: plan.id)")
                    .run()
            }
            try await AuditLog.append(
                db, caller: caller, action: "publish", entity: "annual-plan", entityID: "\(year)-v\(version.version)",
                detail: ["note": version.note, "plans": entries.map(\.planCode).joined(separator: ",")])
            return version
        }
    }

    static func plans(year: Int, on db: any SQLDatabase) async throws -> [Plan] {
        try await db.raw("SELECT \(unsafeRaw: PlanStore.columns) FROM plans WHERE year = \(bind: year) ORDER BY id")
            .all(decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.plan() }
    }

    /// The public entries of the included plans, with department and item names.
    static func entries(plans: [Plan], on db: any SQLDatabase) async throws -> [AnnualPlanEntry] {
        let names = try await DepartmentStore.names(on: db)
        let itemNames = try await CheckItemStore.currentNames(on: db)
        let links = try await db.raw("SELECT source_plan_id, merged_plan_id FROM plan_merges").all().map {
            (try $0.decode(column: "source_plan_id", as: Int64.self), try $0.decode(column: "merged_plan_id", as: Int64.self))
        }
        let codes = Dictionary(plans.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        return plans.filter(AnnualPlanRule.isIncluded).sorted { $0.code < $1.code }.map { plan in
            AnnualPlanEntry(
                planCode: plan.code, planName: plan.name, initiator: plan.initiator, initiatorName: names[plan.initiator] ?? plan.initiator,
                participants: plan.participants, participantNames: plan.participants.map { names[$0] ?? $0 },
                items: plan.items.map {
                    AnnualPlanEntry.Item(department: $0.department, code: $0.code, name: itemNames[$0] ?? "")
                }, scope: plan.scope, scopeText: ScopeText.describe(plan.scope), windowStart: plan.windowStart, windowEnd: plan.windowEnd,
                mergedFrom: links.filter { $0.1 == plan.id }.compactMap { codes[$0.0] }.sorted())
        }
    }

    static func version(_ row: any SQLRow) throws -> AnnualPlanVersion {
        AnnualPlanVersion(
            year: try row.decode(column: "year", as: Int.self), version: try row.decode(column: "version", as: Int.self),
            note: try row.decode(column: "note", as: String.self), publishedBy: try row.decode(column: "published_by", as: String.self),
            publishedAt: try row.decode(column: "published_at", as: String.self),
            entries: try JSONText.decode([AnnualPlanEntry].self, try row.decode(column: "entries", as: String.self)))
    }
}
