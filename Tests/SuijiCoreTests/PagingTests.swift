// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Bounded paging and numbers")
struct PagingTests {
    @Test func hugePageNumbersAreClampedNotTrapped() {
        // MUT
        let paging = Paging(page: "9223372036854775807", perPage: "9223372036854775807", defaultPerPage: 50)
        // validate: the offset is computed without overflow, the page is the last accepted one
        #expect(paging.page == Paging.maxPage)
        #expect(paging.perPage == 500)
        #expect(paging.offset == (Paging.maxPage - 1) * 500)
        #expect(paging.neighbours(total: 10) == (Paging.maxPage - 1, nil))
    }

    @Test func unreadableOrMissingNumbersGiveTheDefaults() {
        #expect(Paging(page: "abc", perPage: "", defaultPerPage: 20) == Paging(page: 1, perPage: 20))
        #expect(Paging(page: String?.none, defaultPerPage: 20) == Paging(page: 1, perPage: 20))
        #expect(Paging(page: "-3", perPage: "0", defaultPerPage: 20) == Paging(page: 1, perPage: 1))
        #expect(Paging(page: "99999999999999999999999", defaultPerPage: 20).page == Paging.maxPage)
    }

    @Test func pageCountAndNeighbours() {
        let paging = Paging(page: 2, perPage: 20)
        #expect(paging.offset == 20)
        #expect(paging.pageCount(total: 0) == 1)
        #expect(paging.pageCount(total: 40) == 2)
        #expect(paging.pageCount(total: 41) == 3)
        #expect(paging.pageCount(total: Int.max) == Int.max / 20 + 1)
        #expect(paging.neighbours(total: 41) == (1, 3))
        #expect(paging.neighbours(total: 40) == (1, nil))
    }

    @Test func boundedNumbers() {
        #expect(BoundedNumber.int(" 42 ", in: 0...100) == 42)
        #expect(BoundedNumber.int("+7", in: 0...100) == 7)
        #expect(BoundedNumber.int("1e3", in: 0...100) == nil)
        #expect(BoundedNumber.int("１２", in: 0...100) == nil)
        #expect(BoundedNumber.int("-99999999999999999999", in: -5...5) == -5)
        #expect(BoundedNumber.int("99999999999999999999", in: Int.min...Int.max) == Int.max)
        #expect(BoundedNumber.exact("2026", in: 1...9999) == 2026)
        #expect(BoundedNumber.exact("99999", in: 1...9999) == nil)
        #expect(BoundedNumber.exact(String?.none, in: 1...9999) == nil)
    }
}
