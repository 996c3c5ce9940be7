// SPDX-License-Identifier: Apache-2.0

import Foundation

extension CalendarDate {
    /// The civil date in China Standard Time (UTC+8, no daylight saving) at `instant`: the date
    /// officials work by, whatever the server's time zone.
    public init(chinaDateOf instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 8 * 3_600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(dayNumber: days)
    }

    /// 00:00 China Standard Time of this date.
    public var chinaStart: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400 - 8 * 3_600) }
}
