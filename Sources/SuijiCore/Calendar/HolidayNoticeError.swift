// SPDX-License-Identifier: Apache-2.0

/// Why a holiday notice loaded by the office was refused.
public enum HolidayNoticeError: DomainError, Equatable {
    /// The text is not in the `holidays-cn.txt` format; the message names the line.
    case malformed(WorkCalendarError)
    /// The text declares no year.
    case empty
    /// The calendar in force already has the notice of this year (shipped, `--calendar`, or
    /// loaded before); a notice is never replaced while the server runs.
    case alreadyKnown(year: Int, source: String)
    /// Only the office loads notices.
    case forbidden

    public var code: String {
        switch self {
        case .malformed: "holiday_notice_malformed"
        case .empty: "holiday_notice_empty"
        case .alreadyKnown: "holiday_notice_known"
        case .forbidden: "forbidden"
        }
    }

    public var field: String? { self == .forbidden ? nil : "notice" }

    public var message: String {
        switch self {
        case .malformed(let error): error.message
        case .empty: "通知内容中没有“year 年份 来源”行，请按格式填写（见示例）"
        case .alreadyKnown(let year, let source): "\(year) 年的节假日安排通知已在日历中（\(source)），不能重复载入"
        case .forbidden: "只有联席会议办公室可以载入节假日安排通知"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .malformed, .empty: .invalid
        case .alreadyKnown: .conflict
        case .forbidden: .forbidden
        }
    }
}
