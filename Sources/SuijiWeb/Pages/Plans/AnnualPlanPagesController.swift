// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The office's annual-plan page (§12): who has submitted by 31 May (with 提醒), the merge
/// proposals to accept or reject, the consolidated plan to approve and publish, and its versions.
/// The overseer sees the same, read-only. Every rule is the stores'.
struct AnnualPlanPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(AnnualPlanPaths.index) { _, context in
            return Response.redirect(to: AnnualPlanPaths.year.href(CalendarDate(chinaDateOf: clock.now()).year), type: .found)
        }
        router.get(AnnualPlanPaths.year, use: show)
        router.post(AnnualPlanPaths.reminders, use: remind)
        router.post(AnnualPlanPaths.refresh, use: refresh)
        router.post(AnnualPlanPaths.versions, use: publish)
        router.post(AnnualPlanPaths.decision, use: decide)
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let year = try AnnualPlanAPIController.year(context)
        let notice = request.uri.queryParameters["notice"].map(String.init)
        return try await page(year: year, account: context.account, context: context, notice: notice)
    }

    @Sendable func remind(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let year = try AnnualPlanAPIController.year(context)
        let form = try await FormFields.read(request, context: context)
        return try await perform(year: year, caller: caller, context: context) {
            let reminder = try await stores.annualPlans.remind(
                department: form.value("department"), year: year, message: nil, caller: caller)
            return "已提醒\(try await stores.departments.names()[reminder.department] ?? reminder.department)报送年度计划"
        }
    }

    @Sendable func refresh(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let year = try AnnualPlanAPIController.year(context)
        _ = try await FormFields.read(request, context: context)
        return try await perform(year: year, caller: caller, context: context) {
            let added = try await stores.mergeProposals.refresh(year: year, caller: caller)
            return "新增合并建议 \(added.count) 条"
        }
    }

    @Sendable func publish(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let year = try AnnualPlanAPIController.year(context)
        let form = try await FormFields.read(request, context: context)
        return try await perform(year: year, caller: caller, context: context) {
            let version = try await stores.annualPlans.publish(year: year, note: form.value("note"), caller: caller)
            return "已批准并公示第 \(version.version) 版"
        }
    }

    @Sendable func decide(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        let proposal = try await stores.mergeProposals.get(id: id, for: caller.account)
        guard let decision = MergeDecision(rawValue: form.value("decision")) else {
            throw WebError.badRequest(field: "decision", message: "请选择采纳或不采纳")
        }
        return try await perform(year: proposal.year, caller: caller, context: context) {
            let decided = try await stores.mergeProposals.decide(id: id, decision, note: form.value("note"), caller: caller)
            return decided.state == .accepted ? "已采纳，合并为计划 \(decided.mergedCode)" : "已不采纳该合并建议"
        }
    }

    /// Runs a write; on success back to the page with a notice, on a rule's error the page with it.
    func perform(year: Int, caller: Caller, context: SignedInContext, _ body: () async throws -> String) async throws -> Response {
        do {
            let notice = try await body()
            let query = notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return Response.redirect(to: AnnualPlanPaths.year.href(year) + "?notice=\(query)", type: .found)
        } catch let error as PlanError where error.kind == .invalid || error.kind == .conflict {
            return try await page(
                year: year, account: caller.account, context: context, errors: error.messages,
                status: error.kind.status)
        }
    }

    func page(
        year: Int, account: Account, context: SignedInContext, notice: String? = nil, errors: [String] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let submissions = try await stores.annualPlans.submissions(year: year, for: account)
        let proposals = try await stores.mergeProposals.list(year: year, for: account)
        let draft = try await stores.annualPlans.draft(year: year)
        let versions = try await stores.annualPlans.versions(year: year)
        let plans = try await stores.plans.list(for: account).filter { $0.year == year }
        let ids = Dictionary(plans.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        let model = AnnualPlanPage.make(
            year: year, today: CalendarDate(chinaDateOf: clock.now()), calendar: stores.database.calendar, canEdit: account.role == .office,
            submissions: submissions,
            proposals: proposals, plans: plans, draft: draft, versions: versions, planIDs: ids, notice: notice, errors: errors)
        return pages.render("annual-plan", model, account: account, csrf: context.csrfToken, status: status)
    }
}
