// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The plan pages' form posts: state actions, new batches, preparing a draw; and reading the
/// new-plan and new-batch forms into domain values.
extension PlanPagesController {
    @Sendable func act(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id", as: Int64.self)
        _ = try await FormFields.read(request, context: context)
        let action = try PlanAPIController.action(context.parameters.get("action") ?? "")
        do {
            _ = try await stores.plans.apply(action, to: id, caller: caller)
            return Response.redirect(to: "/plans/\(id)", type: .found)
        } catch let error as PlanError where error.kind == .conflict {
            return try await planPage(id: id, account: caller.account, context: context, errors: [error.message], status: .conflict)
        }
    }

    @Sendable func addBatch(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        do {
            _ = try await stores.plans.addBatch(try Self.batch(form, planID: id), caller: caller)
            return Response.redirect(to: "/plans/\(id)", type: .found)
        } catch let error as PlanError where error.kind == .invalid || error.kind == .conflict {
            return try await planPage(
                id: id, account: caller.account, context: context, errors: error.messages, status: error.kind.status)
        }
    }

    @Sendable func prepare(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let batchID = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        let (plan, _) = try await stores.plans.batch(id: batchID, for: caller.account)
        let announcement =
            form.value("publicValueSource").isEmpty
            ? nil : PublicValueAnnouncement(date: form.value("publicValueDate"), source: form.value("publicValueSource"))
        let redraw =
            form.value("redrawOf").isEmpty
            ? nil : Redraw(of: form.value("redrawOf"), reason: form.value("reason"), approver: form.value("approver"))
        do {
            let draw = try await stores.draws.prepare(batchID: batchID, caller: caller, publicValue: announcement, redraw: redraw)
            return Response.redirect(to: "/draws/\(draw.id)", type: .found)
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
            let errors = (error as? PlanError)?.messages ?? [error.message]
            return try await planPage(id: plan.id, account: caller.account, context: context, errors: errors, status: error.kind.status)
        }
    }

    /// The new-plan form as a plan; unreadable dates and item entries are input errors.
    static func plan(_ form: FormFields, initiator: String) throws -> Plan {
        var issues: [FieldIssue] = []
        let start = CalendarDate(iso: form.value("windowStart"))
        let end = CalendarDate(iso: form.value("windowEnd"))
        if start == nil { issues.append(FieldIssue(field: "windowStart", message: "请填写抽查开始日期")) }
        if end == nil { issues.append(FieldIssue(field: "windowEnd", message: "请填写抽查结束日期")) }
        guard let year = form.int("year") else { throw PlanError.invalid(issues + [FieldIssue(field: "year", message: "请填写计划年度")]) }
        var items = form.values("items").map { PlanItem(department: initiator, code: $0) }
        for entry in form.value("otherItems").split(whereSeparator: { ";；,，\n".contains($0) }) {
            let parts = entry.split(whereSeparator: { ":：".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                issues.append(FieldIssue(field: "otherItems", message: "其他部门事项“\(entry)”应写作 部门代码:事项编码"))
                continue
            }
            items.append(PlanItem(department: parts[0].uppercased(), code: parts[1]))
        }
        guard let start, let end, issues.isEmpty else { throw PlanError.invalid(issues) }
        return Plan(
            code: form.value("code").uppercased(), name: form.value("name"), year: year, initiator: initiator,
            participants: form.values("participants"), items: items,
            scope: TargetScope(
                kinds: form.values("kinds").compactMap(TargetKind.init(rawValue:)), areas: form.list("areas"),
                industries: form.list("industries"), tags: form.list("tags")),
            windowStart: start, windowEnd: end, notes: form.value("notes"))
    }

    static func values(_ form: FormFields) -> PlansPage.Values {
        PlansPage.Values(
            name: form.value("name"), code: form.value("code"), year: form.value("year"), otherItems: form.value("otherItems"),
            areas: form.value("areas"), industries: form.value("industries"), tags: form.value("tags"),
            windowStart: form.value("windowStart"), windowEnd: form.value("windowEnd"), notes: form.value("notes"))
    }

    /// The new-batch form: a fixed count, or A/B/C/D per-mille ratios with a rounding.
    static func batch(_ form: FormFields, planID: Int64) throws -> Batch {
        guard let start = CalendarDate(iso: form.value("start")), let end = CalendarDate(iso: form.value("end")) else {
            throw PlanError.invalid([FieldIssue(field: "start", message: "请填写批次的开始和结束日期")])
        }
        let size: SampleSize
        if form.value("mode") == "ratios" {
            size = .ratios(
                a: form.int("a") ?? 0, b: form.int("b") ?? 0, c: form.int("c") ?? 0, d: form.int("d") ?? 0,
                rounding: try RatioRounding(formValue: form.value("rounding")))
        } else {
            guard let count = form.int("count") else { throw PlanError.invalid([FieldIssue(field: "count", message: "请填写抽取数量")]) }
            size = .count(count)
        }
        return Batch(
            planID: planID, code: form.value("code").uppercased(), start: start, end: end, size: size,
            crossUnit: !form.value("crossUnit").isEmpty, capExtra: form.int("capExtra") ?? 0)
    }
}
