// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The expert libraries (专家库): the shared library flow (`LibraryStore`) on `experts`.
public struct ExpertStore: LibraryStore {
    public typealias Input = ExpertInput

    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The `experts` columns, declared once; the key is the department.
    static let columnList = TableColumns<Expert>(
        table: "experts",
        attributes: [
            TableColumn(name: "department_code") { $0.departmentCode },
            TableColumn(name: "name") { $0.name },
            TableColumn(name: "kind") { $0.kind.rawValue },
            TableColumn(name: "organisation") { $0.organisation },
            TableColumn(name: "expertise") { ListColumn.encode($0.expertise) },
            TableColumn(name: "contact") { $0.contact },
        ], keyCount: 1)

    /// The columns a read selects.
    static let columns = columnList.selectList

    /// The sort keys of `list` and their columns.
    public static let sortColumns = ["name": "name", "kind": "kind", "organisation": "organisation", "department": "department_code"]

    public static let table = LibraryTable<ExpertInput>(
        title: "专家", auditEntity: "expert", source: "experts", selectList: columns,
        searchColumns: ["name", "organisation", "expertise"], allowedFilters: ["kind"], sortColumns: sortColumns,
        order: "department_code, name, id",
        decode: { try $0.decode(model: ExpertRow.self, keyDecodingStrategy: .convertFromSnakeCase).expert },
        insert: { expert, now, _, db in try await insert(expert, now: now, on: db) },
        update: { _, new, now, _, db in try await db.raw(columnList.update(new, id: new.id, now: now)).run() })

    static func insert(_ expert: Expert, now: String, on db: any SQLDatabase) async throws -> Int64 {
        try await columnList.insert(expert, now: now, on: db)
    }
}

struct ExpertRow: Codable {
    var id: Int64
    var departmentCode: String
    var name: String
    var kind: String
    var organisation: String
    var expertise: String
    var contact: String

    var expert: Expert {
        Expert(
            id: id, departmentCode: departmentCode, name: name, kind: ExpertKind(rawValue: kind) ?? .industryExpert,
            organisation: organisation, expertise: ListColumn.decode(expertise), contact: contact)
    }
}
