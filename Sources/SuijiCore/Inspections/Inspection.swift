// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A drawn target as its inspection knows it.
public struct InspectedTarget: Sendable, Codable, Equatable {
    /// Credit code or stable id.
    public var uid: String
    public var name: String
    public var kind: TargetKind?

    /// Creates a target reference.
    public init(uid: String, name: String, kind: TargetKind?) {
        self.uid = uid
        self.name = name
        self.kind = kind
    }
}

/// One inspection (§15–§16): one drawn target, its team, every item of the plan ("进一次门，
/// 查多项事"), the batch window and the results on their way to publication.
public struct Inspection: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var drawID: String
    public var planID: Int64
    /// The plan's initiating department: its admins review.
    public var initiator: String
    /// Every department of the plan, initiator first.
    public var departments: [String]
    /// The batch window: the inspection is done within it.
    public var windowStart: CalendarDate
    public var windowEnd: CalendarDate
    public var target: InspectedTarget
    /// Leader first, then members, then experts.
    public var team: [TeamMember]
    public var items: [PlanItem]
    public var state: InspectionState
    public var notice: Notice?
    /// The day the team plans to visit (计划检查日期), within the batch window; nil until set.
    public var plannedDate: CalendarDate?
    public var findings: [Finding]
    /// 20 working days after the window's end; nil when the holiday notice of that year is not
    /// known yet.
    public var resultDueDate: CalendarDate?
    /// `resultDueDate` counts days of a year without a holiday notice yet (a provisional
    /// calendar): 暂定, recomputed when the notice is loaded.
    public var resultDueDateProvisional: Bool
    /// The results were first submitted after `resultDueDate`: "未按期完成".
    public var late: Bool
    /// The reason of the last return, empty otherwise.
    public var returnReason: String
    public var createdAt: Date
    public var firstSubmittedAt: Date?
    public var submittedAt: Date?
    public var approvedAt: Date?
    public var publishedAt: Date?

    /// Creates an inspection.
    public init(
        id: Int64 = 0, drawID: String, planID: Int64, initiator: String, departments: [String], windowStart: CalendarDate,
        windowEnd: CalendarDate, target: InspectedTarget, team: [TeamMember], items: [PlanItem], state: InspectionState = .pending,
        notice: Notice? = nil, plannedDate: CalendarDate? = nil, findings: [Finding] = [], resultDueDate: CalendarDate?,
        resultDueDateProvisional: Bool = false, late: Bool = false, returnReason: String = "",
        createdAt: Date, firstSubmittedAt: Date? = nil, submittedAt: Date? = nil, approvedAt: Date? = nil, publishedAt: Date? = nil
    ) {
        self.id = id
        self.drawID = drawID
        self.planID = planID
        self.initiator = initiator
        self.departments = departments
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.target = target
        self.team = team
        self.items = items
        self.state = state
        self.notice = notice
        self.plannedDate = plannedDate
        self.findings = findings
        self.resultDueDate = resultDueDate
        self.resultDueDateProvisional = resultDueDateProvisional
        self.late = late
        self.returnReason = returnReason
        self.createdAt = createdAt
        self.firstSubmittedAt = firstSubmittedAt
        self.submittedAt = submittedAt
        self.approvedAt = approvedAt
        self.publishedAt = publishedAt
    }

    /// The team leader.
    public var leader: TeamMember? { team.first { $0.role == .leader } }

    /// Whether `inspectorID` is an inspector of the team.
    public func hasMember(_ inspectorID: Int64?) -> Bool { team.contains { $0.isInspector(inspectorID) } }

    /// Items without a finding yet.
    public var openItems: [PlanItem] { items.filter { item in !findings.contains { $0.item == item } } }

    /// Whether results submitted on `day` are late: after the due date.
    public func isLate(submittedOn day: CalendarDate) -> Bool {
        resultDueDate.map { day > $0 } ?? false
    }

    /// The problems of planning the visit on `date`: it must fall within the batch window.
    public func planningIssues(_ date: CalendarDate) -> [FieldIssue] {
        guard date >= windowStart, date <= windowEnd else {
            return [FieldIssue(field: "plannedDate", message: "计划检查日期应在检查期间 \(windowStart.iso) 至 \(windowEnd.iso) 之内")]
        }
        return []
    }

    /// Whether results are outstanding (未录入 or 退回) past the due date on `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        state.isOutstanding && isLate(submittedOn: today)
    }

    /// The due date: `WorkCalendar.resultDueDate(inspectionEnd:)` of the window's end, or nil
    /// when `calendar` does not know the years involved.
    public static func dueDate(windowEnd: CalendarDate, calendar: WorkCalendar) -> CalendarDate? {
        try? calendar.resultDueDate(inspectionEnd: windowEnd)
    }

    /// The due date and whether it is provisional (暂定), or nil when `calendar` does not know
    /// the years involved.
    public static func due(windowEnd: CalendarDate, calendar: WorkCalendar) -> WorkCalendar.Due? {
        try? calendar.resultDue(inspectionEnd: windowEnd)
    }
}
