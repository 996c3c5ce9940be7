// SPDX-License-Identifier: Apache-2.0

/// A page number from a query string, clamped to 1…10,000 so that no offset computed from it can
/// overflow or ask the database for an absurd scan.
enum PageNumber {
    static let maximum = 10_000

    /// `?page=` as a number in 1…`maximum`; 1 when absent or not a number.
    static func parse(_ text: Substring?) -> Int {
        guard let text, text.count <= 9, let value = Int(text) else { return 1 }
        return min(maximum, max(1, value))
    }

    /// The page numbers a pager links to: the first, the last, and those around `page`, with nil
    /// for the gaps ("1 … 4 5 6 … 20").
    static func window(page: Int, pageCount: Int, around: Int = 2) -> [Int?] {
        guard pageCount > 1 else { return [] }
        var shown: [Int?] = []
        var last = 0
        for number in 1...pageCount where number == 1 || number == pageCount || abs(number - page) <= around {
            if number > last + 1 { shown.append(nil) }
            shown.append(number)
            last = number
        }
        return shown
    }
}
