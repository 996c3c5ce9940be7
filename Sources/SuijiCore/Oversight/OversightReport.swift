// SPDX-License-Identifier: Apache-2.0

/// A row of an oversight table: the whole period, one department or one month.
public enum OversightGroup: Sendable, Hashable {
    case total
    case department(String)
    case month(YearMonth)
    case plan(Int64)

    /// The stable key: `total`, the department code, `YYYY-MM`, or `plan-<id>`.
    public var key: String {
        switch self {
        case .total: "total"
        case .department(let code): code
        case .month(let month): month.iso
        case .plan(let id): "plan-\(id)"
        }
    }

    /// The group of `key`.
    public init(key: String) {
        if key.isEmpty || key == "total" {
            self = .total
        } else if let month = YearMonth(iso: key) {
            self = .month(month)
        } else if key.hasPrefix("plan-"), let id = Int64(key.dropFirst(5)) {
            self = .plan(id)
        } else {
            self = .department(key)
        }
    }
}

/// The figures of one group.
public struct OversightTally: Sendable, Codable, Equatable {
    /// `total`, the department code, or `YYYY-MM`.
    public var key: String
    /// 合计, the department's name, or e.g. 2026年3月.
    public var label: String
    /// Every figure of the group; plan figures are missing from month rows.
    public var counts: [OversightFigure: Int]
    /// Published inspections with a finding in each problem category.
    public var categories: [ProblemCategory: Int]

    /// Creates a tally.
    public init(key: String, label: String, counts: [OversightFigure: Int], categories: [ProblemCategory: Int]) {
        self.key = key
        self.label = label
        self.counts = counts
        self.categories = categories
    }

    /// The count of `figure` (0 when it does not apply).
    public subscript(figure: OversightFigure) -> Int { counts[figure] ?? 0 }

    /// The rate, nil when its denominator is 0.
    public func rate(_ rate: OversightRate) -> Double? {
        let denominator = self[rate.denominator]
        return denominator == 0 ? nil : Double(self[rate.numerator]) / Double(denominator)
    }
}

extension OversightFigure: CodingKeyRepresentable {}
extension ProblemCategory: CodingKeyRepresentable {}

/// Oversight and evaluation statistics (§21) of a period, as of a day: per department, per
/// month and in total, with the rows behind every figure.
public struct OversightReport: Sendable {
    public var period: OversightPeriod
    /// The day overdue figures are counted on.
    public var asOf: CalendarDate
    public var departments: [Department]
    public var facts: OversightFacts
    public var byDepartment: [OversightTally]
    public var byMonth: [OversightTally]
    /// One row per plan of `plans` (initiated, not in draft, window overlapping the period).
    public var byPlan: [OversightTally]
    public var total: OversightTally

    /// Computes the report. `departments` are the rows of the department table, in order;
    /// facts of other departments count in the total only.
    public init(period: OversightPeriod, asOf: CalendarDate, departments: [Department], facts: OversightFacts) {
        self.period = period
        self.asOf = asOf
        self.departments = departments
        self.facts = facts
        self.byDepartment = []
        self.byMonth = []
        self.byPlan = []
        self.total = OversightTally(key: "total", label: "合计", counts: [:], categories: [:])
        self.byDepartment = departments.map { tally(.department($0.code), label: $0.name) }
        self.byMonth = period.months.map { tally(.month($0), label: $0.label) }
        self.byPlan = plans(.plans, in: .total).map { tally(.plan($0.id), label: "\($0.code) \($0.name)") }
        self.total = tally(.total, label: "合计")
    }

    /// The tally of `group`.
    public func tally(_ group: OversightGroup, label: String) -> OversightTally {
        // The group's inspections are selected once; each figure filters them.
        let due = dueInspections(in: group)
        var figures: [OversightFigure: Int] = [:]
        for figure in OversightFigure.allCases {
            if case .month = group, !figure.isMonthly { continue }
            figures[figure] = figure.subject == .inspection ? due.filter { counts(figure, $0) }.count : count(figure, in: group)
        }
        var categories: [ProblemCategory: Int] = [:]
        for category in ProblemCategory.allCases {
            categories[category] = due.filter { $0.state == .published && $0.has(category) }.count
        }
        return OversightTally(key: group.key, label: label, counts: figures, categories: categories)
    }

    /// How many rows `figure` counts in `group`.
    public func count(_ figure: OversightFigure, in group: OversightGroup) -> Int {
        switch figure.subject {
        case .plan: plans(figure, in: group).count
        case .draw: draws(figure, in: group).count
        case .inspection: inspections(figure, in: group).count
        case .followUp: followUps(figure, in: group).count
        }
    }

    // MARK: The rows behind the figures

    /// The plans `figure` counts in `group` (none in a month group).
    public func plans(_ figure: OversightFigure, in group: OversightGroup) -> [PlanFact] {
        guard figure.subject == .plan else { return [] }
        return facts.plans.filter { plan in
            let inGroup: Bool
            switch group {
            case .total: inGroup = true
            case .department(let code): inGroup = plan.initiator == code
            case .month: inGroup = false
            case .plan(let id): inGroup = plan.id == id
            }
            guard inGroup, plan.state != .draft, period.overlaps(plan.windowStart, plan.windowEnd) else { return false }
            return figure == .plans || plan.executedDraws > 0
        }
    }

    /// The draws `figure` counts in `group`.
    public func draws(_ figure: OversightFigure, in group: OversightGroup) -> [DrawFact] {
        guard figure == .draws else { return [] }
        return facts.draws.filter { draw in
            period.contains(draw.executedOn) && Self.matches(group, department: draw.initiator, day: draw.executedOn, plan: draw.planID)
        }
    }

    /// The inspections `figure` counts in `group`.
    public func inspections(_ figure: OversightFigure, in group: OversightGroup) -> [InspectionFact] {
        guard figure.subject == .inspection else { return [] }
        return dueInspections(in: group).filter { counts(figure, $0) }
    }

    /// Whether `figure` counts `inspection`, one of the inspections due in the period.
    func counts(_ figure: OversightFigure, _ inspection: InspectionFact) -> Bool {
        let overdue = inspection.firstSubmittedOn == nil && inspection.dueDate.map { asOf > $0 } ?? false
        switch figure {
        case .due: return true
        case .submitted: return inspection.firstSubmittedOn != nil
        case .onTime: return inspection.firstSubmittedOn != nil && !inspection.submittedLate
        case .notOnTime: return inspection.submittedLate || overdue
        case .overdue: return overdue
        case .published: return inspection.state == .published
        case .problems: return inspection.state == .published && inspection.hasProblem
        case .nonCooperation: return inspection.state == .published && inspection.nonCooperation
        default: return false
        }
    }

    /// The published inspections of `group` with a finding in `category`.
    public func inspections(category: ProblemCategory, in group: OversightGroup) -> [InspectionFact] {
        dueInspections(in: group).filter { $0.state == .published && $0.has(category) }
    }

    /// The follow-ups `figure` counts in `group`.
    public func followUps(_ figure: OversightFigure, in group: OversightGroup) -> [FollowUp] {
        guard figure.subject == .followUp else { return [] }
        return facts.followUps.filter { followUp in
            guard period.contains(followUp.openedOn),
                Self.matches(group, department: followUp.department, day: followUp.openedOn, plan: facts.followUpPlans[followUp.id])
            else { return false }
            switch figure {
            case .followUpsOpened: return true
            case .followUpsClosed: return followUp.state == .closed
            case .followUpsOpen: return followUp.state == .open
            case .followUpsOverdue: return followUp.isOverdue(today: asOf)
            default: return false
            }
        }
    }

    /// Inspections of `group` whose due date falls in the period and has passed: it is before
    /// the counting day (work still within its deadline is not counted).
    func dueInspections(in group: OversightGroup) -> [InspectionFact] {
        facts.inspections.filter { inspection in
            guard let due = inspection.dueDate, period.contains(due), due < asOf else { return false }
            return Self.matches(group, department: inspection.initiator, day: due, plan: inspection.planID)
        }
    }

    static func matches(_ group: OversightGroup, department: String, day: CalendarDate, plan: Int64?) -> Bool {
        switch group {
        case .total: true
        case .department(let code): department == code
        case .month(let month): YearMonth(day) == month
        case .plan(let id): plan == id
        }
    }
}
