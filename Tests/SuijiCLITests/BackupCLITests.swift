// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@Suite("Backup and restore from the command line", .serialized)
struct BackupCLITests {
    @Test func theDemoIsBackedUpRestoredAndChecked() throws {
        let dir = try SuijiBinary.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.sqlite").path
        let key = db + ".audit-key"
        #expect(try SuijiBinary.run(["demo", "--no-serve", "--db", db, "--scale", "0.01"]).status == 0)
        let backup = dir.appendingPathComponent("backup.sqlite").path
        let made = try SuijiBinary.run(["backup", "--db", db, "--out", backup, "--audit-key", key])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("backup written to") && made.out.contains("executed draw(s) recomputed, 0 failed"))
        #expect(try SuijiBinary.run(["backup", "--db", db, "--out", backup]).err.contains("exists already"))

        let target = dir.appendingPathComponent("restored.sqlite").path
        let restored = try SuijiBinary.run(["restore", backup, "--db", target, "--audit-key", key])
        #expect(restored.status == 0, "\(restored.err)")
        #expect(restored.out.contains("audit log: 完整"))
        let draws = try SuijiBinary.run(["draw", "list", "--db", target])
        let original = try SuijiBinary.run(["draw", "list", "--db", db])
        #expect(!draws.out.isEmpty && draws.out == original.out)
        #expect(try SuijiBinary.run(["audit", "verify", "--db", target, "--audit-key", key]).status == 0)
        let again = try SuijiBinary.run(["restore", backup, "--db", target])
        #expect(again.status == 1 && again.err.contains("give --force"))
    }
}
