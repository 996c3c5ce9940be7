// SPDX-License-Identifier: Apache-2.0

/// Parser for the `holidays-cn.txt` format; see the comments at the top of
/// that file for the grammar and the checks made.
enum HolidayDataParser {
    static func parse(_ text: String) throws -> [Int: WorkCalendar.Year] {
        var result: [Int: WorkCalendar.Year] = [:]
        var current: (year: Int, source: String, off: [CalendarDate: String], work: [CalendarDate: String])?

        func flush() {
            if let c = current {
                result[c.year] = WorkCalendar.Year(
                    year: c.year, source: c.source, daysOff: c.off, workingWeekendDays: c.work)
            }
        }

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            func fail(_ reason: String) -> WorkCalendarError {
                .malformedLine(line: lineNumber, reason: reason)
            }
            var line = Substring(rawLine)
            if index == 0, line.first == "\u{FEFF}" { line = line.dropFirst() }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }

            let parts = trimmed.split(maxSplits: 2, whereSeparator: \.isWhitespace)
            // The office may type the Chinese keywords: 年度, 放假, 上班.
            let keyword = ["年度": "year", "放假": "off", "上班": "work"][String(parts[0])] ?? String(parts[0])
            guard parts.count >= 2 else { throw fail("“\(keyword)”后缺少年份或日期") }
            let argument = String(parts[1])
            let rest = parts.count > 2 ? String(parts[2]).trimmingWhitespace() : ""

            switch keyword {
            case "year":
                guard argument.count == 4, argument.allSatisfy(\.isASCII), let year = Int(argument),
                    (1...9999).contains(year)
                else {
                    throw fail("年份“\(argument)”应为四位数字")
                }
                if result[year] != nil || current?.year == year {
                    throw fail("\(year) 年重复声明")
                }
                flush()
                current = (year, rest, [:], [:])
            case "off", "work":
                guard let date = CalendarDate(iso: argument) else {
                    throw fail("日期“\(argument)”不是有效的 YYYY-MM-DD 日期")
                }
                guard var block = current else { throw fail("在任何 year 行之前出现了日期") }
                guard date.year == block.year else {
                    throw fail("日期 \(date) 不属于 \(block.year) 年")
                }
                guard block.off[date] == nil, block.work[date] == nil else {
                    throw fail("日期 \(date) 重复")
                }
                let name = rest.isEmpty ? keyword : rest
                if keyword == "off" {
                    guard !date.isWeekend else { throw fail("off 日期 \(date) 是周末，只需列出工作日的放假") }
                    block.off[date] = name
                } else {
                    guard date.isWeekend else { throw fail("work 日期 \(date) 不是周末，只需列出周末的调休上班") }
                    block.work[date] = name
                }
                current = block
            default:
                throw fail("未知关键字“\(keyword)”（应为 year、off、work 或 年度、放假、上班）")
            }
        }
        flush()
        return result
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

extension WorkCalendar.Year {
    /// The year in the `holidays-cn.txt` format (`WorkCalendar(parsing:)` reads it back).
    public var text: String {
        var lines = ["year \(year) \(source)".trimmingWhitespace()]
        lines += daysOff.keys.sorted().map { "off \($0.iso) \(daysOff[$0]!)" }
        lines += workingWeekendDays.keys.sorted().map { "work \($0.iso) \(workingWeekendDays[$0]!)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
