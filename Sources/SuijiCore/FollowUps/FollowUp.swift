// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The kinds of follow-up of a problem found (§17).
public enum FollowUpKind: String, Sendable, Codable, CaseIterable {
    /// 责令限期改正: a deadline, then a re-check finds it rectified or not.
    case rectification
    /// 立案: a case filed, with its number and date.
    case caseFiled
    /// 移交线索: a lead transferred to the competent department.
    case leadTransferred
    /// 移送司法机关: transferred to the judiciary.
    case judicialTransfer

    /// Chinese name.
    public var label: String {
        switch self {
        case .rectification: "责令限期改正"
        case .caseFiled: "立案"
        case .leadTransferred: "移交线索"
        case .judicialTransfer: "移送司法机关"
        }
    }
}

/// Whether a follow-up is still open.
public enum FollowUpState: String, Sendable, Codable, CaseIterable {
    /// 办理中
    case open
    /// 已办结
    case closed

    /// Chinese name.
    public var label: String { self == .open ? "办理中" : "已办结" }
}

/// The outcome of a rectification's re-check.
public enum RectificationOutcome: String, Sendable, Codable, CaseIterable {
    /// 已整改
    case rectified
    /// 未整改
    case notRectified

    /// Chinese name.
    public var label: String { self == .rectified ? "已整改" : "未整改" }
}

/// One follow-up of an inspection's problem (§17): its kind, its details, its state and dates.
public struct FollowUp: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var inspectionID: Int64
    public var targetUID: String
    /// The department that opened it.
    public var department: String
    public var kind: FollowUpKind
    /// The item whose problem it follows up; nil for the inspection as a whole.
    public var item: PlanItem?
    public var state: FollowUpState
    public var openedOn: CalendarDate
    /// The rectification deadline (责令改正期限).
    public var deadline: CalendarDate?
    /// The case number (立案编号).
    public var caseNumber: String
    /// The day the case was filed.
    public var caseDate: CalendarDate?
    /// The competent department or judicial organ the lead or case went to.
    public var transferredTo: String
    /// The day of the transfer.
    public var transferredOn: CalendarDate?
    /// Who transferred it.
    public var transferredBy: String
    /// The re-check's result, for rectifications.
    public var outcome: RectificationOutcome?
    /// The day of the re-check.
    public var recheckedOn: CalendarDate?
    public var closedOn: CalendarDate?
    public var notes: String
    /// The account that opened it.
    public var createdBy: String

    /// Creates a follow-up.
    public init(
        id: Int64 = 0, inspectionID: Int64, targetUID: String, department: String, kind: FollowUpKind, item: PlanItem? = nil,
        state: FollowUpState = .open,
        openedOn: CalendarDate, deadline: CalendarDate? = nil, caseNumber: String = "", caseDate: CalendarDate? = nil,
        transferredTo: String = "", transferredOn: CalendarDate? = nil, transferredBy: String = "", outcome: RectificationOutcome? = nil,
        recheckedOn: CalendarDate? = nil, closedOn: CalendarDate? = nil, notes: String = "", createdBy: String = ""
    ) {
        self.id = id
        self.inspectionID = inspectionID
        self.targetUID = targetUID
        self.department = department
        self.kind = kind
        self.item = item
        self.state = state
        self.openedOn = openedOn
        self.deadline = deadline
        self.caseNumber = caseNumber
        self.caseDate = caseDate
        self.transferredTo = transferredTo
        self.transferredOn = transferredOn
        self.transferredBy = transferredBy
        self.outcome = outcome
        self.recheckedOn = recheckedOn
        self.closedOn = closedOn
        self.notes = notes
        self.createdBy = createdBy
    }

    /// Whether this is an open rectification past its deadline on `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard kind == .rectification, state == .open, let deadline else { return false }
        return today > deadline
    }

    /// The issues of a new follow-up: each kind needs its details.
    public func validate() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        switch kind {
        case .rectification:
            if let deadline {
                if deadline < openedOn { issues.append(FieldIssue(field: "deadline", message: "整改期限不能早于责令改正之日")) }
            } else {
                issues.append(FieldIssue(field: "deadline", message: "责令限期改正须写明整改期限"))
            }
        case .caseFiled:
            if caseNumber.trimmed.isEmpty { issues.append(FieldIssue(field: "caseNumber", message: "立案须写明案件编号")) }
            if caseDate == nil { issues.append(FieldIssue(field: "caseDate", message: "立案须写明立案日期")) }
        case .leadTransferred, .judicialTransfer:
            if transferredTo.trimmed.isEmpty { issues.append(FieldIssue(field: "transferredTo", message: "须写明移交（移送）的部门或机关")) }
            if transferredOn == nil { issues.append(FieldIssue(field: "transferredOn", message: "须写明移交（移送）日期")) }
            if kind == .leadTransferred && transferredBy.trimmed.isEmpty {
                issues.append(FieldIssue(field: "transferredBy", message: "移交线索须写明经办人"))
            }
        }
        return issues
    }
}
