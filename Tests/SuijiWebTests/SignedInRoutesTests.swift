// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Routes added through `SignedInRoutes` are refused to anonymous callers by the group's
/// middleware, before the handler reads anything (even a malformed id answers 401).
@Suite("Signed-in route groups")
struct SignedInRoutesTests {
    @Test func anonymousCallersAreRefusedBeforeTheHandler() async throws {
        try await withApp { _, client in
            for (uri, method) in [
                ("/api/v1/items/1/versions", HTTPRequest.Method.get), ("/api/v1/items/abc/versions/x", .get),
                ("/api/v1/targets/abc/history", .get), ("/api/v1/inspectors/1/conflicts", .post),
            ] {
                // MUT
                let status = try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"]) { $0.status }
                // validate
                #expect(status == .unauthorized, "\(method) \(uri)")
            }
        }
    }

    @Test func aSignedInCallerGetsTheAnswer() async throws {
        try await withApp { _, client in
            // setup
            let bearer = try await token(client, "samr")
            // MUT
            let (status, body) = try await client.execute(
                uri: "/api/v1/inspectors/999999/conflicts", method: .get, headers: [.authorization: "Bearer \(bearer)"]
            ) { ($0.status, String(buffer: $0.body)) }
            // validate: past the group's check, the handler answers (an empty list or a 404, never 401)
            #expect(status != .unauthorized, "\(body)")
            #expect(status == .ok || status == .notFound)
        }
    }
}
