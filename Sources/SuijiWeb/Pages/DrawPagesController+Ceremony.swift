// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// The ceremony's form posts. Each redirects back to the ceremony page; a refused input is shown
/// on the page itself.
extension DrawPagesController {
    @Sendable func commit(request: Request, context: AppRequestContext) async throws -> Response {
        try await step(request, context) { form, caller, id in
            _ = try await stores.draws.commit(
                id, department: caller.account.departmentCode ?? "", commitment: form.value("commitment"), caller: caller)
        }
    }

    @Sendable func reveal(request: Request, context: AppRequestContext) async throws -> Response {
        try await step(request, context) { form, caller, id in
            _ = try await stores.draws.reveal(
                id, department: caller.account.departmentCode ?? "", secret: form.value("secret"), caller: caller)
        }
    }

    @Sendable func publicValue(request: Request, context: AppRequestContext) async throws -> Response {
        try await step(request, context) { form, caller, id in
            _ = try await stores.draws.enterPublicValue(id, value: form.value("value"), caller: caller)
        }
    }

    @Sendable func execute(request: Request, context: AppRequestContext) async throws -> Response {
        try await step(request, context) { _, caller, id in
            _ = try await stores.draws.execute(id, caller: caller)
        }
    }

    /// Reads the form (checking CSRF), runs `action`, and redirects to the page, or shows the
    /// page with the refusal for input and state errors.
    func step(
        _ request: Request, _ context: AppRequestContext,
        _ action: (FormFields, Caller, String) async throws -> Void
    ) async throws -> Response {
        let caller = try context.caller(clock)
        let id = try context.parameters.require("id")
        let form = try await FormFields.read(request, context: context)
        do {
            try await action(form, caller, id)
            return Response.redirect(to: "/draws/\(id)", type: .found)
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
            let errors = (error as? PlanError)?.messages ?? [error.message]
            return try await page(id: id, account: caller.account, context: context, errors: errors, status: error.kind.status)
        }
    }
}
