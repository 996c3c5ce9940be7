// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// Checks outside the draw (§3) count as the target's inspection of the year: the next draw
/// leaves the target out (once-a-year rule), and oversight counts them in their own table.
@Suite("Checks outside the draw")
struct OutsideCheckStoreTests {
    static func input(_ target: String, kind: String = "complaint", on day: String = "2026-05-01", outcome: String = "correctionOrdered")
        -> OutsideCheckInput
    {
        OutsideCheckInput(target: target, kind: kind, checkedOn: day, source: "12315 举报 2026-0412", inspectors: "王五、赵六", outcome: outcome)
    }

    @Test(arguments: TestDatabase.available)
    func aCheckedTargetIsLeftOutOfTheYearsDrawAndCountedApart(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await DrawFixture.make(database)
        let stores = fixture.stores
        let checks = OutsideCheckStore(database: stores.database)
        let checked = Codes.company(7)

        // MUT
        let check = try await checks.create(Self.input(checked), caller: fixture.fixture.samr)
        let draw = try await fixture.run()

        // validate: recorded with the library's name; the draw's excluded list has it as inspected this year.
        #expect(check.targetName == "第7号公司" && check.department == "SAMR" && check.inspectors == ["王五", "赵六"])
        let files = try await stores.draws.bundle(draw.id).files
        #expect(try ExcludedList.parse(files["excluded.txt"] ?? []).entry(id: checked)?.reason == .inspectedThisYear)
        #expect(!String(decoding: files["pool.txt"] ?? [], as: UTF8.self).contains(checked))
        // Oversight: its own table, the random-inspection figures unchanged.
        let report = try await StatisticsStore(database: stores.database).report(
            try OversightPeriod.year(2026), asOf: CalendarDate(iso: "2026-12-31")!, for: fixture.fixture.office.account)
        let table = report.outsideCheckTable.text
        #expect(table[0] == ["部门", "投诉举报", "转办交办", "数据监测", "专项检查", "法定检查", "其他", "合计", "发现问题"])
        #expect(table.first { $0[0] == "区市场监管局" } == ["区市场监管局", "1", "0", "0", "0", "0", "0", "1", "1"])
        #expect(report.facts.inspections.allSatisfy { $0.targetName != "第7号公司" })
        let listed = try await checks.list(scope: .only("SAMR"), year: 2026)
        #expect(listed.items == [check] && listed.total == 1)
        #expect(try await checks.list(scope: .only("HEALTH"), year: 2026).total == 0)
        await stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func badInputIsNamedAndOnlyTheDepartmentsStaffRecord(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await DrawFixture.make(database)
        let checks = OutsideCheckStore(database: fixture.stores.database)

        // MUT + validate: unknown target, future date, unknown kind, missing inspectors; the office may not record.
        do {
            _ = try await checks.create(
                OutsideCheckInput(target: "NOPE", kind: "抽签", checkedOn: "2026-06-01", source: "x", inspectors: "", outcome: "noProblem"),
                caller: fixture.fixture.samr)
            Issue.record("bad input must be refused")
        } catch OutsideCheckError.invalid(let issues) {
            #expect(Set(issues.map(\.field)) == ["kind", "checkedOn", "inspectors"])
        }
        await #expect(throws: OutsideCheckError.invalid([FieldIssue(field: "target", message: "本部门检查对象库中没有“NOPE”")])) {
            try await checks.create(Self.input("NOPE"), caller: fixture.fixture.samr)
        }
        await #expect(throws: OutsideCheckError.self) {
            try await checks.create(Self.input(Codes.company(7)), caller: fixture.fixture.office)
        }
        // HEALTH's library holds companies 1–30 only.
        await #expect(throws: OutsideCheckError.self) {
            try await checks.create(Self.input(Codes.company(99)), caller: fixture.fixture.health)
        }

        // An import with one bad row writes nothing and names the row; a good one writes every row.
        let header = "统一社会信用代码/标识,检查类型,检查日期,线索来源或依据,检查人员,检查结果,备注\n"
        let bad = header + "\(Codes.company(3)),转办交办,2026-04-02,市局交办〔2026〕5号,张三,未发现问题,\n\(Codes.company(4)),专项检查,2026-13-01,专项,李四,未发现问题,\n"
        do {
            _ = try await checks.importFile(Data(bad.utf8), caller: fixture.fixture.samr)
            Issue.record("a bad row must reject the file")
        } catch let error as OutsideCheckImportError {
            #expect(error.issues.map(\.row) == [3] && error.issues[0].column == "检查日期")
        }
        #expect(try await checks.list(scope: .all, year: 2026).total == 0)
        let good =
            header
            + "\(Codes.company(3)),转办交办,2026-04-02,市局交办〔2026〕5号,张三,未发现问题,\n\(Codes.company(4)),special,2026-03-01,食品安全专项,李四、王五,caseFiled,立案\n"
        #expect(try await checks.importFile(Data(good.utf8), caller: fixture.fixture.samr) == 2)
        #expect(try await checks.list(scope: .all, year: 2026).items.map(\.kind) == [.referral, .special])
        await fixture.stores.database.close()
    }
}
