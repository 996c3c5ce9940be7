// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// The "一公开" part: a draw's public page, its published files, the verification of its bundle
/// and the explanation for one credit code — no login, no JavaScript needed.
struct PublicDrawController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.open
        router.get(PublicPaths.draw, use: page)
        router.get(PublicPaths.verify, use: verify)
        router.get(PublicPaths.drawFile, use: file)
        router.get(PublicPaths.bundle, use: zip)
        router.get(PublicPaths.drawLog, use: log)
        router.get(APIPaths.publicDraw) { _, context in
            JSONBody.response(try await PublicDrawPage.make(try context.parameters.require("id"), stores: stores, now: clock.now()))
        }
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let draw = try await PublicDrawPage.make(id, stores: stores, now: clock.now())
        let query = (request.uri.queryParameters["code"].map(String.init) ?? "").trimmed.uppercased()
        var view = PublicDrawView(draw: draw, query: query, explanation: nil, queryError: nil)
        if !query.isEmpty {
            if query.count == 18, case .failure(let error) = Result(catching: { () throws(CreditCodeError) in try CreditCode(query) }) {
                view.queryError = "统一社会信用代码有误：\(error.message)"
            } else if !StableID.isValid(query) {
                view.queryError = "请输入 18 位统一社会信用代码（或非市场主体的对象编号）"
            } else if draw.isExecuted {
                do {
                    let explanation = try await stores.draws.explain(id, target: query)
                    var shown = DrawExplanation(explanation, name: try await stores.draws.target(id, uid: query)?.publicName)
                    if explanation.fate == .excluded(.inspectedThisYear) {
                        shown.addEarlierChecks(try await stores.draws.earlierChecks(id, uid: query))
                    }
                    view.explanation = shown
                } catch let error as DrawError {
                    view.queryError = "无法解释：\(error.message)"
                }
            } else {
                view.queryError = "本次抽取尚未执行，执行后可查询。"
            }
        }
        return pages.render("public-draw", view, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func verify(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let (plan, draw) = try await PublicDrawPage.load(id, stores: stores)
        var model = PublicVerifyPage(
            id: id, planName: plan.name, pageURL: PublicPaths.draw.href(id), isExecuted: draw.state == .executed, ok: false, failure: nil,
            recordDigest: nil, notes: [], hasNotes: false, logOK: false, logFailure: nil)
        if model.isExecuted {
            let bundle = try await stores.draws.bundle(id)
            let report = Verifier.verify(bundle: bundle)
            let log = try await stores.publicLog.log()
            if report.ok && log.entries(of: id).isEmpty {
                model.notes.append("本次抽取在抽取公开日志启用之前执行，日志中没有它的记录")
            } else if report.ok {
                switch Result(catching: { () throws(DrawError) in try Verifier.checkAnchors(bundle: bundle, log: log) }) {
                case .success: model.logOK = true
                case .failure(let error): model.logFailure = error.message
                }
            }
            model.ok = report.ok
            model.failure = report.failure?.message
            model.recordDigest = report.recordDigest
            model.notes += report.notes
            model.hasNotes = !model.notes.isEmpty
        }
        return pages.render("public-verify", model, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func file(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let name = try context.parameters.require("name")
        _ = try await PublicDrawPage.load(id, stores: stores)
        guard let bytes = try await stores.draws.publishedFile(id, name: name) else { throw WebError.notFound }
        return Download.response(bytes, name: name, mediaType: "text/plain; charset=utf-8", inline: true)
    }

    /// The public draw log: every entry since the first, for `suiji verify DIR --log URL`.
    @Sendable func log(request: Request, context: AppRequestContext) async throws -> Response {
        Download.response(
            try await stores.publicLog.log().fileBytes(), name: "draw-log.txt", mediaType: "text/plain; charset=utf-8", inline: true)
    }

    /// Every published file in one ZIP (unpack and run `suiji verify DIR`).
    @Sendable func zip(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await PublicDrawPage.load(id, stores: stores)
        let files = try await stores.draws.publishedFiles(id)
        guard !files.isEmpty else { throw WebError.notFound }
        let data = try BundleArchive.zip(files, folder: id)
        return Download.response(data, name: "\(id).zip", mediaType: "application/zip")
    }
}
