// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import SuijiCore

/// The provisional calendar of a year without a State Council notice, computed from
/// 《全国年节及纪念日放假办法》, checked against the notices of 2023–2026 that ship with Suiji.
@Suite struct StatutoryHolidaysTests {
    private func d(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test(arguments: [
        // year, 春节 (正月初一), 清明, 端午, 中秋: from the notices and the published almanac.
        (2023, "2023-01-22", "2023-04-05", "2023-06-22", "2023-09-29"),
        (2024, "2024-02-10", "2024-04-04", "2024-06-10", "2024-09-17"),
        (2025, "2025-01-29", "2025-04-04", "2025-05-31", "2025-10-06"),
        (2026, "2026-02-17", "2026-04-05", "2026-06-19", "2026-09-25"),
        (2027, "2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"),
        (2028, "2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"),
        (2030, "2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"),
        (2033, "2033-01-31", "2033-04-04", "2033-06-01", "2033-09-08"),
    ])
    func lunarFestivalsAndQingming(year: Int, spring: String, qingming: String, dragonBoat: String, midAutumn: String) {
        #expect(LunarDates.springFestival(year) == d(spring))
        #expect(LunarDates.qingming(year) == d(qingming))
        #expect(LunarDates.dragonBoat(year) == d(dragonBoat))
        #expect(LunarDates.midAutumn(year) == d(midAutumn))
    }

    @Test(arguments: [2023, 2024, 2025, 2026])
    func everyComputedDayOffIsOffInThatYearsNotice(year: Int) throws {
        // setup
        let notices = try WorkCalendar.bundled()
        // MUT
        let holidays = try #require(StatutoryHolidays.holidays(of: year))
        let provisional = try #require(StatutoryHolidays.provisionalYear(year))
        // validate: each statutory day and each substitute day lies inside the notice's holiday span.
        #expect(Set(holidays.map(\.name)) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        for holiday in holidays {
            for day in holiday.days { #expect(try !notices.isWorkingDay(day), "\(holiday.name) \(day)") }
        }
        for day in provisional.daysOff.keys { #expect(try !notices.isWorkingDay(day), "\(provisional.daysOff[day]!) \(day)") }
        // The notice never gives fewer weekdays off than the law (it adds bridge days against make-up days).
        #expect(notices.years[year]!.daysOff.count >= provisional.daysOff.count)
        #expect(provisional.workingWeekendDays.isEmpty && provisional.isProvisional)
    }

    @Test func theRevisionInForceDecidesSpringFestivalAndLabourDay() throws {
        // 2024 (revised 2013): 春节 初一至初三, 劳动节 1 day; 2025 on (revised 2024): 除夕 included, 劳动节 2 days.
        let y2024 = try #require(StatutoryHolidays.holidays(of: 2024))
        #expect(y2024.first { $0.name == "春节" }?.days == [d("2024-02-10"), d("2024-02-11"), d("2024-02-12")])
        #expect(y2024.first { $0.name == "劳动节" }?.days == [d("2024-05-01")])
        let y2026 = try #require(StatutoryHolidays.holidays(of: 2026))
        #expect(y2026.first { $0.name == "春节" }?.days == [d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19")])
        #expect(y2026.first { $0.name == "劳动节" }?.days == [d("2026-05-01"), d("2026-05-02")])
        #expect(StatutoryHolidays.holidays(of: 2013) == nil)
    }

    @Test func year2027IsProvisionalWithSubstituteDaysAndNoMakeUpDays() throws {
        // MUT
        let year = try #require(StatutoryHolidays.provisionalYear(2027))
        // validate: 除夕 Fri 5 Feb, 初一/初二 on the weekend → Tue 9 and Wed 10 Feb; 劳动节 Sat/Sun → Mon/Tue;
        // 国庆 1 Oct Fri, 2–3 on the weekend → Mon 4 and Tue 5 Oct.
        #expect(
            year.daysOff.keys.sorted().map(\.iso) == [
                "2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-05", "2027-05-03", "2027-05-04",
                "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-04", "2027-10-05",
            ])
        #expect(year.daysOff[d("2027-02-09")] == "春节（补假）")
        #expect(year.workingWeekendDays.isEmpty)
        #expect(year.source.hasPrefix("暂定：依《全国年节及纪念日放假办法》（2024年修订）推算"))
        // The text form reads back as the same days.
        #expect(try WorkCalendar(parsing: year.text).years[2027]?.daysOff == year.daysOff)
    }

    @Test func aCalendarWithProvisionalYearsMarksDueDatesThatCountThem() throws {
        // setup
        let strict = try WorkCalendar.bundled()
        let calendar = strict.withProvisionalYears()
        // MUT + validate: the shipped calendar still refuses 2027; the one in force computes it, 暂定.
        #expect(throws: WorkCalendarError.unknownYear(2027)) { try strict.resultDueDate(inspectionEnd: d("2026-12-20")) }
        let december = try calendar.resultDue(inspectionEnd: d("2026-12-20"))
        #expect(december == WorkCalendar.Due(date: d("2027-01-18"), isProvisional: true))
        #expect(try calendar.resultDue(inspectionEnd: d("2026-07-31")) == WorkCalendar.Due(date: d("2026-08-28"), isProvisional: false))
        #expect(calendar.isProvisional(2027) && !calendar.isProvisional(2026) && calendar.knownYears == strict.knownYears)
        // Once the notice is merged in, the same date is final.
        let notice = try WorkCalendar(parsing: "year 2027 测试通知\noff 2027-01-01 元旦\noff 2027-01-04 测试\n")
        #expect(
            try calendar.merging(notice).resultDue(inspectionEnd: d("2026-12-20"))
                == WorkCalendar.Due(date: d("2027-01-19"), isProvisional: false))
    }
}
