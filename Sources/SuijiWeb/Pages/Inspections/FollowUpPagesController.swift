// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Staff pages of follow-ups (§17): the department's list (open, closed, overdue), opening one
/// from an inspection page, re-checks and closing. The rules are `FollowUpStore`'s; a rejected
/// form shows the inspection page again with the message.
struct FollowUpPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    var followUps: FollowUpStore { stores.followUps }
    var inspectionPages: InspectionPagesController { InspectionPagesController(stores: stores, pages: pages, clock: clock) }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(InspectionPaths.followUpList, use: list)
        router.post(InspectionPaths.followUps, use: open)
        router.post(InspectionPaths.followUpActions, use: act)
    }

    var today: CalendarDate { CalendarDate(chinaDateOf: clock.now()) }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let filter = request.uri.queryParameters["state"].flatMap { FollowUpFilter(rawValue: String($0)) } ?? .open
        let day = today
        let found = try await followUps.list(filter, today: day, for: account)
        let targets = try await followUps.targetNames(of: found)
        let names = try await stores.departments.names()
        let items = try await stores.items.currentNames()
        let model = FollowUpsPage(
            filters: FollowUpFilter.allCases.map { FieldOption(value: $0.rawValue, label: $0.label, selected: $0 == filter) },
            rows: found.map { followUp in
                FollowUpsPage.Row(
                    url: InspectionPaths.inspection.href(followUp.inspectionID) + "#follow-ups",
                    target: targets[followUp.inspectionID] ?? followUp.targetUID,
                    targetUID: followUp.targetUID, department: names[followUp.department] ?? followUp.department,
                    row: InspectionPageBuilder.followUpRow(
                        followUp, account: account, today: day, itemName: { item in items[item].map { "\($0)（\(item.code)）" } ?? item.code }
                    ))
            }, isEmpty: found.isEmpty, count: found.count, overdueCount: found.filter { $0.isOverdue(today: day) }.count,
            hasOverdue: found.contains { $0.isOverdue(today: day) })
        return pages.render("follow-ups", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func open(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        do {
            var issues: [FieldIssue] = []
            func date(_ field: String, _ label: String) -> CalendarDate? {
                let text = form.value(field)
                if text.isEmpty { return nil }
                if let day = CalendarDate(iso: text) { return day }
                issues.append(FieldIssue(field: field, message: "\(label)“\(text)”不是有效日期（格式：2026-09-30）"))
                return nil
            }
            var item: PlanItem?
            if !form.value("item").isEmpty {
                let parts = form.value("item").split(separator: ":", maxSplits: 1).map(String.init)
                if parts.count == 2 {
                    item = PlanItem(department: parts[0], code: parts[1])
                } else {
                    issues.append(FieldIssue(field: "item", message: "事项“\(form.value("item"))”无法识别"))
                }
            }
            let kind = FollowUpKind(rawValue: form.value("kind"))
            if kind == nil { issues.append(FieldIssue(field: "kind", message: "请选择处置方式")) }
            let entry = FollowUp(
                inspectionID: id, targetUID: "", department: "", kind: kind ?? .rectification, item: item,
                openedOn: date("openedOn", "登记日期") ?? CalendarDate(chinaDateOf: caller.at), deadline: date("deadline", "整改期限"),
                caseNumber: form.value("caseNumber"), caseDate: date("caseDate", "立案日期"), transferredTo: form.value("transferredTo"),
                transferredOn: date("transferredOn", "移交日期"), transferredBy: form.value("transferredBy"), notes: form.value("notes"))
            guard issues.isEmpty else { throw FollowUpError.invalid(issues) }
            _ = try await followUps.open(inspectionID: id, entry, caller: caller)
            return Response.redirect(to: InspectionPaths.inspection.href(id) + "#follow-ups", type: .found)
        } catch let error as FollowUpError where error.kind == .invalid || error.kind == .conflict {
            return try await inspectionPages.detail(
                id: id, account: caller.account, context: context,
                rejected: .init(form: form, target: "follow-up", errors: error.messages),
                status: error.kind.status)
        }
    }

    @Sendable func act(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        let back =
            form.value("back").hasPrefix("/") && !form.value("back").hasPrefix("//")
            ? form.value("back") : InspectionPaths.followUpList.href
        guard let action = FollowUpAction(rawValue: form.value("action")) else {
            throw WebError.badRequest(field: "action", message: "不支持的操作“\(form.value("action"))”")
        }
        let text = form.value("date")
        guard text.isEmpty || CalendarDate(iso: text) != nil else {
            throw WebError.badRequest(field: "date", message: "日期“\(text)”不是有效日期（格式：2026-10-08）")
        }
        _ = try await followUps.apply(action, to: id, on: CalendarDate(iso: text), notes: form.value("notes"), caller: caller)
        return Response.redirect(to: back, type: .found)
    }
}

/// The follow-up list of a department. Stored properties only.
struct FollowUpsPage {
    struct Row {
        var url: String
        var target: String
        var targetUID: String
        var department: String
        var row: InspectionRecordsSection.FollowUpRow
    }

    var filters: [FieldOption]
    var rows: [Row]
    var isEmpty: Bool
    var count: Int
    var overdueCount: Int
    var hasOverdue: Bool
}
