// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// The inspection page's records: attaching evidence (a phone's camera or a scan), recording
/// an entrusted body or expert, and the archive dossier page and ZIP.
extension InspectionPagesController {
    @Sendable func attach(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            let upload = try await InspectionRecordsAPIController.readUpload(request, context: context)
            _ = try await inspections.addAttachment(id: id, upload, caller: caller)
            return Response.redirect(to: InspectionPaths.inspection.href(id) + "#attachments", type: .found)
        } catch let error as WebError where error.kind == .invalid {
            return try await rejected(
                id: id, target: "attachment", errors: [error.message], status: .unprocessableContent, context: context)
        } catch let error as InspectionError where error.kind == .invalid || error.kind == .conflict {
            return try await rejected(
                id: id, target: "attachment", errors: error.messages, status: error.kind.status, context: context)
        }
    }

    @Sendable func entrust(request: Request, context: SignedInContext) async throws -> Response {
        try await post(request, context: context, target: "entrust") { id, form, caller in
            let kind = EntrusteeKind(rawValue: form.value("kind")) ?? .organisation
            let input = EntrustmentInput(
                kind: kind, organisation: form.value("organisation"), creditCode: form.value("creditCode"),
                expertID: kind == .expert ? Int64(form.value("expertID")) : nil, items: form.values("items"), work: form.value("work"),
                date: CalendarDate(iso: form.value("date")))
            if !form.value("date").isEmpty && input.date == nil {
                throw InspectionError.invalid([FieldIssue(field: "date", message: "委托日期“\(form.value("date"))”不是有效日期（格式：2026-07-01）")])
            }
            _ = try await inspections.entrust(id: id, input, caller: caller)
        }
    }

    @Sendable func dossier(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        let (dossier, files) = try await DossierBuilder(stores: stores, pages: pages).files(id: id, account: account, at: clock.now())
        let inspection = dossier.inspection
        let catalog = try await stores.itemCatalog(inspection)
        let people = try await stores.names.accounts()
        let attachmentIDs = dossier.attachments.map(\.attachment.id)
        var attachmentIndex = 0
        let model = DossierPage(
            id: id, target: inspection.target.name, targetUID: inspection.target.uid, state: inspection.state.label,
            pageURL: InspectionPaths.inspection.href(id), zipURL: InspectionPaths.dossierZIP.href(id),
            files: files.map { file in
                var url: String?
                switch file.path {
                case let path where path.hasPrefix("01-"): url = InspectionPaths.notice.href(id)
                case let path where path.hasPrefix("02-"): url = InspectionPaths.record.href(id)
                case let path where path.hasPrefix("附件/"):
                    url = "/api/v1/inspections/\(id)/attachments/\(attachmentIDs[attachmentIndex])"
                    attachmentIndex += 1
                default: url = nil
                }
                return DossierPage.File(
                    path: file.path, title: file.title, size: InspectionPageBuilder.size(file.content.count),
                    sha256: Bytes.sha256Hex(file.content), url: url)
            },
            trail: dossier.trail.map {
                .init(
                    at: ChinaTime.text($0.at), actor: people[$0.actor] ?? $0.actor, action: $0.action.label,
                    change: "\($0.from.label) → \($0.to.label)", reason: $0.reason)
            }, hasTrail: !dossier.trail.isEmpty,
            followUps: dossier.followUps.map {
                InspectionPageBuilder.followUpRow(
                    $0, account: account, today: today, itemName: { InspectionPageBuilder.itemLabel($0, catalog: catalog) })
            },
            hasFollowUps: !dossier.followUps.isEmpty)
        return pages.render("dossier", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func dossierArchive(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        let (data, _) = try await DossierBuilder(stores: stores, pages: pages).archive(id: id, account: account, at: clock.now())
        try await InspectionRecordsAPIController.auditDossier(stores, account: account, id: id, at: clock.now())
        return InspectionRecordsAPIController.file(data, name: "检查档案-\(id).zip", mediaType: "application/zip", sha256: nil)
    }

    /// The detail page again with `errors` next to the form `target`.
    func rejected(id: Int64, target: String, errors: [String], status: HTTPResponse.Status, context: SignedInContext) async throws
        -> Response
    {
        try await detail(
            id: id, account: context.account, context: context,
            rejected: .init(form: FormFields(pairs: []), target: target, errors: errors), status: status)
    }

}

/// The archive dossier page: every file with its size and SHA-256, the follow-ups and the
/// review trail, and the ZIP download. Stored properties only.
struct DossierPage {
    struct File {
        var path: String
        var title: String
        var size: String
        var sha256: String
        /// Where the file can be seen on its own; nil for the JSON records.
        var url: String?
    }

    var id: Int64
    var target: String
    var targetUID: String
    var state: String
    var pageURL: String
    var zipURL: String
    var files: [File]
    var trail: [InspectionPage.Event]
    var hasTrail: Bool
    var followUps: [InspectionRecordsSection.FollowUpRow]
    var hasFollowUps: Bool
}
