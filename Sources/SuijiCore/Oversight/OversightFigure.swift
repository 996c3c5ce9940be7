// SPDX-License-Identifier: Apache-2.0

/// What rows a figure counts.
public enum OversightSubject: String, Sendable, Codable {
    case plan
    case draw
    case inspection
    case followUp
}

/// One counted figure of an oversight report (docs/oversight.md defines each one).
public enum OversightFigure: String, Sendable, Codable, CaseIterable {
    /// 计划数: plans the department initiated, past draft, whose window overlaps the period.
    case plans
    /// 已实施: of `plans`, those with an executed draw.
    case plansExecuted
    /// 执行抽取: draws of the department's plans executed in the period.
    case draws
    /// 应完成: inspections whose result due date falls in the period, before the counting day.
    case due
    /// 已录入: of `due`, results submitted at least once.
    case submitted
    /// 按期完成: of `due`, first submitted on or before the due date.
    case onTime
    /// 未按期完成: of `due`, submitted after the due date or still not submitted past it.
    case notOnTime
    /// 逾期未录入: of `notOnTime`, still not submitted.
    case overdue
    /// 已公示: of `due`, results published.
    case published
    /// 发现问题: of `published`, with a problem category.
    case problems
    /// 不配合检查: of `published`, with serious non-cooperation recorded (§18).
    case nonCooperation
    /// 新增处置: follow-ups opened in the period.
    case followUpsOpened
    /// 已办结: of `followUpsOpened`, closed.
    case followUpsClosed
    /// 办理中: of `followUpsOpened`, still open.
    case followUpsOpen
    /// 逾期未整改: of `followUpsOpen`, rectifications past their deadline.
    case followUpsOverdue

    /// Chinese name.
    public var label: String {
        switch self {
        case .plans: "计划数"
        case .plansExecuted: "已实施计划"
        case .draws: "执行抽取"
        case .due: "应完成检查"
        case .submitted: "已录入"
        case .onTime: "按期完成"
        case .notOnTime: "未按期完成"
        case .overdue: "其中逾期未录入"
        case .published: "已公示"
        case .problems: "发现问题"
        case .nonCooperation: "不配合检查"
        case .followUpsOpened: "新增后续处置"
        case .followUpsClosed: "已办结"
        case .followUpsOpen: "办理中"
        case .followUpsOverdue: "逾期未整改"
        }
    }

    /// The rows it counts.
    public var subject: OversightSubject {
        switch self {
        case .plans, .plansExecuted: .plan
        case .draws: .draw
        case .due, .submitted, .onTime, .notOnTime, .overdue, .published, .problems, .nonCooperation: .inspection
        case .followUpsOpened, .followUpsClosed, .followUpsOpen, .followUpsOverdue: .followUp
        }
    }

    /// Whether it has a month: plans span months and are counted per department only.
    public var isMonthly: Bool { subject != .plan }
}

/// A rate of an oversight report: numerator ÷ denominator, nil when the denominator is 0.
public enum OversightRate: String, Sendable, Codable, CaseIterable {
    /// 完成率 = 已公示 ÷ 应完成
    case completion
    /// 按期完成率 = 按期完成 ÷ 应完成
    case onTime
    /// 问题发现率 = 发现问题 ÷ 已公示
    case problem
    /// 办结率 = 已办结 ÷ 新增后续处置
    case closure

    /// Chinese name.
    public var label: String {
        switch self {
        case .completion: "完成率"
        case .onTime: "按期完成率"
        case .problem: "问题发现率"
        case .closure: "后续处置办结率"
        }
    }

    public var numerator: OversightFigure {
        switch self {
        case .completion: .published
        case .onTime: .onTime
        case .problem: .problems
        case .closure: .followUpsClosed
        }
    }

    public var denominator: OversightFigure {
        switch self {
        case .completion, .onTime: .due
        case .problem: .published
        case .closure: .followUpsOpened
        }
    }

    /// The rate as a percentage with one decimal, e.g. `87.5%`, or `—` without a denominator.
    public static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
