// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// A table of an oversight page: every count a link to its rows. Stored properties only
/// (Mustache reads them through Mirror).
struct OversightTableModel {
    struct Cell {
        var text: String
        var url: String
        /// Mustache treats an empty string as true: sections test this instead.
        var hasURL: Bool
        var isHeader: Bool
    }

    struct Row {
        var cells: [Cell]
        var isTotal: Bool
    }

    var title: String
    var header: [String]
    var rows: [Row]

    init(_ table: OversightTable, period: OversightPeriod) {
        title = table.title
        header = table.header
        rows = table.rows.map { cells in
            Row(
                cells: cells.enumerated().map { index, cell in
                    let url = OversightQuery.rowsURL(cell, period: period)
                    return Cell(text: cell.text, url: url ?? "", hasURL: url != nil, isHeader: index == 0)
                }, isTotal: cells.first?.text == "合计")
        }
    }
}

/// An inline SVG chart and its caption.
struct OversightChartModel {
    var title: String
    var svg: String
}

/// `/oversight` and the printable evaluation report (考评).
struct OversightPage {
    var title: String
    var periodLabel: String
    var from: String
    var to: String
    var asOf: String
    var scopeNote: String
    var tables: [OversightTableModel]
    var charts: [OversightChartModel]
    var reportURL: String
    var xlsxURL: String
    var backURL: String
}

/// The rows behind one figure.
struct OversightRowsPage {
    struct Cell {
        var text: String
        var url: String
        var hasURL: Bool

        init(text: String, url: String) {
            self.text = text
            self.url = url
            self.hasURL = !url.isEmpty
        }
    }

    struct Row {
        var cells: [Cell]
    }

    var title: String
    var periodLabel: String
    var groupLabel: String
    var count: Int
    var header: [String]
    var rows: [Row]
    var isEmpty: Bool
    var backURL: String
}
