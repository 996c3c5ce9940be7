// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Staff pages of joint plans: the list with the new-plan form, and one plan with its state
/// actions, batches and draws. Every rule is the store's (`PlanPolicy`); the pages only offer
/// what the viewer's role allows.
struct PlanPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/plans", use: list)
        router.post("/plans", use: create)
        router.get("/plans/:id", use: show)
        router.post("/plans/:id/actions/:action", use: act)
        router.post("/plans/:id/batches", use: addBatch)
        router.post("/batches/:id/draws", use: prepare)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let filter = PlanFilter(
            text: query["q"].map(String.init) ?? "", year: BoundedNumber.exact(query["year"], in: 1...9999),
            state: query["state"].flatMap { PlanState(rawValue: String($0)) }, department: query["department"].map(String.init))
        return try await listPage(
            account: try context.requireAccount(), context: context, values: PlansPage.Values(), form: nil, filter: filter)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let form = try await FormFields.read(request, context: context)
        do {
            let plan = try await stores.plans.create(try Self.plan(form, initiator: caller.account.departmentCode ?? ""), caller: caller)
            return Response.redirect(to: "/plans/\(plan.id)", type: .found)
        } catch let error as PlanError where error.kind == .invalid || error.kind == .conflict {
            return try await listPage(
                account: caller.account, context: context, values: Self.values(form), form: form, errors: error.messages,
                status: error.kind.status)
        }
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        return try await planPage(id: id, account: try context.requireAccount(), context: context)
    }

    func listPage(
        account: Account, context: AppRequestContext, values: PlansPage.Values, form: FormFields?, errors: [String] = [],
        status: HTTPResponse.Status = .ok, filter: PlanFilter = PlanFilter()
    ) async throws -> Response {
        let departments = try await stores.departments.all()
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let readable = try await stores.plans.list(for: account)
        let plans = readable.filter(filter.matches)
        let own = account.role == .departmentAdmin ? account.departmentCode : nil
        var items: [CheckItem] = []
        if let own { items = try await stores.items.list(scope: .only(own), query: ListQuery(perPage: 500)).items }
        let model = PlansPage(
            rows: plans.map { plan in
                PlansPage.Row(
                    url: "/plans/\(plan.id)", code: plan.code, name: plan.name, year: plan.year,
                    initiator: names[plan.initiator] ?? plan.initiator,
                    participants: plan.participants.map { names[$0] ?? $0 }.joined(separator: "、"), state: plan.state.label,
                    window: "\(plan.windowStart.iso) 至 \(plan.windowEnd.iso)")
            }, isEmpty: plans.isEmpty, canCreate: own != nil,
            filter: PlansPage.Filter(
                text: filter.text, count: plans.count, total: readable.count, isActive: filter.isActive,
                years: Set(readable.map(\.year)).sorted(by: >).map {
                    PlansPage.Option(value: String($0), label: "\($0) 年", checked: $0 == filter.year)
                },
                states: PlanState.allCases.map { PlansPage.Option(value: $0.rawValue, label: $0.label, checked: $0 == filter.state) },
                departments: departments.map {
                    PlansPage.Option(value: $0.code, label: $0.name, checked: $0.code == filter.department)
                }), errors: errors, hasErrors: !errors.isEmpty,
            departments: departments.filter { $0.code != own }.map {
                PlansPage.Option(value: $0.code, label: $0.name, checked: form?.values("participants").contains($0.code) ?? false)
            },
            items: items.map {
                PlansPage.Option(value: $0.code, label: "\($0.code) \($0.name)", checked: form?.values("items").contains($0.code) ?? false)
            }, hasItems: !items.isEmpty,
            kinds: TargetKind.allCases.map {
                PlansPage.Option(value: $0.rawValue, label: $0.label, checked: form?.values("kinds").contains($0.rawValue) ?? false)
            }, values: values)
        return pages.render("plans", model, account: account, csrf: context.csrfToken, status: status)
    }

    func planPage(id: Int64, account: Account, context: AppRequestContext, errors: [String] = [], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let plan = try await stores.plans.get(id: id, for: account)
        let batches = try await stores.plans.batches(planID: id, for: account)
        let draws = try await stores.draws.list(for: account).filter { $0.planID == id }
        let names = try await stores.departments.names()
        let initiatorAdmin = (try? PlanPolicy.requireInitiator(account, plan)) != nil
        var model = PlanPage(
            id: plan.id, code: plan.code, name: plan.name, year: plan.year, initiator: "\(names[plan.initiator] ?? "")（\(plan.initiator)）",
            participants: plan.participants.map { "\(names[$0] ?? "")（\($0)）" }.joined(separator: "、"),
            items: plan.items.map { PlanPage.Item(department: $0.department, code: $0.code) }, scope: ScopeText.describe(plan.scope),
            window: "\(plan.windowStart.iso) 至 \(plan.windowEnd.iso)", notes: plan.notes.isEmpty ? "—" : plan.notes,
            state: plan.state.label,
            published: plan.published ? "已公示" : "未公示",
            actions: Self.actions(for: account, plan: plan), hasActions: !Self.actions(for: account, plan: plan).isEmpty,
            batches: batches.map { batch in
                let links = draws.filter { $0.batchID == batch.id }.reversed().map {
                    PlanPage.DrawLink(id: $0.id, url: "/draws/\($0.id)", state: $0.state.label, publicURL: "/public/draws/\($0.id)")
                }
                return PlanPage.BatchRow(
                    id: batch.id, code: batch.code, window: "\(batch.start.iso) 至 \(batch.end.iso)", size: Self.describe(batch.size),
                    options: (batch.crossUnit ? "所所交叉；" : "") + "人员负载余量 \(batch.capExtra)", draws: links, hasDraws: !links.isEmpty,
                    latestDraw: links.last?.id ?? "", canPrepare: initiatorAdmin && PlanPolicy.allowsDraws(plan.state))
            }, hasBatches: !batches.isEmpty, canAddBatch: PlanPolicy.canAddBatch(account, plan), errors: errors, hasErrors: !errors.isEmpty,
            roundings: RatioRounding.allCases.map { FieldOption(value: $0.rawValue, label: $0.label, selected: $0 == .default) },
            windowStart: plan.windowStart.iso, windowEnd: plan.windowEnd.iso)
        let links = try await stores.mergeProposals.links(planID: plan.id)
        model.mergedFrom = links.mergedFrom.map { PlanPage.MergeLink(code: $0.code, url: "/plans/\($0.id)") }
        model.hasMergedFrom = !links.mergedFrom.isEmpty
        model.mergedInto = links.mergedInto.map { PlanPage.MergeLink(code: $0.code, url: "/plans/\($0.id)") }
        return pages.render("plan", model, account: account, csrf: context.csrfToken, status: status)
    }

    /// The state changes the viewer may request now.
    static func actions(for account: Account, plan: Plan) -> [PlanPage.Action] {
        PlanPolicy.allowedActions(account, on: plan).map { PlanPage.Action(action: $0.rawValue, label: $0.label) }
    }

    static func describe(_ size: SampleSize) -> String {
        switch size {
        case .count(let n): "固定数量 \(n) 户"
        case .ratios(let a, let b, let c, let d, let rounding):
            "按风险等级比例 A \(a)‰、B \(b)‰、C \(c)‰、D \(d)‰（\(label(rounding))）"
        }
    }

    static func label(_ rounding: RatioRounding) -> String { rounding.label }
}
