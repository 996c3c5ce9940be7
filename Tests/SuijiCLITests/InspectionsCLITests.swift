// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@Suite("Inspections and credit from the command line", .serialized)
struct InspectionsCLITests {
    /// The CLI district with an executed draw whose batch is `start`…`end`: the drawn targets'
    /// inspection ids.
    static func drawn(_ dir: URL, start: String, end: String) throws -> (db: String, count: Int) {
        let db = try DrawCLITests.district(dir)
        let plan = try String(contentsOfFile: try DrawCLITests.planFile(dir), encoding: .utf8)
            .replacingOccurrences(of: #""start": "2026-12-01", "end": "2026-12-20""#, with: #""start": "\#(start)", "end": "\#(end)""#)
        let file = dir.appendingPathComponent("batch.json")
        try plan.write(to: file, atomically: true, encoding: .utf8)
        let run = try SuijiBinary.run(["draw", "run", file.path, "--db", db])
        #expect(run.status == 0, "\(run.err)")
        let bundle = dir.appendingPathComponent("bundle").path
        #expect(try SuijiBinary.run(["draw", "export", "2026-SAMR-01-B1-1", "--db", db, "--out", bundle]).status == 0)
        let selection = try String(contentsOfFile: bundle + "/selection.txt", encoding: .utf8)
        return (db, selection.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.count)
    }

    @Test func overdueListsOutstandingResultsAfterTheDueDate() throws {
        // setup: a July batch, due 2026-08-28 (20 working days after 2026-07-31).
        let dir = try SuijiBinary.scratch()
        let (db, count) = try Self.drawn(dir, start: "2026-07-01", end: "2026-07-31")
        #expect(count > 0)
        // MUT
        let onTime = try SuijiBinary.run(["inspections", "overdue", "--date", "2026-08-28", "--db", db])
        let late = try SuijiBinary.run(["inspections", "overdue", "--date", "2026-08-31", "--db", db])
        let bad = try SuijiBinary.run(["inspections", "overdue", "--date", "2026-8-31", "--db", db])
        // validate
        #expect(onTime.status == 0 && onTime.out == "id\ttarget\tleader\tdue\tdays-late\n0 overdue on 2026-08-28\n")
        #expect(late.status == 0, "\(late.err)")
        let lines = late.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "id\ttarget\tleader\tdue\tdays-late" && lines.last == "\(count) overdue on 2026-08-31")
        for line in lines.dropFirst().dropLast() {
            let cells = line.split(separator: "\t").map(String.init)
            #expect(cells.count == 5 && cells[1].contains("号公司") && cells[2].contains("（SAMR）"))
            #expect(cells[3] == "2026-08-28" && cells[4] == "3")
        }
        #expect(bad.status != 0 && bad.err.contains("YYYY-MM-DD"))
    }

    @Test func nextYearsNoticeGivesTheDueDatesItCovers() throws {
        // setup: a December batch, due in 2027, a year the bundled notices do not know.
        let dir = try SuijiBinary.scratch()
        let (db, count) = try Self.drawn(dir, start: "2026-12-01", end: "2026-12-20")
        let notice = dir.appendingPathComponent("2027.txt")
        try "year 2027 测试用通知\noff 2027-01-01 元旦\n".write(to: notice, atomically: true, encoding: .utf8)
        // MUT
        let unknown = try SuijiBinary.run(["inspections", "overdue", "--date", "2027-03-01", "--db", db])
        let known = try SuijiBinary.run(["inspections", "overdue", "--date", "2027-03-01", "--db", db, "--calendar", notice.path])
        let missing = try SuijiBinary.run(["serve", "--db", db, "--calendar", dir.appendingPathComponent("none.txt").path])
        // validate
        #expect(unknown.out.hasSuffix("0 overdue on 2027-03-01\n"))
        #expect(known.status == 0 && known.out.hasSuffix("\(count) overdue on 2027-03-01\n"), "\(known.err)")
        #expect(known.out.contains("\t2027-01-18\t42\n"))
        #expect(missing.status != 0 && missing.err.contains("cannot read"))
    }

    @Test func applyLoweringRefusesFutureDaysAndReportsWhatItLowered() throws {
        let dir = try SuijiBinary.scratch()
        let db = dir.appendingPathComponent("c.sqlite").path
        let none = try SuijiBinary.run(["credit", "apply-lowering", "--db", db])
        #expect(none.status == 0 && none.out == "target\tdepartment\tfrom\tto\treason\n0 lowered\n", "\(none.err)")
        let future = try SuijiBinary.run(["credit", "apply-lowering", "--date", "2999-01-01", "--db", db])
        #expect(future.status == 1 && future.err.contains("不能晚于今天"))
    }
}
