// SPDX-License-Identifier: Apache-2.0

/// The submission deadline of the year's joint plans (§12: "于每年5月底前制定本年度部门联合抽查计划")
/// and who has met it.
public enum SubmissionDeadline {
    /// 31 May of `year`.
    public static func date(year: Int) -> CalendarDate {
        CalendarDate(year: year, month: 5, day: 31)!
    }

    /// Calendar days from `today` to the deadline: 0 on the day itself, negative once it has passed.
    public static func daysLeft(year: Int, today: CalendarDate) -> Int {
        today.days(to: date(year: year))
    }

    /// Working days from `today` to the deadline (today not counted, the deadline counted), or nil
    /// when the calendar does not know the year.
    public static func workingDaysLeft(year: Int, today: CalendarDate, calendar: WorkCalendar) -> Int? {
        try? calendar.workingDays(between: today, and: date(year: year))
    }
}

/// Whether one department has submitted its joint plans of a year.
public struct SubmissionStatus: Sendable, Codable, Equatable {
    public var department: String
    public var departmentName: String
    /// Plans it initiated that reached the office (submitted, approved, in progress, done or merged).
    public var submitted: Int
    /// Its plans still in draft.
    public var drafts: Int
    /// Whether it has submitted at least one plan.
    public var hasSubmitted: Bool

    public init(department: String, departmentName: String, submitted: Int, drafts: Int) {
        self.department = department
        self.departmentName = departmentName
        self.submitted = submitted
        self.drafts = drafts
        self.hasSubmitted = submitted > 0
    }

    /// One row per department, in the given order: counts of `plans` of `year` it initiated.
    public static func table(departments: [Department], plans: [Plan], year: Int) -> [SubmissionStatus] {
        departments.map { department in
            let own = plans.filter { $0.year == year && $0.initiator == department.code }
            return SubmissionStatus(
                department: department.code, departmentName: department.name,
                submitted: own.filter { $0.state != .draft }.count, drafts: own.filter { $0.state == .draft }.count)
        }
    }
}

/// A reminder sent by the office to a department (e.g. to submit its plans before the deadline).
public struct Reminder: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var year: Int
    public var department: String
    public var message: String
    public var sentBy: String
    public var sentAt: String

    public init(id: Int64 = 0, year: Int, department: String, message: String, sentBy: String, sentAt: String) {
        self.id = id
        self.year = year
        self.department = department
        self.message = message
        self.sentBy = sentBy
        self.sentAt = sentAt
    }

    /// The default text of a submission reminder.
    public static func defaultMessage(year: Int, today: CalendarDate) -> String {
        let left = SubmissionDeadline.daysLeft(year: year, today: today)
        let day = SubmissionDeadline.date(year: year)
        let deadline = "\(day.year)年\(day.month)月\(day.day)日"
        return left >= 0
            ? "请于 \(deadline) 前提交本部门 \(year) 年度部门联合抽查计划（还剩 \(left) 天）。"
            : "\(year) 年度部门联合抽查计划已于 \(deadline) 截止，请尽快提交（已逾期 \(-left) 天）。"
    }
}
