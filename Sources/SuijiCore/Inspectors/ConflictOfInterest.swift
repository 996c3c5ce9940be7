// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The kind of a declared conflict of interest (回避情形).
public enum ConflictKind: String, Sendable, Codable, CaseIterable {
    /// 近亲属关系
    case kinship
    /// 曾在该单位任职
    case formerEmployment
    /// 投资或持股
    case investment
    /// 其他（需说明）
    case other

    /// Chinese name.
    public var label: String {
        switch self {
        case .kinship: "近亲属关系"
        case .formerEmployment: "曾在该单位任职"
        case .investment: "投资或持股"
        case .other: "其他"
        }
    }
}

/// A conflict of interest an inspector declared with a target: the inspector is never matched to it.
public struct ConflictOfInterest: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var inspectorID: Int64
    /// Credit code or stable id of the target.
    public var targetUID: String
    public var kind: ConflictKind
    public var note: String
    public var declaredOn: CalendarDate

    public init(
        id: Int64 = 0, inspectorID: Int64, targetUID: String, kind: ConflictKind, note: String,
        declaredOn: CalendarDate
    ) {
        self.id = id
        self.inspectorID = inspectorID
        self.targetUID = targetUID
        self.kind = kind
        self.note = note
        self.declaredOn = declaredOn
    }

    /// Checks the rule that "other" needs a note.
    public func validate() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if kind == .other && note.trimmed.isEmpty {
            issues.append(FieldIssue(field: "note", message: "回避情形为“其他”时必须填写说明"))
        }
        if targetUID.isEmpty {
            issues.append(FieldIssue(field: "targetUID", message: "必须指明回避的检查对象"))
        }
        return issues
    }
}
