// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// The ceremony's form posts. Each redirects back to the ceremony page; a refused input is shown
/// on the page itself.
extension DrawPagesController {
    @Sendable func announce(request: Request, context: SignedInContext) async throws -> Response {
        try await step(request, context) { form, caller, id in
            _ = try await stores.draws.announce(id, try Self.announcement(form), caller: caller)
        }
    }

    /// The announcement form: the deadline (China time) and either a public value (date and
    /// source) or an exception (approver and reason).
    static func announcement(_ form: FormFields) throws -> DrawAnnouncement {
        guard let deadline = ChinaTime.parse(input: form.value("revealDeadline")) else {
            throw PlanError.invalid([FieldIssue(field: "revealDeadline", message: "请填写揭示截止时间（北京时间，如 2026-12-03 17:00）")])
        }
        let usesValue = !form.value("publicValueSource").isEmpty || !form.value("publicValueDate").isEmpty
        let usesException = !form.value("approver").isEmpty || !form.value("reason").isEmpty
        if usesValue && usesException {
            throw PlanError.invalid([FieldIssue(field: "reason", message: "预告了公开随机值就不需要例外；请只填写其中一项")])
        }
        return DrawAnnouncement(
            revealDeadline: deadline,
            publicValue: usesValue
                ? PublicValueAnnouncement(date: form.value("publicValueDate"), source: form.value("publicValueSource")) : nil,
            exception: usesException ? .init(approver: form.value("approver"), reason: form.value("reason")) : nil)
    }

    @Sendable func commit(request: Request, context: SignedInContext) async throws -> Response {
        try await step(request, context) { form, caller, id in
            _ = try await stores.draws.commit(
                id, department: caller.account.departmentCode ?? "", commitment: form.value("commitment"), caller: caller)
        }
    }

    /// The secret typed in, or the secret file uploaded (multipart): the file must be this
    /// draw's and this department's.
    @Sendable func reveal(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        let department = caller.account.departmentCode ?? ""
        let secret: String
        if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
            let form = try await MultipartForm.read(
                request, context: context, limit: 64 << 10, field: "secretFile", tooLarge: "秘密文件过大：请上传提交承诺时下载的小文件")
            if let part = form.file("secretFile") {
                guard let file = SecretFile.parse(part.data) else {
                    return try await page(
                        id: id, account: caller.account, context: context, errors: ["所选文件中没有秘密：请上传提交承诺时下载的秘密文件"],
                        status: .unprocessableContent)
                }
                if let other = file.drawID, other != id {
                    return try await page(
                        id: id, account: caller.account, context: context, errors: ["所选秘密文件属于抽取 \(other)，不是本次抽取"],
                        status: .unprocessableContent)
                }
                if let other = file.department, other != department {
                    return try await page(
                        id: id, account: caller.account, context: context, errors: ["所选秘密文件属于部门 \(other)，不是本部门"],
                        status: .unprocessableContent)
                }
                secret = file.secret
            } else {
                secret = form.value("secret")
            }
        } else {
            secret = try await FormFields.read(request, context: context).value("secret")
        }
        return try await run(id, caller: caller, context: context) {
            _ = try await stores.draws.reveal(id, department: department, secret: secret, caller: caller)
        }
    }

    @Sendable func publicValue(request: Request, context: SignedInContext) async throws -> Response {
        try await step(request, context) { form, caller, id in
            _ = try await stores.draws.enterPublicValue(id, value: form.value("value"), note: form.value("note"), caller: caller)
        }
    }

    @Sendable func execute(request: Request, context: SignedInContext) async throws -> Response {
        try await step(request, context) { _, caller, id in
            _ = try await stores.draws.execute(id, caller: caller)
        }
    }

    /// Reads the form (checking CSRF) and runs `action` as `run` does.
    func step(
        _ request: Request, _ context: SignedInContext,
        _ action: (FormFields, Caller, String) async throws -> Void
    ) async throws -> Response {
        let caller = context.caller
        let id = try context.parameters.require("id")
        let form = try await FormFields.read(request, context: context)
        return try await run(id, caller: caller, context: context) { try await action(form, caller, id) }
    }

    /// Runs `action`, and redirects to the page, or shows the page with the refusal for input
    /// and state errors.
    func run(_ id: String, caller: Caller, context: SignedInContext, _ action: () async throws -> Void) async throws -> Response {
        do {
            try await action()
            return Response.redirect(to: DrawPaths.draw.href(id), type: .found)
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
            let errors = (error as? PlanError)?.messages ?? [error.message]
            return try await page(id: id, account: caller.account, context: context, errors: errors, status: error.kind.status)
        }
    }
}
