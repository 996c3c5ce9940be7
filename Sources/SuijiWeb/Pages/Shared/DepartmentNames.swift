// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore
import Synchronization
import SuijiStore

/// The departments' names for the page header ("张三 · 部门管理员 · 区市场监管局"): read once,
/// and again when a request names a department the cache does not know (one was added).
final class DepartmentNames: Sendable {
    private let names = Mutex<[String: String]>([:])

    func name(_ code: String) -> String? { names.withLock { $0[code] } }

    func replace(_ fresh: [String: String]) { names.withLock { $0 = fresh } }
}

/// Keeps `DepartmentNames` current before a page is rendered.
struct DepartmentNamesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let departments: DepartmentStore
    let cache: DepartmentNames

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let code = context.account?.departmentCode, cache.name(code) == nil {
            cache.replace(try await departments.names())
        }
        return try await next(request, context)
    }
}
