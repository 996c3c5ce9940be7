// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import SuijiCore

extension CalendarDate {
    /// A `--date` option's value: `YYYY-MM-DD`, or a clear error.
    static func argument(_ text: String) throws -> CalendarDate {
        guard let day = CalendarDate(iso: text) else { throw ValidationError("date must be YYYY-MM-DD: \(text)") }
        return day
    }
}
