// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// View model of `/annual-plans/:year`. Mustache reads stored properties only.
struct AnnualPlanPage {
    struct Submission {
        var department: String
        var code: String
        var submitted: Int
        var drafts: Int
        var status: String
        var hasSubmitted: Bool
        /// Not submitted and the deadline has passed.
        var late: Bool
    }

    struct Proposal {
        var id: Int64
        var plans: [PlanLink]
        var measure: String
        var state: String
        var isOpen: Bool
        var note: String
        var decided: String
        var mergedURL: String?
        var mergedCode: String
        var decisionURL: String
    }

    struct PlanLink {
        var code: String
        var name: String
        var url: String
    }

    struct Pending {
        var code: String
        var name: String
        var url: String
        var state: String
    }

    struct Entry {
        var code: String
        var url: String
        var name: String
        var initiator: String
        var participants: String
        var items: String
        var scope: String
        var window: String
        var mergedFrom: String
    }

    struct Version {
        var version: Int
        var publishedAt: String
        var publishedBy: String
        var note: String
        var changes: String
        var plans: Int
        var url: String
    }

    var year: Int
    var previousYear: Int
    var nextYear: Int
    var deadline: String
    var deadlineNote: String
    var overdue: Bool
    var canEdit: Bool
    var notice: String?
    var errors: [String]
    var hasErrors: Bool
    var submissions: [Submission]
    var missing: Int
    var proposals: [Proposal]
    var hasProposals: Bool
    var pending: [Pending]
    var hasPending: Bool
    var entries: [Entry]
    var hasEntries: Bool
    var changes: String
    var nextVersion: Int
    var needsNote: Bool
    var versions: [Version]
    var hasVersions: Bool
    var publicURL: String
    /// The year's links (`AnnualPlanPaths`).
    var previousYearURL: String
    var nextYearURL: String
    var remindersURL: String
    var refreshURL: String
    var versionsURL: String

    static func make(
        year: Int, today: CalendarDate, calendar: WorkCalendar, canEdit: Bool, submissions: [SubmissionStatus], proposals: [MergeProposal],
        plans: [Plan],
        draft: [AnnualPlanEntry], versions: [AnnualPlanVersion], planIDs: [String: Int64], notice: String?, errors: [String]
    ) -> AnnualPlanPage {
        let left = SubmissionDeadline.daysLeft(year: year, today: today)
        func link(_ code: String) -> String { planIDs[code].map { PlanPaths.plan.href($0) } ?? "#" }
        let pending = plans.filter { $0.state == .submitted }
        let planNames = Dictionary(plans.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return AnnualPlanPage(
            year: year, previousYear: year - 1, nextYear: year + 1, deadline: ChinaTime.day(SubmissionDeadline.date(year: year)),
            deadlineNote: Self.deadlineNote(year: year, today: today, calendar: calendar), overdue: left < 0, canEdit: canEdit,
            notice: notice, errors: errors, hasErrors: !errors.isEmpty,
            submissions: submissions.map {
                Submission(
                    department: $0.departmentName, code: $0.department, submitted: $0.submitted, drafts: $0.drafts,
                    status: $0.hasSubmitted ? "已提交" : ($0.drafts > 0 ? "有草稿未提交" : "未提交"), hasSubmitted: $0.hasSubmitted,
                    late: !$0.hasSubmitted && left < 0)
            }, missing: submissions.filter { !$0.hasSubmitted }.count,
            proposals: proposals.map { proposal in
                Proposal(
                    id: proposal.id, plans: proposal.planCodes.map { PlanLink(code: $0, name: planNames[$0] ?? $0, url: link($0)) },
                    measure: proposal.measure.summary,
                    state: proposal.state.label, isOpen: proposal.state == .open, note: proposal.note,
                    decided: proposal.decidedAt.map { "\(Self.decider(proposal.decidedBy)) \(ChinaTime.text(stamp: $0))" } ?? "",
                    mergedURL: proposal.mergedPlanID.map { PlanPaths.plan.href($0) }, mergedCode: proposal.mergedCode,
                    decisionURL: AnnualPlanPaths.decision.href(proposal.id))
            }, hasProposals: !proposals.isEmpty,
            pending: pending.map { Pending(code: $0.code, name: $0.name, url: PlanPaths.plan.href($0.id), state: $0.state.label) },
            hasPending: !pending.isEmpty,
            entries: draft.map { entry in
                Entry(
                    code: entry.planCode, url: link(entry.planCode), name: entry.planName, initiator: entry.initiatorName,
                    participants: entry.participantNames.joined(separator: "、"),
                    items: entry.items.map { $0.name.isEmpty ? $0.code : $0.name }.joined(separator: "；"), scope: entry.scopeText,
                    window: ChinaTime.period(entry.windowStart, entry.windowEnd), mergedFrom: entry.mergedFrom.joined(separator: "、"))
            }, hasEntries: !draft.isEmpty,
            changes: versions.last.map { AnnualPlanChanges(from: $0.entries, to: draft).summary } ?? "首次公示",
            nextVersion: (versions.last?.version ?? 0) + 1, needsNote: !versions.isEmpty,
            versions: versions.enumerated().reversed().map { index, version in
                Version(
                    version: version.version, publishedAt: ChinaTime.text(stamp: version.publishedAt), publishedBy: version.publishedBy,
                    note: version.note.isEmpty ? "—" : version.note,
                    changes: index == 0 ? "首版" : AnnualPlanChanges(from: versions[index - 1].entries, to: version.entries).summary,
                    plans: version.entries.count, url: PublicPaths.annualPlan.href(year) + "?version=\(version.version)")
            }, hasVersions: !versions.isEmpty, publicURL: PublicPaths.annualPlan.href(year),
            previousYearURL: AnnualPlanPaths.year.href(year - 1), nextYearURL: AnnualPlanPaths.year.href(year + 1),
            remindersURL: AnnualPlanPaths.reminders.href(year), refreshURL: AnnualPlanPaths.refresh.href(year),
            versionsURL: AnnualPlanPaths.versions.href(year))
    }

    /// Who decided a proposal; `system` marks one withdrawn by the platform when its plans changed.
    static func decider(_ name: String?) -> String { name == "system" ? "系统自动" : name ?? "" }

    /// "还剩 3 天（其中 1 个工作日）", "今天截止" or "已截止 180 天": calendar days, with the working
    /// days when the holiday notices in force cover them.
    static func deadlineNote(year: Int, today: CalendarDate, calendar: WorkCalendar) -> String {
        let left = SubmissionDeadline.daysLeft(year: year, today: today)
        guard left > 0 else { return left == 0 ? "今天截止" : "已截止 \(-left) 天" }
        let working = SubmissionDeadline.workingDaysLeft(year: year, today: today, calendar: calendar)
        return "还剩 \(left) 天" + (working.map { "（其中 \($0) 个工作日）" } ?? "")
    }
}
