// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// `/api/v1/batches/:id/draws` and `/api/v1/draws`: prepare, commit, reveal, enter the public
/// value and execute a verifiable draw (docs/draw-spec.md).
struct DrawAPIController {
    let stores: Stores
    let clock: AppClock

    struct PrepareBody: Decodable {
        struct Announcement: Decodable {
            var date: String
            var source: String
        }

        var publicValue: Announcement?
        var redraw: Redraw?
    }

    struct CommitBody: Decodable {
        var department: String?
        var commitment: String
    }

    struct RevealBody: Decodable {
        var department: String?
        var secret: String
    }

    struct PublicValueBody: Decodable {
        var value: String
    }

    struct ReplacementBody: Decodable {
        var target: String
        var slot: String
        var reason: ReplacementReason
        var approver: String
        var note: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/batches/:id/draws", use: prepare)
        let group = router.group("/api/v1/draws")
        group.get(use: list)
        group.get("/:id", use: show)
        group.post("/:id/commitments", use: commit)
        group.post("/:id/reveals", use: reveal)
        group.post("/:id/public-value", use: publicValue)
        group.post("/:id/execute", use: execute)
        group.post("/:id/replacements", use: replace)
    }

    /// Replaces a drawn inspector with the department's approval; answers the replacement file.
    @Sendable func replace(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: ReplacementBody.self, context: context)
        let files = try await stores.draws.replaceInspector(
            id, target: body.target, slot: body.slot, reason: body.reason, approver: body.approver, note: body.note ?? "", caller: caller)
        return Response(
            status: .created, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: files["inspector-replacements.txt"] ?? [])))
    }

    @Sendable func prepare(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let batchID = try context.parameters.require("id", as: Int64.self)
        let body = try await JSONBody.optional(PrepareBody.self, request, context: context) ?? PrepareBody()
        let draw = try await stores.draws.prepare(
            batchID: batchID, caller: caller,
            publicValue: body.publicValue.map { PublicValueAnnouncement(date: $0.date, source: $0.source) }, redraw: body.redraw)
        return JSONBody.response(draw, status: .created)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let parameters = request.uri.queryParameters
        let batch =
            try APIQuery.int(parameters, "batch", in: 1...Int(Int64.max)) ?? APIQuery.int(parameters, "batchID", in: 1...Int(Int64.max))
        let batchID = batch.map(Int64.init)
        return JSONBody.response(try await stores.draws.list(for: account, batchID: batchID))
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        return JSONBody.response(try await stores.draws.get(id, for: try context.requireAccount()))
    }

    @Sendable func commit(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: CommitBody.self, context: context)
        let department = body.department ?? caller.account.departmentCode ?? ""
        return JSONBody.response(
            try await stores.draws.commit(id, department: department, commitment: body.commitment, caller: caller))
    }

    @Sendable func reveal(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: RevealBody.self, context: context)
        let department = body.department ?? caller.account.departmentCode ?? ""
        return JSONBody.response(try await stores.draws.reveal(id, department: department, secret: body.secret, caller: caller))
    }

    @Sendable func publicValue(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: PublicValueBody.self, context: context)
        return JSONBody.response(try await stores.draws.enterPublicValue(id, value: body.value, caller: caller))
    }

    @Sendable func execute(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id")
        return JSONBody.response(try await stores.draws.execute(id, caller: caller))
    }
}
