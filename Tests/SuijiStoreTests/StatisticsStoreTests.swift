// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import SuijiTabular
import Testing

/// Oversight statistics over real inspections: one submitted on its due date, one a working
/// day late, the rest never submitted; a rectification past its deadline.
@Suite("Oversight statistics in the store")
struct StatisticsStoreTests {
    static let dueDay = Date(timeIntervalSince1970: 1_787_882_400)  // 2026-08-28 10:00 China, the due date (a Friday)
    static let lateDay = Date(timeIntervalSince1970: 1_788_141_600)  // 2026-08-31 10:00 China, the next working day

    /// Enters, submits at `at`, approves and publishes `inspection`.
    static func complete(_ fixture: InspectionFixture, _ inspection: Inspection, at: Date) async throws {
        let leader = try await fixture.inspector(inspection.team[0].id, department: "SAMR", at: at)
        try await fixture.enter(inspection.id, caller: leader)
        _ = try await fixture.inspections.submit(id: inspection.id, caller: leader)
        let samr = Caller(account: fixture.draw.fixture.samr.account, at: at)
        _ = try await fixture.inspections.review(id: inspection.id, action: .approve, caller: samr)
        _ = try await fixture.inspections.review(id: inspection.id, action: .publish, caller: samr)
    }

    @Test(arguments: TestDatabase.available)
    func figuresMatchTheHandCountAndTheWorkbookReadsBack(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await InspectionFixture.make(database)
        let all = try await fixture.all()
        let n = all.count
        #expect(n >= 3)
        try await Self.complete(fixture, all[0], at: Self.dueDay)
        try await Self.complete(fixture, all[1], at: Self.lateDay)
        let samr = Caller(account: fixture.draw.fixture.samr.account, at: Self.lateDay)
        _ = try await FollowUpStore(database: fixture.stores.database).open(
            inspectionID: all[0].id,
            FollowUp(
                inspectionID: 0, targetUID: "", department: "", kind: .rectification, openedOn: CalendarDate(iso: "2026-09-01")!,
                deadline: CalendarDate(iso: "2026-09-10")!), caller: samr)
        let store = StatisticsStore(database: fixture.stores.database)
        let period = try OversightPeriod(from: YearMonth(iso: "2026-05")!, to: YearMonth(iso: "2026-09")!)
        let asOf = CalendarDate(iso: "2026-09-30")!

        // MUT
        let report = try await store.report(period, asOf: asOf, for: fixture.office.account)

        // validate
        #expect(report.byDepartment.map(\.key) == ["HEALTH", "SAMR"])
        let row = report.byDepartment[1]
        #expect(row[.plans] == 1 && row[.plansExecuted] == 1 && row[.draws] == 1)
        #expect(row[.due] == n && row[.submitted] == 2 && row[.onTime] == 1)
        #expect(row[.notOnTime] == n - 1 && row[.overdue] == n - 2)
        #expect(row[.published] == 2 && row[.problems] == 2 && row.categories[.correctionOrdered] == 2)
        #expect(row[.followUpsOpened] == 1 && row[.followUpsOpen] == 1 && row[.followUpsOverdue] == 1 && row[.followUpsClosed] == 0)
        #expect(row.rate(.completion) == 2.0 / Double(n) && row.rate(.onTime) == 1.0 / Double(n) && row.rate(.closure) == 0)
        let late = report.inspections(.notOnTime, in: .department("SAMR"))
        #expect(late.contains { $0.id == all[1].id && $0.submittedLate } && !late.contains { $0.id == all[0].id })
        #expect(report.byMonth.first { $0.key == "2026-08" }?[.due] == n)
        #expect(report.byMonth.first { $0.key == "2026-05" }?[.draws] == 1)
        #expect(report.byDepartment[0][.due] == 0)
        let plan = try #require(report.byPlan.first)
        #expect(report.byPlan.count == 1 && plan[.due] == n && plan[.followUpsOpened] == 1 && plan[.draws] == 1)

        // A department admin sees its own department only; inspectors see nothing.
        let health = try await store.report(period, asOf: asOf, for: fixture.draw.fixture.health.account)
        #expect(health.byDepartment.map(\.key) == ["HEALTH"] && health.total[.due] == 0 && health.total[.plans] == 0)
        let inspector = try await fixture.inspector(all[2].team[0].id, department: "SAMR")
        await #expect(throws: OversightError.self) { _ = try await store.report(period, asOf: asOf, for: inspector.account) }

        // The workbook: one sheet per table, read back with the project's reader.
        let reader = try TabularXLSXReader(data: try OversightWorkbook.encode(report))
        #expect(reader.sheetNames == ["部门考评汇总", "按计划统计", "按月统计", "发现问题分类", "随机抽查以外的检查（第三条）", "指标说明"])
        let sheet = try reader.readAllRows(sheet: "部门考评汇总")
        #expect(sheet[0].fields[0] == "部门" && sheet[0].fields[4] == "应完成检查")
        #expect(sheet[2].fields[0] == "区市场监管局" && sheet[2].fields[4] == String(n) && sheet[2].fields[6] == "1")
        #expect(sheet.last?.fields[0] == "合计")
        await fixture.stores.database.close()
    }
}
