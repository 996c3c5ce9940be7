// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// The evaluation report (考评) as an XLSX workbook: one sheet per table of the report.
public enum OversightWorkbook {
    /// The workbook bytes of `report`.
    public static func encode(_ report: OversightReport) throws -> Data {
        try TabularXLSXWriter.encode(report.tables.map { TabularXLSXWriter.Sheet(name: $0.title, rows: $0.text) })
    }

    /// The download name, e.g. `oversight-2026-01-2026-06.xlsx`.
    public static func fileName(_ period: OversightPeriod) -> String {
        "oversight-\(period.from.iso)-\(period.to.iso).xlsx"
    }
}
