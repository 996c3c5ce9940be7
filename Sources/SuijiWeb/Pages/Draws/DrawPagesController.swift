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

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(DrawPaths.draw, use: show)
        router.post(DrawPaths.announcement, use: announce)
        router.post(DrawPaths.commitments, use: commit)
        router.post(DrawPaths.reveals, use: reveal)
        router.post(DrawPaths.publicValue, use: publicValue)
        router.post(DrawPaths.execute, use: execute)
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        try await page(id: try context.parameters.require("id"), account: context.account, context: context)
    }

    func page(id: String, account: Account, context: SignedInContext, errors: [String] = [], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let model = try DrawPage(try await stores.draws.page(id, for: account), account: account, now: clock.now(), errors: errors)
        return pages.render("draw", model, account: account, csrf: context.csrfToken, status: status)
    }
}
