// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 11.6: every response carries the browser security headers, and no page needs inline
/// code the policy would block.
@Suite("Browser security headers")
struct SecurityHeadersTests {
    static let expected: [(String, String)] = [
        ("Content-Security-Policy", "frame-ancestors 'none'"), ("Content-Security-Policy", "script-src 'self'"),
        ("X-Frame-Options", "DENY"), ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"),
    ]

    static func check(_ response: TestResponse, _ uri: String) {
        for (name, value) in expected {
            let header = response.headers[HTTPField.Name(name)!] ?? ""
            #expect(header.contains(value), "\(uri): \(name) is “\(header)”")
        }
    }

    @Test func everyKindOfResponseCarriesThem() async throws {
        try await withApp { _, client in
            let office = try await login(client, "office")
            let bearer = try await token(client, "office")
            // pages (signed in and public), the login page, an error page, a redirect, static files
            for uri in [
                "/", "/targets", "/public", "/login", "/no-such-page", "/inspections/999999", "/static/style.css", "/static/draw.js",
            ] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: office.cookie]) { Self.check($0, uri) }
            }
            try await client.execute(uri: "/plans", method: .get) { Self.check($0, "/plans (redirect to login)") }
            // the API, its errors, and a download
            for uri in ["/api/v1/me", "/api/v1/targets/999999", "/api/v1/exports/targets.csv"] {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(bearer)"]) { Self.check($0, uri) }
            }
            // a refused login
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=office&password=wrong")
            ) { Self.check($0, "POST /login") }
        }
    }

    /// The policy allows no inline script, style or event handler: templates and bundled pages
    /// must not use them.
    @Test func templatesHaveNoInlineCode() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/SuijiWeb")
        let templates = sources.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count > 20)
        let forbidden = [
            try Regex(#"<script(?![^>]*\ssrc=)[^>]*>"#), try Regex(#"<style"#), try Regex(#"\sstyle\s*="#),
            try Regex(#"\son[a-z]+\s*="#), try Regex(#"javascript:"#),
        ]
        for name in names {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            for pattern in forbidden {
                #expect(text.firstMatch(of: pattern) == nil, "\(name) has inline code the CSP blocks")
            }
        }
    }
}
