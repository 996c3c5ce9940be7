// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Who is writing, and when: every write carries one, and the audit log records both.
public struct Caller: Sendable {
    public let account: Account
    public let at: Date

    public init(account: Account, at: Date) {
        self.account = account
        self.at = at
    }

    /// The built-in system account used by the CLI and the demo builder.
    public static func system(at date: Date) -> Caller {
        Caller(account: Account(id: 0, username: "system", displayName: "系统", role: .office), at: date)
    }

    /// Whoever is not logged in (failed logins, refused anonymous forms), for the audit log only.
    public static func anonymous(at date: Date) -> Caller {
        Caller(account: Account(id: 0, username: "anonymous", displayName: "未登录", role: .overseer, active: false), at: date)
    }
}

/// UTC timestamps as ISO 8601 text, the form stored in every `*_at` column.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The date of a stored timestamp.
    public static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
