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
    let logins: LoginGuard
    let trustForwardedFor: Bool

    struct LoginForm: Decodable {
        var username: String
        var password: String
        var next: String?
        var _csrf: String?
    }

    /// The cookie that carries the login form's CSRF token (double submit: the form must echo it).
    static let loginCookie = "suiji_login"

    struct TokenRequest: Decodable {
        var username: String
        var password: String
    }

    struct TokenResponse: Encodable {
        var token: String
        var expiresAt: Date
        var account: Account
        /// The account has a one-time password: change it (`POST /api/v1/me/password`) first.
        var mustChangePassword: Bool
    }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.open
        router.get(StaffPaths.login) { request, context in
            let next = request.uri.queryParameters["next"].map(String.init) ?? StaffPaths.home.href
            return loginPage(error: nil, username: "", next: Self.safeNext(next), status: .ok)
        }
        router.post(StaffPaths.login, use: login)
        router.post(StaffPaths.logout, use: logout)
        router.post("/api/v1/auth/token", use: token)
    }

    /// The outcome of a login attempt: a session, or a refusal to show.
    enum Attempt {
        case granted(Account, SessionGrant)
        case refused(AuthError, status: HTTPResponse.Status, retryAfter: Int?)
    }

    /// Checks the throttle first (a refused attempt costs no database read and no bcrypt), then
    /// the password; counts failures per account name and per client address.
    func attempt(username: String, password: String, kind: String, request: Request, context: AppRequestContext) async throws
        -> Attempt
    {
        let now = clock.now()
        let address = context.clientAddress(request, trustForwardedFor: trustForwardedFor)
        switch logins.verdict(username: username, address: address, now: now) {
        case .allowed: break
        case .wait(let seconds):
            return .refused(.throttled(seconds: seconds), status: .tooManyRequests, retryAfter: seconds)
        case .locked:
            // A real account unlocked meanwhile (`suiji accounts unlock`, a reset) goes ahead;
            // unknown names stay locked here, so the answer tells nothing.
            guard try await accounts.isLocked(username: username, now: now) == false else {
                return .refused(.locked, status: .unauthorized, retryAfter: nil)
            }
            logins.lift(username: username)
        }
        do {
            let (account, grant) = try await accounts.login(
                username: username, password: password, kind: kind, now: now, address: address)
            logins.succeeded(username: username)
            return .granted(account, grant)
        } catch AuthError.busy {
            return .refused(.busy, status: .serviceUnavailable, retryAfter: 5)
        } catch let error as AuthError {
            logins.failed(username: username, address: address, now: now)
            return .refused(error, status: .unauthorized, retryAfter: nil)
        }
    }

    /// The login form with a fresh CSRF token, set in a cookie it must be posted back with.
    func loginPage(error: String?, username: String, next: String, status: HTTPResponse.Status) -> Response {
        let token = AccountStore.randomToken()
        var response = pages.render(
            "login", LoginPage(error: error, username: username, next: next, csrf: token), account: nil, status: status)
        response.setCookie(
            Cookie(
                name: Self.loginCookie, value: token, path: StaffPaths.login.href, secure: secureCookies, httpOnly: true, sameSite: .strict)
        )
        return response
    }

    @Sendable func login(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(LoginForm.self, from: request, context: context)
        let next = Self.safeNext(form.next ?? StaffPaths.home.href)
        guard let expected = request.cookies[Self.loginCookie]?.value, !expected.isEmpty, form._csrf == expected else {
            return await refusedForm(request: request, context: context, username: form.username, next: next)
        }
        switch try await attempt(username: form.username, password: form.password, kind: "cookie", request: request, context: context) {
        case .granted(_, let grant):
            var response = Response.redirect(to: grant.mustChangePassword ? AccountPagesController.passwordPath : next, type: .found)
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookieName, value: grant.token, expires: grant.expiresAt, path: "/",
                    secure: secureCookies, httpOnly: true, sameSite: .lax))
            response.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: StaffPaths.login.href, httpOnly: true))
            return response
        case .refused(let error, let status, let retryAfter):
            var response = loginPage(error: error.message, username: form.username, next: next, status: status)
            if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    /// A login form without its CSRF token: audited and counted against the address (so a flood
    /// of them is soon refused without an audit write), then the form again with a fresh token.
    func refusedForm(request: Request, context: AppRequestContext, username: String, next: String) async -> Response {
        let now = clock.now()
        let address = context.clientAddress(request, trustForwardedFor: trustForwardedFor)
        if case .wait(let seconds) = logins.verdict(username: "", address: address, now: now) {
            var response = loginPage(
                error: AuthError.throttled(seconds: seconds).message, username: username, next: next, status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        logins.refused(address: address, now: now)
        await RefusalAuditMiddleware.record(
            WebError.csrfMismatch, request: request, context: context, database: accounts.database, clock: clock,
            trustForwardedFor: trustForwardedFor)
        return loginPage(error: WebError.csrfMismatch.message, username: username, next: next, status: .forbidden)
    }

    @Sendable func logout(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try? await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        if context.account != nil, form?["_csrf"] != context.csrfToken { throw WebError.csrfMismatch }
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await accounts.logout(token: token, now: clock.now()) }
        var response = Response.redirect(to: StaffPaths.login.href, type: .found)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true))
        return response
    }

    @Sendable func token(request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decode(as: TokenRequest.self, context: context)
        switch try await attempt(username: body.username, password: body.password, kind: "api", request: request, context: context) {
        case .granted(let account, let grant):
            return JSONBody.response(
                TokenResponse(
                    token: grant.token, expiresAt: grant.expiresAt, account: account, mustChangePassword: grant.mustChangePassword),
                status: .created)
        case .refused(let error, let status, let retryAfter):
            var response = JSONBody.response(
                ErrorEnvelope(error: ErrorBody(code: error.code, message: error.message, field: nil, status: status, details: nil)),
                status: status)
            if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
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
    /// The form's CSRF token (also in the `suiji_login` cookie).
    var csrf: String
}
