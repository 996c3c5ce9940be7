// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Fixed XML parts of a minimal SpreadsheetML package written by `TabularXLSXWriter`.
enum TabularXLSXTemplates {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let sheetHead = declaration + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheetData>"
    static let sheetTail = "</sheetData></worksheet>"

    static func contentTypes(sheetCount: Int) -> Data {
        var xml = declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" "
        xml += "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 1...max(sheetCount, 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
            xml += "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" "
        xml += "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "</Types>"
        return Data(xml.utf8)
    }

    static let rootRels = Data(
        (declaration + "<Relationships xmlns=\"\(packageRelNS)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>").utf8)

    static func workbook(names: [String]) -> Data {
        var xml = declaration + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(TabularXMLText.escaped(name, attribute: true))\" "
            xml += "sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets></workbook>"
        return Data(xml.utf8)
    }

    static func workbookRels(sheetCount: Int) -> Data {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelNS)\">"
        for index in 1...max(sheetCount, 1) {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relNS)/worksheet\" "
            xml += "Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        xml += "</Relationships>"
        return Data(xml.utf8)
    }

    /// Cell formats: 0 default, 1 text ("@"), 2 bold text (header).
    static let styles = Data(
        (declaration + "<styleSheet xmlns=\"\(mainNS)\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" "
            + "applyNumberFormat=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>").utf8)
}
