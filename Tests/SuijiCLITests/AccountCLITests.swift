// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@Suite("Accounts from the command line", .serialized)
struct AccountCLITests {
    @Test func aWeakPasswordIsRefusedAndAPasswordCanBeResetAndUnlocked() throws {
        let dir = try SuijiBinary.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("x.sqlite").path
        let weak = try SuijiBinary.run(["accounts", "add", "office", "--name", "办公室", "--role", "office", "--db", db], stdin: "12345678\n")
        #expect(weak.status == 2)
        #expect(weak.err.contains("密码至少 10 位"))
        let add = try SuijiBinary.run(
            ["accounts", "add", "office", "--name", "办公室", "--role", "office", "--db", db], stdin: "tea-river-lamp-42\n")
        #expect(add.status == 0, "\(add.err)")
        let reset = try SuijiBinary.run(["accounts", "reset-password", "office", "--db", db])
        #expect(reset.status == 0, "\(reset.err)")
        #expect(reset.out.trimmingCharacters(in: .newlines).wholeMatch(of: /[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}/) != nil)
        #expect(try SuijiBinary.run(["accounts", "unlock", "office", "--db", db]).status == 0)
        let unknown = try SuijiBinary.run(["accounts", "unlock", "nobody", "--db", db])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("未找到账号"))
    }
}
