// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// One entry of the area directory: a division or township code and its name.
public struct Area: Sendable, Codable, Equatable {
    /// 6-digit division, or 9/12-digit township code.
    public var code: String
    public var name: String
    /// The enclosing area's code ("" for the top).
    public var parent: String

    public init(code: String, name: String, parent: String) {
        self.code = code
        self.name = name
        self.parent = parent
    }
}

/// The district's area directory (区划与乡镇街道), kept by the office: it resolves the street
/// names of the libraries to the codes that enforcement areas and draw pools use.
public struct AreaStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Every area, by code.
    public func all() async throws -> [Area] {
        try await database.read { db in try await Self.all(on: db) }
    }

    /// Adds or renames an area (office only).
    public func upsert(_ area: Area, caller: Caller) async throws {
        try AccessPolicy.requireOffice(caller.account)
        guard InspectorInput.isAreaCode(area.code) else {
            throw LibraryError.invalid([FieldIssue(field: "code", message: "区划代码应为 6、9 或 12 位数字")])
        }
        guard !area.name.trimmed.isEmpty else { throw LibraryError.invalid([FieldIssue(field: "name", message: "名称不能为空")]) }
        try await database.write { db in
            try await db.raw("DELETE FROM areas WHERE code = \(bind: area.code)").run()
            try await db.raw(
                "INSERT INTO areas (code, name, parent) VALUES (\(bind: area.code), \(bind: area.name.trimmed), \(bind: area.parent))"
            ).run()
            try await AuditLog.append(db, caller: caller, action: "upsert", entity: "area", entityID: area.code, detail: area)
        }
    }

    static func all(on db: any SQLDatabase) async throws -> [Area] {
        try await db.raw("SELECT code, name, parent FROM areas ORDER BY code").all(decoding: Area.self)
    }

    /// A resolver from street text (code or name) to its code.
    static func resolver(on db: any SQLDatabase) async throws -> AreaResolver {
        AreaResolver(areas: try await all(on: db))
    }
}

/// Resolves a street value of a target (a code, or a name in the directory) to digits.
struct AreaResolver: Sendable {
    private let codeOfName: [String: String]

    init(areas: [Area]) {
        codeOfName = Dictionary(areas.map { ($0.name, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    /// The code of `street`: itself when it is 1–12 digits, else the directory's code for the
    /// name, else "" (unknown streets only match enforcement areas at division level).
    func code(of street: String) -> String {
        if !street.isEmpty, street.utf8.count <= 12, street.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return street }
        return codeOfName[street] ?? ""
    }
}
