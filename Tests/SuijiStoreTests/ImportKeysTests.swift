// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import SuijiStore

/// The small pieces of a million-row import: keys seen in the file, and the tags column.
@Suite("Import keys and list columns")
struct ImportKeysTests {
    @Test func aRepeatedKeyNamesItsFirstRow() {
        var seen = SeenKeys()
        let keys = [
            "91360202MA3CND4D6B", "91360202MA3CND4D6", "91360202MA3CND4D6B0", "A", "AB", "X-000001", String(repeating: "9", count: 24),
            String(repeating: "9", count: 25), "名称|单位", "",
        ]
        for (index, key) in keys.enumerated() { #expect(seen.firstRow(of: key, row: index + 2) == nil, "\(key)") }
        for (index, key) in keys.enumerated() { #expect(seen.firstRow(of: key, row: 100) == index + 2, "\(key)") }
        #expect(seen.firstRow(of: "91360202MA3CND4D6C", row: 101) == nil)
    }

    @Test func theTagsColumnIsTheJSONOfTheList() throws {
        let lists = [[], ["SAMR-001"], ["SAMR-001", "HEALTH-002"], ["引号\"与\\反斜杠", "换行\n回车\r制表\t", "控制\u{1}\u{1F}字符", "中文、标注"]]
        for list in lists {
            let encoded = ListColumn.encode(list)
            #expect(try JSONDecoder().decode([String].self, from: Data(encoded.utf8)) == list)
            #expect(ListColumn.decode(encoded) == list)
        }
        #expect(ListColumn.encode(["a\"b", "c\u{1}"]) == #"["a\"b","c\u0001"]"#)
    }
}
