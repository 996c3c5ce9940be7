// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiStore
import SuijiTabular
import Testing

@Suite("suiji oversight")
struct OversightCLITests {
    @Test func reportPrintsTheDepartmentTableAndWritesTheWorkbook() throws {
        let dir = try SuijiBinary.scratch()
        let db = dir.appendingPathComponent("demo.sqlite").path
        #expect(try SuijiBinary.run(["demo", "--no-serve", "--db", db, "--scale", "0.01"]).status == 0)
        let printed = try SuijiBinary.run(["oversight", "report", "--db", db, "--from", "2026-01", "--to", "2026-06"])
        #expect(printed.status == 0, "\(printed.err)")
        let lines = printed.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("部门\t计划数\t已实施计划\t执行抽取\t应完成检查") == true)
        #expect(lines.last?.hasPrefix("合计\t") == true && lines.count == 22)
        let xlsx = dir.appendingPathComponent("report.xlsx").path
        let written = try SuijiBinary.run(["oversight", "report", "--db", db, "--out", xlsx])
        #expect(written.status == 0, "\(written.err)")
        let reader = try TabularXLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: xlsx)))
        #expect(reader.sheetNames == ["部门考评汇总", "按计划统计", "按月统计", "发现问题分类", "随机抽查以外的检查（第三条）", "指标说明"])
        let bad = try SuijiBinary.run(["oversight", "report", "--db", db, "--from", "2026-13"])
        #expect(bad.status != 0 && bad.err.contains("from"))
        try? FileManager.default.removeItem(at: dir)
    }
}
