// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// The fields a sync changes, as the import report lists them: the sheet's row, the record's
/// key and each changed column with its old and new text (the text an export would write).
struct ChangeList: Sendable {
    private(set) var changes: [ImportChange] = []
    private(set) var unlisted = 0

    /// Adds the differences between `old` and `new` (inputs of one record) in column order.
    mutating func add<Input: Encodable>(row: Int, key: String, old: Input, new: Input, columns: [(field: String, header: String)]) {
        guard changes.count < ImportReport.listedChanges else {
            // Past the listed ones only the count matters: no field-by-field comparison needed.
            unlisted += Self.differences(old, new, columns).count
            return
        }
        for (header, before, after) in Self.differences(old, new, columns) {
            if changes.count < ImportReport.listedChanges {
                changes.append(ImportChange(row: row, key: key, column: header, old: before, new: after))
            } else {
                unlisted += 1
            }
        }
    }

    static func differences<Input: Encodable>(_ old: Input, _ new: Input, _ columns: [(field: String, header: String)])
        -> [(header: String, old: String, new: String)]
    {
        let before = values(old)
        let after = values(new)
        return columns.compactMap { column in
            let a = before[column.field] ?? ""
            let b = after[column.field] ?? ""
            return a == b ? nil : (column.header, a, b)
        }
    }

    /// An input's fields as text, through its Codable form.
    static func values<Input: Encodable>(_ input: Input) -> [String: String] {
        guard let data = try? JSONEncoder().encode(input),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}

extension SheetMapping {
    /// The columns as (field, header) pairs, in sheet order.
    var fieldHeaders: [(field: String, header: String)] { columns.map { ($0.field, $0.header) } }
}
