// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// A row of `inspections`.
struct InspectionRow: Codable {
    static let columns = """
        id, draw_id, plan_id, initiator, departments, window_start, window_end, target_uid, target_name, target_kind, items, state,
        notice, due_date, late, return_reason, created_at, first_submitted_at, submitted_at, approved_at, published_at, planned_date
        """

    var id: Int64
    var drawId: String
    var planId: Int64
    var initiator: String
    var departments: String
    var windowStart: String
    var windowEnd: String
    var targetUid: String
    var targetName: String
    var targetKind: String
    var items: String
    var state: String
    var notice: String?
    var dueDate: String?
    var late: Int
    var returnReason: String
    var createdAt: String
    var firstSubmittedAt: String?
    var submittedAt: String?
    var approvedAt: String?
    var publishedAt: String?
    var plannedDate: String?

    /// The inspection; `late` also holds when the first submission falls after a due date that
    /// was only known later (the next year's holiday notice), as the statistics count it.
    func inspection(team: [TeamMember], findings: [Finding], calendar: WorkCalendar) throws -> Inspection {
        let due =
            dueDate.flatMap(CalendarDate.init(iso:)).map { WorkCalendar.Due(date: $0, isProvisional: false) }
            ?? Self.due(windowEnd, calendar: calendar)
        var inspection = Inspection(
            id: id, drawID: drawId, planID: planId, initiator: initiator, departments: try JSONText.decode([String].self, departments),
            windowStart: CalendarDate(iso: windowStart)!, windowEnd: CalendarDate(iso: windowEnd)!,
            target: InspectedTarget(uid: targetUid, name: targetName, kind: TargetKind(rawValue: targetKind)), team: team,
            items: try JSONText.decode([PlanItem].self, items), state: InspectionState(rawValue: state) ?? .pending,
            notice: try notice.map { try JSONText.decode(Notice.self, $0) }, plannedDate: plannedDate.flatMap(CalendarDate.init(iso:)),
            findings: findings,
            resultDueDate: due?.date, resultDueDateProvisional: due?.isProvisional ?? false, late: late != 0, returnReason: returnReason,
            createdAt: StoredDate.parse(createdAt) ?? Date(timeIntervalSince1970: 0), firstSubmittedAt: StoredDate.parse(firstSubmittedAt),
            submittedAt: StoredDate.parse(submittedAt), approvedAt: StoredDate.parse(approvedAt), publishedAt: StoredDate.parse(publishedAt)
        )
        if !inspection.late, let first = inspection.firstSubmittedAt {
            inspection.late = inspection.isLate(submittedOn: CalendarDate(chinaDateOf: first))
        }
        return inspection
    }

    /// A due date not stored at creation (the holiday notice of its year was not out: it is
    /// provisional, or was unknown) is computed from the calendar in force on every read, so it
    /// follows the notice once loaded (a software update, `--calendar`, or the office's upload).
    static func due(_ windowEnd: String, calendar: WorkCalendar) -> WorkCalendar.Due? {
        guard let end = CalendarDate(iso: windowEnd) else { return nil }
        return Inspection.due(windowEnd: end, calendar: calendar)
    }
}

/// A row of `inspection_members`.
struct MemberRow: Codable {
    var inspectionId: Int64
    var role: String
    var memberId: Int64
    var name: String
    var department: String

    var member: TeamMember {
        TeamMember(role: TeamRole(rawValue: role) ?? .member, id: memberId, name: name, department: department)
    }
}

/// A row of `inspection_findings`.
struct FindingRow: Codable {
    static let columns =
        "inspection_id, department, item_code, methods, category, non_cooperation, notes, settled_online, entered_by_inspector, entered_by, entered_at"

    var inspectionId: Int64
    var department: String
    var itemCode: String
    var methods: String
    var category: String
    var nonCooperation: String
    var notes: String
    var settledOnline: Int
    var enteredByInspector: Int64?
    var enteredBy: String
    var enteredAt: String

    func finding() throws -> Finding {
        Finding(
            item: PlanItem(department: department, code: itemCode), methods: try JSONText.decode([CheckMethod].self, methods),
            category: try JSONText.decode(ResultCategory.self, category),
            nonCooperation: try JSONText.decode([NonCooperation].self, nonCooperation), notes: notes, settledOnline: settledOnline != 0,
            enteredByInspector: enteredByInspector, enteredBy: enteredBy,
            enteredAt: StoredDate.parse(enteredAt) ?? Date(timeIntervalSince1970: 0))
    }
}

/// Timestamps read back from `*_at` columns (written by `Timestamp.format`).
enum StoredDate {
    static func parse(_ text: String?) -> Date? {
        guard let text else { return nil }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
