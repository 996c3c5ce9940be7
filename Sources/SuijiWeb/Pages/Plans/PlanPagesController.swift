// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Staff pages of joint plans: the list, the plan form (new and edit, with a pool preview), and
/// one plan with its state actions, batches and draws. Every rule is the store's (`PlanPolicy`);
/// the pages only offer what the viewer's role allows.
struct PlanPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(PlanPaths.list, use: list)
        router.get(PlanPaths.new, use: newForm)
        router.post(PlanPaths.list, use: create)
        router.get(PlanPaths.plan, use: show)
        router.get(PlanPaths.edit, use: editForm)
        router.post(PlanPaths.plan, use: update)
        router.post(PlanPaths.delete, use: delete)
        router.post(PlanPaths.action, use: act)
        router.post(PlanPaths.batches, use: addBatch)
        router.get(PlanPaths.editBatch, use: editBatch)
        router.post(PlanPaths.batch, use: updateBatch)
        router.post(PlanPaths.deleteBatch, use: deleteBatch)
        router.post(PlanPaths.prepareDraw, use: prepare)
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let query = request.uri.queryParameters
        let links = TableLinks(path: PlanPaths.list.href, parameters: query)
        let filter = PlanFilter(
            text: query["q"].map(String.init) ?? "", year: BoundedNumber.exact(query["year"], in: 1...9999),
            state: query["state"].flatMap { PlanState(rawValue: String($0)) }, department: query["department"].map(String.init))
        let account = context.account
        let departments = try await stores.departments.all()
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let readable = try await stores.plans.list(for: account)
        let sort = links.sort(allowed: Self.sortKeys.compactMap { $0 })
        let plans = Self.sorted(readable.filter(filter.matches), by: sort, names: names)
        let model = PlansPage(
            rows: plans.map { plan in
                PlansPage.Row(
                    url: PlanPaths.plan.href(plan.id), code: plan.code, name: plan.name, year: plan.year,
                    initiator: names[plan.initiator] ?? plan.initiator,
                    participants: plan.participants.map { names[$0] ?? $0 }.joined(separator: "、"), state: plan.state.label,
                    window: ChinaTime.period(plan.windowStart, plan.windowEnd))
            }, isEmpty: plans.isEmpty, columns: links.columns(Self.columns, keys: Self.sortKeys, current: sort),
            canCreate: account.role == .departmentAdmin && account.active,
            filter: PlansPage.Filter(
                text: filter.text, count: plans.count, total: readable.count, isActive: filter.isActive,
                years: Set(readable.map(\.year)).sorted(by: >).map {
                    PlansPage.Option(value: String($0), label: "\($0) 年", checked: $0 == filter.year)
                },
                states: PlanState.allCases.map { PlansPage.Option(value: $0.rawValue, label: $0.label, checked: $0 == filter.state) },
                departments: departments.map {
                    PlansPage.Option(value: $0.code, label: $0.name, checked: $0.code == filter.department)
                }))
        return pages.render("plans", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        return try await planPage(id: id, account: context.account, context: context)
    }

    /// The plan page; `batchForm` and `batchPreview` keep a new-batch form that was previewed
    /// or refused.
    func planPage(
        id: Int64, account: Account, context: SignedInContext, errors: [String] = [], status: HTTPResponse.Status = .ok,
        batchForm: FormFields? = nil, batchPreview: PoolPreview? = nil
    ) async throws -> Response {
        let plan = try await stores.plans.get(id: id, for: account)
        let batches = try await stores.plans.batches(planID: id, for: account)
        let draws = try await stores.draws.list(for: account).filter { $0.planID == id }
        let library = try await LibraryNames.load(stores)
        let names = library.departments
        let initiatorAdmin = (try? PlanPolicy.requireInitiator(account, plan)) != nil
        var model = PlanPage(
            id: plan.id, code: plan.code, name: plan.name, year: plan.year, initiator: names[plan.initiator] ?? plan.initiator,
            participants: plan.participants.isEmpty ? "—" : plan.participants.map { names[$0] ?? $0 }.joined(separator: "、"),
            items: plan.items.map {
                PlanPage.Item(
                    department: names[$0.department] ?? $0.department, code: $0.code, name: library.item($0.code, of: $0.department))
            }, scope: library.scope(plan.scope),
            window: ChinaTime.period(plan.windowStart, plan.windowEnd), notes: plan.notes.isEmpty ? "—" : plan.notes,
            state: plan.state.label,
            published: plan.published ? "已公示" : "未公示",
            actions: Self.actions(for: account, plan: plan), hasActions: !Self.actions(for: account, plan: plan).isEmpty,
            batches: batches.map { batch in
                let links = draws.filter { $0.batchID == batch.id }.reversed().map {
                    PlanPage.DrawLink(
                        id: $0.id, url: DrawPaths.draw.href($0.id), state: $0.state.label, publicURL: PublicPaths.draw.href($0.id))
                }
                return PlanPage.BatchRow(
                    id: batch.id, code: batch.code, window: ChinaTime.period(batch.start, batch.end), size: Self.describe(batch.size),
                    options: (batch.crossUnit ? "所所交叉；" : "") + "人员负载余量 \(batch.capExtra)", draws: links, hasDraws: !links.isEmpty,
                    latestDraw: links.last?.id ?? "", canPrepare: initiatorAdmin && PlanPolicy.allowsDraws(plan.state),
                    canEdit: PlanPolicy.canEditBatch(account, plan, batchHasDraws: !links.isEmpty),
                    editURL: PlanPaths.editBatch.href(batch.id), prepareURL: PlanPaths.prepareDraw.href(batch.id))
            }, hasBatches: !batches.isEmpty, canAddBatch: PlanPolicy.canAddBatch(account, plan), errors: errors, hasErrors: !errors.isEmpty,
            batch: batchForm.map(BatchFormValues.init) ?? BatchFormValues(), batchPreview: batchPreview.map(PoolPreviewModel.init),
            minDate: plan.windowStart.iso, maxDate: plan.windowEnd.iso, canEdit: PlanPolicy.canEditDraft(account, plan))
        model.editURL = PlanPaths.edit.href(plan.id)
        model.addBatchURL = PlanPaths.batches.href(plan.id)
        model.deleteURL = PlanPaths.delete.href(plan.id)
        let links = try await stores.mergeProposals.links(planID: plan.id)
        model.mergedFrom = links.mergedFrom.map { PlanPage.MergeLink(code: $0.code, url: PlanPaths.plan.href($0.id)) }
        model.hasMergedFrom = !links.mergedFrom.isEmpty
        model.mergedInto = links.mergedInto.map { PlanPage.MergeLink(code: $0.code, url: PlanPaths.plan.href($0.id)) }
        return pages.render("plan", model, account: account, csrf: context.csrfToken, status: status)
    }

    static let columns = ["计划编号", "计划名称", "年度", "发起部门", "参与部门", "抽查时间", "状态"]
    static let sortKeys: [String?] = ["code", "name", "year", "initiator", nil, "window", "state"]

    /// Plans in the order asked for (newest first by default); ties keep that order.
    static func sorted(_ plans: [Plan], by sort: ListSort?, names: [String: String]) -> [Plan] {
        guard let sort else { return plans }
        let states = PlanState.allCases
        func ordered(_ a: Plan, _ b: Plan) -> Bool? {
            switch sort.key {
            case "code": return a.code == b.code ? nil : a.code < b.code
            case "name": return a.name == b.name ? nil : a.name < b.name
            case "year": return a.year == b.year ? nil : a.year < b.year
            case "initiator":
                let (x, y) = (names[a.initiator] ?? a.initiator, names[b.initiator] ?? b.initiator)
                return x == y ? nil : x < y
            case "window": return a.windowStart == b.windowStart ? nil : a.windowStart < b.windowStart
            case "state":
                let (x, y) = (states.firstIndex(of: a.state) ?? 0, states.firstIndex(of: b.state) ?? 0)
                return x == y ? nil : x < y
            default: return nil
            }
        }
        return plans.enumerated().sorted { lhs, rhs in
            guard let less = ordered(lhs.element, rhs.element) else { return lhs.offset < rhs.offset }
            return sort.descending ? !less : less
        }.map(\.element)
    }

    /// The state changes the viewer may request now.
    static func actions(for account: Account, plan: Plan) -> [PlanPage.Action] {
        PlanPolicy.allowedActions(account, on: plan).map {
            PlanPage.Action(action: $0.rawValue, label: $0.label, url: PlanPaths.action.href(plan.id, $0.rawValue))
        }
    }

    static func describe(_ size: SampleSize) -> String {
        switch size {
        case .count(let n): "固定数量 \(n) 户"
        case .ratios(let a, let b, let c, let d, let rounding):
            "按风险等级比例 A 类 \(Permille.percentText(a))、B 类 \(Permille.percentText(b))、C 类 \(Permille.percentText(c))、"
                + "D 类 \(Permille.percentText(d))（\(rounding.label)）"
        }
    }

}
