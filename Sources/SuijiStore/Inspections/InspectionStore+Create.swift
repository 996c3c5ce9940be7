// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

extension InspectionStore {
    /// Creates one inspection per drawn target of the executed draw `drawID`, inside the
    /// caller's write transaction (`DrawStore.execute`): the team from `assignment.txt` (with any
    /// inspector replacements recorded so far), every item of the plan, the batch window, the due
    /// date and the target's name from the initiator's library (else another plan department's).
    ///
    /// Team ids `I-<n>` are inspectors (the leader slot first, then the members); `E-<n>` are
    /// experts of the expert library, recorded as `TeamRole.expert` members who can neither see
    /// nor enter results. Does nothing when the draw's inspections exist already; returns how
    /// many were created. `calendar` is the working-day calendar in force.
    @discardableResult
    public static func createForDraw(drawID: String, caller: Caller, calendar: WorkCalendar, on db: any SQLDatabase) async throws
        -> Int
    {
        if try await db.raw("SELECT id FROM inspections WHERE draw_id = \(bind: drawID) LIMIT 1").first() != nil { return 0 }
        guard let draw = try await db.raw("SELECT plan_id, batch_id FROM draws WHERE id = \(bind: drawID)").first() else {
            throw InspectionError.notFound("未找到抽取记录 \(drawID)")
        }
        let planID = try draw.decode(column: "plan_id", as: Int64.self)
        let batchID = try draw.decode(column: "batch_id", as: Int64.self)
        guard let plan = try await PlanStore.load(id: planID, on: db),
            let batch = try await db.raw("SELECT start_date, end_date FROM batches WHERE id = \(bind: batchID)").first(),
            let start = CalendarDate(iso: try batch.decode(column: "start_date", as: String.self)),
            let end = CalendarDate(iso: try batch.decode(column: "end_date", as: String.self))
        else { throw InspectionError.notFound("未找到抽取 \(drawID) 的计划或批次") }
        // Only the files naming the drawn targets and their teams (not the pool: a million lines).
        let files = try await DrawStore.files(
            drawID, only: ["selection.txt", "assignment.txt", "parameters.txt", "inspector-replacements.txt"], on: db)
        let selection = try TargetSelection.parseList(files["selection.txt"] ?? [], file: "selection.txt")
        let teams = try await Self.teams(files: files, on: db)
        // A provisional due date (暂定) is not stored: it is computed on every read until the notice is loaded.
        let computed = Inspection.due(windowEnd: end, calendar: calendar)
        let due = computed?.isProvisional == false ? computed?.date : nil
        let now = Timestamp.format(caller.at)
        let departments = try JSONText.encode(plan.departments)
        let items = try JSONText.encode(plan.items)
        // A few multi-row statements per 200 targets rather than three round trips per target.
        for part in stride(from: 0, to: selection.count, by: Self.rowsPerInsert) {
            let chunk = selection[part..<min(part + Self.rowsPerInsert, selection.count)]
            let targets = try await Self.targets(uids: chunk.map(\.id), plan: plan, on: db)
            var insert: SQLQueryString = """
                INSERT INTO inspections (draw_id, plan_id, initiator, departments, window_start, window_end, target_uid, target_name,
                  target_kind, items, state, notice, due_date, late, return_reason, created_at, updated_at) VALUES
                """
            for (index, selected) in chunk.enumerated() {
                let target = targets[selected.id] ?? InspectedTarget(uid: selected.id, name: selected.id, kind: nil)
                insert += """
                    \(unsafeRaw: index == 0 ? "" : ",") (\(bind: drawID), \(bind: plan.id), \(bind: plan.initiator), \(bind: departments),
                      \(bind: start.iso), \(bind: end.iso), \(bind: target.uid), \(bind: target.name), \(bind: target.kind?.rawValue ?? ""),
                      \(bind: items), \(bind: InspectionState.pending.rawValue), NULL, \(bind: due?.iso), 0, '', \(bind: now), \(bind: now))
                    """
            }
            var ids: [String: Int64] = [:]
            for row in try await db.raw(insert + " RETURNING id, target_uid").all() {
                ids[try row.decode(column: "target_uid", as: String.self)] = try row.decode(column: "id", as: Int64.self)
            }
            var members: SQLQueryString =
                "INSERT INTO inspection_members (inspection_id, position, role, member_id, name, department) VALUES "
            var count = 0
            for selected in chunk {
                guard let id = ids[selected.id] else { throw InspectionError.notFound("未能为 \(selected.id) 建立检查任务") }
                for (position, member) in (teams[selected.id] ?? []).enumerated() {
                    members += """
                        \(unsafeRaw: count == 0 ? "" : ",") (\(bind: id), \(bind: position), \(bind: member.role.rawValue), \(bind: member.id),
                          \(bind: member.name), \(bind: member.department))
                        """
                    count += 1
                }
            }
            if count > 0 { try await db.raw(members).run() }
        }
        try await AuditLog.append(
            db, caller: caller, action: "create-inspections", entity: "draw", entityID: drawID,
            detail: [
                "count": String(selection.count), "dueDate": computed.map { $0.date.iso + ($0.isProvisional ? "（暂定）" : "") } ?? "",
                "windowEnd": end.iso,
            ])
        return selection.count
    }

    /// Cancels the inspections of draw `drawID` that are still 未录入, when a re-draw of the batch
    /// is executed (§14): each gets a `cancel` event with `reason`, and its target no longer counts
    /// as inspected this year. Inspections already submitted stay (the check took place).
    @discardableResult
    static func cancelForRedraw(drawID: String, reason: String, caller: Caller, on db: any SQLDatabase) async throws -> Int {
        let now = Timestamp.format(caller.at)
        let pending = InspectionState.pending.rawValue
        let ids = try await db.raw("SELECT id FROM inspections WHERE draw_id = \(bind: drawID) AND state = \(bind: pending)").all()
            .map { try $0.decode(column: "id", as: Int64.self) }
        guard !ids.isEmpty else { return 0 }
        try await db.raw(
            """
            INSERT INTO inspection_events (inspection_id, at, actor, action, from_state, to_state, reason)
            SELECT id, \(bind: now), \(bind: caller.account.username), \(bind: InspectionAction.cancel.rawValue), \(bind: pending),
              \(bind: InspectionState.cancelled.rawValue), \(bind: reason)
            FROM inspections WHERE draw_id = \(bind: drawID) AND state = \(bind: pending)
            """
        ).run()
        try await db.raw(
            """
            UPDATE inspections SET state = \(bind: InspectionState.cancelled.rawValue), updated_at = \(bind: now)
            WHERE draw_id = \(bind: drawID) AND state = \(bind: pending)
            """
        ).run()
        try await AuditLog.append(
            db, caller: caller, action: "cancel-inspections", entity: "draw", entityID: drawID,
            detail: ["count": String(ids.count), "reason": reason])
        return ids.count
    }

    /// Rewrites the team of a drawn target's inspection after an inspector replacement (§14).
    static func refreshTeam(drawID: String, target: String, files: [String: [UInt8]], on db: any SQLDatabase) async throws {
        guard
            let row = try await db.raw("SELECT id FROM inspections WHERE draw_id = \(bind: drawID) AND target_uid = \(bind: target)")
                .first()
        else { return }
        let id = try row.decode(column: "id", as: Int64.self)
        try await db.raw("DELETE FROM inspection_members WHERE inspection_id = \(bind: id)").run()
        for (position, member) in (try await teams(files: files, on: db)[target] ?? []).enumerated() {
            try await db.raw(
                """
                INSERT INTO inspection_members (inspection_id, position, role, member_id, name, department)
                VALUES (\(bind: id), \(bind: position), \(bind: member.role.rawValue), \(bind: member.id), \(bind: member.name),
                  \(bind: member.department))
                """
            ).run()
        }
    }

    /// The team of each target: leader, members, then experts, with names and departments.
    static func teams(files: [String: [UInt8]], on db: any SQLDatabase) async throws -> [String: [TeamMember]] {
        guard files["assignment.txt"]?.isEmpty == false else { return [:] }
        let assignment = try DrawStore.currentAssignment(files)
        let leaderSlots = Set(try DrawParameters.parse(files["parameters.txt"] ?? []).slots.filter { $0.kind == .leader }.map(\.name))
        var people: [String: TeamMember] = [:]
        var teams: [String: [TeamMember]] = [:]
        for line in assignment {
            if people[line.inspector] == nil { people[line.inspector] = try await person(line.inspector, on: db) }
            guard var member = people[line.inspector] else { continue }
            if member.role != .expert { member.role = leaderSlots.contains(line.slot) ? .leader : .member }
            teams[line.target, default: []].append(member)
        }
        let rank: [TeamRole: Int] = [.leader: 0, .member: 1, .expert: 2]
        return teams.mapValues { team in
            team.enumerated().sorted { (rank[$0.element.role]!, $0.offset) < (rank[$1.element.role]!, $1.offset) }.map(\.element)
        }
    }

    /// An inspector (`I-<n>`) or expert (`E-<n>`) of the draw's table.
    static func person(_ token: String, on db: any SQLDatabase) async throws -> TeamMember? {
        guard let number = Int64(token.dropFirst(2)) else { return nil }
        if token.hasPrefix("I-") {
            guard let row = try await db.raw("SELECT name, department_code FROM inspectors WHERE id = \(bind: number)").first() else {
                return TeamMember(role: .member, id: number, name: token, department: "")
            }
            return TeamMember(
                role: .member, id: number, name: try row.decode(column: "name", as: String.self),
                department: try row.decode(column: "department_code", as: String.self))
        }
        if token.hasPrefix("E-") {
            let row = try await db.raw("SELECT name FROM experts WHERE id = \(bind: number)").first()
            return TeamMember(
                role: .expert, id: number, name: try row?.decode(column: "name", as: String.self) ?? token, department: "EXPERT")
        }
        return nil
    }

    /// The target's name and kind from the initiator's library, else another plan department's.
    /// Rows per multi-row INSERT: well under the bound-parameter limits of SQLite and PostgreSQL.
    static let rowsPerInsert = 200

    /// `target(uid:plan:on:)` for many uids in one query: uid → target, for the uids found.
    static func targets(uids: [String], plan: Plan, on db: any SQLDatabase) async throws -> [String: InspectedTarget] {
        guard !uids.isEmpty else { return [:] }
        var sql: SQLQueryString = "SELECT uid, department_code, name, kind FROM targets WHERE uid IN ("
        for (index, uid) in uids.enumerated() { sql += index == 0 ? "\(bind: uid)" : ", \(bind: uid)" }
        var best: [String: (rank: Int, name: String, kind: String)] = [:]
        for row in try await db.raw(sql + ")").all() {
            let uid = try row.decode(column: "uid", as: String.self)
            let department = try row.decode(column: "department_code", as: String.self)
            guard let rank = plan.departments.firstIndex(of: department), rank < (best[uid]?.rank ?? Int.max) else { continue }
            best[uid] = (rank, try row.decode(column: "name", as: String.self), try row.decode(column: "kind", as: String.self))
        }
        var targets: [String: InspectedTarget] = [:]
        for (uid, found) in best { targets[uid] = InspectedTarget(uid: uid, name: found.name, kind: TargetKind(rawValue: found.kind)) }
        return targets
    }

    static func target(uid: String, plan: Plan, on db: any SQLDatabase) async throws -> InspectedTarget {
        let rows = try await db.raw("SELECT department_code, name, kind FROM targets WHERE uid = \(bind: uid)").all()
        var best: (rank: Int, name: String, kind: String)?
        for row in rows {
            let department = try row.decode(column: "department_code", as: String.self)
            guard let rank = plan.departments.firstIndex(of: department), rank < (best?.rank ?? Int.max) else { continue }
            best = (rank, try row.decode(column: "name", as: String.self), try row.decode(column: "kind", as: String.self))
        }
        return InspectedTarget(uid: uid, name: best?.name ?? uid, kind: best.flatMap { TargetKind(rawValue: $0.kind) })
    }
}
