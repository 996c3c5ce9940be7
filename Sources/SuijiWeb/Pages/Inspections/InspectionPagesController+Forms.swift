// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The inspection pages' form posts: notice, one item's finding, submission and review. A
/// rejected post shows the detail page again with the Chinese message and the input kept.
extension InspectionPagesController {
    @Sendable func notice(request: Request, context: SignedInContext) async throws -> Response {
        try await post(request, context: context, target: "notice") { id, form, caller in
            let notice: Notice
            if form.value("notified") == "no" {
                notice = .notNotified(legalGround: form.value("legalGround"))
            } else {
                var issues: [FieldIssue] = []
                let channel = NoticeChannel(rawValue: form.value("channel"))
                let date = CalendarDate(iso: form.value("date"))
                if channel == nil { issues.append(FieldIssue(field: "channel", message: "请选择告知方式")) }
                if date == nil { issues.append(FieldIssue(field: "date", message: "请填写告知日期")) }
                guard let channel, let date else { throw InspectionError.invalid(issues) }
                notice = .notified(channel: channel, date: date, by: form.value("by"))
            }
            _ = try await inspections.recordNotice(id: id, notice: notice, caller: caller)
        }
    }

    @Sendable func schedule(request: Request, context: SignedInContext) async throws -> Response {
        try await post(request, context: context, target: "schedule") { id, form, caller in
            guard let date = CalendarDate(iso: form.value("plannedDate")) else {
                throw InspectionError.invalid([FieldIssue(field: "plannedDate", message: "请填写计划检查日期")])
            }
            _ = try await inspections.schedule(id: id, on: date, caller: caller)
        }
    }

    @Sendable func finding(request: Request, context: SignedInContext) async throws -> Response {
        try await post(request, context: context, target: { "finding:\($0.value("department")):\($0.value("itemCode"))" }) {
            id, form, caller in
            let input = FindingInput(
                itemCode: form.value("itemCode"), department: form.value("department"),
                methods: form.values("methods").compactMap(CheckMethod.init(rawValue:)), category: form.value("category"),
                nonCooperation: form.values("nonCooperation").compactMap(NonCooperation.init(rawValue:)), notes: form.value("notes"),
                settledOnline: !form.value("settledOnline").isEmpty)
            _ = try await inspections.recordFinding(id: id, input, caller: caller)
        }
    }

    @Sendable func submit(request: Request, context: SignedInContext) async throws -> Response {
        try await post(request, context: context, target: "") { id, _, caller in
            _ = try await inspections.submit(id: id, caller: caller)
        }
    }

    @Sendable func review(request: Request, context: SignedInContext) async throws -> Response {
        try await post(request, context: context, target: "") { id, form, caller in
            guard let action = InspectionAction(rawValue: form.value("action")), InspectionAction.review.contains(action) else {
                throw InspectionError.invalid([FieldIssue(field: "action", message: "不支持的审核操作“\(form.value("action"))”")])
            }
            _ = try await inspections.review(id: id, action: action, reason: form.value("reason"), caller: caller)
        }
    }

    func post(
        _ request: Request, context: SignedInContext, target: String,
        _ change: @Sendable (Int64, FormFields, Caller) async throws -> Void
    ) async throws -> Response {
        try await post(request, context: context, target: { _ in target }, change)
    }

    /// Reads the form, applies `change`, and redirects to the inspection; input errors and
    /// state conflicts re-render the page with the form kept. Not found and forbidden are the
    /// error pages.
    func post(
        _ request: Request, context: SignedInContext, target: (FormFields) -> String,
        _ change: @Sendable (Int64, FormFields, Caller) async throws -> Void
    ) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        do {
            try await change(id, form, caller)
            return Response.redirect(to: InspectionPaths.inspection.href(id), type: .found)
        } catch let error as InspectionError where error.kind == .invalid || error.kind == .conflict {
            return try await detail(
                id: id, account: caller.account, context: context,
                rejected: .init(form: form, target: target(form), errors: error.messages), status: error.kind.status)
        }
    }
}
