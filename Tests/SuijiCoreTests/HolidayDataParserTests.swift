// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import SuijiCore

@Suite struct HolidayDataParserTests {
    private func lineOfError(_ text: String) -> Int? {
        do {
            _ = try WorkCalendar(parsing: text)
            return nil
        } catch WorkCalendarError.malformedLine(let line, _) {
            return line
        } catch {
            return nil
        }
    }

    @Test func acceptsCommentsBlankLinesCRLFAndBOM() throws {
        let text = "\u{FEFF}# header\r\n\r\nyear 2025 来源\r\n  off 2025-01-01 元旦  \r\nwork 2025-01-26 春节调休上班\r\n"
        let calendar = try WorkCalendar(parsing: text)
        #expect(calendar.knownYears == [2025])
        #expect(calendar.years[2025]?.source == "来源")
        #expect(calendar.years[2025]?.daysOff[CalendarDate(iso: "2025-01-01")!] == "元旦")
    }

    @Test(arguments: [
        ("# c\noff 2025-01-01 元旦", 2),  // date before any year line
        ("year 2025 x\noff 2025-02-30 坏日期", 2),  // impossible date
        ("year 2025 x\n\noff 2025-1-01 坏格式", 3),  // not zero-padded
        ("year 2025 x\noff 2025-01-04 周六", 2),  // off on a weekend
        ("year 2025 x\nwork 2025-01-27 周一", 2),  // work on a weekday
        ("year 2025 x\noff 2026-01-01 元旦", 2),  // wrong year block
        ("year 2025 x\noff 2025-01-01 a\noff 2025-01-01 b", 3),  // duplicate date
        ("year 2025 x\nyear 2025 y", 2),  // duplicate year
        ("year 25 x", 1),  // bad year
        ("year 2025 x\nholiday 2025-01-01", 2),  // unknown keyword
        ("year", 1),  // missing argument
    ])
    func malformedLinesNameTheLine(text: String, line: Int) {
        #expect(lineOfError(text) == line)
    }

    @Test func errorMessageIsChinese() {
        let error = WorkCalendarError.malformedLine(line: 7, reason: "日期重复")
        #expect(error.message == "节假日数据第 7 行有误：日期重复")
    }

    @Test func theOfficeMayTypeChineseKeywords() throws {
        let calendar = try WorkCalendar(parsing: "年度 2027 国办发明电〔2026〕N号\n放假 2027-01-01 元旦\n上班 2027-02-06 春节调休上班\n")
        #expect(calendar.years[2027]?.daysOff == [CalendarDate(iso: "2027-01-01")!: "元旦"])
        #expect(calendar.years[2027]?.workingWeekendDays == [CalendarDate(iso: "2027-02-06")!: "春节调休上班"])
    }

    @Test func concatenatedTextsParse() throws {
        let a = "year 2025 a\noff 2025-01-01 元旦\n"
        let b = "year 2026 b\noff 2026-01-02 元旦\n"
        #expect(try WorkCalendar(parsing: a + b).knownYears == [2025, 2026])
    }
}
