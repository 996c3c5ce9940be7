// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import SuijiCore

@Suite struct CalendarDateTests {
    private func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func knownWeekdays() {
        #expect(d("2023-01-01").weekday == 7)  // Sunday
        #expect(d("1970-01-01").weekday == 4)  // Thursday
        #expect(d("2000-01-01").weekday == 6)  // Saturday
        #expect(d("2024-02-29").weekday == 4)  // Thursday
        #expect(d("2025-10-01").weekday == 3)  // Wednesday
        #expect(d("2026-02-17").weekday == 2)  // Tuesday (春节)
        #expect(d("1949-10-01").weekday == 6)  // Saturday
        #expect(d("1900-01-01").weekday == 1)  // Monday
    }

    @Test func strictISOParsing() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        for bad in [
            "2023-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
            "2025-4-01", "2025-04-1", "20250401", "2025/04/01", " 2025-04-01",
            "2025-04-01 ", "+025-04-01", "2025-04-0１", "0000-01-01", "",
        ] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
        #expect(d("0001-01-01").iso == "0001-01-01")
        #expect(d("2025-01-05").description == "2025-01-05")
    }

    @Test func leapYears() {
        #expect(CalendarDate.isLeapYear(2000))
        #expect(!CalendarDate.isLeapYear(1900))
        #expect(CalendarDate.isLeapYear(2024))
        #expect(!CalendarDate.isLeapYear(2025))
        #expect(d("2024-02-28").adding(days: 1) == d("2024-02-29"))
        #expect(d("2023-02-28").adding(days: 1) == d("2023-03-01"))
        #expect(d("2100-02-28").adding(days: 1) == d("2100-03-01"))
        #expect(d("2024-01-01").days(to: d("2025-01-01")) == 366)
        #expect(d("2025-01-01").days(to: d("2026-01-01")) == 365)
    }

    @Test func arithmeticRoundTrips() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("2025-12-31").adding(days: 1) == d("2026-01-01"))
        #expect(d("2026-01-01").adding(days: -1) == d("2025-12-31"))
        #expect(d("2023-01-01").days(to: d("2022-12-25")) == -7)
        var date = d("1999-12-25")
        var weekday = date.weekday
        for _ in 0..<3000 {
            let next = date.adding(days: 1)
            #expect(next > date)
            #expect(date.days(to: next) == 1)
            #expect(CalendarDate(iso: next.iso) == next)
            #expect(CalendarDate(dayNumber: next.dayNumber) == next)
            #expect(next.weekday == weekday % 7 + 1)
            date = next
            weekday = next.weekday
        }
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([d("2025-01-28")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-01-28"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [d("2025-01-28")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2025-02-30"]"#.utf8))
        }
    }
}
