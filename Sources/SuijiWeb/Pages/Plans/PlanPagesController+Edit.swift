// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Creating, changing and deleting draft plans and their batches (without JavaScript: a 预览
/// submit re-renders the form with the pool the draw would use). The rules are `PlanPolicy`'s,
/// applied by the store, which audits every change.
extension PlanPagesController {
    @Sendable func newForm(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        guard account.role == .departmentAdmin, let department = account.departmentCode else {
            throw PlanError.forbidden("只有部门管理员可以发起联合抽查计划")
        }
        return try await planForm(
            title: "新建联合抽查计划", action: PlanPaths.list.href, cancelURL: PlanPaths.list.href,
            source: .init(form: nil, plan: nil, initiator: department), account: account, context: context)
    }

    @Sendable func create(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await FormFields.read(request, context: context)
        let source = PlanFormPage.Source(form: form, plan: nil, initiator: caller.account.departmentCode ?? "")
        return try await submit(
            form, source: source, title: "新建联合抽查计划", action: PlanPaths.list.href, cancelURL: PlanPaths.list.href, context: context
        ) {
            plan in try await stores.plans.create(plan, caller: caller)
        }
    }

    @Sendable func editForm(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let plan = try await stores.plans.get(id: try context.parameters.require("id", as: Int64.self), for: account)
        try PlanPolicy.requireDraftEditor(account, plan)
        return try await planForm(
            title: "修改计划：\(plan.name)", action: PlanPaths.plan.href(plan.id), cancelURL: PlanPaths.plan.href(plan.id),
            source: .init(form: nil, plan: plan, initiator: plan.initiator), account: account, context: context)
    }

    @Sendable func update(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        let current = try await stores.plans.get(id: id, for: caller.account)
        try PlanPolicy.requireDraftEditor(caller.account, current)
        let source = PlanFormPage.Source(form: form, plan: current, initiator: current.initiator)
        return try await submit(
            form, source: source, title: "修改计划：\(current.name)", action: PlanPaths.plan.href(id), cancelURL: PlanPaths.plan.href(id),
            context: context
        ) { plan in try await stores.plans.update(id: id, plan, caller: caller) }
    }

    @Sendable func delete(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        guard form.value("confirm") == "yes" else {
            return try await planPage(
                id: id, account: caller.account, context: context, errors: ["请勾选“确认删除”后再删除计划"], status: .unprocessableContent)
        }
        do {
            try await stores.plans.delete(id: id, caller: caller)
            return Response.redirect(to: PlanPaths.list.href, type: .found)
        } catch let error as PlanError where error.kind == .conflict {
            return try await planPage(id: id, account: caller.account, context: context, errors: [error.message], status: .conflict)
        }
    }

    @Sendable func editBatch(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let (plan, batch) = try await stores.plans.batch(id: try context.parameters.require("id", as: Int64.self), for: account)
        return try await batchPage(plan: plan, batch: batch, values: BatchFormValues(batch), account: account, context: context)
    }

    @Sendable func updateBatch(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        let (plan, batch) = try await stores.plans.batch(id: id, for: caller.account)
        do {
            let changed = try Self.batch(form, planID: plan.id)
            if form.value("intent") == "preview" {
                try PlanPolicy.requireInitiator(caller.account, plan)
                let preview = try await stores.draws.preview(plan: plan, batch: changed, for: caller.account)
                return try await batchPage(
                    plan: plan, batch: batch, values: BatchFormValues(form), account: caller.account, context: context, preview: preview)
            }
            _ = try await stores.plans.updateBatch(id: id, changed, caller: caller)
            return Response.redirect(to: PlanPaths.plan.href(plan.id) + "#batch-\(id)", type: .found)
        } catch let error as PlanError where error.kind == .invalid || error.kind == .conflict {
            return try await batchPage(
                plan: plan, batch: batch, values: BatchFormValues(form), account: caller.account, context: context, errors: error.messages,
                status: error.kind.status)
        }
    }

    @Sendable func deleteBatch(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        let (plan, batch) = try await stores.plans.batch(id: id, for: caller.account)
        guard form.value("confirm") == "yes" else {
            return try await batchPage(
                plan: plan, batch: batch, values: BatchFormValues(batch), account: caller.account, context: context,
                errors: ["请勾选“确认删除”后再删除批次"], status: .unprocessableContent)
        }
        do {
            try await stores.plans.deleteBatch(id: id, caller: caller)
            return Response.redirect(to: PlanPaths.plan.href(plan.id), type: .found)
        } catch let error as PlanError where error.kind == .conflict {
            return try await batchPage(
                plan: plan, batch: batch, values: BatchFormValues(batch), account: caller.account, context: context,
                errors: [error.message], status: .conflict)
        }
    }

    /// Saves the plan form through `save`, or shows it again with its preview or its errors.
    func submit(
        _ form: FormFields, source: PlanFormPage.Source, title: String, action: String, cancelURL: String, context: SignedInContext,
        save: (Plan) async throws -> Plan
    ) async throws -> Response {
        let account = context.account
        do {
            var plan = try Self.plan(form, initiator: source.initiator)
            if form.value("intent") == "preview" {
                plan.id = source.plan?.id ?? 0
                let issues = plan.validate().filter { $0.field != "code" && $0.field != "name" }
                guard issues.isEmpty else { throw PlanError.invalid(issues) }
                let preview = try await stores.draws.preview(plan: plan, batch: nil, for: account)
                return try await planForm(
                    title: title, action: action, cancelURL: cancelURL, source: source, account: account, context: context, preview: preview
                )
            }
            let saved = try await save(plan)
            return Response.redirect(to: PlanPaths.plan.href(saved.id), type: .found)
        } catch let error as PlanError where error.kind == .invalid || error.kind == .conflict {
            return try await planForm(
                title: title, action: action, cancelURL: cancelURL, source: source, account: account, context: context,
                errors: error.messages, status: error.kind.status)
        }
    }

    func planForm(
        title: String, action: String, cancelURL: String, source: PlanFormPage.Source, account: Account, context: SignedInContext,
        errors: [String] = [], preview: PoolPreview? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = try await PlanFormPage.make(
            title: title, action: action, cancelURL: cancelURL, source: source, stores: stores, errors: errors, preview: preview)
        return pages.render("plan-form", model, account: account, csrf: context.csrfToken, status: status)
    }

    func batchPage(
        plan: Plan, batch: Batch, values: BatchFormValues, account: Account, context: SignedInContext, errors: [String] = [],
        preview: PoolPreview? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let drawn = try await stores.draws.list(for: account).contains { $0.batchID == batch.id }
        try PlanPolicy.requireBatchEditor(account, plan, batchHasDraws: drawn)
        let model = BatchFormPage(
            planName: plan.name, planURL: PlanPaths.plan.href(plan.id), id: batch.id, code: batch.code, batch: values,
            minDate: plan.windowStart.iso, maxDate: plan.windowEnd.iso, errors: errors, hasErrors: !errors.isEmpty,
            preview: preview.map(PoolPreviewModel.init), updateURL: PlanPaths.batch.href(batch.id),
            deleteURL: PlanPaths.deleteBatch.href(batch.id))
        return pages.render("batch-form", model, account: account, csrf: context.csrfToken, status: status)
    }
}

/// View model of `/batches/:id/edit`.
struct BatchFormPage {
    var planName: String
    var planURL: String
    var id: Int64
    var code: String
    var batch: BatchFormValues
    var minDate: String
    var maxDate: String
    var errors: [String]
    var hasErrors: Bool
    var preview: PoolPreviewModel?
    var updateURL: String
    var deleteURL: String
}
