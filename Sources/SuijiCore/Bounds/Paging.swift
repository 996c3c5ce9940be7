// SPDX-License-Identifier: Apache-2.0

/// A page of a listing as a client asks for it (`?page=&perPage=`), bounded so that no page
/// number or page size a client sends can overflow the offset arithmetic or ask the database
/// for an absurd slice. Every listing (API, staff pages, public portal) reads its paging here.
public struct Paging: Sendable, Equatable {
    /// The highest page number accepted; larger ones are read as this page (an empty page).
    public static let maxPage = 1_000_000

    /// 1-based page number, 1...``maxPage``.
    public let page: Int
    /// Rows per page, at least 1.
    public let perPage: Int

    /// A page; out-of-range numbers are clamped (page to 1...``maxPage``, size to 1...`maxPerPage`).
    public init(page: Int = 1, perPage: Int, maxPerPage: Int = 500) {
        self.page = min(max(1, page), Self.maxPage)
        self.perPage = min(max(1, perPage), max(1, maxPerPage))
    }

    /// A page from query text: a missing or unreadable number gives the default (page 1,
    /// `defaultPerPage`), an out-of-range one is clamped.
    public init(page: (some StringProtocol)?, perPage: (some StringProtocol)? = String?.none, defaultPerPage: Int, maxPerPage: Int = 500) {
        self.init(
            page: BoundedNumber.int(page, in: 1...Self.maxPage) ?? 1,
            perPage: BoundedNumber.int(perPage, in: 1...max(1, maxPerPage)) ?? defaultPerPage, maxPerPage: maxPerPage)
    }

    /// Rows to skip: at most ``maxPage`` × `maxPerPage`, far from overflowing.
    public var offset: Int { (page - 1) * perPage }

    /// The number of pages holding `total` rows (at least 1).
    public func pageCount(total: Int) -> Int {
        max(1, total / perPage + (total % perPage == 0 ? 0 : 1))
    }

    /// The page numbers to link around this one: the previous page if any, the next one if
    /// `total` rows reach past this page.
    public func neighbours(total: Int) -> (previous: Int?, next: Int?) {
        (page > 1 ? page - 1 : nil, page < pageCount(total: total) ? page + 1 : nil)
    }
}
