// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

extension DrawStore {
    /// Fixes a batch's draw inputs: the pool and excluded list from the plan departments'
    /// libraries, the parameters, the inspector and expert tables and the salted conflict list.
    /// Only the initiator, only for an approved plan. A batch that already has a draw needs a
    /// `redraw` naming it, with reason and approver; the earlier draw stays visible. The
    /// announcement (reveal deadline, public value or exception) may come with it or later, by
    /// `announce`, but before any department commits.
    public func prepare(
        batchID: Int64, caller: Caller, announcement: DrawAnnouncement? = nil, redraw: Redraw? = nil
    ) async throws -> DrawSummary {
        let (plan, batch) = try await PlanStore(database: database).batch(id: batchID, for: caller.account)
        try PlanPolicy.requireInitiator(caller.account, plan)
        guard PlanPolicy.allowsDraws(plan.state) else {
            throw PlanError.conflict("计划处于“\(plan.state.label)”状态，批准后才能抽取")
        }
        let announcement = announcement?.trimmed
        try announcement?.validate(now: caller.at)
        // Read phase: every input, from one snapshot (a million-target pool is read straight from
        // a SQLite file); then one write transaction stores them, if no other draw slipped in.
        let earlier = try await database.read { db in try await Self.draws(ofBatch: batchID, on: db) }
        try Self.checkRedraw(redraw, latest: earlier.first)
        let drawID = "\(plan.code)-\(batch.code)-\(earlier.count + 1)"
        let inputs = try await readInputs(plan: plan, batch: batch, drawID: drawID, replacing: redraw?.of)
        return try await database.write { db in
            guard try await Self.draws(ofBatch: batchID, on: db) == earlier else {
                throw PlanError.conflict("本批次刚刚有了新的抽取记录，请刷新后重试")
            }
            let now = Timestamp.format(caller.at)
            try await db.raw(
                """
                INSERT INTO draws (id, plan_id, batch_id, state, conflict_salt, conflict_pairs,
                  redraw_of, redraw_reason, redraw_approver, prepared_by, prepared_at)
                VALUES (\(bind: drawID), \(bind: plan.id), \(bind: batch.id), \(bind: DrawState.prepared.rawValue), \(bind: Bytes.hex(inputs.salt)), \(bind: try JSONText.encode(inputs.conflicts)), \(bind: redraw?.of),
                  \(bind: redraw?.reason ?? ""), \(bind: redraw?.approver ?? ""), \(bind: caller.account.username), \(bind: now))
                """
            ).run()
            for (position, department) in plan.departments.enumerated() {
                try await db.raw(
                    "INSERT INTO draw_departments (draw_id, position, department) VALUES (\(bind: drawID), \(bind: position), \(bind: department))"
                ).run()
            }
            try await Self.store(inputs.files, digests: inputs.digests, id: drawID, on: db)
            if let announcement { try await Self.storeAnnouncement(announcement, id: drawID, on: db) }
            try await AuditLog.append(
                db, caller: caller, action: "prepare", entity: "draw", entityID: drawID,
                detail: [
                    "pool": inputs.digests["pool.txt"] ?? "",
                    "parameters": Bytes.sha256Hex(inputs.files["parameters.txt"] ?? []),
                    "redrawOf": redraw?.of ?? "", "reason": redraw?.reason ?? "", "approver": redraw?.approver ?? "",
                ])
            let (row, departments) = try await Self.load(drawID, on: db)
            return row.summary(departments)
        }
    }

    static func draws(ofBatch batchID: Int64, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw("SELECT id FROM draws WHERE batch_id = \(bind: batchID) ORDER BY prepared_at DESC, id DESC")
            .all().map { try $0.decode(column: "id", as: String.self) }
    }

    static func checkRedraw(_ redraw: Redraw?, latest: String?) throws {
        switch (redraw, latest) {
        case (nil, nil): return
        case (nil, let latest?):
            throw PlanError.conflict("本批次已有抽取 \(latest)；重新抽取须写明原因和批准人，原记录保留")
        case (_?, nil):
            throw PlanError.invalid([FieldIssue(field: "redrawOf", message: "本批次还没有抽取，不能重新抽取")])
        case (let redraw?, let latest?):
            var issues: [FieldIssue] = []
            if redraw.of != latest { issues.append(FieldIssue(field: "redrawOf", message: "重新抽取只能针对本批次最近一次抽取 \(latest)")) }
            if redraw.reason.trimmed.isEmpty { issues.append(FieldIssue(field: "reason", message: "重新抽取必须写明原因")) }
            if redraw.approver.trimmed.isEmpty { issues.append(FieldIssue(field: "approver", message: "重新抽取必须写明批准人")) }
            guard issues.isEmpty else { throw PlanError.invalid(issues) }
        }
    }

    struct Inputs {
        var files: [String: [UInt8]]
        /// The digests of the pool and the excluded list, computed as they were built.
        var digests: [String: String]
        var salt: [UInt8]
        var conflicts: [[String]]
    }

    /// Everything fixed before any randomness exists (the public value is announced later).
    func readInputs(plan: Plan, batch: Batch, drawID: String, replacing: String?) async throws -> Inputs {
        try await database.read { db in
            try await Self.inputs(
                plan: plan, batch: batch, drawID: drawID, replacing: replacing, database: database, on: db)
        }
    }

    static func inputs(
        plan: Plan, batch: Batch, drawID: String, replacing: String?, database: SuijiDatabase, on db: any SQLDatabase
    ) async throws -> Inputs {
        let areas = try await AreaStore.resolver(on: db)
        let (pool, excluded, rules, flags) = try await population(
            plan: plan, batch: batch, areas: areas, replacing: replacing, database: database, on: db)
        let (keyItem, needsExpert) = (flags.keyItem, flags.needsExpert)
        let (table, declarations) = try await inspectorTable(
            plan: plan, batch: batch, pool: pool, needsExpert: needsExpert, areas: areas, on: db)
        let salt = database.random.bytes(16)
        let conflictList = try ConflictList(salt: salt, declarations: declarations)
        var slots = [SlotSpec(name: "leader", department: plan.initiator, kind: .leader)]
        for department in plan.participants { slots.append(SlotSpec(name: "member-\(department)", department: department, kind: .member)) }
        if plan.participants.isEmpty { slots.append(SlotSpec(name: "member", department: plan.initiator, kind: .member)) }
        if needsExpert { slots.append(SlotSpec(name: "expert", department: "EXPERT", kind: .expert)) }
        let parameters = try DrawParameters.make(
            drawID: drawID, planID: plan.code, batchID: batch.code, batchStart: batch.start.iso, batchEnd: batch.end.iso,
            keyItem: keyItem, pool: pool, excluded: excluded, rules: rules, departments: plan.departments, publicValue: nil,
            slots: slots, items: plan.items.map { ItemRequirement(department: $0.department, code: $0.code) },
            capExtra: batch.capExtra, crossUnit: batch.crossUnit, inspectors: table, conflicts: conflictList)
        return Inputs(
            files: [
                "pool.txt": pool.fileBytes(), "excluded.txt": excluded.fileBytes(), "parameters.txt": parameters.fileBytes(),
                "inspectors.txt": table.fileBytes(), "conflicts.txt": conflictList.fileBytes(),
            ],
            digests: ["pool.txt": pool.digest, "excluded.txt": excluded.digest],
            salt: salt, conflicts: declarations.map { [$0.inspector, $0.target] }.sorted { $0.joined() < $1.joined() })
    }

    /// The candidate pool and excluded list of a batch, with the sample rules and the plan items'
    /// flags (`key-item` of the parameters; an item needing an expert adds a slot). `replacing`
    /// is the draw a re-draw replaces: its targets not yet inspected do not count as checked.
    static func population(
        plan: Plan, batch: Batch, areas: AreaResolver, replacing: String? = nil, database: SuijiDatabase, on db: any SQLDatabase
    ) async throws
        -> (CanonicalPool, ExcludedList, [String: SampleRule], (keyItem: Bool, needsExpert: Bool))
    {
        let items = try await db.raw(
            "\(unsafeRaw: CheckItemStore.select) WHERE v.version = i.current_version"
        ).all(decoding: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.item)
            .filter { item in plan.items.contains(PlanItem(department: item.departmentCode, code: item.code)) }
        let keyItem = items.contains(where: \.isKeyItem)
        let rule = OnceAYearRule(
            year: plan.year, items: plan.items,
            keyItems: Set(items.filter(\.isKeyItem).map { PlanItem(department: $0.departmentCode, code: $0.code) }))
        let stratify: Bool
        var rules: [String: SampleRule] = [:]
        switch batch.size {
        case .count(let n):
            stratify = false
            rules["ALL"] = .count(n)
        case .ratios(_, _, _, _, let rounding):
            stratify = true
            for risk in RiskClass.allCases { rules[risk.rawValue] = .perMille(batch.size.permille(risk) ?? 0, rounding) }
        }
        let population = DrawPopulation(
            plan: plan, stratify: stratify, rule: rule,
            earlier: rule.applies ? try await DrawPopulation.earlierChecks(plan.year, replacing: replacing, on: db) : [:])
        let pool: CanonicalPool
        let excluded: ExcludedList
        if population.canBuildRaw,
            let fast = try await database.readRaw({ raw in try population.buildRaw(raw: raw, areas: areas) })
        {
            (pool, excluded) = fast
        } else if let rows = try await database.readRaw({ raw in try population.candidates(raw: raw) }) {
            (pool, excluded) = try population.build(rows, areas: areas)
        } else if let rows = try await database.readPostgres({ connection, logger in
            try await population.candidates(postgres: connection, logger: logger)
        }) {
            (pool, excluded) = try population.build(rows, areas: areas)
        } else {
            (pool, excluded) = try population.build(try await population.candidates(on: db), areas: areas)
        }
        return (pool, excluded, rules, (keyItem, items.contains(where: \.requiresExpert)))
    }

    /// The pool a draw of the batch would use now, with its exclusions and sample sizes: a
    /// preview before preparing (and the draw benchmark's measured path).
    public func previewPool(batchID: Int64, for account: Account) async throws -> (
        pool: CanonicalPool, excluded: ExcludedList, rules: [String: SampleRule]
    ) {
        let (plan, batch) = try await PlanStore(database: database).batch(id: batchID, for: account)
        let (pool, excluded, rules, _) = try await database.read { db in
            try await Self.population(plan: plan, batch: batch, areas: try await AreaStore.resolver(on: db), database: database, on: db)
        }
        return (pool, excluded, rules)
    }

    /// The inspectors of the plan's departments (and the experts, when an item needs one) as the
    /// name-free records of spec §9.1, plus their declared conflicts with targets.
    static func inspectorTable(
        plan: Plan, batch: Batch, pool: CanonicalPool, needsExpert: Bool, areas: AreaResolver, on db: any SQLDatabase
    ) async throws -> (InspectorTable, [ConflictDeclaration]) {
        var sql: SQLQueryString = "SELECT \(unsafeRaw: InspectorStore.columns) FROM inspectors WHERE department_code IN ("
        for (index, department) in plan.departments.enumerated() { sql += index == 0 ? "\(bind: department)" : ", \(bind: department)" }
        let inspectors = try await db.raw(sql + ")").all(decoding: InspectorRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(
            \.inspector)
        var records: [InspectorRecord] = []
        for inspector in inspectors where inspector.status != .transferred {
            let codes = inspector.area.filter { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            guard !codes.isEmpty else { continue }  // no enforcement area: never eligible
            let planItems = Set(plan.items.filter { $0.department == inspector.departmentCode }.map(\.code))
            records.append(
                InspectorRecord(
                    id: "I-\(inspector.id)", department: inspector.departmentCode, areas: codes,
                    items: inspector.qualifications.filter(planItems.contains),
                    available: inspector.isOnDuty(from: batch.start, to: batch.end),
                    certUntil: inspector.certificateExpiry.iso, home: areas.code(of: inspector.station)))
        }
        if needsExpert {
            let divisions = Set((0..<pool.count).map { pool.division(at: $0) })
            let experts = try await db.raw(
                "SELECT id FROM experts WHERE department_code = \(bind: plan.initiator) ORDER BY id"
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
            for id in experts {
                records.append(
                    InspectorRecord(
                        id: "E-\(id)", department: "EXPERT", areas: divisions.isEmpty ? ["0"] : Array(divisions), items: [],
                        available: true, certUntil: "9999-12-31"))
            }
        }
        let ids = Set(inspectors.map(\.id))
        var declarations: [ConflictDeclaration] = []
        for row in try await db.raw("SELECT inspector_id, target_uid FROM inspector_conflicts").all() {
            let inspector = try row.decode(column: "inspector_id", as: Int64.self)
            guard ids.contains(inspector) else { continue }
            declarations.append(
                ConflictDeclaration(inspector: "I-\(inspector)", target: try row.decode(column: "target_uid", as: String.self)))
        }
        return (try InspectorTable(records), declarations)
    }
}
