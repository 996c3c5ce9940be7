// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The 文号-style number of an inspection's printed 抽查通知书 and 检查记录表, e.g.
/// 昌市监联抽〔2026〕7号: the initiating department's prefix (机关代字, set by the office; the
/// department's name until then), 联抽, the year of issue and a serial per initiating department
/// and year. A number is issued the first time a taking-part department's staff or the office
/// prints either document, stored, and never changes; overseers read it without issuing one.
public struct DocumentNumberStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The issued number of `inspection`, issuing it now (at `caller.at`, China year) when
    /// `caller` may; nil when not issued and `caller` may not issue.
    public func number(for inspection: Inspection, caller: Caller) async throws -> String? {
        if let number = try await existing(inspection.id) { return number }
        let account = caller.account
        let mayIssue =
            account.active
            && (account.role == .office || (account.departmentCode.map(inspection.departments.contains) ?? false))
        guard mayIssue else { return nil }
        let year = CalendarDate(chinaDateOf: caller.at).year
        return try await database.write { db in
            // Serialised writes: a concurrent print of the same inspection issued it already.
            if let row = try await db.raw("SELECT number FROM document_numbers WHERE inspection_id = \(bind: inspection.id)").first() {
                return try row.decode(column: "number", as: String.self)
            }
            let last = try await db.raw(
                """
                SELECT MAX(serial) AS last FROM document_numbers WHERE department = \(bind: inspection.initiator) AND year = \(bind: year)
                """
            ).first()?.decode(column: "last", as: Int?.self)
            let serial = (last ?? 0) + 1
            let prefix = try await DepartmentStore.documentPrefix(of: inspection.initiator, on: db)
            let number = "\(prefix)联抽〔\(year)〕\(serial)号"
            try await db.raw(
                """
                INSERT INTO document_numbers (inspection_id, department, year, serial, number, issued_by, issued_at)
                VALUES (\(bind: inspection.id), \(bind: inspection.initiator), \(bind: year), \(bind: serial), \(bind: number),
                  \(bind: account.username), \(bind: Timestamp.format(caller.at)))
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: "issue-document-number", entity: "inspection", entityID: String(inspection.id),
                detail: ["number": number])
            return number
        }
    }

    /// The number issued to inspection `id`, if any.
    public func existing(_ id: Int64) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT number FROM document_numbers WHERE inspection_id = \(bind: id)").first()?
                .decode(column: "number", as: String.self)
        }
    }
}

extension DepartmentStore {
    /// The prefix of `code`'s document numbers: its 机关代字, else its name.
    static func documentPrefix(of code: String, on db: any SQLDatabase) async throws -> String {
        guard let row = try await db.raw("SELECT name, doc_prefix FROM departments WHERE code = \(bind: code)").first() else { return code }
        let prefix = try row.decode(column: "doc_prefix", as: String.self)
        return prefix.isEmpty ? try row.decode(column: "name", as: String.self) : prefix
    }

    /// Every department's 机关代字 (empty when not set), by code.
    public func documentPrefixes() async throws -> [String: String] {
        try await database.read { db in
            var prefixes: [String: String] = [:]
            for row in try await db.raw("SELECT code, doc_prefix FROM departments").all() {
                prefixes[try row.decode(column: "code", as: String.self)] = try row.decode(column: "doc_prefix", as: String.self)
            }
            return prefixes
        }
    }

    /// Sets `code`'s 机关代字 (office only): 1–10 characters, no spaces or brackets; empty to use
    /// the name. Numbers issued before keep their prefix.
    public func setDocumentPrefix(_ prefix: String, of code: String, caller: Caller) async throws {
        try AccessPolicy.requireOffice(caller.account)
        let prefix = prefix.trimmingCharacters(in: .whitespaces)
        guard prefix.count <= 10, !prefix.contains(where: { $0.isWhitespace || "〔〕[]()（）".contains($0) }) else {
            throw LibraryError.invalid([FieldIssue(field: "documentPrefix", message: "文号代字应为 1–10 个字，不含空格和括号，例如“昌市监”")])
        }
        _ = try await get(code: code)
        try await database.write { db in
            try await db.raw("UPDATE departments SET doc_prefix = \(bind: prefix) WHERE code = \(bind: code)").run()
            try await AuditLog.append(
                db, caller: caller, action: "update", entity: "department", entityID: code, detail: ["documentPrefix": prefix])
        }
    }
}
