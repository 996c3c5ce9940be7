// SPDX-License-Identifier: Apache-2.0

import Foundation
import ArgumentParser
import SuijiCLI
import SuijiCore
import Testing

@Suite("Command line", .serialized)
struct CLITests {
    @Test func helpTextIsTheContract() throws {
        // The golden file is the documented contract; regenerate it deliberately when commands
        // change with SUIJI_UPDATE_GOLDEN=1.
        let url = SuijiBinary.root.appendingPathComponent("Tests/SuijiCLITests/Golden/help.txt")
        var help = ""
        for arguments in [
            [], ["serve"], ["demo"], ["import"], ["export"], ["audit", "verify"], ["calendar", "due"], ["accounts", "add"],
            ["draw", "run"], ["draw", "export"], ["draw", "log"], ["verify"], ["inspections", "overdue"], ["credit", "apply-lowering"],
            ["oversight", "report"],
            ["backup"], ["restore"], ["audit", "checkpoint"], ["audit", "keygen"], ["accounts", "reset-password"],
        ] {
            help += "== suiji \(arguments.joined(separator: " "))\n"
            help += SuijiCommand.helpMessage(for: try Self.subcommand(arguments), columns: 100) + "\n"
        }
        if ProcessInfo.processInfo.environment["SUIJI_UPDATE_GOLDEN"] == "1" {
            try help.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(help == golden)
    }

    static func subcommand(_ path: [String]) throws -> any ParsableCommand.Type {
        var type: any ParsableCommand.Type = SuijiCommand.self
        for name in path {
            type = try #require(type.configuration.subcommands.first { $0.configuration.commandName == name })
        }
        return type
    }

    @Test func calendarDueCountsHolidaysAndMakeUpDays() throws {
        // National Day 2026: 1–7 October off, Saturday 10 October worked.
        let national = try SuijiBinary.run(["calendar", "due", "2026-09-28"])
        #expect(national.status == 0)
        #expect(national.out == "2026-10-30\n")
        // 2027 has no notice yet: computed from the statutory holidays, reported as 暂定.
        let provisional = try SuijiBinary.run(["calendar", "due", "2026-12-20"])
        #expect(provisional.status == 0 && provisional.out == "2027-01-18\n")
        #expect(provisional.err.contains("暂定：2027 年的国务院办公厅节假日安排通知尚未载入"))
        let unknown = try SuijiBinary.run(["calendar", "due", "2100-12-20"])
        #expect(unknown.status != 0 && unknown.err.contains("2101"))
        let year = try SuijiBinary.run(["calendar", "year", "2027"])
        #expect(year.out.contains("off 2027-02-09 春节（补假）") && year.err.contains("暂定"))
    }

    @Test func demoExportsAndReimportsUnchanged() throws {
        let dir = try SuijiBinary.scratch()
        let db = dir.appendingPathComponent("demo.sqlite").path
        let demo = try SuijiBinary.run(["demo", "--no-serve", "--db", db, "--scale", "0.01"])
        #expect(demo.status == 0, "\(demo.err)")
        #expect(demo.out.contains("samr-admin"))
        let csv = dir.appendingPathComponent("samr.csv").path
        let export = try SuijiBinary.run(["export", "targets", "--db", db, "--department", "SAMR", "--out", csv])
        #expect(export.status == 0, "\(export.err)")
        let again = try SuijiBinary.run(["import", "targets", csv, "--department", "SAMR", "--db", db])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("新增 0，变更 0"))
        // A renamed firm: the sync names the row, the code and the field, old → new.
        var lines = try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n").components(
            separatedBy: "\n")
        try #require(lines.count > 2)
        var cells = lines[1].components(separatedBy: ",")
        let (code, name) = (cells[0], cells[2])
        cells[2] = name + "（已更名）"
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let renamed = try SuijiBinary.run(["import", "targets", csv, "--department", "SAMR", "--db", db])
        #expect(renamed.status == 0, "\(renamed.err)")
        #expect(renamed.out.contains("变更 1") && renamed.out.contains("第 2 行\t\(code)\t名称\t\(name) → \(name)（已更名）"), "\(renamed.out)")
        let xlsx = dir.appendingPathComponent("items.xlsx").path
        #expect(try SuijiBinary.run(["export", "items", "--db", db, "--out", xlsx]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).prefix(2) == Data("PK".utf8))
        let audit = try SuijiBinary.run(["audit", "verify", "--db", db])
        #expect(audit.status == 0)
        #expect(audit.out.hasPrefix("OK: "))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aBadRowIsNamedAndNothingIsWritten() throws {
        let dir = try SuijiBinary.scratch()
        let db = dir.appendingPathComponent("x.sqlite").path
        #expect(try SuijiBinary.run(["departments", "add", "SAMR", "区市场监管局", "--db", db]).status == 0)
        var lines = ["统一社会信用代码,名称,类型,所属区划"]
        for n in 1...10_000 {
            let body = String(format: "%08d", n)
            var code = CreditCode.completing("92360202" + body + String(CreditCode.organisationCheckCharacter(body)!))!
            if n == 4_321 { code = String(code.dropLast()) + (code.hasSuffix("Y") ? "X" : "Y") }
            lines.append("\(code),第\(n)号店,个体工商户,360202")
        }
        let file = dir.appendingPathComponent("t.csv")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try SuijiBinary.run(["import", "targets", file.path, "--department", "SAMR", "--db", db])
        #expect(result.status == 2)
        #expect(result.err.contains("第 4322 行 [统一社会信用代码]"))
        let export = try SuijiBinary.run(["export", "targets", "--db", db])
        #expect(export.out.split(separator: "\n").count == 1)  // header only
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func accountsCanBeAddedForARealDistrict() throws {
        let dir = try SuijiBinary.scratch()
        let db = dir.appendingPathComponent("x.sqlite").path
        #expect(try SuijiBinary.run(["departments", "add", "SAMR", "区市场监管局", "--db", db]).status == 0)
        let add = try SuijiBinary.run(
            ["accounts", "add", "zhang", "--name", "张科长", "--role", "departmentAdmin", "--department", "SAMR", "--db", db],
            stdin: "a-long-password\n")
        #expect(add.status == 0, "\(add.err)")
        let list = try SuijiBinary.run(["accounts", "list", "--db", db])
        #expect(list.out.contains("zhang\tdepartmentAdmin\tSAMR\t张科长"))
        try? FileManager.default.removeItem(at: dir)
    }
}
