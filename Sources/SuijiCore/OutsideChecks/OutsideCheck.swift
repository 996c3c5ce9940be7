// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Why a check was made outside the double-random draw (§3 of the working rules).
public enum OutsideCheckKind: String, Sendable, Codable, CaseIterable {
    /// §3(三): a lead from a complaint or report (投诉举报).
    case complaint
    /// §3(三): a case transferred or assigned by another authority (转办交办).
    case referral
    /// §3(三): a lead from data monitoring (数据监测).
    case dataMonitoring
    /// §3(二): a special campaign required by the State Council, a ministry or the province or city (专项检查).
    case special
    /// §3(一): a check whose manner a law, regulation or rule prescribes (法定检查).
    case statutory
    /// §3(四): any other check not suited to the double-random method.
    case other

    /// Chinese name.
    public var label: String {
        switch self {
        case .complaint: "投诉举报"
        case .referral: "转办交办"
        case .dataMonitoring: "数据监测"
        case .special: "专项检查"
        case .statutory: "法定检查"
        case .other: "其他"
        }
    }

    /// The clause of §3 it falls under.
    public var clause: String {
        switch self {
        case .complaint, .referral, .dataMonitoring: "第三条第（三）项"
        case .special: "第三条第（二）项"
        case .statutory: "第三条第（一）项"
        case .other: "第三条第（四）项"
        }
    }

    /// By English code or Chinese name.
    public init?(text: String) {
        guard let kind = Self(rawValue: text) ?? Self.allCases.first(where: { $0.label == text }) else { return nil }
        self = kind
    }
}

/// What a check outside the draw found.
public enum OutsideCheckOutcome: String, Sendable, Codable, CaseIterable {
    case noProblem
    case correctionOrdered
    case caseFiled
    case transferred
    case followUpPending

    /// Chinese name.
    public var label: String {
        switch self {
        case .noProblem: "未发现问题"
        case .correctionOrdered: "发现问题已责令改正"
        case .caseFiled: "发现问题已立案查处"
        case .transferred: "发现问题已移送有关部门"
        case .followUpPending: "发现问题待后续处理"
        }
    }

    /// Whether a problem was found.
    public var isProblem: Bool { self != .noProblem }

    /// By English code or Chinese name.
    public init?(text: String) {
        guard let outcome = Self(rawValue: text) ?? Self.allCases.first(where: { $0.label == text }) else { return nil }
        self = outcome
    }
}

/// A check of a target made outside the double-random draw (§3): recorded by the department's
/// staff, it counts as an inspection of the year for the once-a-year rule of the draw (§14) and
/// is counted in oversight as its own kind, never as a random inspection.
///
/// Not to be confused with a target *flag* (投诉举报、转办交办、立案查处) that exempts a target from
/// the once-a-year exclusion: a flag lets a target be drawn again; this record says a check
/// happened.
public struct OutsideCheck: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// The department that checked (the target is in its library).
    public var department: String
    public var targetUID: String
    public var targetName: String
    public var kind: OutsideCheckKind
    /// The day of the check.
    public var checkedOn: CalendarDate
    /// Where the case came from: the complaint number, the assigning document (交办文号), the campaign.
    public var source: String
    /// The officers who checked, by name.
    public var inspectors: [String]
    public var outcome: OutsideCheckOutcome
    public var notes: String
    public var recordedBy: String
    public var recordedAt: Date

    /// Creates a record.
    public init(
        id: Int64 = 0, department: String, targetUID: String, targetName: String, kind: OutsideCheckKind, checkedOn: CalendarDate,
        source: String, inspectors: [String], outcome: OutsideCheckOutcome, notes: String = "", recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.department = department
        self.targetUID = targetUID
        self.targetName = targetName
        self.kind = kind
        self.checkedOn = checkedOn
        self.source = source
        self.inspectors = inspectors
        self.outcome = outcome
        self.notes = notes
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
