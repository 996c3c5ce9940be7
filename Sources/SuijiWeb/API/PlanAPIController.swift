// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// `/api/v1/plans`: joint plans, their state changes and batches. Who may do what is decided by
/// `PlanPolicy` in the store.
struct PlanAPIController {
    let stores: Stores
    let clock: AppClock

    /// The actions a client may request (`start` is the platform's own).
    static let requestable: [PlanAction] = [.submit, .approve, .reject, .finish, .publish]

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        let group = router.group("/api/v1/plans")
        group.get(use: list)
        group.post(use: create)
        group.get("/:id", use: show)
        group.post("/:id/actions/:action", use: act)
        group.get("/:id/batches", use: batches)
        group.post("/:id/batches", use: addBatch)
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        JSONBody.response(try await stores.plans.list(for: context.account))
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        return JSONBody.response(try await stores.plans.get(id: id, for: context.account))
    }

    @Sendable func create(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let body = try await request.decode(as: PlanRequest.self, context: context)
        let plan = try await stores.plans.create(body.plan(initiator: caller.account.departmentCode ?? ""), caller: caller)
        return JSONBody.response(plan, status: .created)
    }

    @Sendable func act(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let action = try Self.action(context.parameters.get("action") ?? "")
        return JSONBody.response(try await stores.plans.apply(action, to: id, caller: caller))
    }

    @Sendable func batches(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        let batches = try await stores.plans.batches(planID: id, for: context.account)
        return JSONBody.response(batches.map(PlanBodies.BatchDTO.init))
    }

    @Sendable func addBatch(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let body = try await request.decode(as: BatchRequest.self, context: context)
        let batch = try await stores.plans.addBatch(try body.batch(planID: id), caller: caller)
        return JSONBody.response(PlanBodies.BatchDTO(batch), status: .created)
    }

    /// The requested action, or an input error naming the allowed ones.
    static func action(_ name: String) throws -> PlanAction {
        guard let action = PlanAction(rawValue: name), requestable.contains(action) else {
            throw WebError.badRequest(
                field: "action", message: "不支持的操作“\(name)”，可用：\(requestable.map(\.rawValue).joined(separator: "、"))")
        }
        return action
    }
}
