// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiTabular
import Testing

@testable import SuijiStore

/// A zip bomb handed to the importer is refused with the file's name (the limit itself is
/// `ZipBombTests`, in SuijiTabularTests).
@Suite("Import of a zip bomb")
struct ImportZipBombTests {
    @Test func theImportNamesTheFile() throws {
        // setup: one cell of 40 MB of white space, a few KB on disk
        let cell = String(repeating: " ", count: 40 << 20)
        let bomb = try TabularXLSXWriter.encode([.init(name: "名录", rows: [["名称"], [cell]])])
        #expect(bomb.count < 200 * 1024)
        let parser = SheetParser(
            mapping: SheetMapping<TargetInput>.targets, validate: { $0.validated(department: "SAMR") }, key: { $0.uid },
            keyField: "creditCode")
        // MUT + validate
        do {
            _ = try parser.parse(.data(bomb), fileName: "企业名录.xlsx")
            Issue.record("a zip bomb was read")
        } catch ImportError.unreadable(let message) {
            #expect(message.hasPrefix("文件“企业名录.xlsx”："))
            #expect(message.contains("压缩炸弹"))
        }
    }
}
