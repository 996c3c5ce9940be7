// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import Testing

@Suite("Draws from the command line", .serialized)
struct DrawCLITests {
    /// A district with SAMR and HEALTH, 200 targets, 6 inspectors each, built through the CLI.
    static func district(_ dir: URL) throws -> String {
        let db = dir.appendingPathComponent("d.sqlite").path
        for (code, name) in [("SAMR", "区市场监管局"), ("HEALTH", "区卫健委")] {
            #expect(try SuijiBinary.run(["departments", "add", code, name, "--db", db]).status == 0)
        }
        func load(_ library: String, _ department: String, _ text: String) throws {
            let file = dir.appendingPathComponent("\(library)-\(department).csv")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try SuijiBinary.run(["import", library, file.path, "--department", department, "--db", db])
            #expect(result.status == 0, "\(result.err)")
        }
        try load("items", "SAMR", "事项编码,事项名称,检查方式\nSAMR-003,登记事项的检查,实地核查\n")
        try load("items", "HEALTH", "事项编码,事项名称,检查方式\nHEALTH-002,公共场所卫生的检查,实地核查\n")
        var targets = "统一社会信用代码,名称,类型,所属区划,风险等级,状态\n"
        for n in 1...200 {
            let body = String(format: "%08d", n)
            let code = CreditCode.completing("91360202" + body + String(CreditCode.organisationCheckCharacter(body)!))!
            targets += "\(code),第\(n)号公司,公司,360202,\(["A", "B", "C", "D"][n % 4]),\(n % 50 == 0 ? "注销" : "在营")\n"
        }
        try load("targets", "SAMR", targets)
        for department in ["SAMR", "HEALTH"] {
            var sheet = "姓名,执法证号,执法证有效期至,执法区域,可检查事项\n"
            for n in 1...6 { sheet += "检查员\(n),\(department)-\(n),2030-12-31,360202,\(department == "SAMR" ? "SAMR-003" : "HEALTH-002")\n" }
            try load("inspectors", department, sheet)
        }
        return db
    }

    /// Yesterday's 3D draw, China time: the public value of the scripted draws.
    static var yesterday: String { CalendarDate(chinaDateOf: Date()).adding(days: -1).iso }

    static func planFile(_ dir: URL, redraw: Bool = false) throws -> String {
        let secret = String(repeating: "ab", count: 32)
        var json = """
            {"plan": {"code": "2026-SAMR-01", "name": "联合抽查", "year": 2026, "initiator": "SAMR", "participants": ["HEALTH"],
              "items": [{"department": "SAMR", "code": "SAMR-003"}, {"department": "HEALTH", "code": "HEALTH-002"}],
              "windowStart": "2026-06-01", "windowEnd": "2026-12-31"},
             "batch": {"code": "B1", "start": "2026-12-01", "end": "2026-12-20", "ratios": {"A": 100, "B": 100, "C": 200, "D": 1000}},
             "secrets": {"SAMR": "\(secret)", "HEALTH": null},
             "publicValue": {"date": "\(yesterday)", "source": "中国福利彩票3D \(yesterday) 开奖号码", "value": "372", "note": "开奖公告"}
            """
        if redraw { json += #", "redraw": {"reason": "抽中人员调离", "approver": "局长"}"# }
        let file = dir.appendingPathComponent(redraw ? "redraw.json" : "plan.json")
        try (json + "}").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func runExportVerifyAndTamper() throws {
        let dir = try SuijiBinary.scratch()
        let db = try Self.district(dir)
        let run = try SuijiBinary.run(["draw", "run", try Self.planFile(dir), "--db", db])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == "2026-SAMR-01-B1-1\n")
        let bundle = dir.appendingPathComponent("bundle").path
        #expect(try SuijiBinary.run(["draw", "export", "2026-SAMR-01-B1-1", "--db", db, "--out", bundle]).status == 0)
        let verify = try SuijiBinary.run(["verify", bundle])
        #expect(verify.status == 0)
        #expect(verify.out.hasPrefix("OK "))
        // Stratum D (1000‰) is drawn in full; a drawn target is explained.
        let selection = try String(contentsOfFile: bundle + "/selection.txt", encoding: .utf8)
        let drawn = selection.split(separator: "\n").first!.split(separator: "\t")[2]
        let explain = try SuijiBinary.run(["verify", bundle, "--target", String(drawn)])
        #expect(explain.out.contains("被抽中"))
        // Tampering: one selection changed.
        let tampered = dir.appendingPathComponent("tampered").path
        try FileManager.default.copyItem(atPath: bundle, toPath: tampered)
        let lines = selection.split(separator: "\n")
        let pool = try String(contentsOfFile: bundle + "/pool.txt", encoding: .utf8).split(separator: "\n")
        let notDrawn = pool.map { $0.split(separator: "\t")[0] }.first { id in !selection.contains(String(id)) }!
        let changed =
            ([lines[0].replacingOccurrences(of: String(drawn), with: String(notDrawn))] + lines.dropFirst().map(String.init)).joined(
                separator: "\n") + "\n"
        try changed.write(toFile: tampered + "/selection.txt", atomically: true, encoding: .utf8)
        let bad = try SuijiBinary.run(["verify", tampered])
        #expect(bad.status == 1)
        #expect(bad.out.hasPrefix("MISMATCH"))
        // Tampering: one pool line removed.
        try FileManager.default.removeItem(atPath: tampered + "/selection.txt")
        try FileManager.default.copyItem(atPath: bundle + "/selection.txt", toPath: tampered + "/selection.txt")
        try (pool.dropLast().joined(separator: "\n") + "\n").write(toFile: tampered + "/pool.txt", atomically: true, encoding: .utf8)
        #expect(try SuijiBinary.run(["verify", tampered]).status == 1)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aRedrawNeedsAReasonAndKeepsTheFirst() throws {
        let dir = try SuijiBinary.scratch()
        let db = try Self.district(dir)
        #expect(try SuijiBinary.run(["draw", "run", try Self.planFile(dir), "--db", db]).status == 0)
        let again = try SuijiBinary.run(["draw", "run", try Self.planFile(dir), "--db", db])
        #expect(again.status == 2)
        #expect(again.err.contains("重新抽取须写明原因和批准人"))
        let redraw = try SuijiBinary.run(["draw", "run", try Self.planFile(dir, redraw: true), "--db", db])
        #expect(redraw.out == "2026-SAMR-01-B1-2\n", "\(redraw.err)")
        let list = try SuijiBinary.run(["draw", "list", "--db", db])
        #expect(list.out.contains("2026-SAMR-01-B1-1\texecuted"))
        #expect(list.out.contains("2026-SAMR-01-B1-2\texecuted"))
        #expect(list.out.contains("redraw of 2026-SAMR-01-B1-1: 抽中人员调离"))
        try? FileManager.default.removeItem(at: dir)
    }

    /// The bundle matches the public log of its own database, read from a file or from the
    /// portal; the same draw rebuilt elsewhere (same id, other secret) does not.
    @Test func aBundleIsCheckedAgainstThePublicLog() async throws {
        let dir = try SuijiBinary.scratch()
        let db = try Self.district(dir)
        #expect(try SuijiBinary.run(["draw", "run", try Self.planFile(dir), "--db", db]).status == 0)
        let bundle = dir.appendingPathComponent("bundle").path
        #expect(try SuijiBinary.run(["draw", "export", "2026-SAMR-01-B1-1", "--db", db, "--out", bundle]).status == 0)
        #expect(FileManager.default.fileExists(atPath: bundle + "/timeline.txt"))
        let log = dir.appendingPathComponent("draw-log.txt").path
        #expect(try SuijiBinary.run(["draw", "log", "--db", db, "--out", log]).status == 0)
        let checked = try SuijiBinary.run(["verify", bundle, "--log", log])
        #expect(checked.status == 0 && checked.out.contains("与公开日志一致"), "\(checked.out)")
        // The draw run again on another database: the bundle verifies alone, not against the log.
        let other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let otherDB = try Self.district(other)
        let plan = try String(contentsOfFile: try Self.planFile(dir), encoding: .utf8).replacingOccurrences(
            of: String(repeating: "ab", count: 32), with: String(repeating: "cd", count: 32))
        let otherPlan = other.appendingPathComponent("plan.json")
        try plan.write(to: otherPlan, atomically: true, encoding: .utf8)
        #expect(try SuijiBinary.run(["draw", "run", otherPlan.path, "--db", otherDB]).status == 0)
        let rebuilt = other.appendingPathComponent("bundle").path
        #expect(try SuijiBinary.run(["draw", "export", "2026-SAMR-01-B1-1", "--db", otherDB, "--out", rebuilt]).status == 0)
        #expect(try SuijiBinary.run(["verify", rebuilt]).status == 0)
        let forged = try SuijiBinary.run(["verify", rebuilt, "--log", log])
        #expect(forged.status == 1 && forged.out.contains("与公开日志不符") && forged.out.contains("commitment.txt"), "\(forged.out)")
        // The independent Python verifier agrees, timeline.txt included.
        if let interpreter = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)) {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("tools/reference_verifier.py").path
            func python(_ arguments: [String]) throws -> (Int32, String) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: interpreter)
                process.arguments = [script] + arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                let out = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return (process.terminationStatus, String(decoding: out, as: UTF8.self))
            }
            let ok = try python(["verify", bundle, "--log", log])
            #expect(ok.0 == 0 && ok.1.contains("matches the public log"), "\(ok.1)")
            let bad = try python(["verify", rebuilt, "--log", log])
            #expect(bad.0 == 1 && bad.1.contains("commitment.txt"), "\(bad.1)")
        }
        // The log from the portal's URL.
        let port = Int.random(in: 20_000...29_999)
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: try #require(SuijiBinary.path))
        serve.arguments = ["serve", "--db", db, "--port", String(port)]
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = FileHandle.nullDevice
        try serve.run()
        var viaURL = (status: Int32(-1), out: "", err: "")
        for _ in 0..<100 where viaURL.status != 0 {
            try await Task.sleep(nanoseconds: 100_000_000)
            viaURL = try SuijiBinary.run(["verify", bundle, "--log", "http://127.0.0.1:\(port)/public/draw-log.txt"])
        }
        serve.terminate()
        serve.waitUntilExit()
        #expect(viaURL.status == 0 && viaURL.out.contains("与公开日志一致"), "\(viaURL.out) \(viaURL.err)")
        try? FileManager.default.removeItem(at: dir)
    }
}
