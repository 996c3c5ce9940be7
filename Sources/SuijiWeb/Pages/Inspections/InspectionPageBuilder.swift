// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// Builds the inspection pages' view models from the domain values.
enum InspectionPageBuilder {
    /// The input a rejected form post keeps: which form and its fields.
    struct Rejected {
        var form: FormFields
        /// `notice`, or `finding:<department>:<code>`.
        var target: String
        var errors: [String]
    }

    /// The due date's remark: working days left by `calendar` (the one in force), 已逾期, or how
    /// the results stand.
    static func remaining(_ inspection: Inspection, today: CalendarDate, calendar: WorkCalendar) -> (text: String, overdue: Bool) {
        if inspection.isOverdue(today: today) { return ("已逾期", true) }
        guard inspection.state.isOutstanding else { return (inspection.late ? "未按期完成" : "已提交", false) }
        guard let due = inspection.resultDueDate, let days = try? calendar.workingDays(between: today, and: due) else {
            return ("—", false)
        }
        return (days == 0 ? "今日截止" : "剩余 \(days) 个工作日", false)
    }

    static func window(_ inspection: Inspection) -> String {
        ChinaTime.period(inspection.windowStart, inspection.windowEnd)
    }

    static func notice(_ notice: Notice?) -> String {
        switch notice {
        case .none: "尚未记录"
        case .notified(let channel, let date, let by)?: "\(ChinaTime.day(date)) 由 \(by) 以\(channel.label)方式告知"
        case .notNotified(let ground)?: "依法不予事先告知（法律依据：\(ground)）"
        }
    }

    static func methods(_ methods: [CheckMethod]) -> String {
        methods.isEmpty ? "—" : methods.map(\.label).joined(separator: "、")
    }

    static func item(_ item: PlanItem, in names: [String: CheckItem]) -> CheckItem? {
        names["\(item.department):\(item.code)"]
    }

    /// The detail page of `inspection` as `account` sees it.
    static func detail(
        _ inspection: Inspection, trail: [InspectionEvent], account: Account, today: CalendarDate, catalog: [String: CheckItem],
        vocabulary: ResultVocabulary, departmentNames: [String: String], rejected: Rejected?, calendar: WorkCalendar,
        records: Records = Records(attachments: [], entrustments: [], followUps: [], experts: [])
    ) -> InspectionPage {
        let people = records.people
        let (remark, overdue) = remaining(inspection, today: today, calendar: calendar)
        let canEnter = (try? InspectionPolicy.requireEntry(account, inspection)) != nil
        let isReviewer = (try? InspectionPolicy.requireReviewer(account, inspection)) != nil
        func allowed(_ action: InspectionAction) -> Bool {
            (try? InspectionPolicy.requireAction(account, action, on: inspection)) != nil
        }
        let noticeForm = rejected?.target == "notice" ? rejected?.form : nil
        var channel = noticeForm?.value("channel") ?? ""
        var date = noticeForm?.value("date") ?? today.iso
        var notNotified = noticeForm.map { $0.value("notified") == "no" } ?? false
        var ground = noticeForm?.value("legalGround") ?? ""
        if noticeForm == nil, let recorded = inspection.notice {
            switch recorded {
            case .notified(let c, let d, _): (channel, date) = (c.rawValue, d.iso)
            case .notNotified(let g): (notNotified, ground) = (true, g)
            }
        }
        let vocabularyFor = { (department: String) in
            vocabulary.categories.filter { $0.department == nil || $0.department == department }
        }
        let entries = inspection.items.map { item -> InspectionPage.Entry in
            let recorded = inspection.findings.first { $0.item == item }
            let form = rejected?.target == "finding:\(item.department):\(item.code)" ? rejected?.form : nil
            let methods = form.map { Set($0.values("methods")) } ?? Set(recorded?.methods.map(\.rawValue) ?? [])
            let category = form?.value("category") ?? recorded?.category.code ?? ""
            let kinds = form.map { Set($0.values("nonCooperation")) } ?? Set(recorded?.nonCooperation.map(\.rawValue) ?? [])
            let errors = form == nil ? [] : rejected?.errors ?? []
            return InspectionPage.Entry(
                department: item.department, departmentName: departmentNames[item.department] ?? item.department, code: item.code,
                name: Self.item(item, in: catalog)?.name ?? item.code,
                methods: CheckMethod.allCases.map { .init(value: $0.rawValue, label: $0.label, checked: methods.contains($0.rawValue)) },
                categories: vocabularyFor(item.department).map { .init(value: $0.code, label: $0.label, checked: $0.code == category) },
                kinds: NonCooperation.allCases.map { .init(value: $0.rawValue, label: $0.label, checked: kinds.contains($0.rawValue)) },
                settledOnline: form.map { !$0.value("settledOnline").isEmpty } ?? recorded?.settledOnline ?? false,
                notes: form?.value("notes") ?? recorded?.notes ?? "", errors: errors, hasErrors: !errors.isEmpty)
        }
        let pageErrors = rejected.map { $0.target.isEmpty ? $0.errors : [] } ?? []
        let noticeErrors = noticeForm == nil ? [] : rejected?.errors ?? []
        let scheduleForm = rejected?.target == "schedule" ? rejected?.form : nil
        let scheduleErrors = scheduleForm == nil ? [] : rejected?.errors ?? []
        return InspectionPage(
            id: inspection.id, target: inspection.target.name, targetUID: inspection.target.uid,
            contact: WorkQueuePage.contact(records.contact),
            plan: records.planName.isEmpty ? "联合抽查计划" : records.planName,
            planURL: PlanPaths.plan.href(inspection.planID), drawID: inspection.drawID, window: window(inspection),
            departments: inspection.departments.map { departmentNames[$0] ?? $0 }.joined(separator: "、"),
            due: DueDateText.of(inspection), remaining: remark, overdue: overdue, late: inspection.late,
            state: inspection.state.label, returnReason: inspection.returnReason,
            hasReturnReason: !inspection.returnReason.isEmpty, notice: notice(inspection.notice),
            plannedDate: ChinaTime.day(inspection.plannedDate) ?? "未安排",
            canSchedule: (try? InspectionPolicy.requireScheduling(account, inspection)) != nil,
            scheduleValue: scheduleForm?.value("plannedDate") ?? inspection.plannedDate?.iso ?? "",
            windowStart: inspection.windowStart.iso, windowEnd: inspection.windowEnd.iso, scheduleErrors: scheduleErrors,
            hasScheduleErrors: !scheduleErrors.isEmpty,
            team: inspection.team.map { .init(role: $0.role.label, name: $0.name, department: departmentNames[$0.department] ?? "") },
            items: inspection.items.map { item in
                let finding = inspection.findings.first { $0.item == item }
                return .init(
                    department: departmentNames[item.department] ?? item.department, code: item.code,
                    name: Self.item(item, in: catalog)?.name ?? item.code, methods: finding.map { methods($0.methods) } ?? "—",
                    result: finding.map { $0.category.label + ($0.settledOnline ? "（网上核查办结）" : "") } ?? "未录入",
                    hasResult: finding != nil)
            },
            trail: trail.map {
                .init(
                    at: ChinaTime.text($0.at), actor: people[$0.actor] ?? $0.actor, action: $0.action.label,
                    change: "\($0.from.label) → \($0.to.label)",
                    reason: $0.reason)
            }, hasTrail: !trail.isEmpty, errors: pageErrors, hasErrors: !pageErrors.isEmpty, canEnter: canEnter,
            channels: NoticeChannel.allCases.map { .init(value: $0.rawValue, label: $0.label, checked: $0.rawValue == channel) },
            noticeDate: date, notNotified: notNotified, legalGround: ground, noticeErrors: noticeErrors,
            hasNoticeErrors: !noticeErrors.isEmpty, entries: canEnter ? entries : [], canSubmit: allowed(.submit),
            canApprove: allowed(.approve), canReturn: allowed(.return), canPublish: allowed(.publish), isReviewer: isReviewer,
            records: Self.records(inspection, records, account: account, today: today, catalog: catalog, rejected: rejected),
            urls: InspectionLinks(inspection.id))
    }

    /// One entrustment as the pages show it.
    static func entrustment(_ entrustment: Entrustment, catalog: [String: CheckItem]) -> InspectionPage.Entrusted {
        let items = entrustment.items.map { item in "\(item.department):\(item.code) \(Self.item(item, in: catalog)?.name ?? "")".trimmed }
        return InspectionPage.Entrusted(
            kind: entrustment.kind.label, entrustee: entrustment.entrustee, items: items.isEmpty ? "全部事项" : items.joined(separator: "、"),
            work: entrustment.work, date: ChinaTime.day(entrustment.entrustedOn), by: entrustment.entrustedBy)
    }
}
