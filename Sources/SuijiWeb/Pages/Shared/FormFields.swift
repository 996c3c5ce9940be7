// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore

/// An `application/x-www-form-urlencoded` body with repeated fields (checkbox groups). Its CSRF
/// token was checked before the handler by the signed-in group (`FormCSRFMiddleware`).
struct FormFields {
    var pairs: [(name: String, value: String)]

    static func read(_ request: Request, context: some RequestContext) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let pairs = pairs(String(decoding: buffer.readableBytesView, as: UTF8.self))
        try FormText.check(pairs.map { ($0.name, $0.value) })
        return FormFields(pairs: pairs)
    }

    /// The name/value pairs of a URL-encoded body, in order.
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    /// The first value of `name`, trimmed; empty when absent.
    func value(_ name: String) -> String {
        (pairs.first { $0.name == name }?.value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every non-empty value of `name`.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A list typed into one field, separated by commas, semicolons or spaces (ASCII or full width).
    func list(_ name: String) -> [String] {
        value(name).split(whereSeparator: { ",;，；、 \n\t".contains($0) }).map(String.init)
    }

    /// A whole number, or nil when empty or not a number; one too long for `Int` reads as the
    /// nearest `Int` (the domain's range check then names the field).
    func int(_ name: String) -> Int? { BoundedNumber.int(value(name), in: Int.min...Int.max) }
}
