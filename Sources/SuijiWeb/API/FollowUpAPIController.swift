// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// `/api/v1/inspections/:id/follow-ups` and `/api/v1/follow-ups`: the follow-ups of problems
/// found (§17). Who may do what is decided in `FollowUpStore`.
struct FollowUpAPIController {
    let stores: Stores
    let clock: AppClock
    var followUps: FollowUpStore { stores.followUps }

    struct ActionBody: Decodable {
        var date: CalendarDate?
        var notes: String?
    }

    /// A follow-up as the API answers it, with whether it is overdue today.
    struct FollowUpBody: Encodable {
        var followUp: FollowUp
        var overdue: Bool

        enum CodingKeys: String, CodingKey {
            case overdue
        }

        func encode(to encoder: any Encoder) throws {
            try followUp.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(overdue, forKey: .overdue)
        }
    }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get("/api/v1/inspections/:id/follow-ups", use: listOfInspection)
        router.post("/api/v1/inspections/:id/follow-ups", use: open)
        router.get("/api/v1/follow-ups", use: listOpen)
        router.post("/api/v1/follow-ups/:id/actions/:action", use: act)
    }

    @Sendable func listOfInspection(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        return respond(try await followUps.list(inspectionID: id, for: account))
    }

    @Sendable func open(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let body = try await request.decode(as: OpenBody.self, context: context)
        let today = CalendarDate(chinaDateOf: caller.at)
        let entry = FollowUp(
            inspectionID: id, targetUID: "", department: "", kind: body.kind, item: body.item, openedOn: body.openedOn ?? today,
            deadline: body.deadline,
            caseNumber: body.caseNumber ?? "", caseDate: body.caseDate, transferredTo: body.transferredTo ?? "",
            transferredOn: body.transferredOn, transferredBy: body.transferredBy ?? "", notes: body.notes ?? "")
        let opened = try await followUps.open(inspectionID: id, entry, caller: caller)
        return JSONBody.response(FollowUpBody(followUp: opened, overdue: opened.isOverdue(today: today)), status: .created)
    }

    @Sendable func listOpen(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let overdue = try APIQuery.flag(request.uri.queryParameters, "overdue")
        let today = CalendarDate(chinaDateOf: clock.now())
        if let state = request.uri.queryParameters["state"].map(String.init) {
            guard let filter = FollowUpFilter(rawValue: state) else {
                throw WebError.badRequest(
                    field: "state", message: "不支持的状态“\(state)”，可用：\(FollowUpFilter.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            return respond(try await followUps.list(overdue ? .overdue : filter, today: today, for: account))
        }
        return respond(try await followUps.listOpen(overdueOn: overdue ? today : nil, for: account))
    }

    @Sendable func act(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let name = try context.parameters.require("action")
        guard let action = FollowUpAction(rawValue: name) else {
            throw WebError.badRequest(
                field: "action", message: "不支持的操作“\(name)”，可用：\(FollowUpAction.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        let body = try await JSONBody.optional(ActionBody.self, request, context: context) ?? ActionBody()
        let next = try await followUps.apply(action, to: id, on: body.date, notes: body.notes ?? "", caller: caller)
        let today = CalendarDate(chinaDateOf: caller.at)
        return JSONBody.response(FollowUpBody(followUp: next, overdue: next.isOverdue(today: today)))
    }

    func respond(_ list: [FollowUp]) -> Response {
        let today = CalendarDate(chinaDateOf: clock.now())
        return JSONBody.response(list.map { FollowUpBody(followUp: $0, overdue: $0.isOverdue(today: today)) })
    }
}

/// The body of a new follow-up: the kind and its details.
struct OpenBody: Decodable {
    var kind: FollowUpKind
    /// The item whose problem it follows up.
    var item: PlanItem?
    var openedOn: CalendarDate?
    var deadline: CalendarDate?
    var caseNumber: String?
    var caseDate: CalendarDate?
    var transferredTo: String?
    var transferredOn: CalendarDate?
    var transferredBy: String?
    var notes: String?
}
