// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// A table of an oversight page: every count a link to its rows. Stored properties only
/// (Mustache reads them through Mirror).
struct OversightTableModel {
    struct Cell {
        var text: String
        var url: String
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
                    Cell(text: cell.text, url: OversightQuery.rowsURL(cell, period: period) ?? "", isHeader: index == 0)
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
