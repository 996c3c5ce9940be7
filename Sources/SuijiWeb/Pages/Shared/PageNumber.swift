// SPDX-License-Identifier: Apache-2.0

/// The page numbers a pager shows (the page asked for is read and bounded by `Paging`).
enum PageNumber {
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
