// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The plan pages' form posts: state actions, new batches, preparing a draw; and reading the
/// new-plan and new-batch forms into domain values.
extension PlanPagesController {
    @Sendable func act(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        _ = try await FormFields.read(request, context: context)
        let action = try PlanAPIController.action(context.parameters.get("action") ?? "")
        do {
            _ = try await stores.plans.apply(action, to: id, caller: caller)
            return Response.redirect(to: PlanPaths.plan.href(id), type: .found)
        } catch let error as PlanError where error.kind == .conflict {
            return try await planPage(id: id, account: caller.account, context: context, errors: [error.message], status: .conflict)
        }
    }

    @Sendable func addBatch(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        do {
            let batch = try Self.batch(form, planID: id)
            if form.value("intent") == "preview" {
                let plan = try await stores.plans.get(id: id, for: caller.account)
                try PlanPolicy.requireInitiator(caller.account, plan)
                let preview = try await stores.draws.preview(plan: plan, batch: batch, for: caller.account)
                return try await planPage(id: id, account: caller.account, context: context, batchForm: form, batchPreview: preview)
            }
            _ = try await stores.plans.addBatch(batch, caller: caller)
            return Response.redirect(to: PlanPaths.plan.href(id), type: .found)
        } catch let error as PlanError where error.kind == .invalid || error.kind == .conflict {
            return try await planPage(
                id: id, account: caller.account, context: context, errors: error.messages, status: error.kind.status, batchForm: form)
        }
    }

    @Sendable func prepare(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let batchID = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        let (plan, _) = try await stores.plans.batch(id: batchID, for: caller.account)
        let redraw =
            form.value("redrawOf").isEmpty
            ? nil : Redraw(of: form.value("redrawOf"), reason: form.value("reason"), approver: form.value("approver"))
        do {
            let draw = try await stores.draws.prepare(batchID: batchID, caller: caller, redraw: redraw)
            return Response.redirect(to: DrawPaths.draw.href(draw.id), type: .found)
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
            let errors = (error as? PlanError)?.messages ?? [error.message]
            return try await planPage(id: plan.id, account: caller.account, context: context, errors: errors, status: error.kind.status)
        }
    }

    /// The plan form as a plan of `initiator`; unreadable dates and numbers are input errors.
    /// Items are `DEPARTMENT:CODE`; choosing another department's item makes it a participant.
    static func plan(_ form: FormFields, initiator: String) throws -> Plan {
        var issues: [FieldIssue] = []
        let start = CalendarDate(iso: form.value("windowStart"))
        let end = CalendarDate(iso: form.value("windowEnd"))
        if start == nil { issues.append(FieldIssue(field: "windowStart", message: "请填写抽查开始日期")) }
        if end == nil { issues.append(FieldIssue(field: "windowEnd", message: "请填写抽查结束日期")) }
        let year = form.value("year").count <= 4 ? Int(form.value("year")) : nil
        if year == nil { issues.append(FieldIssue(field: "year", message: "请填写计划年度（如 2026）")) }
        var items: [PlanItem] = []
        for entry in form.values("items") {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                issues.append(FieldIssue(field: "items", message: "抽查事项“\(entry)”无法识别，请从清单中选择"))
                continue
            }
            items.append(PlanItem(department: parts[0], code: parts[1]))
        }
        var participants = form.values("participants").filter { $0 != initiator }
        for item in items where item.department != initiator && !participants.contains(item.department) {
            participants.append(item.department)
        }
        guard let start, let end, let year, issues.isEmpty else { throw PlanError.invalid(issues) }
        return Plan(
            code: form.value("code").uppercased(), name: form.value("name"), year: year, initiator: initiator,
            participants: participants, items: items,
            scope: TargetScope(
                kinds: form.values("kinds").compactMap(TargetKind.init(rawValue:)), areas: form.values("areas"),
                industries: form.values("industries"), tags: form.values("tags")),
            windowStart: start, windowEnd: end, notes: form.value("notes"))
    }

    /// The batch form: a fixed count, or A/B/C/D ratios in % (‰ precision) with a rounding.
    static func batch(_ form: FormFields, planID: Int64) throws -> Batch {
        guard let start = CalendarDate(iso: form.value("start")), let end = CalendarDate(iso: form.value("end")) else {
            throw PlanError.invalid([FieldIssue(field: "start", message: "请填写批次的开始和结束日期")])
        }
        let size: SampleSize
        if form.value("mode") == "ratios" {
            var issues: [FieldIssue] = []
            func ratio(_ field: String, _ risk: String) -> Int {
                let text = form.value(field)
                if text.isEmpty { return 0 }
                if let permille = Permille.fromPercent(text) { return permille }
                issues.append(FieldIssue(field: field, message: "\(risk) 类比例“\(text)”应为 0–100 之间的百分数，最多一位小数（如 0.5 表示 5‰）"))
                return 0
            }
            let (a, b, c, d) = (ratio("a", "A"), ratio("b", "B"), ratio("c", "C"), ratio("d", "D"))
            guard issues.isEmpty else { throw PlanError.invalid(issues) }
            size = .ratios(a: a, b: b, c: c, d: d, rounding: try RatioRounding(formValue: form.value("rounding")))
        } else {
            guard let count = form.value("count").count <= 9 ? Int(form.value("count")) : nil else {
                throw PlanError.invalid([FieldIssue(field: "count", message: "请填写抽取数量（整数）")])
            }
            size = .count(count)
        }
        let capText = form.value("capExtra")
        guard capText.isEmpty || (capText.count <= 6 && Int(capText) != nil) else {
            throw PlanError.invalid([FieldIssue(field: "capExtra", message: "人员负载余量应为不超过 6 位的整数")])
        }
        return Batch(
            planID: planID, code: form.value("code").uppercased(), start: start, end: end, size: size,
            crossUnit: !form.value("crossUnit").isEmpty, capExtra: Int(capText) ?? 0)
    }
}
