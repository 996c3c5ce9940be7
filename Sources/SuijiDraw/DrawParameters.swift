// SPDX-License-Identifier: Apache-2.0

/// One `stratum` line of the parameters (spec §4).
public struct StratumParameter: Sendable, Equatable {
    /// Stratum label.
    public var label: String
    /// Number of pool targets in the stratum.
    public var size: Int
    /// Sample rule.
    public var rule: SampleRule
    /// Resulting sample size.
    public var n: Int
    /// Replacement-list length.
    public var r: Int
    /// Number of excluded targets of this stratum.
    public var excluded: Int

    /// Creates a stratum line, computing `n` and `r` from `size` and `rule`.
    public init(label: String, size: Int, rule: SampleRule, excluded: Int) {
        self.label = label
        self.size = size
        self.rule = rule
        self.n = rule.sampleSize(stratumSize: size)
        self.r = SampleRule.replacementCount(stratumSize: size, sample: n)
        self.excluded = excluded
    }
}

/// Kind of an inspection-team slot.
public enum SlotKind: String, Sendable, Equatable {
    /// Team leader from the initiating department.
    case leader
    /// Member from a participating department.
    case member
    /// Expert from the expert list (dept `EXPERT`).
    case expert
}

/// One slot of every team, in team order.
public struct SlotSpec: Sendable, Equatable {
    /// Slot name (token), unique.
    public var name: String
    /// Department code whose inspectors fill it (`EXPERT` for experts).
    public var department: String
    /// Slot kind.
    public var kind: SlotKind

    /// Creates a slot.
    public init(name: String, department: String, kind: SlotKind) {
        self.name = name
        self.department = department
        self.kind = kind
    }
}

/// Announced future public value (e.g. 中国福利彩票 3D of a named date).
public struct PublicValueAnnouncement: Sendable, Equatable {
    /// Date of the public draw, `YYYY-MM-DD`.
    public var date: String
    /// Source description.
    public var source: String

    /// Creates an announcement.
    public init(date: String, source: String) {
        self.date = date
        self.source = source
    }
}

/// Plan item a department's inspectors must be qualified for.
public struct ItemRequirement: Sendable, Equatable {
    /// Department code (or `EXPERT`).
    public var department: String
    /// Item code.
    public var code: String

    /// Creates a requirement.
    public init(department: String, code: String) {
        self.department = department
        self.code = code
    }
}

/// The complete `parameters.txt` (spec §4). Build with `make`, read with `parse`.
public struct DrawParameters: Sendable, Equatable {
    /// Draw id.
    public var drawID: String
    /// Plan id.
    public var planID: String
    /// Batch id.
    public var batchID: String
    /// First day of the batch window.
    public var batchStart: String
    /// Last day of the batch window.
    public var batchEnd: String
    /// 重点检查事项 flag.
    public var keyItem: Bool
    /// Pool size.
    public var poolSize: Int
    /// Number of excluded targets.
    public var excludedCount: Int
    /// Digest of `excluded.txt`.
    public var excludedDigest: String
    /// Digest of `inspectors.txt`.
    public var inspectorsDigest: String
    /// Digest of `conflicts.txt`.
    public var conflictsDigest: String
    /// Taking-part departments; the first is the initiator.
    public var departments: [String]
    /// Announced public value, or nil.
    public var publicValue: PublicValueAnnouncement?
    /// Strata in label order.
    public var strata: [StratumParameter]
    /// Team slots in team order (empty: no matching).
    public var slots: [SlotSpec]
    /// Item requirements sorted by (department, code).
    public var items: [ItemRequirement]
    /// Extra capacity per inspector above the balanced share.
    public var capExtra: Int
    /// 所所交叉: inspectors may not inspect targets in their own unit's area.
    public var crossUnit: Bool

    /// Builds parameters from the pool and excluded list, computing every derived field.
    public static func make(
        drawID: String, planID: String, batchID: String, batchStart: String, batchEnd: String, keyItem: Bool,
        pool: CanonicalPool, excluded: ExcludedList, rules: [String: SampleRule], departments: [String],
        publicValue: PublicValueAnnouncement?, slots: [SlotSpec] = [], items: [ItemRequirement] = [],
        capExtra: Int = 0, crossUnit: Bool = false, inspectors: InspectorTable = InspectorTable.empty,
        conflicts: ConflictList = ConflictList.empty
    ) throws(DrawError) -> DrawParameters {
        let sizes = pool.stratumSizes()
        for l in pool.stratumLabels where rules[l] == nil { throw .invalidInput(detail: "层 \(l) 缺少抽取规则") }
        let strata = rules.keys.sorted(by: TextFile.less).map { label in
            StratumParameter(
                label: label, size: pool.stratumLabels.firstIndex(of: label).map { sizes[$0] } ?? 0,
                rule: rules[label]!, excluded: excluded.count(stratum: label))
        }
        let p = DrawParameters(
            drawID: drawID, planID: planID, batchID: batchID, batchStart: batchStart, batchEnd: batchEnd,
            keyItem: keyItem, poolSize: pool.count, excludedCount: excluded.entries.count,
            excludedDigest: excluded.digest, inspectorsDigest: inspectors.digest, conflictsDigest: conflicts.digest,
            departments: departments, publicValue: publicValue, strata: strata, slots: slots,
            items: items.sorted { ($0.department, $0.code) < ($1.department, $1.code) },
            capExtra: capExtra, crossUnit: crossUnit)
        try p.validateStructure()
        return p
    }

    /// Checks grammar and the slot/item/department rules of spec §4.
    public func validateStructure() throws(DrawError) {
        func bad(_ s: String) -> DrawError { .invalidInput(detail: s) }
        for t in [drawID, planID, batchID] where !TextFile.isToken(t) { throw bad("标识 \(t)") }
        guard TextFile.isDate(batchStart), TextFile.isDate(batchEnd), batchStart <= batchEnd else { throw bad("批次日期") }
        guard !departments.isEmpty, Set(departments).count == departments.count,
            departments.allSatisfy(TextFile.isToken), !departments.contains("EXPERT")
        else { throw bad("部门列表") }
        if let pv = publicValue, !TextFile.isDate(pv.date) || !TextFile.isText(pv.source) { throw bad("公开随机值公告") }
        guard !strata.isEmpty else { throw bad("无层") }
        for (i, s) in strata.enumerated() {
            guard TextFile.isStratum(s.label), i == 0 || TextFile.less(strata[i - 1].label, s.label) else {
                throw bad("层 \(s.label)")
            }
        }
        guard capExtra >= 0 else { throw bad("cap-extra") }
        for (i, it) in items.enumerated() {
            guard TextFile.isToken(it.department), TextFile.isToken(it.code) else { throw bad("事项 \(it.code)") }
            if i > 0, !((items[i - 1].department, items[i - 1].code) < (it.department, it.code)) { throw bad("事项排序") }
        }
        if slots.isEmpty { return }
        guard Set(slots.map(\.name)).count == slots.count, slots.allSatisfy({ TextFile.isToken($0.name) }) else {
            throw bad("岗位名称")
        }
        guard slots[0].kind == .leader, slots[0].department == departments[0],
            slots.filter({ $0.kind == .leader }).count == 1
        else { throw bad("组长岗位") }
        for s in slots {
            if s.kind == .expert {
                guard s.department == "EXPERT" else { throw bad("专家岗位") }
            } else {
                guard departments.contains(s.department) else { throw bad("岗位部门 \(s.department)") }
            }
        }
        for d in departments where !slots.contains(where: { $0.department == d }) { throw bad("部门 \(d) 无岗位") }
        guard slots.filter({ $0.kind != .expert }).count >= 2 else { throw bad("执法人员少于两名") }
    }

    /// Sample size of stratum `label` (0 if absent).
    public func n(of label: String) -> Int { strata.first { $0.label == label }?.n ?? 0 }
}
