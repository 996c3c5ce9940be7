// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// A printed document (抽查通知书, 检查记录表) as both its HTML page and its PDF lay it out: the
/// same title, number, blocks, seals and signature lines, so the two never say different things.
/// Stored properties only (Mustache reads them through Mirror).
struct PrintDocument {
    struct Paragraph {
        var text: String
        /// CSS class: `indent` (first line indented), `plain`, `warning` (bold), `salutation`.
        var style: String
    }

    struct Column {
        var title: String
        /// Percent of the width, a multiple of 5 (CSS class `w<percent>`).
        var percent: Int
    }

    struct Row {
        var cells: [String]
    }

    struct Table {
        var columns: [Column]
        var rows: [Row]
    }

    struct Field {
        var label: String
        var value: String
    }

    /// Label–value pairs, two pairs a row.
    struct Fields {
        var pairs: [[Field]]
    }

    struct NumberedList {
        var items: [String]
    }

    /// One block; exactly one of its parts is set.
    struct Block {
        var heading: String?
        var paragraph: Paragraph?
        var fields: Fields?
        var table: Table?
        var list: NumberedList?
    }

    /// A taking-part department's seal area.
    struct Seal {
        var department: String
    }

    /// `notice` or `record`: the page and file names.
    var kind: String
    var inspectionID: Int64
    /// The inspection's page and this document's PDF (set by the page that shows it).
    var pageURL = ""
    var pdfURL = ""
    var titleLines: [String]
    /// The 文号, or a note that it is issued at first print by the department.
    var number: String
    var blocks: [Block]
    var seals: [Seal]
    /// The date under the seals, 2026年7月1日.
    var sealDate: String
    /// Signature and receipt lines at the foot.
    var closing: [String]
    /// The PDF's file name and document title.
    var fileTitle: String
    /// The font size of tables, in points (the record form's wide table is smaller).
    var tableSize: Double

    /// The document as PDF.
    func pdf(created: Date) -> Data {
        var flow = PDFFlow(title: fileTitle)
        for line in titleLines { flow.paragraph(line, size: 18, lineHeight: 27, alignment: .centre, bold: true) }
        flow.space(4)
        flow.paragraph(number, size: 10.5, alignment: .right)
        flow.space(4)
        for block in blocks {
            if let heading = block.heading {
                flow.space(4)
                flow.paragraph(heading, size: 11, bold: true)
            }
            if let paragraph = block.paragraph {
                flow.paragraph(
                    paragraph.text, indent: paragraph.style == "indent" || paragraph.style == "warning" ? 2 : 0,
                    bold: paragraph.style == "warning")
            }
            if let list = block.list {
                for (index, item) in list.items.enumerated() { flow.paragraph("\(index + 1). \(item)", indent: 2) }
            }
            if let fields = block.fields {
                flow.table(
                    columns: [("", 0.18), ("", 0.32), ("", 0.18), ("", 0.32)],
                    rows: fields.pairs.map { pair in
                        pair.flatMap { [$0.label, $0.value] } + Array(repeating: "", count: 4 - 2 * pair.count)
                    },
                    header: false)
                flow.space(6)
            }
            if let table = block.table {
                flow.space(2)
                flow.table(
                    columns: table.columns.map { ($0.title, Double($0.percent) / 100) }, rows: table.rows.map(\.cells), size: tableSize)
                flow.space(6)
            }
        }
        sealsBlock(&flow)
        for line in closing {
            flow.space(6)
            flow.paragraph(line)
        }
        return flow.writer.data(created: created)
    }

    /// The seal areas: up to three a row, each a dashed box with the department's name and
    /// （盖章）, the date under the last row.
    private func sealsBlock(_ flow: inout PDFFlow) {
        let perRow = 3
        let gap = 12.0
        let boxWidth = (PDFFlow.width - gap * Double(perRow - 1)) / Double(perRow)
        let boxHeight = 78.0
        flow.space(10)
        for start in stride(from: 0, to: seals.count, by: perRow) {
            let row = Array(seals[start..<min(start + perRow, seals.count)])
            flow.ensure(boxHeight + 8)
            let top = flow.y
            var x = PDFFlow.right - Double(row.count) * boxWidth - Double(row.count - 1) * gap
            for seal in row {
                flow.page.box(x: x, y: top - boxHeight, width: boxWidth, height: boxHeight, lineWidth: 0.5, dashed: true)
                let lines = PDFFlow.wrap(seal.department, width: boxWidth - 12, size: 10.5, firstIndent: 0) + ["（盖章）"]
                var baseline = top - boxHeight / 2 + Double(lines.count) * 8 - 10
                for line in lines {
                    flow.page.text(line, x: x + (boxWidth - PDFWriter.width(line, size: 10.5)) / 2, y: baseline, size: 10.5)
                    baseline -= 16
                }
                x += boxWidth + gap
            }
            flow.space(boxHeight + 8)
        }
        flow.paragraph(sealDate, alignment: .right)
    }
}

/// Dates as printed documents write them: 2026年7月1日, and times 2026年7月1日 09:30 (China time).
enum PrintDate {
    static func text(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    static func text(_ instant: Date) -> String {
        text(CalendarDate(chinaDateOf: instant)) + " " + String(ChinaTime.text(instant).suffix(5))
    }
}
