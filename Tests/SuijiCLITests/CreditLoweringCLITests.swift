// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SuijiCore
import SuijiStore
import Testing

@Suite("Scheduled risk-class lowering from the command line", .serialized)
struct CreditLoweringCLITests {
    /// 2024-12-24 (China): long enough ago that a problem published then is due for lowering.
    static let past = Date(timeIntervalSince1970: 1_735_000_000)

    /// Publishes the first inspection's results (HEALTH-002 发现问题已责令改正) on `past`, in process.
    static func publishOnce(_ db: String) async throws -> String {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let stores = try await Stores.open(.sqliteFile(db), bcryptCost: 4, now: past, logger: logger)
        do {
            let system = Caller.system(at: past)
            let inspections = InspectionStore(database: stores.database)
            let inspection = try #require(try await inspections.list(for: system.account).first)
            let leader = try #require(inspection.leader)
            let team = Caller(
                account: try await stores.accounts.create(
                    Account(username: "leader", displayName: leader.name, role: .inspector, departmentCode: "SAMR", inspectorID: leader.id),
                    password: "fixture-pass-2026", caller: system), at: past)
            let admin = Caller(
                account: try await stores.accounts.create(
                    Account(username: "samr", displayName: "管理员", role: .departmentAdmin, departmentCode: "SAMR"),
                    password: "fixture-pass-2026",
                    caller: system), at: past)
            for item in inspection.items {
                let category = item.department == "HEALTH" ? "correction-ordered" : "no-problem"
                let input = FindingInput(itemCode: item.code, department: item.department, methods: [.onSite], category: category)
                _ = try await inspections.recordFinding(id: inspection.id, input, caller: team)
            }
            _ = try await inspections.submit(id: inspection.id, caller: team)
            _ = try await inspections.review(id: inspection.id, action: .approve, caller: admin)
            _ = try await inspections.review(id: inspection.id, action: .publish, caller: admin)
            await stores.database.close()
            return inspection.target.uid
        } catch {
            await stores.database.close()
            throw error
        }
    }

    @Test func serveLowersDueClassesAtStartUpAndTheCommandThenFindsNone() async throws {
        // setup
        let dir = try SuijiBinary.scratch()
        let (db, _) = try InspectionsCLITests.drawn(dir, start: "2026-07-01", end: "2026-07-31")
        let uid = try await Self.publishOnce(db)
        let early = try SuijiBinary.run(["credit", "apply-lowering", "--date", "2025-12-23", "--db", db])
        #expect(early.status == 0 && early.out.hasSuffix("0 lowered\n"), "\(early.err)")

        // MUT: serve starts, applies the lowering due, and serves.
        let out = dir.appendingPathComponent("serve.out")
        let err = dir.appendingPathComponent("serve.err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: try #require(SuijiBinary.path))
        serve.arguments = ["serve", "--db", db, "--port", String(Int.random(in: 20_000...29_999))]
        serve.standardOutput = try FileHandle(forWritingTo: out)
        serve.standardError = try FileHandle(forWritingTo: err)
        try serve.run()
        var serving = false
        for _ in 0..<100 where !serving {
            try await Task.sleep(nanoseconds: 100_000_000)
            serving = (try? String(contentsOf: out, encoding: .utf8))?.contains("Suiji is serving") == true
        }
        serve.terminate()
        serve.waitUntilExit()

        // validate
        #expect(serving)
        #expect(try String(contentsOf: err, encoding: .utf8).contains("lowered the risk class of 1 target record(s)"))
        let again = try SuijiBinary.run(["credit", "apply-lowering", "--db", db])
        #expect(again.status == 0 && again.out == "target\tdepartment\tfrom\tto\treason\n0 lowered\n", "\(again.err)")
        let audit = try SuijiBinary.run(["audit", "verify", "--db", db])
        #expect(audit.status == 0, "\(audit.err)")
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let stores = try await Stores.open(.sqliteFile(db), bcryptCost: 4, now: Date(), logger: logger)
        let history = try await CreditStore(database: stores.database).history(uid: uid, scope: .all)
        await stores.database.close()
        // The raise of the publication (none for a D target), then the lowering of the start-up.
        #expect(history.last?.reason.contains("下调一级") == true && history.last?.inspectionID == nil)
        #expect(history.count == 1 || (history.count == 2 && history.last?.to == history.first?.from))
    }
}
