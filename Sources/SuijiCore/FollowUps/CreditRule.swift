// SPDX-License-Identifier: Apache-2.0

/// One published result in a target's credit record (§19).
public struct CreditRecord: Sendable, Codable, Equatable {
    public var inspectionID: Int64
    /// The day the result was published.
    public var date: CalendarDate
    /// The publishing (initiating) department.
    public var department: String
    /// The result categories, by code, in the order of the plan's items.
    public var categories: [String]
    /// A problem was found (`ResultCategory.isProblem`).
    public var problem: Bool
    /// Serious non-cooperation or false publicity (公示信息隐瞒真实情况弄虚作假).
    public var serious: Bool

    /// Creates a record.
    public init(inspectionID: Int64, date: CalendarDate, department: String, categories: [String], problem: Bool, serious: Bool) {
        self.inspectionID = inspectionID
        self.date = date
        self.department = department
        self.categories = categories
        self.problem = problem || serious
        self.serious = serious
    }

    /// The record of an inspection's findings published on `date`.
    public init(inspection: Inspection, date: CalendarDate) {
        let categories = inspection.findings.map(\.category)
        self.init(
            inspectionID: inspection.id, date: date, department: inspection.initiator, categories: categories.map(\.code),
            problem: categories.contains { $0.isProblem },
            serious: categories.contains { $0.code == ResultCategory.nonCooperation.code || $0.code == ResultCategory.falsePublicity.code })
    }
}

/// The risk class a rule decides, and why (kept in the risk-class history).
public struct CreditDecision: Sendable, Codable, Equatable {
    public var riskClass: RiskClass
    /// Chinese reason; empty when the class is unchanged.
    public var reason: String

    /// Creates a decision.
    public init(riskClass: RiskClass, reason: String) {
        self.riskClass = riskClass
        self.reason = reason
    }
}

/// The documented, configurable rule that recomputes a target's risk class from its credit
/// record (§19). With the default parameters:
///
/// | Latest published result                         | New class                          |
/// |-------------------------------------------------|------------------------------------|
/// | 不配合检查情节严重 or 公示信息隐瞒真实情况弄虚作假 | D                                  |
/// | another problem found                           | one step up (A→B→C→D), D stays D   |
/// | no problem, none in the last `cleanMonths`      | one step down once per clean span  |
/// | no problem, a problem within `cleanMonths`      | unchanged                          |
///
/// A raise holds for `raiseMonths` (12): only after that many months without a problem is the
/// class lowered, one step per further clean span (the last lowering starts a new span).
public struct CreditRule: Sendable, Codable, Equatable {
    /// How long a raise holds, in months.
    public var raiseMonths: Int
    /// Months without a problem before the class is lowered one step.
    public var cleanMonths: Int
    /// The class set by serious non-cooperation or false publicity.
    public var seriousClass: RiskClass
    /// The lowest class a lowering reaches.
    public var floor: RiskClass

    /// Creates a rule.
    public init(raiseMonths: Int = 12, cleanMonths: Int = 12, seriousClass: RiskClass = .d, floor: RiskClass = .a) {
        self.raiseMonths = raiseMonths
        self.cleanMonths = cleanMonths
        self.seriousClass = seriousClass
        self.floor = floor
    }

    /// The rule of §19 with its default parameters.
    public static let standard = CreditRule()

    /// The class in force after the latest record of `history` (up to `today`); `lastLowered`
    /// is the day the class was last lowered, if ever (a clean span restarts there).
    public func newClass(current: RiskClass, history: [CreditRecord], today: CalendarDate, lastLowered: CalendarDate? = nil)
        -> CreditDecision
    {
        let records = history.filter { $0.date <= today }.sorted { $0.date < $1.date }
        guard let latest = records.last else { return CreditDecision(riskClass: current, reason: "") }
        if latest.serious {
            guard current != seriousClass else { return CreditDecision(riskClass: current, reason: "") }
            return CreditDecision(riskClass: seriousClass, reason: "不配合检查情节严重或公示信息隐瞒真实情况弄虚作假，列为\(seriousClass.rawValue)类")
        }
        if latest.problem {
            guard let up = current.step(1) else { return CreditDecision(riskClass: current, reason: "") }
            return CreditDecision(riskClass: up, reason: "抽查发现问题，风险等级上调一级（\(raiseMonths)个月）")
        }
        return lowering(current: current, history: records, today: today, lastLowered: lastLowered)
            ?? CreditDecision(riskClass: current, reason: "")
    }

    /// The lowering due on `today`, if any: one step down once the clean span since the last
    /// problem (or the last lowering, or the first record) has lasted `cleanMonths` (at least
    /// `raiseMonths` after a problem). Applied when a result is published and, for targets
    /// not inspected again, by the scheduled lowering (`suiji credit apply-lowering`).
    public func lowering(current: RiskClass, history: [CreditRecord], today: CalendarDate, lastLowered: CalendarDate? = nil)
        -> CreditDecision?
    {
        let records = history.filter { $0.date <= today }.sorted { $0.date < $1.date }
        guard let first = records.first?.date else { return nil }
        let lastProblem = records.last { $0.problem }?.date
        let months = lastProblem == nil ? cleanMonths : max(cleanMonths, raiseMonths)
        let spanStart = [lastProblem, lastLowered, first].compactMap { $0 }.max()!
        guard current > floor, let down = current.step(-1), spanStart.addingMonths(months) <= today else { return nil }
        return CreditDecision(riskClass: down, reason: "连续\(months)个月未发现问题，风险等级下调一级")
    }
}

extension RiskClass {
    /// The class `steps` steps higher (positive) or lower (negative), nil past A or D.
    public func step(_ steps: Int) -> RiskClass? {
        let all = RiskClass.allCases
        let index = all.firstIndex(of: self)! + steps
        return all.indices.contains(index) ? all[index] : nil
    }
}

extension CalendarDate {
    /// The same day `months` months later, clamped to the month's last day.
    public func addingMonths(_ months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        let newDay = min(day, CalendarDate.daysInMonth(year: newYear, month: newMonth))
        return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
    }
}
