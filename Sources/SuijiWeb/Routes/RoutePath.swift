// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird

/// A route's path template (`/plans/:id`), written once: the router registers it and pages,
/// redirects and view models build their links from it, so a renamed path changes in one
/// place (`Paths`). The number and types of a link's values are the template's parameters, in
/// order (`Path1<Int64>`, `Path2<Int64, String>`); each value is percent-encoded as a segment.
protocol RoutePattern: Sendable {
    var pattern: String { get }
}

extension RoutePattern {
    /// The pattern with its `:parameter` segments replaced by `values`, in order.
    func fill(_ values: [String]) -> String {
        var remaining = values[...]
        return pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix(":"), let value = remaining.popFirst() else { return String(segment) }
            return value.addingPercentEncoding(withAllowedCharacters: Self.segment) ?? value
        }.joined(separator: "/")
    }

    /// What a path segment keeps unencoded.
    static var segment: CharacterSet { CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#")) }
}

/// A path without parameters.
struct Path: RoutePattern {
    let pattern: String
    init(_ pattern: String) { self.pattern = pattern }

    /// The link.
    var href: String { pattern }
}

/// A path with one parameter.
struct Path1<A: CustomStringConvertible & Sendable>: RoutePattern {
    let pattern: String
    init(_ pattern: String) { self.pattern = pattern }

    func href(_ a: A) -> String { fill([a.description]) }
}

/// A path with two parameters.
struct Path2<A: CustomStringConvertible & Sendable, B: CustomStringConvertible & Sendable>: RoutePattern {
    let pattern: String
    init(_ pattern: String) { self.pattern = pattern }

    func href(_ a: A, _ b: B) -> String { fill([a.description, b.description]) }
}

extension RouterMethods {
    /// Registers `path`'s pattern.
    @discardableResult
    func get(_ path: some RoutePattern, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self
    {
        on(RouterPath(path.pattern), method: .get, use: handler)
    }

    @discardableResult
    func post(_ path: some RoutePattern, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self
    {
        on(RouterPath(path.pattern), method: .post, use: handler)
    }
}

extension SignedInRoutes {
    @discardableResult
    func get<Output: ResponseGenerator>(_ path: some RoutePattern, use handler: @escaping Handler<Output>) -> Self {
        on(path.pattern, method: .get, use: handler)
    }

    @discardableResult
    func post<Output: ResponseGenerator>(_ path: some RoutePattern, use handler: @escaping Handler<Output>) -> Self {
        on(path.pattern, method: .post, use: handler)
    }
}
