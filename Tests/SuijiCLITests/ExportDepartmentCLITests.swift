// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import Testing

/// `suiji export` across departments names each row's department; `--department` must name a
/// known department on every import and export.
@Suite("suiji export and import by department", .serialized)
struct ExportDepartmentCLITests {
    /// Two departments whose target libraries both hold the same firm, with different risk classes.
    static func district() throws -> (dir: URL, db: String) {
        let dir = try SuijiBinary.scratch()
        let db = dir.appendingPathComponent("x.sqlite").path
        for (code, name) in [("SAMR", "区市场监管局"), ("HEALTH", "区卫健委")] {
            #expect(try SuijiBinary.run(["departments", "add", code, name, "--db", db]).status == 0)
        }
        let body = "00000001"
        let code = CreditCode.completing("92360202" + body + String(CreditCode.organisationCheckCharacter(body)!))!
        for (department, risk) in [("SAMR", "A"), ("HEALTH", "D")] {
            let file = dir.appendingPathComponent("\(department).csv")
            try "统一社会信用代码,名称,类型,所属区划,风险等级\n\(code),第一号店,个体工商户,360202,\(risk)\n"
                .write(to: file, atomically: true, encoding: .utf8)
            let imported = try SuijiBinary.run(["import", "targets", file.path, "--department", department, "--db", db])
            #expect(imported.status == 0, "\(imported.err)")
        }
        return (dir, db)
    }

    @Test func aWholeDistrictExportHasADepartmentColumnAndImportChecksIt() throws {
        // setup
        let (dir, db) = try Self.district()
        defer { try? FileManager.default.removeItem(at: dir) }

        // MUT
        let all = try SuijiBinary.run(["export", "targets", "--db", db])
        let samr = try SuijiBinary.run(["export", "targets", "--department", "SAMR", "--db", db])

        // validate: the same code twice, each with its department; one department's export has no such column.
        #expect(all.status == 0, "\(all.err)")
        let lines = all.out.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("\u{FEFF}部门代码,统一社会信用代码,"))
        #expect(lines[1].hasPrefix("HEALTH,") && lines[1].contains(",D,"))
        #expect(lines[2].hasPrefix("SAMR,") && lines[2].contains(",A,"))
        #expect(!samr.out.contains("部门代码") && samr.out.split(whereSeparator: \.isNewline).count == 2)

        // The whole-district file is refused for SAMR, naming the HEALTH row; SAMR's own rows import.
        let file = dir.appendingPathComponent("all.csv")
        try all.out.write(to: file, atomically: true, encoding: .utf8)
        let refused = try SuijiBinary.run(["import", "targets", file.path, "--department", "SAMR", "--db", db])
        #expect(refused.status == 2)
        #expect(refused.err.contains("第 2 行 [部门代码]") && refused.err.contains("HEALTH"))
        try ([lines[0], lines[2]].joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let own = try SuijiBinary.run(["import", "targets", file.path, "--department", "SAMR", "--db", db])
        #expect(own.status == 0, "\(own.err)")
        #expect(own.out.contains("新增 0，变更 0"))
    }

    @Test func anUnknownDepartmentIsNamedByEveryImportAndExport() throws {
        // setup
        let (dir, db) = try Self.district()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("SAMR.csv").path
        let out = dir.appendingPathComponent("out.csv").path

        // MUT + validate
        for arguments in [
            ["export", "targets", "--department", "NOPE", "--out", out], ["export", "public-items", "--department", "NOPE"],
            ["export", "exchange", "--year", "2026", "--department", "NOPE"], ["import", "targets", file, "--department", "NOPE"],
            ["outside-checks", "import", file, "--department", "NOPE"],
        ] {
            let run = try SuijiBinary.run(arguments + ["--db", db])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.err.contains("未知部门“NOPE”") && run.err.contains("SAMR（区市场监管局）"), "\(arguments): \(run.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: out), "no empty file is written")
    }
}
