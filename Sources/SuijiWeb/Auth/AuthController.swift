// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Login and logout: a cookie session for pages, a bearer token for the API.
struct AuthController {
    let accounts: AccountStore
    let pages: PageRenderer
    let clock: AppClock
    let secureCookies: Bool

    struct LoginForm: Decodable {
        var username: String
        var password: String
        var next: String?
    }

    struct TokenRequest: Decodable {
        var username: String
        var password: String
    }

    struct TokenResponse: Encodable {
        var token: String
        var expiresAt: Date
        var account: Account
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/login") { request, context in
            let next = request.uri.queryParameters["next"].map(String.init) ?? "/"
            return pages.render("login", LoginPage(error: nil, username: "", next: Self.safeNext(next)), account: nil)
        }
        router.post("/login", use: login)
        router.post("/logout", use: logout)
        router.post("/api/v1/auth/token", use: token)
    }

    @Sendable func login(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(LoginForm.self, from: request, context: context)
        do {
            let (_, grant) = try await accounts.login(username: form.username, password: form.password, kind: "cookie", now: clock.now())
            var response = Response.redirect(to: Self.safeNext(form.next ?? "/"), type: .found)
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookieName, value: grant.token, expires: grant.expiresAt, path: "/",
                    secure: secureCookies, httpOnly: true, sameSite: .lax))
            return response
        } catch let error as AuthError {
            var response = pages.render(
                "login", LoginPage(error: error.message, username: form.username, next: Self.safeNext(form.next ?? "/")), account: nil)
            response.status = .unauthorized
            return response
        }
    }

    @Sendable func logout(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try? await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        if context.account != nil, form?["_csrf"] != context.csrfToken { throw WebError.csrfMismatch }
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await accounts.logout(token: token) }
        var response = Response.redirect(to: "/login", type: .found)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true))
        return response
    }

    @Sendable func token(request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decode(as: TokenRequest.self, context: context)
        let (account, grant) = try await accounts.login(username: body.username, password: body.password, kind: "api", now: clock.now())
        return JSONBody.response(TokenResponse(token: grant.token, expiresAt: grant.expiresAt, account: account), status: .created)
    }

    /// Only local paths, so the login form cannot redirect elsewhere.
    static func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") ? next : "/"
    }
}

/// The login page's view model.
struct LoginPage {
    var error: String?
    var username: String
    var next: String
}
