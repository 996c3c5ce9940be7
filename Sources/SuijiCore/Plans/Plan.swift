// SPDX-License-Identifier: Apache-2.0

/// Which targets a plan covers; empty lists mean "any". `undirected` (不定向) takes every
/// target of the departments' libraries.
public struct TargetScope: Sendable, Codable, Equatable {
    public var kinds: [TargetKind]
    /// Division or street codes; a target matches when one is a prefix of its division or street.
    public var areas: [String]
    /// Industry code prefixes (GB/T 4754), e.g. `307` for ceramics.
    public var industries: [String]
    /// Check item codes the target must be tagged with (分类标注), any of them.
    public var tags: [String]

    public init(kinds: [TargetKind] = [], areas: [String] = [], industries: [String] = [], tags: [String] = []) {
        self.kinds = kinds
        self.areas = areas
        self.industries = industries
        self.tags = tags
    }

    /// Whether the scope is 不定向 (no restriction at all).
    public var isUndirected: Bool { kinds.isEmpty && areas.isEmpty && industries.isEmpty && tags.isEmpty }

    /// Whether `target` is inside the scope.
    public func contains(_ target: Target) -> Bool {
        if !kinds.isEmpty && !kinds.contains(target.kind) { return false }
        if !areas.isEmpty && !areas.contains(where: { target.division.hasPrefix($0) || target.street.hasPrefix($0) }) {
            return false
        }
        if !industries.isEmpty && !industries.contains(where: { target.industry.hasPrefix($0) }) { return false }
        if !tags.isEmpty && !tags.contains(where: { target.tags.contains($0) }) { return false }
        return true
    }
}

/// One department's check item in a joint plan.
public struct PlanItem: Sendable, Codable, Equatable, Hashable {
    public var department: String
    public var code: String

    public init(department: String, code: String) {
        self.department = department
        self.code = code
    }
}

/// A joint plan (部门联合抽查计划, §12): initiator, participants, items, scope, window.
public struct Plan: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// Short token, e.g. `2026-SAMR-01`; used in draw records.
    public var code: String
    public var name: String
    public var year: Int
    /// The initiating department (发起部门).
    public var initiator: String
    /// Participating departments (参与部门), without the initiator.
    public var participants: [String]
    public var items: [PlanItem]
    public var scope: TargetScope
    public var windowStart: CalendarDate
    public var windowEnd: CalendarDate
    public var notes: String
    public var state: PlanState
    /// Published on the public portal by the office.
    public var published: Bool

    public init(
        id: Int64 = 0, code: String, name: String, year: Int, initiator: String, participants: [String] = [],
        items: [PlanItem], scope: TargetScope = TargetScope(), windowStart: CalendarDate, windowEnd: CalendarDate,
        notes: String = "", state: PlanState = .draft, published: Bool = false
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.year = year
        self.initiator = initiator
        self.participants = participants
        self.items = items
        self.scope = scope
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.notes = notes
        self.state = state
        self.published = published
    }

    /// The initiator first, then the participants: the order of draw commitments.
    public var departments: [String] { [initiator] + participants }

    /// Whether `department` takes part.
    public func involves(_ department: String) -> Bool { departments.contains(department) }

    /// Structural rules: window inside the year, the initiator has items, each item belongs to a
    /// department of the plan, at most 16 departments.
    public func validate() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if name.trimmed.isEmpty { issues.append(FieldIssue(field: "name", message: "计划名称不能为空")) }
        for (field, label, text) in [("name", "计划名称", name), ("notes", "备注", notes)] + scope.tags.map({ ("scope", "抽查对象标注", $0) }) {
            if let issue = TextSafety.issue(text, field: field, label: label) { issues.append(issue) }
        }
        if !StableID.isValid(code) { issues.append(FieldIssue(field: "code", message: "计划编号只能由数字、大写字母和“-”组成")) }
        if windowEnd < windowStart { issues.append(FieldIssue(field: "windowEnd", message: "结束日期不能早于开始日期")) }
        if windowStart.year != year || windowEnd.year != year {
            issues.append(FieldIssue(field: "windowStart", message: "抽查时间应在计划年度 \(year) 年内"))
        }
        if Set(departments).count != departments.count {
            issues.append(FieldIssue(field: "participants", message: "参与部门重复，或包含发起部门"))
        }
        if !items.contains(where: { $0.department == initiator }) {
            issues.append(FieldIssue(field: "items", message: "发起部门至少要有一个抽查事项"))
        }
        for item in items where !involves(item.department) {
            issues.append(FieldIssue(field: "items", message: "事项 \(item.code) 所属部门 \(item.department) 不在本计划中"))
        }
        return issues
    }
}
