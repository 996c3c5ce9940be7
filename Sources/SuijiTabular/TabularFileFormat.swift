// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The container format of an uploaded table file.
public enum TabularFileFormat: Sendable, Equatable {
    /// An Office Open XML workbook (zip magic `PK\u{3}\u{4}`).
    case xlsx
    /// Comma-separated text in the detected encoding.
    case csv(TabularTextEncoding)

    /// Detects `.xlsx` by the zip magic; rejects legacy `.xls` (OLE2 magic D0 CF 11 E0);
    /// anything else is treated as CSV (its encoding is detected when read).
    /// - Throws: `TabularError.legacyExcelFormat` for `.xls`.
    public static func isXLSX(_ data: Data) throws -> Bool {
        let magic = [UInt8](data.prefix(4))
        if magic == [0x50, 0x4B, 0x03, 0x04] { return true }
        if magic == [0xD0, 0xCF, 0x11, 0xE0] { throw TabularError.legacyExcelFormat }
        return false
    }
}
