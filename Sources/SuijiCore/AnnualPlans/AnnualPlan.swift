// SPDX-License-Identifier: Apache-2.0

/// One joint plan as it appears in the district's annual plan (年度部门联合抽查计划): what the
/// public sees, with names resolved.
public struct AnnualPlanEntry: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        public var department: String
        public var code: String
        public var name: String

        public init(department: String, code: String, name: String) {
            self.department = department
            self.code = code
            self.name = name
        }
    }

    public var planCode: String
    public var planName: String
    public var initiator: String
    public var initiatorName: String
    public var participants: [String]
    public var participantNames: [String]
    public var items: [Item]
    public var scope: TargetScope
    /// The scope in words.
    public var scopeText: String
    public var windowStart: CalendarDate
    public var windowEnd: CalendarDate
    /// Codes of the plans merged into this one.
    public var mergedFrom: [String]

    public init(
        planCode: String, planName: String, initiator: String, initiatorName: String, participants: [String], participantNames: [String],
        items: [Item], scope: TargetScope, scopeText: String, windowStart: CalendarDate, windowEnd: CalendarDate, mergedFrom: [String]
    ) {
        self.planCode = planCode
        self.planName = planName
        self.initiator = initiator
        self.initiatorName = initiatorName
        self.participants = participants
        self.participantNames = participantNames
        self.items = items
        self.scope = scope
        self.scopeText = scopeText
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.mergedFrom = mergedFrom
    }
}

/// A published version of a year's annual plan; later changes publish a new version and every
/// version stays visible.
public struct AnnualPlanVersion: Sendable, Codable, Equatable {
    public var year: Int
    public var version: Int
    /// The office's note (what changed and why).
    public var note: String
    public var publishedBy: String
    public var publishedAt: String
    public var entries: [AnnualPlanEntry]

    public init(year: Int, version: Int, note: String, publishedBy: String, publishedAt: String, entries: [AnnualPlanEntry]) {
        self.year = year
        self.version = version
        self.note = note
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.entries = entries
    }
}

/// What changed between two versions' entries, by plan code.
public struct AnnualPlanChanges: Sendable, Codable, Equatable {
    public var added: [String]
    public var removed: [String]
    public var changed: [String]

    public init(from previous: [AnnualPlanEntry], to current: [AnnualPlanEntry]) {
        let old = Dictionary(previous.map { ($0.planCode, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(current.map { ($0.planCode, $0) }, uniquingKeysWith: { a, _ in a })
        added = current.map(\.planCode).filter { old[$0] == nil }
        removed = previous.map(\.planCode).filter { new[$0] == nil }
        changed = current.map(\.planCode).filter { code in old[code].map { $0 != new[code] } ?? false }
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// "新增 A；移除 B；调整 C", or "无变化".
    public var summary: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("新增 " + added.joined(separator: "、")) }
        if !removed.isEmpty { parts.append("移除 " + removed.joined(separator: "、")) }
        if !changed.isEmpty { parts.append("调整 " + changed.joined(separator: "、")) }
        return parts.isEmpty ? "无变化" : parts.joined(separator: "；")
    }
}

/// Which plans make up a year's annual plan, and whether it may be published now.
public enum AnnualPlanRule {
    /// Plans the office has approved (and those already under way or done).
    public static func isIncluded(_ plan: Plan) -> Bool { PlanPolicy.isPublic(plan) }

    /// Problems that block publishing a new version: plans still awaiting the office's decision,
    /// nothing to publish, no change from the last version, a missing note on a later version.
    public static func publishIssues(plans: [Plan], entries: [AnnualPlanEntry], previous: AnnualPlanVersion?, note: String) -> [FieldIssue]
    {
        var issues: [FieldIssue] = []
        let pending = plans.filter { $0.state == .submitted }.map(\.code)
        if !pending.isEmpty {
            issues.append(FieldIssue(field: "plans", message: "以下计划尚待办公室批准、退回或合并：" + pending.joined(separator: "、")))
        }
        if entries.isEmpty { issues.append(FieldIssue(field: "plans", message: "本年度还没有已批准的联合抽查计划")) }
        if let previous {
            if AnnualPlanChanges(from: previous.entries, to: entries).isEmpty {
                issues.append(FieldIssue(field: "plans", message: "与第 \(previous.version) 版相比没有变化，无需发布新版本"))
            }
            if note.trimmed.isEmpty { issues.append(FieldIssue(field: "note", message: "发布变更版本须写明变更说明")) }
        }
        return issues
    }
}
