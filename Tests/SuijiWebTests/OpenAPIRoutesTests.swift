// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiWeb
import Testing

/// `docs/openapi.yaml` and the router agree both ways: every API route is documented, and every
/// documented operation is routed (same method, same path; a path parameter's name may differ).
@Suite("docs/openapi.yaml against the routes")
struct OpenAPIRoutesTests {
    static let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")

    /// `METHOD /path/{}` of each operation under the spec's `paths:`.
    static func documented() throws -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in try String(contentsOf: spec, encoding: .utf8).split(separator: "\n") {
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
            } else if inPaths, line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if inPaths, let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"),
                let method = HTTPRequest.Method(String(line.dropFirst(4).dropLast()).uppercased()),
                ["GET", "PUT", "POST", "PATCH", "DELETE"].contains(method.rawValue)
            {
                operations.insert("\(method.rawValue) \(shape(path))")
            }
        }
        return operations
    }

    /// `path` with every parameter written `{}`: `/draws/{id}` and `/draws/{drawID}` are one path.
    static func shape(_ path: String) -> String { path.replacing(/\{[^}]*\}/, with: "{}") }

    /// `METHOD /path/{}` of each route: the whole API, and the public open-data files.
    static func routed() async throws -> (api: Set<String>, all: Set<String>) {
        let fixture = try await WebFixture.make()
        let router = buildRouter(
            stores: fixture.stores, pages: try await PageRenderer.bundled(), clock: AppClock { WebFixture.now },
            configuration: AppConfiguration())
        await fixture.close()
        let all = Set(router.routes.map { "\($0.method.rawValue) \(shape($0.path.description))" })
        return (all.filter { $0.contains(" /api/") }, all)
    }

    @Test func everyAPIRouteIsDocumented() async throws {
        // setup
        let documented = try Self.documented()
        // MUT
        let routes = try await Self.routed()
        // validate
        let undocumented = routes.api.subtracting(documented).sorted()
        #expect(undocumented.isEmpty, "routes missing from docs/openapi.yaml: \(undocumented)")
    }

    @Test func everyDocumentedOperationIsRouted() async throws {
        // setup
        let documented = try Self.documented()
        // MUT
        let routes = try await Self.routed()
        // validate
        #expect(documented.count > 50)
        let unrouted = documented.subtracting(routes.all).sorted()
        #expect(unrouted.isEmpty, "operations in docs/openapi.yaml that no route answers: \(unrouted)")
    }
}
