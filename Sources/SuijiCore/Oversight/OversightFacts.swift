// SPDX-License-Identifier: Apache-2.0

/// A plan as oversight counts it.
public struct PlanFact: Sendable, Codable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var initiator: String
    public var state: PlanState
    public var windowStart: CalendarDate
    public var windowEnd: CalendarDate
    /// Executed draws of the plan, any day.
    public var executedDraws: Int

    /// Creates a plan fact.
    public init(
        id: Int64, code: String, name: String, initiator: String, state: PlanState, windowStart: CalendarDate, windowEnd: CalendarDate,
        executedDraws: Int
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.initiator = initiator
        self.state = state
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.executedDraws = executedDraws
    }
}

/// An executed draw as oversight counts it.
public struct DrawFact: Sendable, Codable, Equatable {
    public var id: String
    public var planID: Int64
    public var planCode: String
    /// The plan's initiating department.
    public var initiator: String
    /// The China day it was executed.
    public var executedOn: CalendarDate

    /// Creates a draw fact.
    public init(id: String, planID: Int64, planCode: String, initiator: String, executedOn: CalendarDate) {
        self.id = id
        self.planID = planID
        self.planCode = planCode
        self.initiator = initiator
        self.executedOn = executedOn
    }
}

/// An inspection as oversight counts it.
public struct InspectionFact: Sendable, Codable, Equatable {
    public var id: Int64
    public var planID: Int64
    /// The plan's initiating department: it leads the team, reviews and publishes.
    public var initiator: String
    public var targetName: String
    /// `Inspection.resultDueDate`; nil while the holiday notice of its year is unknown.
    public var dueDate: CalendarDate?
    /// `Inspection.resultDueDateProvisional`: the due date counts a year without a notice (暂定).
    public var dueDateProvisional: Bool
    public var state: InspectionState
    /// The China day of the first submission of results.
    public var firstSubmittedOn: CalendarDate?
    /// The China day the results were published.
    public var publishedOn: CalendarDate?
    /// The stored "未按期完成" mark of the first submission.
    public var lateMark: Bool
    /// The distinct result categories of its findings.
    public var categories: [ResultCategory]
    /// Whether a finding records serious non-cooperation (§18).
    public var nonCooperation: Bool

    /// Creates an inspection fact.
    public init(
        id: Int64, planID: Int64, initiator: String, targetName: String, dueDate: CalendarDate?, state: InspectionState,
        firstSubmittedOn: CalendarDate?, publishedOn: CalendarDate? = nil, lateMark: Bool = false, categories: [ResultCategory] = [],
        nonCooperation: Bool = false, dueDateProvisional: Bool = false
    ) {
        self.id = id
        self.planID = planID
        self.initiator = initiator
        self.targetName = targetName
        self.dueDate = dueDate
        self.dueDateProvisional = dueDateProvisional
        self.state = state
        self.firstSubmittedOn = firstSubmittedOn
        self.publishedOn = publishedOn
        self.lateMark = lateMark
        self.categories = categories
        self.nonCooperation = nonCooperation
    }

    /// The fact of `inspection`, its days read in China time.
    public init(_ inspection: Inspection) {
        var categories: [ResultCategory] = []
        for finding in inspection.findings where !categories.contains(where: { $0.code == finding.category.code }) {
            categories.append(finding.category)
        }
        self.init(
            id: inspection.id, planID: inspection.planID, initiator: inspection.initiator, targetName: inspection.target.name,
            dueDate: inspection.resultDueDate, state: inspection.state,
            firstSubmittedOn: inspection.firstSubmittedAt.map(CalendarDate.init(chinaDateOf:)),
            publishedOn: inspection.publishedAt.map(CalendarDate.init(chinaDateOf:)), lateMark: inspection.late, categories: categories,
            nonCooperation: inspection.findings.contains {
                $0.category.code == ResultCategory.nonCooperation.code || !$0.nonCooperation.isEmpty
            }, dueDateProvisional: inspection.resultDueDateProvisional)
    }

    /// Submitted for the first time after the due date.
    public var submittedLate: Bool {
        guard let submitted = firstSubmittedOn else { return false }
        return lateMark || dueDate.map { submitted > $0 } ?? false
    }

    /// Whether a finding falls in the problem category group `group`.
    public func has(_ group: ProblemCategory) -> Bool { categories.contains(where: group.matches) }

    /// Whether a finding found a problem.
    public var hasProblem: Bool { categories.contains(where: \.isProblem) }
}

/// What an oversight report is computed from: the rows of the period, each with the
/// department it is attributed to.
public struct OversightFacts: Sendable, Codable, Equatable {
    public var plans: [PlanFact]
    public var draws: [DrawFact]
    public var inspections: [InspectionFact]
    public var followUps: [FollowUp]
    /// The plan of each follow-up's inspection, by follow-up id.
    public var followUpPlans: [Int64: Int64]
    /// Checks outside the draw (§3), counted in their own table.
    public var outsideChecks: [OutsideCheckFact]

    /// Creates the facts.
    public init(
        plans: [PlanFact] = [], draws: [DrawFact] = [], inspections: [InspectionFact] = [], followUps: [FollowUp] = [],
        followUpPlans: [Int64: Int64] = [:], outsideChecks: [OutsideCheckFact] = []
    ) {
        self.plans = plans
        self.draws = draws
        self.inspections = inspections
        self.followUps = followUps
        self.followUpPlans = followUpPlans
        self.outsideChecks = outsideChecks
    }
}
