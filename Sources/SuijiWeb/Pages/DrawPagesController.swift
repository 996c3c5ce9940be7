// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// The draw ceremony page `/draws/:id`: one screen that walks the office and the plan's
/// departments through announce → commit → hand in secrets → public value → execute, then shows
/// the drawn list and the teams. The forms are in
/// `DrawPagesController+Ceremony.swift`.
struct DrawPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/draws/:id", use: show)
        router.post("/draws/:id/announcement", use: announce)
        router.post("/draws/:id/commitments", use: commit)
        router.post("/draws/:id/reveals", use: reveal)
        router.post("/draws/:id/public-value", use: publicValue)
        router.post("/draws/:id/execute", use: execute)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await page(id: try context.parameters.require("id"), account: try context.requireAccount(), context: context)
    }

    func page(id: String, account: Account, context: AppRequestContext, errors: [String] = [], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let model = try DrawPage(try await stores.draws.page(id, for: account), account: account, now: clock.now(), errors: errors)
        return pages.render("draw", model, account: account, csrf: context.csrfToken, status: status)
    }
}
