// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Password rule")
struct PasswordRuleTests {
    @Test(arguments: [
        ("12345678", "至少 10 位"), ("password", "至少 10 位"), ("qwerty", "至少 10 位"), ("suiji", "至少 10 位"),
        ("1234567890", "重复或连续"), ("qwertyuiop", "重复或连续"), ("aaaaaaaaaaaa", "重复或连续"), ("abababababab", "重复或连续"),
        ("Password123", "过于常见"), ("password2026!", "过于常见"), ("Suiji-2026!!", "过于常见"), ("woaini131452", "过于常见"),
        ("1qaz2wsx3edc", "重复或连续"), ("samr-admin-2026", "不能包含用户名"), ("", "不能为空"),
        (String(repeating: "密", count: 25), "过长"),
    ])
    func weakPasswordsAreRefused(_ password: String, _ reason: String) throws {
        let problem = try #require(PasswordRule.problem(password, username: "samr-admin"))
        #expect(problem.contains(reason), "\(password): \(problem)")
        #expect(problem.hasPrefix("密码"))
    }

    @Test func theMessageNamesTheField() {
        #expect(PasswordRule.problem("short", username: "x", label: "新密码") == "新密码至少 10 位（现为 5 位）")
    }

    @Test(arguments: ["suiji-demo-2026", "春雨-茶杯-2026", "Tea cup river 7", "k7Hm-Qx4p-Tz9w", "correct horse battery"])
    func goodPasswordsPass(_ password: String) {
        #expect(PasswordRule.problem(password, username: "samr-admin") == nil)
    }
}
