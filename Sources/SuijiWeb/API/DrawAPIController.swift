// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// `/api/v1/batches/:id/draws` and `/api/v1/draws`: prepare, announce, commit, reveal, enter the
/// public value and execute a verifiable draw (docs/draw-spec.md).
struct DrawAPIController {
    let stores: Stores
    let clock: AppClock

    /// The reveal deadline (ISO 8601 with a zone, e.g. `2026-12-03T17:00:00+08:00`) and either
    /// the public value's date and source or an exception's approver and reason.
    struct AnnouncementBody: Decodable {
        struct PublicValue: Decodable {
            var date: String
            var source: String
        }

        var revealDeadline: String
        var publicValue: PublicValue?
        var exception: DrawAnnouncement.Exception?

        var announcement: DrawAnnouncement {
            get throws {
                guard let deadline = try? Date.ISO8601FormatStyle(includingFractionalSeconds: false).parse(revealDeadline) else {
                    throw PlanError.invalid([
                        FieldIssue(field: "revealDeadline", message: "揭示截止时间应为带时区的 ISO 8601 时间，如 2026-12-03T17:00:00+08:00")
                    ])
                }
                return DrawAnnouncement(
                    revealDeadline: deadline, publicValue: publicValue.map { PublicValueAnnouncement(date: $0.date, source: $0.source) },
                    exception: exception)
            }
        }
    }

    struct PrepareBody: Decodable {
        var announcement: AnnouncementBody?
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
        /// Where the value was read (the draw notice's address or number).
        var note: String
    }

    struct ReplacementBody: Decodable {
        var target: String
        var slot: String
        var reason: ReplacementReason
        var approver: String
        var note: String?
    }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.post("/api/v1/batches/:id/draws", use: prepare)
        let group = router.group("/api/v1/draws")
        group.get(use: list)
        group.get("/:id", use: show)
        group.post("/:id/announcement", use: announce)
        group.post("/:id/commitments", use: commit)
        group.post("/:id/reveals", use: reveal)
        group.post("/:id/public-value", use: publicValue)
        group.post("/:id/execute", use: execute)
        group.post("/:id/replacements", use: replace)
    }

    /// Replaces a drawn inspector with the department's approval; answers the replacement file.
    @Sendable func replace(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: ReplacementBody.self, context: context)
        let files = try await stores.draws.replaceInspector(
            id, target: body.target, slot: body.slot, reason: body.reason, approver: body.approver, note: body.note ?? "", caller: caller)
        return Response(
            status: .created, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: files["inspector-replacements.txt"] ?? [])))
    }

    @Sendable func prepare(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let batchID = try context.parameters.require("id", as: Int64.self)
        let body = try await JSONBody.optional(PrepareBody.self, request, context: context) ?? PrepareBody()
        let draw = try await stores.draws.prepare(
            batchID: batchID, caller: caller, announcement: try body.announcement?.announcement, redraw: body.redraw)
        return JSONBody.response(draw, status: .created)
    }

    @Sendable func announce(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: AnnouncementBody.self, context: context)
        return JSONBody.response(try await stores.draws.announce(id, try body.announcement, caller: caller))
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let parameters = request.uri.queryParameters
        let batch =
            try APIQuery.int(parameters, "batch", in: 1...Int(Int64.max)) ?? APIQuery.int(parameters, "batchID", in: 1...Int(Int64.max))
        let batchID = batch.map(Int64.init)
        return JSONBody.response(try await stores.draws.list(for: account, batchID: batchID))
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id")
        return JSONBody.response(try await stores.draws.get(id, for: context.account))
    }

    @Sendable func commit(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: CommitBody.self, context: context)
        let department = body.department ?? caller.account.departmentCode ?? ""
        return JSONBody.response(
            try await stores.draws.commit(id, department: department, commitment: body.commitment, caller: caller))
    }

    @Sendable func reveal(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: RevealBody.self, context: context)
        let department = body.department ?? caller.account.departmentCode ?? ""
        return JSONBody.response(try await stores.draws.reveal(id, department: department, secret: body.secret, caller: caller))
    }

    @Sendable func publicValue(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: PublicValueBody.self, context: context)
        return JSONBody.response(try await stores.draws.enterPublicValue(id, value: body.value, note: body.note, caller: caller))
    }

    @Sendable func execute(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        return JSONBody.response(try await stores.draws.execute(id, caller: caller))
    }
}
