// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// An executed draw of `DrawFixture` with its inspections and inspector accounts on demand.
struct InspectionFixture {
    let draw: DrawFixture
    let executed: DrawSummary
    var stores: Stores { draw.stores }
    var inspections: InspectionStore { InspectionStore(database: draw.stores.database) }
    var office: Caller { draw.fixture.office }

    static func make(_ database: TestDatabase, calendar: WorkCalendar? = nil) async throws -> InspectionFixture {
        let draw = try await DrawFixture.make(database, calendar: calendar)
        return InspectionFixture(draw: draw, executed: try await draw.run())
    }

    /// An inspector account for inspector `id`, acting at `at`.
    func inspector(_ id: Int64, department: String, at: Date = TestDatabase.t0) async throws -> Caller {
        let account = try await stores.accounts.create(
            Account(username: "insp-\(id)", displayName: "检查员\(id)", role: .inspector, departmentCode: department, inspectorID: id),
            password: "fixture-pass-2026", caller: Caller.system(at: TestDatabase.t0))
        return Caller(account: account, at: at)
    }

    func all() async throws -> [Inspection] {
        try await inspections.list(for: office.account, InspectionQuery(limit: nil))
    }

    /// Notice and both findings by `caller`.
    func enter(_ id: Int64, caller: Caller) async throws {
        _ = try await inspections.recordNotice(
            id: id, notice: .notified(channel: .phone, date: CalendarDate(iso: "2026-07-01")!, by: ""), caller: caller)
        _ = try await inspections.recordFinding(
            id: id, FindingInput(itemCode: "SAMR-001", methods: [.online], category: "no-problem", notes: "公示系统核查", settledOnline: true),
            caller: caller)
        _ = try await inspections.recordFinding(
            id: id, FindingInput(itemCode: "HEALTH-001", methods: [.onSite], category: "correction-ordered", notes: "卫生许可证未公示"),
            caller: caller)
    }
}

@Suite("Inspections in the store")
struct InspectionStoreTests {
    @Test(arguments: TestDatabase.available)
    func executingADrawCreatesOneInspectionPerDrawnTarget(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let bundle = try await fixture.stores.draws.bundle(fixture.executed.id)
        let selection = try TargetSelection.parseList(bundle.files["selection.txt"]!, file: "selection.txt")
        let assignment = try InspectorMatching.parse(bundle.files["assignment.txt"]!)
        let all = try await fixture.all()
        #expect(all.count == selection.count && !all.isEmpty)
        #expect(Set(all.map(\.target.uid)) == Set(selection.map(\.id)))
        for inspection in all {
            #expect(inspection.state == .pending && inspection.drawID == fixture.executed.id)
            #expect(inspection.items == fixture.draw.plan.items)
            #expect(inspection.windowStart.iso == "2026-07-01" && inspection.windowEnd.iso == "2026-07-31")
            #expect(inspection.resultDueDate?.iso == "2026-08-28")
            #expect(inspection.target.name.hasPrefix("第") && inspection.target.kind == .company)
            #expect(inspection.team.map(\.role) == [.leader, .member])
            #expect(inspection.team.map(\.department) == ["SAMR", "HEALTH"])
            let drawn = assignment.filter { $0.target == inspection.target.uid }.map(\.inspector)
            #expect(inspection.team.map { "I-\($0.id)" } == drawn)
            #expect(inspection.leader?.name.hasPrefix("SAMR检查员") == true)
        }
        // Executing again creates nothing new.
        _ = try await fixture.stores.draws.execute(fixture.executed.id, caller: fixture.draw.fixture.samr)
        #expect(try await fixture.all().count == all.count)
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheTeamEntersAndOverseersChangeNothing(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let inspection = try #require(try await fixture.all().first)
        let leader = try await fixture.inspector(inspection.team[0].id, department: "SAMR")
        let member = try await fixture.inspector(inspection.team[1].id, department: "HEALTH")
        let outsiderID = try #require((1...16).map(Int64.init).first { id in !inspection.team.contains { $0.id == id } })
        let outsider = try await fixture.inspector(outsiderID, department: outsiderID <= 8 ? "SAMR" : "HEALTH")
        let finding = FindingInput(itemCode: "SAMR-001", methods: [.onSite], category: "no-problem")
        // A non-member neither sees nor enters; the plan's admins and the office read but do not enter.
        let others = try await fixture.inspections.list(for: outsider.account, InspectionQuery(limit: nil))
        #expect(!others.contains { $0.id == inspection.id })
        #expect(others.allSatisfy { $0.hasMember(outsiderID) })
        await #expect(throws: InspectionError.self) {
            _ = try await fixture.inspections.recordFinding(id: inspection.id, finding, caller: outsider)
        }
        for caller in [fixture.draw.fixture.samr, fixture.draw.fixture.health, fixture.office] {
            await #expect(throws: InspectionError.forbidden("只有本检查组的执法检查人员可以录入（谁检查、谁录入、谁负责）")) {
                _ = try await fixture.inspections.recordFinding(id: inspection.id, finding, caller: caller)
            }
        }
        let entered = try await fixture.inspections.recordFinding(id: inspection.id, finding, caller: member)
        #expect(entered.findings.first?.enteredBy == "insp-\(inspection.team[1].id)")
        #expect(entered.findings.first?.enteredByInspector == inspection.team[1].id)
        // The overseer reads everything and changes nothing.
        let overseerAccount = try await fixture.stores.accounts.create(
            Account(username: "overseer", displayName: "监督", role: .overseer), password: "fixture-pass-2026",
            caller: Caller.system(at: TestDatabase.t0))
        let overseer = Caller(account: overseerAccount, at: TestDatabase.t0)
        #expect(try await fixture.inspections.get(id: inspection.id, for: overseer.account).findings.count == 1)
        try await fixture.enter(inspection.id, caller: leader)
        let attempts: [@Sendable () async throws -> Inspection] = [
            { try await fixture.inspections.recordFinding(id: inspection.id, finding, caller: overseer) },
            {
                try await fixture.inspections.recordNotice(id: inspection.id, notice: .notNotified(legalGround: "法律规定"), caller: overseer)
            },
            { try await fixture.inspections.submit(id: inspection.id, caller: overseer) },
            { try await fixture.inspections.review(id: inspection.id, action: .approve, caller: overseer) },
        ]
        for attempt in attempts {
            await #expect(throws: InspectionError.self) { _ = try await attempt() }
        }
        _ = try await fixture.inspections.submit(id: inspection.id, caller: leader)
        await #expect(throws: InspectionError.self) {
            _ = try await fixture.inspections.review(id: inspection.id, action: .approve, caller: overseer)
        }
        #expect(try await fixture.inspections.get(id: inspection.id, for: overseer.account).state == .submitted)
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func returnResubmitApprovePublishAndLateness(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let all = try await fixture.all()
        let (first, second) = (all[0], all[1])
        let september = Date(timeIntervalSince1970: 1_788_400_000)  // 2026-09-03, after the 2026-08-28 due date
        let leader = try await fixture.inspector(first.team[0].id, department: "SAMR")
        let lateLeader = Caller(account: leader.account, at: september)
        let samr = fixture.draw.fixture.samr
        // Nothing is submitted with an item left open.
        _ = try await fixture.inspections.recordFinding(
            id: first.id, FindingInput(itemCode: "SAMR-001", methods: [.onSite], category: "no-problem"), caller: leader)
        await #expect(throws: InspectionError.self) { _ = try await fixture.inspections.submit(id: first.id, caller: leader) }
        try await fixture.enter(first.id, caller: leader)
        let submitted = try await fixture.inspections.submit(id: first.id, caller: leader)
        #expect(submitted.state == .submitted && !submitted.late)
        // The team cannot change submitted results; only SAMR's admin reviews, and a return names its reason.
        await #expect(throws: InspectionError.self) { try await fixture.enter(first.id, caller: leader) }
        await #expect(throws: InspectionError.self) {
            _ = try await fixture.inspections.review(id: first.id, action: .approve, caller: fixture.draw.fixture.health)
        }
        await #expect(throws: InspectionError.self) {
            _ = try await fixture.inspections.review(id: first.id, action: .return, caller: samr)
        }
        await #expect(throws: InspectionError.illegalTransition(from: .submitted, action: .publish)) {
            _ = try await fixture.inspections.review(id: first.id, action: .publish, caller: samr)
        }
        let returned = try await fixture.inspections.review(id: first.id, action: .return, reason: "现场照片缺失", caller: samr)
        #expect(returned.state == .returned && returned.returnReason == "现场照片缺失")
        try await fixture.enter(first.id, caller: lateLeader)
        // Resubmitting after the due date does not make results that were first submitted in time late.
        #expect(try await fixture.inspections.submit(id: first.id, caller: lateLeader).late == false)
        let approved = try await fixture.inspections.review(id: first.id, action: .approve, caller: samr)
        #expect(approved.state == .approved && approved.returnReason.isEmpty && approved.approvedAt != nil)
        let published = try await fixture.inspections.review(id: first.id, action: .publish, caller: samr)
        #expect(published.state == .published && published.publishedAt != nil)
        let trail = try await fixture.inspections.trail(id: first.id, for: samr.account)
        #expect(trail.map(\.action) == [.submit, .return, .submit, .approve, .publish])
        #expect(trail[1].reason == "现场照片缺失" && trail[1].actor == "samr")
        // Results first submitted after the due date count as "未按期完成".
        let other = try await fixture.inspector(second.team[0].id, department: "SAMR", at: september)
        try await fixture.enter(second.id, caller: other)
        #expect(try await fixture.inspections.submit(id: second.id, caller: other).late)
        #expect(
            try await AuditLog.verify(fixture.stores.database)
                == .intact(count: try await auditCount(fixture), head: try await head(fixture)))
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func overdueListsOutstandingResultsPastTheirDueDate(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let all = try await fixture.all()
        let dueDay = CalendarDate(iso: "2026-08-28")!
        #expect(try await fixture.inspections.overdue(today: dueDay, for: fixture.office.account).isEmpty)
        let late = try await fixture.inspections.overdue(today: dueDay.adding(days: 1), for: fixture.office.account)
        #expect(late.count == all.count)
        let leader = try await fixture.inspector(all[0].team[0].id, department: "SAMR")
        try await fixture.enter(all[0].id, caller: leader)
        _ = try await fixture.inspections.submit(id: all[0].id, caller: leader)
        let after = try await fixture.inspections.overdue(today: dueDay.adding(days: 1), for: fixture.office.account)
        #expect(after.count == all.count - 1 && !after.contains { $0.id == all[0].id })
        // Scoped: the leader sees only its own teams' inspections.
        let own = try await fixture.inspections.overdue(today: dueDay.adding(days: 1), for: leader.account)
        #expect(own.allSatisfy { $0.hasMember(all[0].team[0].id) })
        #expect(own.count == after.filter { $0.hasMember(all[0].team[0].id) }.count)
        let submitted = try await fixture.inspections.list(for: fixture.office.account, InspectionQuery(state: .submitted))
        #expect(submitted.map(\.id) == [all[0].id])
        await fixture.stores.database.close()
    }

    func auditCount(_ fixture: InspectionFixture) async throws -> Int {
        try await AuditLog.recent(fixture.stores.database, limit: 1).first.map { Int($0.seq) } ?? 0
    }

    func head(_ fixture: InspectionFixture) async throws -> String {
        try await AuditLog.recent(fixture.stores.database, limit: 1).first?.hash ?? ""
    }
}
