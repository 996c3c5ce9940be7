// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// The statutory public holidays of 《全国年节及纪念日放假办法》, and the provisional working-day
/// calendar of a year whose State Council holiday notice is not out yet.
///
/// A provisional year has the statutory days off (those on a weekday) and, by Article 6 of the
/// Measures ("适逢星期六、星期日，应当在工作日补假"), one substitute weekday after the holiday for each
/// statutory day on a weekend or shared with another holiday. The notice also moves days off
/// around weekends against make-up working days (调休上班); that cannot be predicted, so a
/// provisional year has no make-up working days, and due dates computed with it are marked 暂定
/// until the notice is loaded.
public enum StatutoryHolidays {
    /// One holiday of a year: its name and its statutory days.
    public struct Holiday: Sendable, Equatable {
        public var name: String
        public var days: [CalendarDate]
    }

    /// The revision of the Measures in force for a year.
    public enum Revision: String, Sendable {
        /// Revised 2013 (in force 2014–2024): 元旦 1, 春节 3 (初一至初三), 清明 1, 劳动节 1, 端午 1,
        /// 中秋 1, 国庆 3 days.
        case of2013
        /// Revised 2024 (国务院令第795号, in force from 2025): 元旦 1, 春节 4 (除夕至初三), 清明 1,
        /// 劳动节 2, 端午 1, 中秋 1, 国庆 3 days.
        case of2024

        /// The revision in force in `year`; nil before 2014 and after 2100 (no provisional years there).
        public static func inForce(_ year: Int) -> Revision? {
            switch year {
            case 2014...2024: .of2013
            case 2025...2100: .of2024
            default: nil
            }
        }

        /// As the calendars name it.
        public var title: String {
            switch self {
            case .of2013: "《全国年节及纪念日放假办法》（2013年修订）"
            case .of2024: "《全国年节及纪念日放假办法》（2024年修订）"
            }
        }
    }

    /// The statutory holidays of `year` by the revision in force, in date order; nil when no
    /// revision applies or a date cannot be computed.
    public static func holidays(of year: Int) -> [Holiday]? {
        guard let revision = Revision.inForce(year), let spring = LunarDates.springFestival(year),
            let qingming = LunarDates.qingming(year), let dragonBoat = LunarDates.dragonBoat(year),
            let midAutumn = LunarDates.midAutumn(year)
        else { return nil }
        func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        let springDays = revision == .of2024 ? (-1...2).map { spring.adding(days: $0) } : (0...2).map { spring.adding(days: $0) }
        let labourDays = revision == .of2024 ? [day(5, 1), day(5, 2)] : [day(5, 1)]
        return [
            Holiday(name: "元旦", days: [day(1, 1)]),
            Holiday(name: "春节", days: springDays),
            Holiday(name: "清明节", days: [qingming]),
            Holiday(name: "劳动节", days: labourDays),
            Holiday(name: "端午节", days: [dragonBoat]),
            Holiday(name: "中秋节", days: [midAutumn]),
            Holiday(name: "国庆节", days: [day(10, 1), day(10, 2), day(10, 3)]),
        ].sorted { $0.days[0] < $1.days[0] }
    }

    /// The provisional calendar year of `year`: weekdays off for the statutory days and their
    /// substitute days, no make-up working days; nil when `holidays(of:)` is nil.
    public static func provisionalYear(_ year: Int) -> WorkCalendar.Year? {
        if let cached = cache.withLock({ $0[year] }) { return cached }
        guard let holidays = holidays(of: year), let revision = Revision.inForce(year) else { return nil }
        var off: [CalendarDate: String] = [:]
        let statutory = Set(holidays.flatMap(\.days))
        var seen: Set<CalendarDate> = []
        for holiday in holidays {
            var owed = 0
            for day in holiday.days {
                if day.isWeekend || seen.contains(day) { owed += 1 }
                seen.insert(day)
                if !day.isWeekend { off[day] = off[day].map { "\($0)、\(holiday.name)" } ?? holiday.name }
            }
            // Substitute days: the first free weekdays after the holiday, within the year.
            var next = holiday.days.max()!
            while owed > 0 {
                next = next.adding(days: 1)
                guard next.year == year else { break }
                if next.isWeekend || off[next] != nil || statutory.contains(next) { continue }
                off[next] = "\(holiday.name)（补假）"
                owed -= 1
            }
        }
        let computed = WorkCalendar.Year(
            year: year, source: "暂定：依\(revision.title)推算，未含调休上班安排，待国务院办公厅通知发布后更新", daysOff: off,
            workingWeekendDays: [:], isProvisional: true)
        cache.withLock { $0[year] = computed }
        return computed
    }

    /// Computed years (the lunar search is not free; the result never changes).
    private static let cache = Mutex<[Int: WorkCalendar.Year]>([:])
}
