// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Favicon")
struct FaviconTests {
    @Test func theIconIsServedWhereBrowsersLookForIt() async throws {
        try await withApp { _, client in
            // MUT
            let ico = try await client.execute(uri: "/favicon.ico", method: .get) {
                ($0.status, $0.headers[.contentType], Data(buffer: $0.body))
            }
            let svg = try await client.execute(uri: "/static/favicon.svg", method: .get) { ($0.status, $0.headers[.contentType]) }
            let page = try await anonymousPage(client, "/public")

            // validate: an ICO (reserved 0, type 1), the SVG, and the pages link the SVG.
            #expect(ico.0 == .ok && ico.1 == "image/x-icon")
            #expect(ico.2.prefix(4) == Data([0, 0, 1, 0]))
            #expect(svg.0 == .ok && svg.1 == "image/svg+xml")
            #expect(page.html.contains(#"<link rel="icon" href="/static/favicon.svg""#))
        }
    }
}
