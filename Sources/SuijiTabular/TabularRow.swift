// SPDX-License-Identifier: Apache-2.0

/// One row of a sheet together with the row number a user sees in Excel.
public struct TabularRow: Sendable, Equatable {
    /// 1-based row number as displayed by Excel (header = 1 in a typical file).
    public var number: Int
    /// Cell texts from column A onwards; may be shorter than the header.
    public var fields: [String]

    /// Creates a row.
    public init(number: Int, fields: [String]) {
        self.number = number
        self.fields = fields
    }

    /// The text of column `index`, or "" when the row is shorter.
    public subscript(index: Int) -> String {
        index >= 0 && index < fields.count ? fields[index] : ""
    }

    /// True when every field is empty (or there are none).
    public var isBlank: Bool {
        fields.allSatisfy { $0.isEmpty }
    }
}
