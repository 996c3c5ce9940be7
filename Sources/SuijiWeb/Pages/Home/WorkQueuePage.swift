// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// View model of the home page's work queue (待办事项): every entry names what is waiting and
/// links straight to the step (the form on the page it belongs to).
struct WorkQueuePage: Encodable {
    /// One step to take: a button-styled link to the form that takes it.
    struct Action: Encodable {
        var label: String
        var url: String
    }

    struct Task: Encodable {
        var title: String
        var detail: String
        var url: String
        var actions: [Action]
        /// Nil when there is nothing to show (an empty string would count as true in Mustache).
        var due: String?
        var overdue: Bool
        /// How to reach the target in the field (今日检查).
        var contact: Contact?
    }

    /// The target's address and phone, the phone as a tap-to-call link.
    struct Contact: Encodable {
        var address: String?
        var phone: String?
        var tel: String?
    }

    struct Section: Encodable {
        var heading: String
        var count: Int
        var tasks: [Task]
        var more: Int
        var hasMore: Bool
        var moreURL: String
    }

    /// Names the queue shows instead of codes, read in bulk.
    struct Names {
        var targets: [String: String] = [:]
        var items: [PlanItem: String] = [:]
        var contacts: [String: NameDirectory.Contact] = [:]
    }

    var sections: [Section]
    var isEmpty: Bool
    var total: Int

    /// At most this many rows per section; the rest are behind the section's link.
    static let shown = 8

    init(_ queue: WorkQueue, today: CalendarDate, account: Account, names: Names = Names()) {
        var sections: [Section] = []
        func add(_ heading: String, _ tasks: [Task], moreURL: String) {
            guard !tasks.isEmpty else { return }
            sections.append(
                Section(
                    heading: heading, count: tasks.count, tasks: Array(tasks.prefix(Self.shown)), more: max(0, tasks.count - Self.shown),
                    hasMore: tasks.count > Self.shown, moreURL: moreURL))
        }
        func onTeam(_ inspection: Inspection) -> Bool { (try? InspectionPolicy.requireTeamMember(account, inspection)) != nil }
        func page(_ inspection: Inspection, _ anchor: String = "") -> String { InspectionPaths.inspection.href(inspection.id) + anchor }
        add(
            "载入节假日安排通知",
            queue.missingHolidayNotices.map {
                Task(
                    title: "\($0.year) 年国务院办公厅节假日安排通知尚未载入",
                    detail: "\($0.inspections) 项检查任务的结果录入截止日按法定节假日推算（暂定），通知发布后请载入以确定截止日", url: AdminPaths.calendar.href,
                    actions: [Action(label: "载入通知", url: AdminPaths.calendar.href)], due: nil, overdue: false)
            }, moreURL: AdminPaths.calendar.href)
        add(
            "今日检查",
            queue.visitsToday.map { inspection in
                let step =
                    !onTeam(inspection)
                    ? Action(label: "查看", url: page(inspection, "#team"))
                    : inspection.notice == nil
                        ? Action(label: "登记告知", url: page(inspection, "#notice"))
                        : Action(label: "录入结果", url: page(inspection, "#findings"))
                return Task(
                    title: inspection.target.name, detail: "\(inspection.target.uid) · 检查组长 \(inspection.leader?.name ?? "—")",
                    url: page(inspection), actions: [step], due: nil, overdue: false,
                    contact: Self.contact(names.contacts[inspection.target.uid]))
            }, moreURL: InspectionPaths.list.href)
        add(
            "计划待办",
            queue.plans.map { task in
                Task(
                    title: task.plan.name, detail: "\(task.plan.code) · \(task.plan.state.label)", url: PlanPaths.plan.href(task.plan.id),
                    actions: task.actions.map { Action(label: $0.label, url: PlanPaths.plan.href(task.plan.id) + "#actions") }, due: nil,
                    overdue: false)
            }, moreURL: PlanPaths.list.href)
        add(
            "准备抽取",
            queue.batchesToDraw.map { task in
                Task(
                    title: task.plan.name,
                    detail:
                        "批次 \(task.batch.code) · \(ChinaTime.period(task.batch.start, task.batch.end)) · \(PlanPagesController.describe(task.batch.size))",
                    url: PlanPaths.plan.href(task.plan.id),
                    actions: [Action(label: "准备抽取", url: PlanPaths.plan.href(task.plan.id) + "#batch-\(task.batch.id)")],
                    due: nil, overdue: false)
            }, moreURL: PlanPaths.list.href)
        add(
            "抽取待办",
            queue.draws.map { task in
                let anchor = task.step == .commit ? "#commit-form" : ""
                return Task(
                    title: task.planName, detail: "抽取 \(task.draw.id) · \(task.draw.state.label)", url: DrawPaths.draw.href(task.draw.id),
                    actions: [Action(label: task.step.label, url: DrawPaths.draw.href(task.draw.id) + anchor)], due: nil, overdue: false)
            }, moreURL: PlanPaths.list.href)
        add(
            "待告知检查对象",
            queue.toNotify.map { inspection in
                Task(
                    title: inspection.target.name,
                    detail: "\(inspection.target.uid) · 检查期 \(ChinaTime.period(inspection.windowStart, inspection.windowEnd))",
                    url: page(inspection),
                    actions: [
                        onTeam(inspection)
                            ? Action(label: "登记告知", url: page(inspection, "#notice"))
                            : Action(label: "督促告知", url: page(inspection, "#team"))
                    ],
                    due: inspection.plannedDate.map { "计划 \(ChinaTime.day($0)) 检查" }, overdue: false)
            }, moreURL: InspectionPaths.list.href + "?state=pending")
        add(
            "待录入结果",
            queue.resultsDue.map { task in
                let inspection = task.inspection
                return Task(
                    title: inspection.target.name, detail: "\(inspection.target.uid) · \(inspection.state.label)", url: page(inspection),
                    actions: [
                        onTeam(inspection)
                            ? Action(label: "录入结果", url: page(inspection, "#findings"))
                            : Action(label: "督促录入", url: page(inspection, "#team"))
                    ],
                    due: Self.due(inspection.resultDueDate, daysLeft: task.daysLeft) + (inspection.resultDueDateProvisional ? "（暂定）" : ""),
                    overdue: (task.daysLeft ?? 0) < 0)
            }, moreURL: InspectionPaths.list.href + "?state=pending")
        add(
            "待审核结果",
            queue.toReview.map { inspection in
                Task(
                    title: inspection.target.name, detail: "\(inspection.target.uid) · 提交于 \(inspection.submittedAt.map(Self.day) ?? "")",
                    url: page(inspection), actions: [Action(label: "审核", url: page(inspection, "#review"))], due: nil, overdue: false)
            }, moreURL: InspectionPaths.list.href + "?state=submitted")
        add(
            "逾期未整改",
            queue.overdueRectifications.map { followUp in
                let item = followUp.item.map { names.items[$0] ?? $0.code }
                return Task(
                    title: names.targets[followUp.targetUID] ?? followUp.targetUID,
                    detail: "\(followUp.kind.label)\(item.map { " · \($0)" } ?? "") · \(followUp.targetUID)",
                    url: Self.page(inspection: followUp.inspectionID),
                    actions: [Action(label: "复查整改", url: Self.page(inspection: followUp.inspectionID, "#follow-ups"))],
                    due: followUp.deadline.map { "整改期限 \(ChinaTime.day($0))（逾期 \($0.days(to: today)) 日）" }, overdue: true)
            }, moreURL: InspectionPaths.followUpList.href + "?state=overdue")
        self.sections = sections
        isEmpty = sections.isEmpty
        total = sections.reduce(0) { $0 + $1.count }
    }

    static func page(inspection id: Int64, _ anchor: String = "") -> String { InspectionPaths.inspection.href(id) + anchor }

    static func due(_ date: CalendarDate?, daysLeft: Int?) -> String {
        guard let date, let daysLeft else { return "截止日期待定" }
        if daysLeft < 0 { return "\(ChinaTime.day(date)) 到期，已逾期 \(-daysLeft) 日" }
        if daysLeft == 0 { return "\(ChinaTime.day(date)) 到期，今日截止" }
        return "\(ChinaTime.day(date)) 到期，剩余 \(daysLeft) 日"
    }

    static func day(_ date: Date) -> String { ChinaTime.day(CalendarDate(chinaDateOf: date)) }

    /// The contact of a target, when its library has one; the phone also as a `tel:` link.
    static func contact(_ contact: NameDirectory.Contact?) -> Contact? {
        guard let contact, !(contact.address.isEmpty && contact.phone.isEmpty) else { return nil }
        return Contact(
            address: contact.address.isEmpty ? nil : contact.address, phone: contact.phone.isEmpty ? nil : contact.phone,
            tel: Self.tel(contact.phone))
    }

    /// A `tel:` URL of a phone number as written ("0798-8221234", "138 0798 1234"): its digits
    /// and a leading +; nil when there are none.
    static func tel(_ phone: String) -> String? {
        let kept = phone.unicodeScalars.filter { ("0"..."9").contains($0) || $0 == "+" }
        guard kept.contains(where: { ("0"..."9").contains($0) }) else { return nil }
        return "tel:" + String(String.UnicodeScalarView(kept))
    }
}
