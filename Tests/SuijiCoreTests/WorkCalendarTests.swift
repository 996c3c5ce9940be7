// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import SuijiCore

@Suite struct WorkCalendarTests {
    private func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    private let calendar: WorkCalendar

    init() throws { calendar = try WorkCalendar.bundled() }

    @Test func knownYearsAndSources() {
        #expect(calendar.knownYears == [2023, 2024, 2025, 2026])
        #expect(calendar.years[2025]?.source.hasPrefix("国办发明电〔2024〕12号") == true)
        #expect(calendar.years[2023]?.source.hasPrefix("国办发明电〔2022〕16号") == true)
        #expect(calendar.years[2024]?.source.hasPrefix("国办发明电〔2023〕7号") == true)
        #expect(calendar.years[2026]?.source.hasPrefix("国办发明电〔2025〕7号") == true)
    }

    @Test(arguments: [
        // Weekdays off (date, weekday 1=Mon).
        ("2023-01-02", 1), ("2023-01-27", 5), ("2023-04-05", 3), ("2023-06-23", 5), ("2023-09-29", 5),
        ("2024-01-01", 1), ("2024-02-12", 1), ("2024-02-16", 5), ("2024-04-05", 5), ("2024-06-10", 1),
        ("2024-09-16", 1), ("2024-10-07", 1),
        ("2025-01-01", 3), ("2025-01-28", 2), ("2025-02-04", 2), ("2025-05-02", 5), ("2025-05-05", 1),
        ("2025-06-02", 1), ("2025-10-08", 3),
        ("2026-01-02", 5), ("2026-02-16", 1), ("2026-02-23", 1), ("2026-04-06", 1), ("2026-05-05", 2),
        ("2026-06-19", 5), ("2026-09-25", 5), ("2026-10-07", 3),
    ])
    func weekdayHolidays(iso: String, weekday: Int) throws {
        #expect(d(iso).weekday == weekday)
        #expect(try calendar.isWorkingDay(d(iso)) == false)
    }

    @Test(arguments: [
        ("2023-01-28", 6), ("2023-01-29", 7), ("2023-04-23", 7), ("2023-05-06", 6), ("2023-06-25", 7),
        ("2023-10-07", 6), ("2023-10-08", 7),
        ("2024-02-04", 7), ("2024-02-18", 7), ("2024-04-07", 7), ("2024-04-28", 7), ("2024-05-11", 6),
        ("2024-09-14", 6), ("2024-09-29", 7), ("2024-10-12", 6),
        ("2025-01-26", 7), ("2025-02-08", 6), ("2025-04-27", 7), ("2025-09-28", 7), ("2025-10-11", 6),
        ("2026-01-04", 7), ("2026-02-14", 6), ("2026-02-28", 6), ("2026-05-09", 6), ("2026-09-20", 7),
        ("2026-10-10", 6),
    ])
    func makeUpWorkingDays(iso: String, weekday: Int) throws {
        #expect(d(iso).weekday == weekday)
        #expect(try calendar.isWorkingDay(d(iso)))
    }

    @Test func ordinaryDaysAndSpecialCases() throws {
        #expect(try calendar.isWorkingDay(d("2024-02-09")))  // 2024 除夕 was officially a working day
        #expect(try !calendar.isWorkingDay(d("2025-01-28")))  // from 2025 除夕 is a holiday
        #expect(try calendar.isWorkingDay(d("2025-03-12")))  // ordinary Wednesday
        #expect(try !calendar.isWorkingDay(d("2025-03-15")))  // ordinary Saturday
        #expect(try !calendar.isWorkingDay(d("2026-02-21")))  // weekend inside 春节
        #expect(try calendar.note(for: d("2025-01-26")) == "春节调休上班")
        #expect(try calendar.note(for: d("2025-03-12")) == nil)
    }

    @Test(arguments: [
        // (inspection end, due date) computed once by an independent Python script.
        ("2023-01-13", "2023-02-15"), ("2023-01-20", "2023-02-22"), ("2023-04-28", "2023-05-30"),
        ("2023-09-28", "2023-11-01"),
        ("2024-01-31", "2024-03-04"), ("2024-02-08", "2024-03-13"), ("2024-02-09", "2024-03-14"),
        ("2024-04-30", "2024-05-30"), ("2024-09-20", "2024-10-23"), ("2024-09-30", "2024-11-01"),
        ("2025-01-24", "2025-02-27"), ("2025-01-27", "2025-03-03"), ("2025-04-25", "2025-05-27"),
        ("2025-04-30", "2025-06-03"), ("2025-09-26", "2025-10-30"), ("2025-09-30", "2025-11-04"),
        ("2025-12-15", "2026-01-13"),
        ("2026-02-06", "2026-03-12"), ("2026-02-13", "2026-03-19"), ("2026-04-30", "2026-06-01"),
        ("2026-09-18", "2026-10-22"), ("2026-09-30", "2026-11-03"), ("2026-12-02", "2026-12-30"),
        ("2026-12-03", "2026-12-31"),
    ])
    func resultDueDates(end: String, due: String) throws {
        #expect(try calendar.resultDueDate(inspectionEnd: d(end)) == d(due))
        #expect(try calendar.workingDays(between: d(end), and: d(due)) == 20)
    }

    @Test func nextWorkingDayAcrossMakeUpWeekends() throws {
        #expect(try calendar.addingWorkingDays(1, to: d("2025-01-24")) == d("2025-01-26"))  // Sunday make-up
        #expect(try calendar.addingWorkingDays(1, to: d("2025-01-27")) == d("2025-02-05"))
        #expect(try calendar.addingWorkingDays(1, to: d("2026-02-13")) == d("2026-02-14"))  // Saturday make-up
        #expect(try calendar.addingWorkingDays(1, to: d("2024-09-30")) == d("2024-10-08"))
        #expect(try calendar.addingWorkingDays(0, to: d("2025-10-04")) == d("2025-10-04"))
        #expect(throws: WorkCalendarError.negativeCount(-1)) {
            try calendar.addingWorkingDays(-1, to: d("2025-10-04"))
        }
    }

    @Test func workingDaysBetweenIsConsistentWithAdding() throws {
        var start = d("2023-01-01")
        while start <= d("2026-11-15") {
            for n in [0, 1, 2, 5, 20] {
                let end = try calendar.addingWorkingDays(n, to: start)
                #expect(try calendar.workingDays(between: start, and: end) == n)
                #expect(try calendar.workingDays(between: end, and: start) == -n)
                if n > 0 {
                    #expect(try calendar.isWorkingDay(end))
                    #expect(try calendar.workingDays(between: start, and: end.adding(days: -1)) == n - 1)
                }
            }
            start = start.adding(days: 3)
        }
    }

    @Test(arguments: [(2023, 249), (2024, 251), (2025, 248), (2026, 248)])
    func workingDaysPerYear(year: Int, expected: Int) throws {
        // Jan 1 is never a working day, so (Jan 1, Dec 31] covers the whole year.
        let first = CalendarDate(year: year, month: 1, day: 1)!
        #expect(try !calendar.isWorkingDay(first))
        #expect(try calendar.workingDays(between: first, and: CalendarDate(year: year, month: 12, day: 31)!) == expected)
    }

    @Test func unknownYearsThrow() throws {
        #expect(throws: WorkCalendarError.unknownYear(2022)) { try calendar.isWorkingDay(d("2022-12-30")) }
        #expect(throws: WorkCalendarError.unknownYear(2027)) { try calendar.isWorkingDay(d("2027-01-04")) }
        // Stepping from a known year into an unknown one.
        #expect(throws: WorkCalendarError.unknownYear(2027)) {
            try calendar.resultDueDate(inspectionEnd: d("2026-12-04"))
        }
        #expect(throws: WorkCalendarError.unknownYear(2027)) {
            try calendar.workingDays(between: d("2026-12-01"), and: d("2027-01-05"))
        }
        #expect(throws: WorkCalendarError.unknownYear(2022)) {
            try calendar.workingDays(between: d("2023-01-05"), and: d("2022-12-20"))
        }
        #expect(WorkCalendarError.unknownYear(2028).message.contains("日历数据不含 2028 年的节假日安排"))
    }

    @Test func mergingAddsAndOverridesYears() throws {
        let extra = try WorkCalendar(
            parsing: """
                year 2027 测试数据（非真实通知）
                off 2027-01-01 元旦
                year 2025 覆盖测试
                """)
        let merged = calendar.merging(extra)
        #expect(merged.knownYears == [2023, 2024, 2025, 2026, 2027])
        #expect(try !merged.isWorkingDay(d("2027-01-01")))
        #expect(try merged.isWorkingDay(d("2025-01-28")))  // 2025 replaced wholesale
        #expect(try merged.resultDueDate(inspectionEnd: d("2026-12-04")) == d("2027-01-04"))
    }
}
