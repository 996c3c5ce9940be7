// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import SuijiTabular

/// An XLSX whose one worksheet inflates to `inflated` bytes of white space: a few KB on disk.
enum ZipBomb {
    static func xlsx(inflated: Int) throws -> Data {
        let head = Data(TabularXLSXTemplates.sheetHead.utf8)
        let tail = Data(TabularXLSXTemplates.sheetTail.utf8)
        var sheet = head
        sheet.append(Data(repeating: 0x20, count: max(0, inflated - head.count - tail.count)))
        sheet.append(tail)
        return try TabularXLSXWriter.package([
            ("[Content_Types].xml", TabularXLSXTemplates.contentTypes(sheetCount: 1)),
            ("_rels/.rels", TabularXLSXTemplates.rootRels),
            ("xl/workbook.xml", TabularXLSXTemplates.workbook(names: ["名录"])),
            ("xl/_rels/workbook.xml.rels", TabularXLSXTemplates.workbookRels(sheetCount: 1)),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }
}

@Suite("XLSX expansion limit (zip bombs)")
struct ZipBombTests {
    @Test func expansionLimitFollowsTheFileSize() {
        #expect(TabularXLSXReader.expansionLimit(fileSize: 900 * 1024) == 900 * 1024 * 100)
        #expect(TabularXLSXReader.expansionLimit(fileSize: 10) == 32 << 20)
        #expect(TabularXLSXReader.expansionLimit(fileSize: 20 << 20) == 512 << 20)
        #expect(TabularXLSXReader.expansionLimit(fileSize: .max) == 512 << 20)
    }

    @Test func aBombIsRefusedBeforeItInflates() throws {
        // setup: 40 MB of XML in a file of a few KB
        let bomb = try ZipBomb.xlsx(inflated: 40 << 20)
        #expect(bomb.count < 200 * 1024)
        // MUT + validate
        #expect {
            _ = try TabularSheet.load(bomb)
        } throws: { error in
            guard case .expandsTooFar(let limit) = error as? TabularError else { return false }
            return limit <= 32 << 20
        }
    }

    @Test func anOrdinaryWorkbookStillReads() throws {
        let rows = [["名称", "代码"]] + (1...2000).map { ["企业\($0)", String($0)] }
        let data = try TabularXLSXWriter.encode([.init(name: "S", rows: rows)])
        #expect(try TabularSheet.load(data).rows.count == 2000)
    }
}
