// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// A joint plan of SAMR (initiator) and HEALTH over 120 targets, with inspectors.
struct DrawFixture {
    let fixture: Fixture
    let plan: Plan
    let batch: Batch
    var stores: Stores { fixture.stores }

    static let secrets = ["SAMR": [UInt8](repeating: 7, count: 32), "HEALTH": [UInt8](repeating: 9, count: 32)]

    static func make(
        _ database: TestDatabase, size: SampleSize = .ratios(a: 50, b: 100, c: 300, d: 1000, rounding: .ceil), calendar: WorkCalendar? = nil
    ) async throws -> DrawFixture {
        try await make(fixture: try await Fixture.make(database, calendar: calendar), size: size)
    }

    /// The plan over `fixture`'s stores.
    static func make(fixture: Fixture, size: SampleSize = .ratios(a: 50, b: 100, c: 300, d: 1000, rounding: .ceil)) async throws
        -> DrawFixture
    {
        let stores = fixture.stores
        for (caller, code, name) in [(fixture.samr, "SAMR-001", "企业公示信息的抽查"), (fixture.health, "HEALTH-001", "公共场所卫生的检查")] {
            var item = CheckItemInput()
            item.code = code
            item.name = name
            item.methods = "实地核查"
            _ = try await stores.items.create(item, caller: caller)
        }
        var lines = ["统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级,状态,最近随机抽查日期"]
        for n in 1...120 {
            let status = n % 20 == 0 ? "注销" : (n % 15 == 0 ? "停业" : "在营")
            let last = n % 25 == 0 ? "2026-03-01" : ""
            lines.append("\(Codes.company(n)),第\(n)号公司,公司,360202,西郊街道,\(["A", "B", "B", "C", "D"][n % 5]),\(status),\(last)")
        }
        _ = try await stores.importer.run(.targets, data: Data(lines.joined(separator: "\n").utf8), caller: fixture.samr)
        _ = try await stores.importer.run(
            .targets, data: Data((Array(lines.prefix(1)) + lines[1...30]).joined(separator: "\n").utf8), caller: fixture.health)
        for (caller, department, item) in [(fixture.samr, "SAMR", "SAMR-001"), (fixture.health, "HEALTH", "HEALTH-001")] {
            var sheet = "姓名,执法证号,执法证有效期至,执法区域,可检查事项\n"
            for n in 1...8 { sheet += "\(department)检查员\(n),\(department)-\(n),2030-12-31,360202,\(item)\n" }
            _ = try await stores.importer.run(.inspectors, data: Data(sheet.utf8), caller: caller)
        }
        let plan = try await stores.plans.create(
            Plan(
                code: "2026-SAMR-01", name: "2026 年企业公示信息与公共场所卫生联合抽查", year: 2026, initiator: "SAMR", participants: ["HEALTH"],
                items: [PlanItem(department: "SAMR", code: "SAMR-001"), PlanItem(department: "HEALTH", code: "HEALTH-001")],
                windowStart: CalendarDate(iso: "2026-06-01")!, windowEnd: CalendarDate(iso: "2026-11-30")!),
            caller: fixture.samr)
        _ = try await stores.plans.apply(.submit, to: plan.id, caller: fixture.samr)
        let approved = try await stores.plans.apply(.approve, to: plan.id, caller: fixture.office)
        let batch = try await stores.plans.addBatch(
            Batch(planID: plan.id, code: "B1", start: CalendarDate(iso: "2026-07-01")!, end: CalendarDate(iso: "2026-07-31")!, size: size),
            caller: fixture.samr)
        return DrawFixture(fixture: fixture, plan: approved, batch: batch)
    }

    func commitment(_ department: String, _ drawID: String) -> String {
        DepartmentSecret.commitment(department: department, drawID: drawID, secret: Self.secrets[department]!)
    }

    /// t0 is 2026-05-29 04:26 China time: the deadline a day later, the 3D draw of 2026-05-31.
    static let deadline = TestDatabase.t0.addingTimeInterval(86_400)
    static let lottery = DrawAnnouncement(
        revealDeadline: deadline, publicValue: PublicValueAnnouncement(date: "2026-05-31", source: "中国福利彩票3D 2026-05-31 开奖号码"))
    /// 2026-05-31 21:30 China time, and the morning after.
    static let valueEntered = CalendarDate(iso: "2026-05-31")!.chinaStart.addingTimeInterval(21.5 * 3_600)
    static let executed = CalendarDate(iso: "2026-06-01")!.chinaStart.addingTimeInterval(9 * 3_600)

    /// `caller` an `hours` after t0.
    static func later(_ caller: Caller, hours: Double) -> Caller {
        Caller(account: caller.account, at: caller.at.addingTimeInterval(hours * 3_600))
    }

    /// A draw without a public value, approved, its deadline a minute after t0 (the same day).
    static let exception = DrawAnnouncement(
        revealDeadline: TestDatabase.t0.addingTimeInterval(60), publicValue: nil,
        exception: .init(approver: "联席办主任 李某", reason: "测试：不等待开奖"))

    /// Prepare → both commit → SAMR hands in its secret (HEALTH misses the deadline a minute
    /// later) → execute two minutes after t0. With `lottery`, the 3D draw of 2026-05-31 is
    /// announced, entered on its day, and the draw executed the morning after.
    func run(lottery: Bool = false, redraw: Redraw? = nil) async throws -> DrawSummary {
        let draw = try await stores.draws.prepare(
            batchID: batch.id, caller: fixture.samr, announcement: lottery ? Self.lottery : Self.exception, redraw: redraw)
        _ = try await stores.draws.commit(draw.id, department: "SAMR", commitment: commitment("SAMR", draw.id), caller: fixture.samr)
        _ = try await stores.draws.commit(draw.id, department: "HEALTH", commitment: commitment("HEALTH", draw.id), caller: fixture.health)
        _ = try await stores.draws.reveal(
            draw.id, department: "SAMR", secret: Bytes.hex(Self.secrets["SAMR"]!), caller: Self.later(fixture.samr, hours: 0.003))
        if lottery {
            _ = try await stores.draws.enterPublicValue(
                draw.id, value: "372", note: "https://www.cwl.gov.cn/ 开奖公告",
                caller: Caller(account: fixture.office.account, at: Self.valueEntered))
        }
        return try await stores.draws.execute(
            draw.id, caller: Caller(account: fixture.samr.account, at: lottery ? Self.executed : TestDatabase.t0.addingTimeInterval(120)))
    }
}

@Suite("Draw lifecycle in the store")
struct DrawLifecycleTests {
    @Test(arguments: TestDatabase.available)
    func aDrawRunsToAVerifiableRecord(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let executed = try await draw.run()
        #expect(executed.state == .executed)
        #expect(executed.departments.map(\.revealed) == [true, false])
        let bundle = try await draw.stores.draws.bundle(executed.id)
        let report = Verifier.verify(bundle: bundle)
        #expect(report.ok, "\(report)")
        // Deregistered, closed and already-inspected targets are listed with their reason.
        let excluded = String(decoding: bundle.files["excluded.txt"]!, as: UTF8.self)
        #expect(excluded.contains("\tderegistered\n"))
        #expect(excluded.contains("\tnot-operating\n"))
        #expect(excluded.contains("\tinspected-this-year\n"))
        // Stratum D is drawn in full (1000‰).
        let parameters = String(decoding: bundle.files["parameters.txt"]!, as: UTF8.self)
        #expect(parameters.contains("stratum\tD\t"))
        #expect(parameters.contains("department\tSAMR\ndepartment\tHEALTH\n"))
        // The plan is now in progress; a second execute returns the same record.
        #expect(try await draw.stores.plans.get(id: draw.plan.id, for: draw.fixture.office.account).state == .inProgress)
        let again = try await draw.stores.draws.execute(executed.id, caller: draw.fixture.samr)
        #expect(again == executed)
        #expect(try await draw.stores.draws.bundle(executed.id) == bundle)
        await draw.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func rolesAndStatesAreEnforced(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let stores = draw.stores
        await #expect(throws: PlanError.self) { _ = try await stores.draws.prepare(batchID: draw.batch.id, caller: draw.fixture.health) }
        let prepared = try await stores.draws.prepare(batchID: draw.batch.id, caller: draw.fixture.samr)
        #expect(try await stores.draws.publishedFiles(prepared.id).isEmpty)
        // Nobody commits before the announcement; only the office or the initiator announces.
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.commit(
                prepared.id, department: "SAMR", commitment: draw.commitment("SAMR", prepared.id), caller: draw.fixture.samr)
        }
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.announce(prepared.id, DrawFixture.exception, caller: draw.fixture.health)
        }
        _ = try await stores.draws.announce(prepared.id, DrawFixture.exception, caller: draw.fixture.office)
        // HEALTH cannot commit for SAMR; nothing executes before every commitment is published.
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.commit(
                prepared.id, department: "SAMR", commitment: draw.commitment("SAMR", prepared.id), caller: draw.fixture.health)
        }
        await #expect(throws: PlanError.self) { _ = try await stores.draws.execute(prepared.id, caller: draw.fixture.samr) }
        _ = try await stores.draws.commit(
            prepared.id, department: "SAMR", commitment: draw.commitment("SAMR", prepared.id), caller: draw.fixture.samr)
        _ = try await stores.draws.commit(
            prepared.id, department: "HEALTH", commitment: draw.commitment("HEALTH", prepared.id), caller: draw.fixture.health)
        #expect(try await stores.draws.publishedFiles(prepared.id).keys.contains("commitment.txt"))
        // A wrong secret is refused.
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.reveal(
                prepared.id, department: "SAMR", secret: Bytes.hex([UInt8](repeating: 1, count: 32)), caller: draw.fixture.samr)
        }
        // A second draw of the batch needs a re-draw record; the first stays.
        await #expect(throws: PlanError.self) { _ = try await stores.draws.prepare(batchID: draw.batch.id, caller: draw.fixture.samr) }
        let redraw = try await stores.draws.prepare(
            batchID: draw.batch.id, caller: draw.fixture.samr, redraw: Redraw(of: prepared.id, reason: "两名抽中人员调离岗位", approver: "局长 王某"))
        #expect(redraw.redrawOf == prepared.id)
        let all = try await stores.draws.list(for: draw.fixture.office.account, batchID: draw.batch.id)
        #expect(Set(all.map(\.id)) == [prepared.id, redraw.id])
        await stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aReplacedInspectorIsDrawnAgainAndRecorded(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let executed = try await draw.run()
        let before = try await draw.stores.draws.bundle(executed.id)
        let first = try #require(try InspectorMatching.parse(before.files["assignment.txt"]!).first { $0.slot == "member-HEALTH" })
        // SAMR may not replace a HEALTH inspector; HEALTH's admin may, naming the approver.
        await #expect(throws: PlanError.self) {
            _ = try await draw.stores.draws.replaceInspector(
                executed.id, target: first.target, slot: first.slot, reason: .postChange, approver: "科长", note: "",
                caller: draw.fixture.samr)
        }
        let files = try await draw.stores.draws.replaceInspector(
            executed.id, target: first.target, slot: first.slot, reason: .postChange, approver: "卫健委 张科长", note: "调往其他岗位",
            caller: draw.fixture.health)
        let line = String(decoding: files["inspector-replacements.txt"]!, as: UTF8.self).split(separator: "\t")
        #expect(line[0] == "1")
        #expect(String(line[3]) == first.inspector)
        #expect(String(line[4]) != first.inspector)
        let after = try await draw.stores.draws.bundle(executed.id)
        #expect(Verifier.verify(bundle: after).ok)
        // The inspection's team follows the replacement.
        let members = try await draw.stores.database.read { db in
            try await db.raw(
                """
                SELECT m.member_id FROM inspection_members m JOIN inspections i ON i.id = m.inspection_id
                WHERE i.draw_id = \(bind: executed.id) AND i.target_uid = \(bind: first.target)
                """
            ).all().map { try $0.decode(column: "member_id", as: Int64.self) }
        }
        #expect(members.contains(Int64(line[4].dropFirst(2))!))
        #expect(!members.contains(Int64(first.inspector.dropFirst(2))!))
        #expect(after.files["record.txt"] == before.files["record.txt"])
        await draw.stores.database.close()
    }

    @Test func unfillableSlotsAreNamedWithTheReason() async throws {
        let draw = try await DrawFixture.make(.sqlite)
        // HEALTH's inspectors all go on leave over the batch window before the draw is prepared.
        for inspector in try await draw.stores.inspectors.list(scope: .only("HEALTH"), query: ListQuery()).items {
            var input = InspectorInput(inspector)
            input.status = "休假"
            input.leaveFrom = "2026-06-15"
            input.leaveTo = "2026-08-15"
            _ = try await draw.stores.inspectors.update(id: inspector.id, input, caller: draw.fixture.health)
        }
        do {
            _ = try await draw.run()
            Issue.record("executed without HEALTH inspectors")
        } catch let error as PlanError {
            #expect(error.message.contains("member-HEALTH：没有符合条件的人员"), "\(error.message)")
            #expect(error.message.contains("重新抽取"))
        }
        await draw.stores.database.close()
    }

    @Test func theDirectFilePathGivesTheSamePoolAsSQLKit() async throws {
        // One department, no area filter: the byte-level path on a file; SQLKit in memory.
        var digests: [String] = []
        for database in [TestDatabase.sqlite, .sqliteFile] {
            let draw = try await DrawFixture.make(database)
            let plan = try await draw.stores.plans.create(
                Plan(
                    code: "2026-SAMR-02", name: "单部门", year: 2026, initiator: "SAMR",
                    items: [PlanItem(department: "SAMR", code: "SAMR-001")],
                    windowStart: CalendarDate(iso: "2026-06-01")!, windowEnd: CalendarDate(iso: "2026-11-30")!),
                caller: draw.fixture.samr)
            _ = try await draw.stores.plans.apply(.submit, to: plan.id, caller: draw.fixture.samr)
            _ = try await draw.stores.plans.apply(.approve, to: plan.id, caller: draw.fixture.office)
            let batch = try await draw.stores.plans.addBatch(
                Batch(
                    planID: plan.id, code: "B1", start: CalendarDate(iso: "2026-07-01")!, end: CalendarDate(iso: "2026-07-31")!,
                    size: .ratios(a: 100, b: 200, c: 300, d: 1000, rounding: .floor)),
                caller: draw.fixture.samr)
            let preview = try await draw.stores.draws.previewPool(batchID: batch.id, for: draw.fixture.samr.account)
            #expect(preview.pool.count == 106)  // 14 excluded: deregistered, closed or inspected this year
            digests.append(preview.pool.digest + "/" + preview.excluded.digest)
            await draw.stores.database.close()
        }
        #expect(digests[0] == digests[1])
    }

    @Test func concurrentExecutesProduceOneDraw() async throws {
        let draw = try await DrawFixture.make(.sqlite, size: .count(10))
        let prepared = try await draw.stores.draws.prepare(
            batchID: draw.batch.id, caller: draw.fixture.samr, announcement: DrawFixture.exception)
        let callers = ["SAMR": draw.fixture.samr, "HEALTH": draw.fixture.health]
        for (department, caller) in callers {
            _ = try await draw.stores.draws.commit(
                prepared.id, department: department, commitment: draw.commitment(department, prepared.id), caller: caller)
        }
        for (department, caller) in callers {
            _ = try await draw.stores.draws.reveal(
                prepared.id, department: department, secret: Bytes.hex(DrawFixture.secrets[department]!), caller: caller)
        }
        let stores = draw.stores
        let caller = draw.fixture.samr
        async let first = stores.draws.execute(prepared.id, caller: caller)
        async let second = stores.draws.execute(prepared.id, caller: caller)
        let (a, b) = try await (first, second)
        #expect(a == b)
        let count = try await stores.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM draw_selections WHERE draw_id = \(bind: prepared.id)").first()?.decode(
                column: "n", as: Int.self)
        }
        #expect(count == 10)
        await stores.database.close()
    }
}
