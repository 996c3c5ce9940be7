// SPDX-License-Identifier: Apache-2.0

// The draw's rules (`Rounding`) are part of the plan's vocabulary: whoever imports SuijiCore
// writes `.ceil` and reads `.label` without importing SuijiDraw too.
@_exported import SuijiDraw

/// How a per-mille ratio becomes a count; published with the draw. The draw's own `Rounding`
/// (rule, label, default), named here for the plan code written against this name.
public typealias RatioRounding = Rounding

extension Rounding {
    /// The rounding a form field names by its code; an empty field is the default.
    public init(formValue text: String) throws(PlanError) {
        if text.isEmpty {
            self = .default
        } else if let rounding = Rounding(rawValue: text) {
            self = rounding
        } else {
            let known = Rounding.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")
            throw .invalid([FieldIssue(field: "rounding", message: "取整方式“\(text)”无效，应为 \(known)")])
        }
    }
}

/// How many targets a batch draws (§13–§14).
public enum SampleSize: Sendable, Codable, Equatable {
    /// A fixed number from the whole pool (one stratum).
    case count(Int)
    /// Per risk class A…D, in per-mille of the class's eligible targets (1000 = all).
    case ratios(a: Int, b: Int, c: Int, d: Int, rounding: RatioRounding)

    /// The per-mille of a class, for `ratios`.
    public func permille(_ risk: RiskClass) -> Int? {
        guard case .ratios(let a, let b, let c, let d, _) = self else { return nil }
        switch risk {
        case .a: return a
        case .b: return b
        case .c: return c
        case .d: return d
        }
    }
}

/// A batch (批次) of a plan: a date window and a sample size.
public struct Batch: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var planID: Int64
    /// Token, e.g. `B1`.
    public var code: String
    public var start: CalendarDate
    public var end: CalendarDate
    public var size: SampleSize
    /// 所所交叉: inspectors are not sent to targets of their own station's area.
    public var crossUnit: Bool
    /// Extra load per inspector above the balanced cap.
    public var capExtra: Int

    public init(
        id: Int64 = 0, planID: Int64, code: String, start: CalendarDate, end: CalendarDate, size: SampleSize,
        crossUnit: Bool = false, capExtra: Int = 0
    ) {
        self.id = id
        self.planID = planID
        self.code = code
        self.start = start
        self.end = end
        self.size = size
        self.crossUnit = crossUnit
        self.capExtra = capExtra
    }

    /// Rules: window inside the plan's, sizes in range.
    public func validate(in plan: Plan) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if !StableID.isValid(code) { issues.append(FieldIssue(field: "code", message: "批次编号只能由数字、大写字母和“-”组成")) }
        if end < start { issues.append(FieldIssue(field: "end", message: "批次结束日期不能早于开始日期")) }
        if start < plan.windowStart || end > plan.windowEnd {
            issues.append(FieldIssue(field: "start", message: "批次时间应在计划时间 \(plan.windowStart.iso) 至 \(plan.windowEnd.iso) 内"))
        }
        switch size {
        case .count(let n) where !(1...Self.maxCount).contains(n):
            issues.append(FieldIssue(field: "count", message: "抽取数量应为 1–\(Self.maxCount) 之间的整数，实际为 \(n)"))
        case .ratios(let a, let b, let c, let d, _) where [a, b, c, d].contains(where: { !(0...1000).contains($0) }):
            issues.append(FieldIssue(field: "ratios", message: "各风险等级的抽查比例应为 0–1000 之间的千分比"))
        case .ratios(0, 0, 0, 0, _):
            issues.append(FieldIssue(field: "ratios", message: "各风险等级的抽查比例不能全为 0：至少一个等级要抽取"))
        default: break
        }
        if !(0...Self.maxCapExtra).contains(capExtra) {
            issues.append(FieldIssue(field: "capExtra", message: "人员负载余量应为 0–\(Self.maxCapExtra) 之间的整数，实际为 \(capExtra)"))
        }
        return issues
    }

    /// The most targets one batch may draw: far above any district's library, far below any
    /// overflow in the draw's arithmetic.
    public static let maxCount = 1_000_000
    /// The most extra load per inspector above the balanced cap.
    public static let maxCapExtra = 10_000
}

/// The life of a draw (§14): prepared (inputs fixed) → committed (published, immutable) →
/// executed (revealed inputs applied, record published).
public enum DrawState: String, Sendable, Codable, CaseIterable {
    case prepared
    case committed
    case executed

    /// Chinese name.
    public var label: String {
        switch self {
        case .prepared: "待承诺"
        case .committed: "已承诺，待揭示"
        case .executed: "已抽取"
        }
    }
}
