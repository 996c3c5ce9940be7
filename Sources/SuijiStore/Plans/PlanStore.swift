// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Joint plans and their batches: created by the initiating department, approved and published
/// by the office, visible to exactly the departments of the plan.
public struct PlanStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    static let columns =
        "id, code, name, year, initiator, participants, items, scope, window_start, window_end, notes, state, published"

    /// Plans `account` may read, newest first.
    public func list(for account: Account) async throws -> [Plan] {
        try await all().filter { PlanPolicy.canRead(account, $0) }
    }

    /// Every plan, newest first: for readers that apply their own rule (`PublicRecordStore`).
    func all() async throws -> [Plan] {
        let rows = try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM plans ORDER BY year DESC, id DESC")
                .all(decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        return try rows.map { try $0.plan() }
    }

    /// One plan, if `account` may read it.
    public func get(id: Int64, for account: Account) async throws -> Plan {
        let plan = try await database.read { db in try await Self.load(id: id, on: db) }
        guard let plan, PlanPolicy.canRead(account, plan) else { throw PlanError.notFound("未找到计划（\(id)），或无权查看") }
        return plan
    }

    /// Creates a draft plan initiated by the caller's department.
    public func create(_ plan: Plan, caller: Caller) async throws -> Plan {
        var plan = plan
        plan.initiator = caller.account.departmentCode ?? ""
        plan.state = .draft
        plan.published = false
        try PlanPolicy.requireInitiator(caller.account, plan)
        let issues = plan.validate()
        guard issues.isEmpty else { throw PlanError.invalid(issues) }
        let now = Timestamp.format(caller.at)
        plan.id = try await database.write { [plan] db in
            try await Self.requireKnown(plan, on: db)
            if try await db.raw("SELECT id FROM plans WHERE code = \(bind: plan.code)").first() != nil {
                throw PlanError.conflict("计划编号 \(plan.code) 已存在")
            }
            let row = try await db.raw(
                """
                INSERT INTO plans (code, name, year, initiator, participants, items, scope, window_start, window_end, notes,
                  state, published, created_at, updated_at)
                VALUES (\(bind: plan.code), \(bind: plan.name), \(bind: plan.year), \(bind: plan.initiator),
                  \(bind: try JSONText.encode(plan.participants)), \(bind: try JSONText.encode(plan.items)),
                  \(bind: try JSONText.encode(plan.scope)), \(bind: plan.windowStart.iso), \(bind: plan.windowEnd.iso),
                  \(bind: plan.notes), \(bind: plan.state.rawValue), 0, \(bind: now), \(bind: now))
                RETURNING id
                """
            ).first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(db, caller: caller, action: "create", entity: "plan", entityID: plan.code, detail: plan)
            return id
        }
        return plan
    }

    /// Applies a state change (submit, approve, reject, finish, publish).
    public func apply(_ action: PlanAction, to id: Int64, caller: Caller) async throws -> Plan {
        try await database.write { db in
            guard var plan = try await Self.load(id: id, on: db), PlanPolicy.canRead(caller.account, plan) else {
                throw PlanError.notFound("未找到计划（\(id)），或无权查看")
            }
            try PlanPolicy.requireAction(caller.account, action, on: plan)
            plan.state = try plan.state.applying(action)
            if action == .publish { plan.published = true }
            try await db.raw(
                """
                UPDATE plans SET state = \(bind: plan.state.rawValue), published = \(bind: plan.published ? 1 : 0),
                  updated_at = \(bind: Timestamp.format(caller.at)) WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(db, caller: caller, action: action.rawValue, entity: "plan", entityID: plan.code, detail: plan)
            return plan
        }
    }

    /// Adds a batch to a plan (initiator, before the plan is done).
    public func addBatch(_ batch: Batch, caller: Caller) async throws -> Batch {
        let plan = try await get(id: batch.planID, for: caller.account)
        try PlanPolicy.requireInitiator(caller.account, plan)
        guard PlanPolicy.canAddBatch(caller.account, plan) else { throw PlanError.conflict("计划已完成，不能再新增批次") }
        let issues = batch.validate(in: plan)
        guard issues.isEmpty else { throw PlanError.invalid(issues) }
        var stored = batch
        stored.id = try await database.write { db in
            if try await db.raw("SELECT id FROM batches WHERE plan_id = \(bind: plan.id) AND code = \(bind: batch.code)").first() != nil {
                throw PlanError.conflict("批次编号 \(batch.code) 已存在")
            }
            let row = try await db.raw(
                """
                INSERT INTO batches (plan_id, code, start_date, end_date, size, cross_unit, cap_extra, created_at)
                VALUES (\(bind: plan.id), \(bind: batch.code), \(bind: batch.start.iso), \(bind: batch.end.iso),
                  \(bind: try JSONText.encode(batch.size)), \(bind: batch.crossUnit ? 1 : 0), \(bind: batch.capExtra),
                  \(bind: Timestamp.format(caller.at))) RETURNING id
                """
            ).first()
            try await AuditLog.append(
                db, caller: caller, action: "add-batch", entity: "plan", entityID: plan.code, detail: batch)
            return try row!.decode(column: "id", as: Int64.self)
        }
        return stored
    }

    /// The batches of a plan.
    public func batches(planID: Int64, for account: Account) async throws -> [Batch] {
        _ = try await get(id: planID, for: account)
        return try await database.read { db in try await Self.loadBatches(planID: planID, on: db) }
    }

    /// One batch with its plan.
    public func batch(id: Int64, for account: Account) async throws -> (Plan, Batch) {
        let batch = try await database.read { db in try await Self.loadBatch(id: id, on: db) }
        guard let batch else { throw PlanError.notFound("未找到批次（\(id)）") }
        let plan = try await get(id: batch.planID, for: account)
        return (plan, batch)
    }

    static let batchColumns = "id, plan_id, code, start_date, end_date, size, cross_unit, cap_extra"

    static func loadBatches(planID: Int64, on db: any SQLDatabase) async throws -> [Batch] {
        try await db.raw("SELECT \(unsafeRaw: batchColumns) FROM batches WHERE plan_id = \(bind: planID) ORDER BY id")
            .all(decoding: BatchRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.batch() }
    }

    static func loadBatch(id: Int64, on db: any SQLDatabase) async throws -> Batch? {
        try await db.raw("SELECT \(unsafeRaw: batchColumns) FROM batches WHERE id = \(bind: id)")
            .first(decoding: BatchRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.batch()
    }

    static func load(id: Int64, on db: any SQLDatabase) async throws -> Plan? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM plans WHERE id = \(bind: id)")
            .first(decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.plan()
    }

    /// Every department and item of the plan must exist.
    static func requireKnown(_ plan: Plan, on db: any SQLDatabase) async throws {
        let departments = Set(try await db.raw("SELECT code FROM departments").all().map { try $0.decode(column: "code", as: String.self) })
        var issues: [FieldIssue] = []
        for department in plan.participants where !departments.contains(department) {
            issues.append(FieldIssue(field: "participants", message: "部门 \(department) 不存在"))
        }
        for item in plan.items {
            let found = try await db.raw(
                "SELECT id FROM check_items WHERE department_code = \(bind: item.department) AND code = \(bind: item.code)"
            ).first()
            if found == nil { issues.append(FieldIssue(field: "items", message: "\(item.department) 的事项清单中没有 \(item.code)")) }
        }
        guard issues.isEmpty else { throw PlanError.invalid(issues) }
    }
}

/// JSON columns (small structured values: plan items, scope, batch size).
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

struct PlanRow: Codable {
    var id: Int64
    var code: String
    var name: String
    var year: Int
    var initiator: String
    var participants: String
    var items: String
    var scope: String
    var windowStart: String
    var windowEnd: String
    var notes: String
    var state: String
    var published: Int

    func plan() throws -> Plan {
        Plan(
            id: id, code: code, name: name, year: year, initiator: initiator,
            participants: try JSONText.decode([String].self, participants), items: try JSONText.decode([PlanItem].self, items),
            scope: try JSONText.decode(TargetScope.self, scope), windowStart: CalendarDate(iso: windowStart)!,
            windowEnd: CalendarDate(iso: windowEnd)!, notes: notes, state: PlanState(rawValue: state) ?? .draft,
            published: published != 0)
    }
}

struct BatchRow: Codable {
    var id: Int64
    var planId: Int64
    var code: String
    var startDate: String
    var endDate: String
    var size: String
    var crossUnit: Int
    var capExtra: Int

    func batch() throws -> Batch {
        Batch(
            id: id, planID: planId, code: code, start: CalendarDate(iso: startDate)!, end: CalendarDate(iso: endDate)!,
            size: try JSONText.decode(SampleSize.self, size), crossUnit: crossUnit != 0, capExtra: capExtra)
    }
}
