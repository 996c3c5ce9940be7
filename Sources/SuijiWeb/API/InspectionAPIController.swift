// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// `/api/v1/inspections`: the inspections created by executed draws, the team's notice and
/// findings, submission and the initiating department's review. Who may do what is decided by
/// `InspectionPolicy` in the store.
struct InspectionAPIController {
    let stores: Stores
    let clock: AppClock
    var inspections: InspectionStore { stores.inspections }

    struct ReviewBody: Decodable {
        var action: String
        var reason: String?
    }

    /// An inspection as the API answers it: its fields, whether it is overdue today and (for
    /// one inspection) the review trail.
    struct InspectionBody: Encodable {
        var inspection: Inspection
        var overdue: Bool
        var trail: [InspectionEvent]?

        enum CodingKeys: String, CodingKey {
            case overdue, trail
        }

        func encode(to encoder: any Encoder) throws {
            try inspection.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(overdue, forKey: .overdue)
            try container.encodeIfPresent(trail, forKey: .trail)
        }
    }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        let group = router.group("/api/v1/inspections")
        group.get(use: list)
        group.get("/:id", use: show)
        group.post("/:id/notice", use: notice)
        group.post("/:id/schedule", use: schedule)
        group.post("/:id/findings", use: finding)
        group.post("/:id/submit", use: submit)
        group.post("/:id/review", use: review)
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let parameters = request.uri.queryParameters
        let today = CalendarDate(chinaDateOf: clock.now())
        var query = InspectionQuery(
            drawID: parameters["draw"].map(String.init),
            planID: try APIQuery.int(parameters, "plan", in: 1...Int(Int64.max)).map(Int64.init),
            limit: try APIQuery.int(parameters, "limit", in: 1...1000) ?? 500,
            offset: try APIQuery.int(parameters, "offset", in: 0...InspectionQuery.maxOffset) ?? 0)
        if let state = parameters["state"] {
            guard let parsed = InspectionState(rawValue: String(state)) else {
                throw WebError.badRequest(
                    field: "state", message: "不支持的状态“\(state)”，可用：\(InspectionState.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            query.state = parsed
        }
        if try APIQuery.flag(parameters, "overdue") { query.overdueOn = today }
        let found = try await inspections.list(for: account, query)
        return JSONBody.response(found.map { InspectionBody(inspection: $0, overdue: $0.isOverdue(today: today)) })
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        let inspection = try await inspections.get(id: id, for: account)
        return respond(inspection, trail: try await inspections.trail(id: id, for: account))
    }

    struct ScheduleBody: Decodable {
        var plannedDate: String
    }

    @Sendable func schedule(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let body = try await request.decode(as: ScheduleBody.self, context: context)
        guard let date = CalendarDate(iso: body.plannedDate) else {
            throw InspectionError.invalid([FieldIssue(field: "plannedDate", message: "计划检查日期应写作 YYYY-MM-DD")])
        }
        return respond(try await inspections.schedule(id: id, on: date, caller: caller))
    }

    @Sendable func notice(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let body = try await request.decode(as: Notice.self, context: context)
        return respond(try await inspections.recordNotice(id: id, notice: body, caller: caller))
    }

    @Sendable func finding(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let body = try await request.decode(as: FindingInput.self, context: context)
        return respond(try await inspections.recordFinding(id: id, body, caller: caller))
    }

    @Sendable func submit(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        return respond(try await inspections.submit(id: id, caller: caller))
    }

    @Sendable func review(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let body = try await request.decode(as: ReviewBody.self, context: context)
        guard let action = InspectionAction(rawValue: body.action), InspectionAction.review.contains(action) else {
            throw WebError.badRequest(field: "action", message: "不支持的审核操作“\(body.action)”，可用：approve、return、publish")
        }
        return respond(try await inspections.review(id: id, action: action, reason: body.reason ?? "", caller: caller))
    }

    func respond(_ inspection: Inspection, trail: [InspectionEvent]? = nil) -> Response {
        let today = CalendarDate(chinaDateOf: clock.now())
        return JSONBody.response(InspectionBody(inspection: inspection, overdue: inspection.isOverdue(today: today), trail: trail))
    }
}
