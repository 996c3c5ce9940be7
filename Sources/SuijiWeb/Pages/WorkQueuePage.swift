// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// View model of the home page's work queue (待办事项).
struct WorkQueuePage {
    struct Task {
        var title: String
        var detail: String
        var url: String
        var action: String
        /// Nil when there is no date to show (an empty string would count as true in Mustache).
        var due: String?
        var overdue: Bool
    }

    struct Section {
        var heading: String
        var count: Int
        var tasks: [Task]
        var more: Int
        var hasMore: Bool
        var moreURL: String
    }

    var sections: [Section]
    var isEmpty: Bool
    var total: Int

    /// At most this many rows per section; the rest are behind the section's link.
    static let shown = 8

    init(_ queue: WorkQueue, today: CalendarDate) {
        var sections: [Section] = []
        func add(_ heading: String, _ tasks: [Task], moreURL: String) {
            guard !tasks.isEmpty else { return }
            sections.append(
                Section(
                    heading: heading, count: tasks.count, tasks: Array(tasks.prefix(Self.shown)), more: max(0, tasks.count - Self.shown),
                    hasMore: tasks.count > Self.shown, moreURL: moreURL))
        }
        add(
            "载入节假日安排通知",
            queue.missingHolidayNotices.map {
                Task(
                    title: "\($0.year) 年国务院办公厅节假日安排通知尚未载入",
                    detail: "\($0.inspections) 项检查任务的结果录入截止日按法定节假日推算（暂定），通知发布后请载入以确定截止日", url: "/admin/calendar",
                    action: "载入通知", due: nil, overdue: false)
            }, moreURL: "/admin/calendar")
        add(
            "今日检查",
            queue.visitsToday.map {
                Task(
                    title: $0.target.name, detail: "\($0.target.uid) · 检查组长 \($0.leader?.name ?? "—")", url: "/inspections/\($0.id)",
                    action: $0.notice == nil ? "尚未告知" : "到场检查", due: nil, overdue: false)
            }, moreURL: "/inspections")
        add(
            "计划待办",
            queue.plans.map {
                Task(
                    title: $0.plan.name, detail: "\($0.plan.code) · \($0.plan.state.label)", url: "/plans/\($0.plan.id)",
                    action: $0.actions.map(\.label).joined(separator: "、"), due: nil, overdue: false)
            }, moreURL: "/plans")
        add(
            "抽取待办",
            queue.draws.map {
                Task(
                    title: "\($0.planName) · 抽取 \($0.draw.id)", detail: $0.draw.state.label, url: "/draws/\($0.draw.id)",
                    action: $0.step.label, due: nil, overdue: false)
            }, moreURL: "/plans")
        add(
            "待告知检查对象",
            queue.toNotify.map {
                Task(
                    title: $0.target.name, detail: "\($0.target.uid) · 检查期 \($0.windowStart.iso) 至 \($0.windowEnd.iso)",
                    url: "/inspections/\($0.id)", action: "登记告知", due: $0.plannedDate.map { "计划 \($0.iso) 检查" }, overdue: false)
            }, moreURL: "/inspections?state=pending")
        add(
            "待录入结果",
            queue.resultsDue.map { task in
                let inspection = task.inspection
                return Task(
                    title: inspection.target.name, detail: "\(inspection.target.uid) · \(inspection.state.label)",
                    url: "/inspections/\(inspection.id)", action: "录入结果",
                    due: Self.due(inspection.resultDueDate, daysLeft: task.daysLeft) + (inspection.resultDueDateProvisional ? "（暂定）" : ""),
                    overdue: (task.daysLeft ?? 0) < 0)
            }, moreURL: "/inspections?state=pending")
        add(
            "待审核结果",
            queue.toReview.map {
                Task(
                    title: $0.target.name, detail: "\($0.target.uid) · 提交于 \($0.submittedAt.map(Self.day) ?? "")",
                    url: "/inspections/\($0.id)", action: "审核", due: nil, overdue: false)
            }, moreURL: "/inspections?state=submitted")
        add(
            "逾期未整改",
            queue.overdueRectifications.map {
                Task(
                    title: "\($0.kind.label) · \($0.targetUID)", detail: "检查任务 \($0.inspectionID)",
                    url: "/inspections/\($0.inspectionID)", action: "督促整改",
                    due: $0.deadline.map { "期限 \($0.iso)（逾期 \($0.days(to: today)) 日）" }, overdue: true)
            }, moreURL: "/inspections")
        self.sections = sections
        isEmpty = sections.isEmpty
        total = sections.reduce(0) { $0 + $1.count }
    }

    static func due(_ date: CalendarDate?, daysLeft: Int?) -> String {
        guard let date, let daysLeft else { return "截止日期待定" }
        if daysLeft < 0 { return "\(date.iso) 到期，已逾期 \(-daysLeft) 日" }
        if daysLeft == 0 { return "\(date.iso) 到期，今日截止" }
        return "\(date.iso) 到期，剩余 \(daysLeft) 日"
    }

    static func day(_ date: Date) -> String { CalendarDate(chinaDateOf: date).iso }
}
