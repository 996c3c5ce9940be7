// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import SuijiCore
import SuijiStore

/// `/api/v1/inspections/:id/attachments`, `/entrustments` and `/dossier.zip`: the evidence
/// attached to an inspection (§16.3), the professional bodies and experts entrusted (§16.2)
/// and the archived dossier (§20). Who may do what is decided in `InspectionStore`.
struct InspectionRecordsAPIController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    var inspections: InspectionStore { stores.inspections }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        let group = router.group("/api/v1/inspections/:id")
        group.get("/attachments", use: attachments)
        group.post("/attachments", use: upload)
        group.get("/attachments/:attachment", use: download)
        group.get("/entrustments", use: entrustments)
        group.post("/entrustments", use: entrust)
        group.get("/dossier.zip", use: dossier)
    }

    @Sendable func attachments(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        return JSONBody.response(try await inspections.attachments(id: id, for: account))
    }

    /// Multipart fields: `file` (required), `item` (`DEPARTMENT:CODE`, optional), `note`.
    @Sendable func upload(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let upload = try await Self.readUpload(request, context: context)
        let attachment = try await inspections.addAttachment(id: id, upload, caller: caller)
        return JSONBody.response(attachment, status: .created)
    }

    /// The upload of a multipart body: the file, the item and the note.
    static func readUpload(_ request: Request, context: SignedInContext) async throws -> AttachmentUpload {
        let form = try await MultipartForm.read(
            request, context: context, limit: AttachmentRules.maxBytes + 64 * 1024, field: "file", tooLarge: "附件超过 10 MB 的上限")
        guard let file = form.file("file") else {
            throw WebError.badRequest(field: "file", message: "请选择要上传的附件（照片、扫描件或 PDF）")
        }
        return AttachmentUpload(fileName: file.fileName ?? "", content: file.data, item: form.value("item"), note: form.value("note"))
    }

    @Sendable func download(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        let attachmentID = try context.parameters.require("attachment", as: Int64.self)
        let (attachment, content) = try await inspections.attachment(id: id, attachmentID: attachmentID, for: account)
        try await AuditLog.recordDownload(
            stores.database, caller: Caller(account: account, at: clock.now()), entity: "attachment", id: String(attachmentID),
            inspection: id, name: attachment.fileName, sha256: attachment.sha256)
        return Self.file(content, name: attachment.fileName, mediaType: attachment.mediaType, sha256: attachment.sha256)
    }

    @Sendable func entrustments(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        return JSONBody.response(try await inspections.entrustments(id: id, for: account))
    }

    @Sendable func entrust(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        let body = try await request.decode(as: EntrustmentInput.self, context: context)
        return JSONBody.response(try await inspections.entrust(id: id, body, caller: caller), status: .created)
    }

    @Sendable func dossier(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        let (data, _) = try await DossierBuilder(stores: stores, pages: pages).archive(id: id, account: account, at: clock.now())
        try await Self.auditDossier(stores, account: account, id: id, at: clock.now())
        return Self.file(data, name: "检查档案-\(id).zip", mediaType: "application/zip", sha256: nil)
    }

    /// The audit row of a dossier download (pages and API).
    static func auditDossier(_ stores: Stores, account: Account, id: Int64, at now: Date) async throws {
        try await AuditLog.recordDownload(
            stores.database, caller: Caller(account: account, at: now), entity: "dossier", id: String(id), inspection: id,
            name: "检查档案-\(id).zip", sha256: nil)
    }

    /// A private download (an inspection's file), with its SHA-256 when known.
    static func file(_ content: Data, name: String, mediaType: String, sha256: String?) -> Response {
        var headers: HTTPFields = [.cacheControl: "private, no-store"]
        if let sha256 { headers[HTTPField.Name("X-Content-SHA256")!] = sha256 }
        return Download.response(content, name: name, mediaType: mediaType, headers: headers)
    }
}
