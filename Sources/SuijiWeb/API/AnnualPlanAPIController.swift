// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// `/api/v1/annual-plans/:year`: the office's consolidation of the year's joint plans (§12) —
/// submission status with the 31 May deadline, reminders, merge proposals and the published
/// versions of the district annual plan.
struct AnnualPlanAPIController {
    let stores: Stores
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        let group = router.group("/api/v1/annual-plans/:year")
        group.get(use: overview)
        group.post("/reminders", use: remind)
        group.get("/merge-proposals", use: proposals)
        group.post("/merge-proposals/refresh", use: refresh)
        group.get("/versions", use: versions)
        group.post("/versions", use: publish)
        router.post("/api/v1/merge-proposals/:id/:decision", use: decide)
        router.get("/api/v1/reminders") { _, context in
            JSONBody.response(try await stores.annualPlans.reminders(for: context.account))
        }
    }

    /// The body of `GET /api/v1/annual-plans/:year`.
    struct Overview: Encodable {
        var year: Int
        var deadline: CalendarDate
        var daysLeft: Int
        var submissions: [SubmissionStatus]
        var draft: [AnnualPlanEntry]
        var versions: [VersionSummary]
    }

    struct VersionSummary: Encodable {
        var version: Int
        var note: String
        var publishedBy: String
        var publishedAt: String
        var plans: Int
        var publicURL: String
    }

    struct NoteBody: Decodable {
        var note: String?
    }

    struct ReminderBody: Decodable {
        var department: String
        var message: String?
    }

    @Sendable func overview(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let year = try Self.year(context)
        let submissions = try await stores.annualPlans.submissions(year: year, for: account)
        let today = CalendarDate(chinaDateOf: clock.now())
        return JSONBody.response(
            Overview(
                year: year, deadline: SubmissionDeadline.date(year: year), daysLeft: SubmissionDeadline.daysLeft(year: year, today: today),
                submissions: submissions, draft: try await stores.annualPlans.draft(year: year),
                versions: try await stores.annualPlans.versions(year: year).map(Self.summary)))
    }

    @Sendable func remind(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let body = try await request.decode(as: ReminderBody.self, context: context)
        let reminder = try await stores.annualPlans.remind(
            department: body.department, year: try Self.year(context), message: body.message, caller: caller)
        return JSONBody.response(reminder, status: .created)
    }

    @Sendable func proposals(request: Request, context: SignedInContext) async throws -> Response {
        JSONBody.response(try await stores.mergeProposals.list(year: try Self.year(context), for: context.account))
    }

    @Sendable func refresh(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let year = try Self.year(context)
        try await stores.mergeProposals.refresh(year: year, caller: caller)
        return JSONBody.response(try await stores.mergeProposals.list(year: year, for: caller.account))
    }

    @Sendable func decide(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let name = context.parameters.get("decision") ?? ""
        guard let decision = MergeDecision(rawValue: name) else {
            throw WebError.badRequest(field: "decision", message: "不支持的操作“\(name)”，可用：accept、reject")
        }
        let body = try await JSONBody.optional(NoteBody.self, request, context: context) ?? NoteBody()
        return JSONBody.response(try await stores.mergeProposals.decide(id: id, decision, note: body.note ?? "", caller: caller))
    }

    @Sendable func versions(request: Request, context: SignedInContext) async throws -> Response {
        return JSONBody.response(try await stores.annualPlans.versions(year: try Self.year(context)))
    }

    @Sendable func publish(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let body = try await JSONBody.optional(NoteBody.self, request, context: context) ?? NoteBody()
        let version = try await stores.annualPlans.publish(year: try Self.year(context), note: body.note ?? "", caller: caller)
        return JSONBody.response(version, status: .created)
    }

    static func summary(_ version: AnnualPlanVersion) -> VersionSummary {
        VersionSummary(
            version: version.version, note: version.note, publishedBy: version.publishedBy, publishedAt: version.publishedAt,
            plans: version.entries.count, publicURL: PublicPaths.annualPlan.href(version.year) + "?version=\(version.version)")
    }

    /// The `:year` parameter: 2000–2100.
    static func year(_ context: SignedInContext) throws -> Int {
        guard let year = context.parameters.get("year").flatMap(Int.init), (2000...2100).contains(year) else {
            throw WebError.badRequest(field: "year", message: "年度应为 2000–2100 之间的整数")
        }
        return year
    }
}
