// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore

/// The numbers of an API query, read strictly (as documented in docs/openapi.yaml): absent or
/// empty is the default, anything else must be a whole number in range, or the request is refused
/// (400) naming the parameter. The staff pages read the same parameters leniently (`Paging`
/// clamps), as a hand-edited address should still show a page.
enum APIQuery {
    /// The parameter `name` as a whole number in `range`; nil when absent.
    static func int(_ parameters: Parameters, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = parameters[Substring(name)] else { return nil }
        guard let value = BoundedNumber.exact(text, in: range) else {
            throw RequestError(
                issue: FieldIssue(
                    field: name, message: "参数 \(name) 应为 \(range.lowerBound)–\(range.upperBound) 之间的整数，实际为“\(text.prefix(40))”"))
        }
        return value
    }

    /// `page` (1…`Paging.maxPage`) and `perPage` (or `per_page`, 1…`maxPerPage`).
    static func paging(_ parameters: Parameters, defaultPerPage: Int, maxPerPage: Int = 500) throws -> Paging {
        let page = try int(parameters, "page", in: 1...Paging.maxPage) ?? 1
        let perPage = try int(parameters, "perPage", in: 1...maxPerPage) ?? int(parameters, "per_page", in: 1...maxPerPage)
        return Paging(page: page, perPage: perPage ?? defaultPerPage, maxPerPage: maxPerPage)
    }

    /// A yes/no parameter: `1`/`true` or `0`/`false`; false when absent.
    static func flag(_ parameters: Parameters, _ name: String) throws -> Bool {
        guard let text = parameters[Substring(name)] else { return false }
        switch text {
        case "1", "true": return true
        case "0", "false": return false
        default:
            throw RequestError(issue: FieldIssue(field: name, message: "参数 \(name) 应为 1、true、0 或 false，实际为“\(text.prefix(40))”"))
        }
    }
}
