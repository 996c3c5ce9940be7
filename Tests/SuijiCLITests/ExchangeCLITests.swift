// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

/// `suiji export exchange` (§8) and `suiji outside-checks` (§3) on the demo district.
@Suite("suiji export exchange and outside-checks", .serialized)
struct ExchangeCLITests {
    @Test func theDemoExportsItsExchangeFileAndRecordsChecksOutsideTheDraw() throws {
        // setup
        let dir = try SuijiBinary.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.sqlite").path
        #expect(try SuijiBinary.run(["demo", "--no-serve", "--db", db, "--scale", "0.01"]).status == 0)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())

        // MUT: the exchange file as JSON (standard output) and XLSX.
        let json = try SuijiBinary.run(["export", "exchange", "--year", "\(year)", "--db", db])
        let xlsx = dir.appendingPathComponent("交换.xlsx").path
        let written = try SuijiBinary.run(["export", "exchange", "--year", "\(year)", "--department", "SAMR", "--out", xlsx, "--db", db])
        let noYear = try SuijiBinary.run(["export", "exchange", "--db", db])

        // validate
        #expect(json.status == 0, "\(json.err)")
        let body = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any] ?? [:]
        #expect(body["schema"] as? String == "suiji-exchange/1" && body["year"] as? Int == year)
        #expect(!(body["plans"] as? [Any] ?? []).isEmpty, "the demo publishes its annual plan")
        let workbook = try Data(contentsOf: URL(fileURLWithPath: xlsx))
        #expect(written.status == 0 && workbook.prefix(2) == Data("PK".utf8))
        #expect(noYear.status == 2 && noYear.err.contains("请指定年度"))

        // A check outside the draw on a SAMR target, imported and listed.
        let targets = try SuijiBinary.run(["export", "targets", "--department", "SAMR", "--db", db]).out
        let code = String(try #require(targets.split(whereSeparator: \.isNewline).dropFirst().first).split(separator: ",")[0])
        let file = dir.appendingPathComponent("checks.csv")
        try "统一社会信用代码/标识,检查类型,检查日期,线索来源或依据,检查人员,检查结果\n\(code),投诉举报,\(year)-01-05,12315 投诉,王五,未发现问题\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let imported = try SuijiBinary.run(["outside-checks", "import", file.path, "--department", "SAMR", "--db", db])
        #expect(imported.status == 0, "\(imported.err)")
        let listed = try SuijiBinary.run(["outside-checks", "list", "--year", "\(year)", "--db", db])
        #expect(listed.out.contains("SAMR\t\(code)") && listed.out.contains("complaint\t\(year)-01-05"))
    }
}
