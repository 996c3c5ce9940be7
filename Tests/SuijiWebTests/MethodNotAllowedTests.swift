// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A path that exists with another method answers 405 with `Allow` (found by schemathesis).
@Suite("405 Method Not Allowed")
struct MethodNotAllowedTests {
    @Test func anUndeclaredMethodIs405WithAllow() async throws {
        try await withApp { _, client in
            let bearer = try await token(client, "office")
            try await client.execute(uri: "/api/v1/me", method: .trace, headers: [.authorization: "Bearer \(bearer)"]) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(String(buffer: response.body).contains("method_not_allowed"))
            }
            try await client.execute(uri: "/api/v1/items/12", method: .delete, headers: [.authorization: "Bearer \(bearer)"]) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, PUT")
            }
            try await client.execute(uri: "/plans", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(String(buffer: response.body).contains("不支持的请求方法"))
            }
            // a record that is not there, and a path that is not there, stay 404
            try await client.execute(uri: "/api/v1/items/999999", method: .get, headers: [.authorization: "Bearer \(bearer)"]) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/nothing-here", method: .trace) { #expect($0.status == .notFound) }
        }
    }
}
