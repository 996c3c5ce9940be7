// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiWeb
import Testing

@Suite("Login, sessions and tokens")
struct AuthTests {
    @Test func loginPageIsChinese() async throws {
        try await withApp { _, client in
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("用户名"))
            }
            // Pages need a login.
            try await client.execute(uri: "/targets", method: .get) { response in
                #expect(response.status == .seeOther || response.status == .found)
                #expect(response.headers[.location]?.hasPrefix("/login?next=") == true)
            }
        }
    }

    @Test func wrongPasswordIsRefused() async throws {
        try await withApp { _, client in
            let form = try await loginForm(client)
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: form.cookie],
                body: ByteBuffer(string: "username=samr&password=nope&next=/&_csrf=\(form.csrf)")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("用户名或密码错误"))
                #expect(response.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("suiji_session=") })
            }
            try await client.execute(uri: "/api/v1/targets", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains(#""code":"login_required""#))
            }
        }
    }

    @Test func cookieSessionNeedsCSRFForWrites() async throws {
        try await withApp { _, client in
            let session = try await login(client, "samr")
            #expect(session.csrf.count == 64)
            try await client.execute(uri: "/targets", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .ok)
            }
            let form = "name=%E6%B5%8B%E8%AF%95&kind=%E5%85%AC%E5%8F%B8&division=360202&creditCode=91360202MA35X0000X"
            try await client.execute(
                uri: "/targets", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
