// SPDX-License-Identifier: Apache-2.0

/// Errors thrown by ``WorkCalendar``. ``message`` is a Chinese sentence that
/// can be shown to users as is.
public enum WorkCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The calendar data has no holiday notice for this year, so whether a
    /// day in it is a working day is unknown. Never guessed.
    case unknownYear(Int)
    /// A line of the data file could not be accepted. `line` is 1-based.
    case malformedLine(line: Int, reason: String)
    /// A negative number of working days was requested.
    case negativeCount(Int)
    /// The bundled data file could not be found or read.
    case resourceUnavailable(String)

    /// A Chinese, user-facing explanation.
    public var message: String {
        switch self {
        case .unknownYear(let year):
            return "日历数据不含 \(year) 年的节假日安排，无法计算工作日；请导入国务院办公厅 \(year) 年部分节假日安排的通知"
        case .malformedLine(let line, let reason):
            return "节假日数据第 \(line) 行有误：\(reason)"
        case .negativeCount(let n):
            return "工作日数不能为负数（\(n)）"
        case .resourceUnavailable(let detail):
            return "无法读取内置节假日数据：\(detail)"
        }
    }

    public var description: String { message }
}
