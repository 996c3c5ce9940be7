// SPDX-License-Identifier: Apache-2.0

/// §14: a target is not randomly checked twice in one year on the same item, unless the item is
/// a key item (重点检查事项) or a 投诉举报 / 转办交办 / 立案查处 case is recorded on the target in
/// that year. The rule applies per target and per item: a plan's key items never exclude
/// anyone, its other items exclude the targets already checked on them this year.
public struct OnceAYearRule: Sendable, Equatable {
    /// A random check of the target earlier in the year.
    public struct EarlierCheck: Sendable, Equatable {
        /// Where it is recorded: a draw id, or the library's 最近随机抽查日期.
        public var source: String
        /// The items it covered; nil when unknown (a date from the registry), read as every item.
        public var items: Set<PlanItem>?

        public init(source: String, items: Set<PlanItem>?) {
            self.source = source
            self.items = items
        }
    }

    /// What the rule decides for one target.
    public enum Verdict: Sendable, Equatable {
        /// Never checked this year on one of the plan's ordinary items.
        case eligible
        /// Checked already, but a case recorded in the year lifts the rule.
        case exempt(CaseFlag)
        /// Checked already this year on these ordinary (not key) items of the plan.
        case excluded(repeated: [PlanItem], by: [String])
    }

    public let year: Int
    /// The plan's items that are not key items, in plan order: only these cannot be repeated.
    public let ordinaryItems: [PlanItem]

    /// The rule for a plan of `year` checking `items`, of which `keyItems` are key items.
    public init(year: Int, items: [PlanItem], keyItems: Set<PlanItem>) {
        self.year = year
        ordinaryItems = items.filter { !keyItems.contains($0) }
    }

    /// Whether the rule can exclude anyone at all (not when every item is a key item).
    public var applies: Bool { !ordinaryItems.isEmpty }

    /// The verdict for a target with `earlier` checks this year and the case `flag`, if any.
    public func verdict(earlier: [EarlierCheck], flag: CaseFlag?) -> Verdict {
        var repeated: [PlanItem] = []
        var sources: [String] = []
        for check in earlier {
            let items = ordinaryItems.filter { check.items?.contains($0) ?? true }
            guard !items.isEmpty else { continue }
            sources.append(check.source)
            for item in items where !repeated.contains(item) { repeated.append(item) }
        }
        if repeated.isEmpty { return .eligible }
        if let flag, flag.date.year == year { return .exempt(flag) }
        return .excluded(repeated: ordinaryItems.filter(repeated.contains), by: sources)
    }
}
