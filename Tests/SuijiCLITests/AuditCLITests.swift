// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@Suite("Audit key, checkpoints and verify from the command line", .serialized)
struct AuditCLITests {
    /// Runs SQL on a SQLite file with Python's sqlite3 (as someone with the file but not the key would).
    static func tamper(_ db: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", db, sql,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func truncationIsFoundWithTheKeyAndMissedWithout() throws {
        let dir = try SuijiBinary.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("x.sqlite").path
        let key = dir.appendingPathComponent("audit.key").path
        let keygen = try SuijiBinary.run(["audit", "keygen", key])
        #expect(keygen.status == 0 && keygen.out.hasPrefix("wrote the audit key"))
        #expect(try SuijiBinary.run(["audit", "keygen", key]).status == 1)
        for code in ["SAMR", "HEALTH", "EDU"] {
            #expect(try SuijiBinary.run(["departments", "add", code, "部门\(code)", "--db", db]).status == 0)
        }
        let signed = try SuijiBinary.run(["audit", "checkpoint", "--db", db, "--audit-key", key])
        #expect(signed.status == 0 && signed.out.hasPrefix("signed row 3"), "\(signed.err)")
        #expect(try SuijiBinary.run(["audit", "checkpoint", "--db", db, "--audit-key", key]).out.hasPrefix("nothing new"))
        let ok = try SuijiBinary.run(["audit", "verify", "--db", db, "--audit-key", key])
        #expect(ok.status == 0 && ok.out.contains("OK: 3 rows") && ok.out.contains("the newest at row 3"))

        // A new key takes over: every checkpoint is signed again, the old key no longer vouches.
        let newKey = dir.appendingPathComponent("audit-2.key").path
        #expect(try SuijiBinary.run(["audit", "keygen", newKey]).status == 0)
        let rekey = try SuijiBinary.run(["audit", "rekey", "--db", db, "--audit-key", key, "--new-key", newKey])
        #expect(rekey.status == 0 && rekey.out.hasPrefix("re-signed 1 checkpoint(s)"), "\(rekey.err)")
        let renewed = try SuijiBinary.run(["audit", "verify", "--db", db, "--audit-key", newKey])
        #expect(renewed.status == 0 && renewed.out.contains("OK: 4 rows") && renewed.out.contains("the newest at row 4"), "\(renewed.out)")
        let stale = try SuijiBinary.run(["audit", "verify", "--db", db, "--audit-key", key])
        #expect(stale.status == 1 && stale.out.contains("签名无效"))
        try FileManager.default.removeItem(atPath: key)
        try FileManager.default.moveItem(atPath: newKey, toPath: key)
        try FileManager.default.removeItem(atPath: key + ".anchor")
        try FileManager.default.moveItem(atPath: newKey + ".anchor", toPath: key + ".anchor")

        // Someone with the database file removes the newest row and the checkpoint naming it.
        try Self.tamper(db, "DELETE FROM audit_log WHERE seq = 4; DELETE FROM audit_checkpoints;")
        let unkeyed = try SuijiBinary.run(["audit", "verify", "--db", db])
        #expect(unkeyed.status == 0 && unkeyed.err.contains("without --audit-key"))
        let keyed = try SuijiBinary.run(["audit", "verify", "--db", db, "--audit-key", key])
        #expect(keyed.status == 1)
        #expect(keyed.out.contains("BROKEN at row 4") && keyed.out.contains("被截断"))
        // The server would refuse to sign the cut log.
        let refused = try SuijiBinary.run(["audit", "checkpoint", "--db", db, "--audit-key", key])
        #expect(refused.status == 1 && refused.err.contains("refusing to sign"))
    }

    @Test func theDemoSignsItsLog() throws {
        let dir = try SuijiBinary.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.sqlite").path
        let demo = try SuijiBinary.run(["demo", "--no-serve", "--db", db, "--scale", "0.01"])
        #expect(demo.status == 0, "\(demo.err)")
        let verify = try SuijiBinary.run(["audit", "verify", "--db", db, "--audit-key", db + ".audit-key"])
        #expect(verify.status == 0 && verify.out.contains("signed checkpoint"), "\(verify.out)\(verify.err)")
    }
}
