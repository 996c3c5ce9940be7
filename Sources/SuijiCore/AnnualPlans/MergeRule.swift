// SPDX-License-Identifier: Apache-2.0

/// When the office is shown a merge proposal (§12: "对检查对象和检查方式等相近的，协调相关部门合并安排").
///
/// Two plans of the same year, both submitted, are proposed for merging when all three hold:
/// 1. their time windows overlap (at least one common day);
/// 2. their eligible targets overlap strongly: |A ∩ B| / min(|A|, |B|) ≥ `targetOverlapPermille` / 1000,
///    where a plan's eligible targets are the operating targets in its scope, read from its
///    departments' libraries exactly as its draws read them;
/// 3. their check methods are alike: |M ∩ N| / min(|M|, |N|) ≥ `methodOverlapPermille` / 1000, where
///    a plan's methods are the union of its items' check methods.
/// The measure is documented in docs/annual-plan.md.
public struct MergeCriteria: Sendable, Codable, Equatable {
    /// Minimum overlap of eligible targets, per mille of the smaller set (default 500 = half).
    public var targetOverlapPermille: Int
    /// Minimum overlap of check methods, per mille of the smaller set (default 500).
    public var methodOverlapPermille: Int

    public init(targetOverlapPermille: Int = 500, methodOverlapPermille: Int = 500) {
        self.targetOverlapPermille = targetOverlapPermille
        self.methodOverlapPermille = methodOverlapPermille
    }

    public static let standard = MergeCriteria()
}

/// A plan with what the merge measure needs: its eligible target ids and its check methods.
public struct MergeCandidate: Sendable, Equatable {
    public var plan: Plan
    public var eligible: Set<String>
    public var methods: Set<CheckMethod>

    public init(plan: Plan, eligible: Set<String>, methods: Set<CheckMethod>) {
        self.plan = plan
        self.eligible = eligible
        self.methods = methods
    }
}

/// The measured closeness of two plans.
public struct MergeMeasure: Sendable, Codable, Equatable {
    public var commonTargets: Int
    public var smallerTargets: Int
    /// commonTargets / smallerTargets, per mille (rounded down).
    public var targetOverlapPermille: Int
    public var commonMethods: [CheckMethod]
    public var methodOverlapPermille: Int
    /// Days both windows cover (0 when they do not overlap).
    public var commonDays: Int

    public init(
        commonTargets: Int, smallerTargets: Int, targetOverlapPermille: Int, commonMethods: [CheckMethod], methodOverlapPermille: Int,
        commonDays: Int
    ) {
        self.commonTargets = commonTargets
        self.smallerTargets = smallerTargets
        self.targetOverlapPermille = targetOverlapPermille
        self.commonMethods = commonMethods
        self.methodOverlapPermille = methodOverlapPermille
        self.commonDays = commonDays
    }

    /// The measure of `a` and `b`.
    public static func of(_ a: MergeCandidate, _ b: MergeCandidate) -> MergeMeasure {
        let common = a.eligible.intersection(b.eligible).count
        let smaller = min(a.eligible.count, b.eligible.count)
        let methods = a.methods.intersection(b.methods)
        let smallerMethods = min(a.methods.count, b.methods.count)
        let start = max(a.plan.windowStart, b.plan.windowStart)
        let end = min(a.plan.windowEnd, b.plan.windowEnd)
        return MergeMeasure(
            commonTargets: common, smallerTargets: smaller, targetOverlapPermille: smaller == 0 ? 0 : common * 1000 / smaller,
            commonMethods: CheckMethod.allCases.filter(methods.contains),
            methodOverlapPermille: smallerMethods == 0 ? 0 : methods.count * 1000 / smallerMethods,
            commonDays: end < start ? 0 : start.days(to: end) + 1)
    }

    /// Whether the measure meets `criteria`.
    public func meets(_ criteria: MergeCriteria) -> Bool {
        commonDays > 0 && smallerTargets > 0 && targetOverlapPermille >= criteria.targetOverlapPermille
            && !commonMethods.isEmpty && methodOverlapPermille >= criteria.methodOverlapPermille
    }

    /// "共同对象 12/20（600‰）；共同检查方式 实地核查；共同时间 30 天".
    public var summary: String {
        "共同检查对象 \(commonTargets)/\(smallerTargets)（\(targetOverlapPermille)‰）；共同检查方式 "
            + (commonMethods.isEmpty ? "无" : commonMethods.map(\.label).joined(separator: "、"))
            + "（\(methodOverlapPermille)‰）；共同抽查时间 \(commonDays) 天"
    }
}

/// The pairs of plans to propose for merging.
public enum MergeRule {
    /// Whether `plan` takes part in merge proposals: submitted to the office and not yet decided.
    public static func isMergeable(_ plan: Plan) -> Bool { plan.state == .submitted }

    /// Every pair (lower plan id first, ordered by ids) of mergeable candidates of the same year
    /// whose measure meets `criteria`.
    public static func proposals(_ candidates: [MergeCandidate], criteria: MergeCriteria = .standard) -> [(
        first: Plan, second: Plan, measure: MergeMeasure
    )] {
        let sorted = candidates.filter { isMergeable($0.plan) }.sorted { $0.plan.id < $1.plan.id }
        var result: [(first: Plan, second: Plan, measure: MergeMeasure)] = []
        for (index, a) in sorted.enumerated() {
            for b in sorted[(index + 1)...] where a.plan.year == b.plan.year {
                let measure = MergeMeasure.of(a, b)
                if measure.meets(criteria) { result.append((a.plan, b.plan, measure)) }
            }
        }
        return result
    }

    /// The joint plan that replaces `plans` (in the given order): the first plan's initiator leads;
    /// every other department takes part; items are the union; the scope is the smallest scope
    /// holding both (per dimension the union of the lists, or "any" when a plan leaves it open);
    /// the window runs from the earliest start to the latest end. It starts as submitted.
    public static func merged(_ plans: [Plan], code: String, note: String) -> Plan {
        let first = plans[0]
        var departments: [String] = []
        var items: [PlanItem] = []
        for plan in plans {
            for department in plan.departments where !departments.contains(department) { departments.append(department) }
            for item in plan.items where !items.contains(item) { items.append(item) }
        }
        func union<T: Equatable>(_ lists: [[T]]) -> [T] {
            if lists.contains(where: \.isEmpty) { return [] }
            var result: [T] = []
            for list in lists { for value in list where !result.contains(value) { result.append(value) } }
            return result
        }
        let scopes = plans.map(\.scope)
        return Plan(
            code: code, name: "合并计划：" + plans.map(\.name).joined(separator: "；"), year: first.year, initiator: first.initiator,
            participants: Array(departments.dropFirst()), items: items,
            scope: TargetScope(
                kinds: union(scopes.map(\.kinds)), areas: union(scopes.map(\.areas)), industries: union(scopes.map(\.industries)),
                tags: union(scopes.map(\.tags))),
            windowStart: plans.map(\.windowStart).min()!, windowEnd: plans.map(\.windowEnd).max()!,
            notes: "由 " + plans.map(\.code).joined(separator: "、") + " 合并。" + note, state: .submitted)
    }
}
