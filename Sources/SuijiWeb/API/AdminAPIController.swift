// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Departments, accounts and the audit log over the API.
struct AdminAPIController {
    let stores: Stores
    let clock: AppClock

    struct NewAccount: Decodable {
        var username: String
        var displayName: String
        var password: String
        var role: Role
        var departmentCode: String?
        var inspectorID: Int64?
    }

    struct AuditResult: Encodable {
        var intact: Bool
        var count: Int?
        var head: String?
        var brokenAt: Int64?
        var reason: String?
        /// Whether the server has the audit key (and so checks the signed checkpoints).
        var keyed: Bool?
        var checkpoints: Int?
        /// The newest signed checkpoint.
        var checkpoint: AuditCheckpoint?
    }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        let office = routes.signedIn(.office)
        router.get("/api/v1/me") { _, context in JSONBody.response(context.account) }
        router.get("/api/v1/departments") { _, context in
            return JSONBody.response(try await stores.departments.all())
        }
        office.post("/api/v1/departments") { request, context in
            let department = try await request.decode(as: Department.self, context: context)
            try await stores.departments.create(department, caller: context.caller)
            return JSONBody.response(department, status: .created)
        }
        office.get("/api/v1/accounts") { _, _ in JSONBody.response(try await stores.accounts.all())
        }
        router.post("/api/v1/accounts") { request, context in
            let body = try await request.decode(as: NewAccount.self, context: context)
            let account = try await stores.accounts.create(
                Account(
                    username: body.username, displayName: body.displayName, role: body.role, departmentCode: body.departmentCode,
                    inspectorID: body.inspectorID), password: body.password, caller: context.caller)
            return JSONBody.response(account, status: .created)
        }
        routes.signedIn(.auditReaders).get("/api/v1/audit/verify") { _, _ in
            let report = try await AuditLog.check(stores.database, seal: stores.auditSeal)
            var result: AuditResult
            switch report.verification {
            case .intact(let count, let head): result = AuditResult(intact: true, count: count, head: head)
            case .broken(let seq, let reason): result = AuditResult(intact: false, brokenAt: seq, reason: reason)
            }
            result.keyed = report.keyed
            result.checkpoints = report.checkpoints
            result.checkpoint = report.anchor
            return JSONBody.response(result)
        }
    }
}
