// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The Gregorian dates of the lunar festivals and of the Qingming solar term, for the years
/// without a State Council holiday notice (a provisional calendar, ``StatutoryHolidays``).
///
/// Lunar dates come from Foundation's Chinese calendar (ICU; checked against the notices of
/// 2023–2026 and known dates to 2033); the Qingming term is computed from the sun's apparent
/// longitude (Meeus, *Astronomical Algorithms*, ch. 25, low accuracy: about 0.01°, a quarter of
/// an hour), in China time.
public enum LunarDates {
    /// China time, in which the festivals and terms are dated.
    static let chinaTime = TimeZone(secondsFromGMT: 8 * 3600)!

    /// The Gregorian date of lunar `month`/`day` (not a leap month) falling in Gregorian `year`,
    /// searched within `from ... from + span days`; nil when none (cannot happen for the
    /// festivals used here).
    static func gregorian(lunarMonth: Int, day: Int, in year: Int, searchFrom month: Int, _ startDay: Int, span: Int) -> CalendarDate? {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = chinaTime
        guard let start = CalendarDate(year: year, month: month, day: startDay) else { return nil }
        for offset in 0...span {
            let date = start.adding(days: offset)
            // Noon China time, far from any day boundary.
            let instant = Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 + 4 * 3600))
            let parts = chinese.dateComponents([.month, .day, .isLeapMonth], from: instant)
            if parts.month == lunarMonth && parts.day == day && parts.isLeapMonth != true { return date }
        }
        return nil
    }

    /// 春节 (正月初一), between 21 January and 20 February.
    public static func springFestival(_ year: Int) -> CalendarDate? {
        gregorian(lunarMonth: 1, day: 1, in: year, searchFrom: 1, 20, span: 32)
    }

    /// 端午节 (五月初五), between 28 May and 25 June.
    public static func dragonBoat(_ year: Int) -> CalendarDate? {
        gregorian(lunarMonth: 5, day: 5, in: year, searchFrom: 5, 25, span: 35)
    }

    /// 中秋节 (八月十五), between 7 September and 8 October.
    public static func midAutumn(_ year: Int) -> CalendarDate? {
        gregorian(lunarMonth: 8, day: 15, in: year, searchFrom: 9, 5, span: 36)
    }

    /// 清明: the day (China time) the sun's apparent longitude reaches 15°.
    public static func qingming(_ year: Int) -> CalendarDate? {
        guard let guess = CalendarDate(year: year, month: 4, day: 5) else { return nil }
        // Julian day (TT) of noon UTC of the guess, then Newton steps on the longitude.
        var jd = Double(guess.dayNumber) + 2_440_588.0
        for _ in 0..<6 {
            var difference = 15 - sunApparentLongitude(julianDay: jd)
            difference -= 360 * (difference / 360).rounded()
            jd += difference / 360 * 365.2422
        }
        // TT to UTC (ΔT about 70 s in this century), then China time.
        let seconds = (jd - 2_440_587.5) * 86_400 - 70 + 8 * 3600
        return CalendarDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    /// The sun's apparent geocentric longitude in degrees, 0..<360, at Julian day `jd` (TT).
    static func sunApparentLongitude(julianDay jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36_525
        let radians = Double.pi / 180
        let meanLongitude = 280.46646 + 36_000.76983 * t + 0.000_303_2 * t * t
        let anomaly = (357.52911 + 35_999.05029 * t - 0.000_153_7 * t * t) * radians
        let centre =
            (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly) + (0.019993 - 0.000101 * t) * sin(2 * anomaly)
            + 0.000289 * sin(3 * anomaly)
        let node = (125.04 - 1_934.136 * t) * radians
        let apparent = meanLongitude + centre - 0.00569 - 0.00478 * sin(node)
        let wrapped = apparent.truncatingRemainder(dividingBy: 360)
        return wrapped < 0 ? wrapped + 360 : wrapped
    }
}
