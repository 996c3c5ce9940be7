// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw

/// What a draw of a plan (and batch) would start from today: the pool per risk class, the
/// exclusions, and how many targets each class would give. Computed by the draw's own code: the
/// same population (scope, operating status, once-a-year rule, key items) and the same sample
/// rules and rounding (`StratumParameter`), so the preview cannot disagree with the draw.
public struct PoolPreview: Sendable, Equatable {
    /// One risk class (or the single stratum `ALL` of a fixed count).
    public struct Stratum: Sendable, Equatable {
        public var label: String
        /// Eligible targets of the class.
        public var size: Int
        /// Targets a draw would select (nil without a batch).
        public var sample: Int?
        /// The replacement list's length (nil without a batch).
        public var replacements: Int?
        /// Targets of the class excluded before the draw.
        public var excluded: Int
    }

    public var strata: [Stratum]
    /// Excluded targets by reason.
    public var excluded: [ExclusionReason: Int]
    /// A key item lifts the once-a-year exclusion.
    public var keyItem: Bool

    /// Eligible targets in all.
    public var eligible: Int { strata.reduce(0) { $0 + $1.size } }
    /// Targets a draw would select in all (nil without a batch).
    public var sample: Int? { strata.contains { $0.sample == nil } ? nil : strata.reduce(0) { $0 + ($1.sample ?? 0) } }
}

extension DrawStore {
    /// The preview of `plan` (not necessarily stored) and, when given, `batch`: without a batch
    /// the pool per risk class only. Readable by department admins and the office.
    public func preview(plan: Plan, batch: Batch?, for account: Account) async throws -> PoolPreview {
        guard account.role == .departmentAdmin || account.role == .office else {
            throw PlanError.forbidden("只有部门管理员和联席会议办公室可以预览抽取池")
        }
        // Without a batch: every class, no sample (ratios of 0 ‰ stratify by risk class).
        let sizing =
            batch
            ?? Batch(
                planID: plan.id, code: "PREVIEW", start: plan.windowStart, end: plan.windowEnd,
                size: .ratios(a: 0, b: 0, c: 0, d: 0, rounding: .ceil))
        let (pool, excluded, rules, flags) = try await database.read { db in
            try await Self.population(
                plan: plan, batch: sizing, areas: try await AreaStore.resolver(on: db), database: database, on: db)
        }
        let sizes = Dictionary(zip(pool.stratumLabels, pool.stratumSizes()), uniquingKeysWith: +)
        var excludedBy: [String: Int] = [:]
        var reasons: [ExclusionReason: Int] = [:]
        for entry in excluded.entries {
            excludedBy[entry.stratum, default: 0] += 1
            reasons[entry.reason, default: 0] += 1
        }
        let labels = rules.keys.sorted()
        let strata = labels.map { label in
            let parameter = StratumParameter(label: label, size: sizes[label] ?? 0, rule: rules[label]!, excluded: excludedBy[label] ?? 0)
            return PoolPreview.Stratum(
                label: label, size: parameter.size, sample: batch == nil ? nil : parameter.n,
                replacements: batch == nil ? nil : parameter.r, excluded: parameter.excluded)
        }
        return PoolPreview(strata: strata, excluded: reasons, keyItem: flags.keyItem)
    }
}
