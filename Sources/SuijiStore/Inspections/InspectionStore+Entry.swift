// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

extension InspectionStore {
    /// Records how and when the target was told, or that it was not told in advance and why
    /// (a member of the team, while results are open).
    public func recordNotice(id: Int64, notice: Notice, caller: Caller) async throws -> Inspection {
        try await change(id, caller: caller) { inspection, db in
            try InspectionPolicy.requireEntry(caller.account, inspection)
            var notice = notice
            if case .notified(let channel, let date, let by) = notice, by.trimmed.isEmpty {
                notice = .notified(channel: channel, date: date, by: caller.account.displayName)
            }
            let issues = notice.validate(drawnOn: CalendarDate(chinaDateOf: inspection.createdAt), windowEnd: inspection.windowEnd)
            guard issues.isEmpty else { throw InspectionError.invalid(issues) }
            try await db.raw(
                """
                UPDATE inspections SET notice = \(bind: try JSONText.encode(notice)), updated_at = \(bind: Timestamp.format(caller.at))
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(db, caller: caller, action: "notice", entity: "inspection", entityID: String(id), detail: notice)
        }
    }

    /// Plans (or moves) the visit to `date`, within the batch window: a member of the team or
    /// an admin of the initiating department, while results are open.
    public func schedule(id: Int64, on date: CalendarDate, caller: Caller) async throws -> Inspection {
        try await change(id, caller: caller) { inspection, db in
            try InspectionPolicy.requireScheduling(caller.account, inspection)
            let issues = inspection.planningIssues(date)
            guard issues.isEmpty else { throw InspectionError.invalid(issues) }
            try await db.raw(
                """
                UPDATE inspections SET planned_date = \(bind: date.iso), updated_at = \(bind: Timestamp.format(caller.at))
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: "schedule", entity: "inspection", entityID: String(id), detail: ["plannedDate": date.iso])
        }
    }

    /// Records (or corrects) the finding of one item: only a member of the team, while results
    /// are open; the entry names who made it. Entry after the due date is accepted (the
    /// submission then counts as late).
    public func recordFinding(id: Int64, _ input: FindingInput, caller: Caller) async throws -> Inspection {
        try await change(id, caller: caller) { inspection, db in
            try InspectionPolicy.requireEntry(caller.account, inspection)
            let vocabulary = try await Self.vocabulary(on: db)
            let finding = try input.finding(
                items: inspection.items, vocabulary: vocabulary, inspector: caller.account.inspectorID, username: caller.account.username,
                at: caller.at)
            try await db.raw(
                """
                DELETE FROM inspection_findings WHERE inspection_id = \(bind: id) AND department = \(bind: finding.item.department)
                  AND item_code = \(bind: finding.item.code)
                """
            ).run()
            try await db.raw(
                """
                INSERT INTO inspection_findings (\(unsafeRaw: FindingRow.columns))
                VALUES (\(bind: id), \(bind: finding.item.department), \(bind: finding.item.code), \(bind: try JSONText.encode(finding.methods)),
                  \(bind: try JSONText.encode(finding.category)), \(bind: try JSONText.encode(finding.nonCooperation)), \(bind: finding.notes),
                  \(bind: finding.settledOnline ? 1 : 0), \(bind: finding.enteredByInspector), \(bind: finding.enteredBy),
                  \(bind: Timestamp.format(finding.enteredAt)))
                """
            ).run()
            try await db.raw("UPDATE inspections SET updated_at = \(bind: Timestamp.format(caller.at)) WHERE id = \(bind: id)").run()
            try await AuditLog.append(db, caller: caller, action: "finding", entity: "inspection", entityID: String(id), detail: finding)
        }
    }

    /// The team submits its results for review: every item needs a finding. The first
    /// submission after the due date marks the inspection "未按期完成" for good.
    public func submit(id: Int64, caller: Caller) async throws -> Inspection {
        try await change(id, caller: caller) { inspection, db in
            try InspectionPolicy.requireAction(caller.account, .submit, on: inspection)
            let open = inspection.openItems
            guard open.isEmpty else {
                throw InspectionError.invalid([
                    FieldIssue(
                        field: "findings", message: "还有事项未录入检查结果：\(open.map { "\($0.department) \($0.code)" }.joined(separator: "、"))")
                ])
            }
            let now = Timestamp.format(caller.at)
            if inspection.firstSubmittedAt == nil {
                // Against a provisional due date (暂定) lateness is not stored: it is computed on read.
                let late = !inspection.resultDueDateProvisional && inspection.isLate(submittedOn: CalendarDate(chinaDateOf: caller.at))
                try await db.raw(
                    "UPDATE inspections SET first_submitted_at = \(bind: now), late = \(bind: late ? 1 : 0) WHERE id = \(bind: id)"
                ).run()
            }
            try await Self.transition(inspection, .submit, reason: "", caller: caller, on: db)
        }
    }

    /// The initiating department's review: `approve` or `return` (with a reason) submitted
    /// results, `publish` approved ones.
    public func review(id: Int64, action: InspectionAction, reason: String = "", caller: Caller) async throws -> Inspection {
        guard InspectionAction.review.contains(action) else {
            throw InspectionError.invalid([FieldIssue(field: "action", message: "审核操作只能是 approve、return 或 publish")])
        }
        let reason = reason.trimmed
        return try await change(id, caller: caller) { inspection, db in
            try InspectionPolicy.requireAction(caller.account, action, on: inspection)
            if action == .return && reason.isEmpty {
                throw InspectionError.invalid([FieldIssue(field: "reason", message: "退回须写明原因")])
            }
            let now = Timestamp.format(caller.at)
            switch action {
            case .return:
                try await db.raw("UPDATE inspections SET return_reason = \(bind: reason) WHERE id = \(bind: id)").run()
            case .approve:
                try await db.raw("UPDATE inspections SET return_reason = '', approved_at = \(bind: now) WHERE id = \(bind: id)").run()
            case .publish:
                try await db.raw("UPDATE inspections SET published_at = \(bind: now) WHERE id = \(bind: id)").run()
                try await CreditStore.record(inspection: inspection, caller: caller, on: db)
            case .submit, .cancel:
                break
            }
            try await Self.transition(inspection, action, reason: reason, caller: caller, on: db)
        }
    }

    /// Loads the inspection in a write transaction (not found unless readable: overseers and
    /// outsiders learn nothing), applies `body`, returns the stored result.
    func change(
        _ id: Int64, caller: Caller, _ body: @escaping @Sendable (Inspection, any SQLDatabase) async throws -> Void
    ) async throws -> Inspection {
        try await database.write { db in
            guard let inspection = try await Self.load(id: id, calendar: database.calendar, on: db),
                InspectionPolicy.canRead(caller.account, inspection)
            else {
                throw Self.notFound(id)
            }
            try await body(inspection, db)
            return try await Self.load(id: id, calendar: database.calendar, on: db)!
        }
    }

    /// Moves the state, appends the event to the review trail and the audit log.
    static func transition(
        _ inspection: Inspection, _ action: InspectionAction, reason: String, caller: Caller, on db: any SQLDatabase
    ) async throws {
        let state = try inspection.state.applying(action)
        let now = Timestamp.format(caller.at)
        var sql: SQLQueryString = "UPDATE inspections SET state = \(bind: state.rawValue), updated_at = \(bind: now)"
        if action == .submit { sql += ", submitted_at = \(bind: now)" }
        try await db.raw(sql + " WHERE id = \(bind: inspection.id)").run()
        let event = InspectionEvent(
            at: caller.at, actor: caller.account.username, action: action, from: inspection.state, to: state, reason: reason)
        try await InspectionEvent.append(event, inspection: inspection.id, on: db)
        try await AuditLog.append(
            db, caller: caller, action: action.rawValue, entity: "inspection", entityID: String(inspection.id),
            detail: ["from": inspection.state.rawValue, "to": state.rawValue, "reason": reason])
    }

    /// The result vocabulary: the common categories and "违反…相关规定" per member department.
    static func vocabulary(on db: any SQLDatabase) async throws -> ResultVocabulary {
        let rows = try await db.raw("SELECT code, name FROM departments ORDER BY code").all()
        return ResultVocabulary.seeded(
            departments: try rows.map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self)) })
    }

    /// The vocabulary of result categories in force.
    public func vocabulary() async throws -> ResultVocabulary {
        try await database.read { db in try await Self.vocabulary(on: db) }
    }
}
