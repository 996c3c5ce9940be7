// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@Suite("suiji export of open data")
struct OpenDataCLITests {
    @Test func theDemoAnnualPlanAndDrawsExportAsJSONAndCSV() throws {
        let dir = try SuijiBinary.scratch()
        let db = dir.appendingPathComponent("demo.sqlite").path
        #expect(try SuijiBinary.run(["demo", "--no-serve", "--db", db, "--scale", "0.01"]).status == 0)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let json = try SuijiBinary.run(["export", "annual-plan", "--year", "\(year)", "--format", "json", "--db", db])
        #expect(json.status == 0)
        let body = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any] ?? [:]
        #expect(body["dataset"] as? String == "annual-plan")
        let records = body["records"] as? [[String: String]] ?? []
        #expect(records.map { $0["plan_code"] } == ["\(year)-HEALTH-01", "\(year)-SAMR-01", "\(year)-SAMR-03"])
        #expect(records.first?["version"] == "1")
        let draws = try SuijiBinary.run(["export", "draws", "--db", db])
        #expect(draws.out.hasPrefix("\u{FEFF}draw_id,plan_code,plan_name,batch_code"))
        #expect(draws.out.contains("/public/draws/\(year)-SAMR-01-B1-1/bundle.zip"))
        let missing = try SuijiBinary.run(["export", "annual-plan", "--db", db])
        #expect(missing.status == 2)
        #expect(missing.err.contains("请指定年度"))
        let library = try SuijiBinary.run(["export", "targets", "--format", "json", "--db", db])
        #expect(library.status != 0)
    }
}
