// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import SuijiStore

/// The one declaration of the `targets` columns agrees with the row SQLKit decodes by name, and
/// the raw statements built from it bind every attribute once.
@Suite("Target columns")
struct TargetColumnsTests {
    @Test func theSelectedColumnsAreTheRowsFields() {
        let row = TargetRow(id: 0) { _ in nil }
        let fields = Mirror(reflecting: row).children.compactMap(\.label).map { label in
            label.reduce(into: "") { snake, character in
                snake += character.isUppercase ? "_" + character.lowercased() : String(character)
            }
        }
        #expect(fields == TargetColumns.selected)
    }

    @Test func theRawStatementsBindEachAttributeOnce() {
        let count = TargetColumns.attributes.count
        for index in 1...count + 1 {
            #expect(TargetColumns.rawInsert.contains("?\(index),") || TargetColumns.rawInsert.contains("?\(index))"))
        }
        #expect(!TargetColumns.rawInsert.contains("?\(count + 2)"))
        #expect(TargetColumns.rawUpdate.hasSuffix("updated_at = ?\(count + 1) WHERE department_code = ?1 AND uid = ?2"))
        #expect(!TargetColumns.rawUpdate.contains("SET department_code") && !TargetColumns.rawUpdate.contains(" uid = ?2,"))
        #expect(Set(TargetColumns.inserted).count == TargetColumns.inserted.count)
    }
}
