// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiTabular

/// The evaluation report (考评) as an XLSX workbook: one sheet per table of the report.
public enum OversightWorkbook {
    /// The workbook bytes of `report`.
    public static func encode(_ report: OversightReport) throws -> Data {
        try TabularXLSXWriter.encode(report.tables.map { TabularXLSXWriter.Sheet(name: $0.title, rows: $0.text) })
    }

    /// The download name, e.g. `监督考评表（2026年1月至2026年6月）.xlsx`.
    public static func fileName(_ period: OversightPeriod) -> String {
        "监督考评表（\(period.label)）.xlsx"
    }
}
