// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import Testing

@Suite("Inspection states, role rules and the result deadline")
struct InspectionStateTests {
    static let legal: [(InspectionState, InspectionAction, InspectionState)] = [
        (.pending, .submit, .submitted), (.returned, .submit, .submitted), (.submitted, .approve, .approved),
        (.submitted, .return, .returned), (.approved, .publish, .published), (.pending, .cancel, .cancelled),
    ]

    @Test func everyLegalTransition() throws {
        for (from, action, to) in Self.legal {
            #expect(try from.applying(action) == to)
        }
    }

    @Test func everyIllegalTransitionIsRejectedWithAClearError() {
        for from in InspectionState.allCases {
            for action in InspectionAction.allCases where !Self.legal.contains(where: { $0.0 == from && $0.1 == action }) {
                #expect(throws: InspectionError.illegalTransition(from: from, action: action)) { try from.applying(action) }
                let error = InspectionError.illegalTransition(from: from, action: action)
                #expect(error.message == "检查结果处于“\(from.label)”状态，不能\(action.label)")
                #expect(error.kind == .conflict)
            }
        }
        #expect(InspectionError.illegalTransition(from: .published, action: .submit).message == "检查结果处于“已公示”状态，不能提交审核")
    }

    static func inspection(end: String = "2026-07-31") -> Inspection {
        let calendar = try! WorkCalendar.bundled()
        let windowEnd = CalendarDate(iso: end)!
        return Inspection(
            id: 1, drawID: "2026-SAMR-01-B1-1", planID: 1, initiator: "SAMR", departments: ["SAMR", "HEALTH"],
            windowStart: CalendarDate(iso: "2026-07-01")!, windowEnd: windowEnd,
            target: InspectedTarget(uid: "X", name: "第1号公司", kind: .company),
            team: [
                TeamMember(role: .leader, id: 3, name: "甲", department: "SAMR"),
                TeamMember(role: .member, id: 12, name: "乙", department: "HEALTH"),
                TeamMember(role: .expert, id: 5, name: "丙", department: "EXPERT"),
            ],
            items: [PlanItem(department: "SAMR", code: "SAMR-001"), PlanItem(department: "HEALTH", code: "HEALTH-001")],
            resultDueDate: Inspection.dueDate(windowEnd: windowEnd, calendar: calendar), createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test func onlyTeamInspectorsEnterAndOnlyTheInitiatorReviews() throws {
        let inspection = Self.inspection()
        let leader = Account(username: "a", displayName: "甲", role: .inspector, departmentCode: "SAMR", inspectorID: 3)
        let outsider = Account(username: "b", displayName: "丁", role: .inspector, departmentCode: "SAMR", inspectorID: 4)
        let expertNumber = Account(username: "c", displayName: "丙", role: .inspector, departmentCode: "SAMR", inspectorID: 5)
        let samr = Account(username: "samr", displayName: "s", role: .departmentAdmin, departmentCode: "SAMR")
        let health = Account(username: "health", displayName: "h", role: .departmentAdmin, departmentCode: "HEALTH")
        let culture = Account(username: "culture", displayName: "c", role: .departmentAdmin, departmentCode: "CULTURE")
        let overseer = Account(username: "o", displayName: "o", role: .overseer)
        try InspectionPolicy.requireEntry(leader, inspection)
        for account in [outsider, expertNumber, samr, overseer] {
            #expect(throws: InspectionError.self) { try InspectionPolicy.requireEntry(account, inspection) }
        }
        #expect(InspectionPolicy.canRead(leader, inspection) && !InspectionPolicy.canRead(outsider, inspection))
        #expect(InspectionPolicy.canRead(health, inspection) && !InspectionPolicy.canRead(culture, inspection))
        #expect(InspectionPolicy.canRead(overseer, inspection))
        var submitted = inspection
        submitted.state = .submitted
        try InspectionPolicy.requireAction(samr, .approve, on: submitted)
        for account in [health, overseer, leader] {
            #expect(throws: InspectionError.self) { try InspectionPolicy.requireAction(account, .approve, on: submitted) }
        }
        #expect(throws: InspectionError.illegalTransition(from: .submitted, action: .publish)) {
            try InspectionPolicy.requireAction(samr, .publish, on: submitted)
        }
        var disabled = leader
        disabled.active = false
        #expect(throws: InspectionError.forbidden("账号已停用")) { try InspectionPolicy.requireEntry(disabled, inspection) }
    }

    @Test func findingsFollowTheVocabulary() throws {
        let vocabulary = ResultVocabulary.seeded(departments: [("SAMR", "市场监管"), ("HEALTH", "卫生健康")])
        #expect(vocabulary.categories.count == 15)
        #expect(vocabulary.category(code: "violation-HEALTH")?.label == "违反卫生健康相关规定")
        let items = Self.inspection().items
        let at = Date(timeIntervalSince1970: 0)
        func make(_ input: FindingInput) throws(InspectionError) -> Finding {
            try input.finding(items: items, vocabulary: vocabulary, inspector: 3, username: "a", at: at)
        }
        let ok = try make(
            FindingInput(itemCode: "SAMR-001", methods: [.online], category: "no-problem", notes: "国家企业信用信息公示系统", settledOnline: true))
        #expect(ok.category == .noProblem && ok.settledOnline && ok.enteredByInspector == 3)
        let refused = try make(
            FindingInput(
                itemCode: "HEALTH-001", methods: [.onSite], category: "non-cooperation", nonCooperation: [.refusedEntry, .falseMaterials]))
        #expect(refused.nonCooperation == [.refusedEntry, .falseMaterials])
        let bad: [FindingInput] = [
            FindingInput(itemCode: "NOPE-001", methods: [.onSite], category: "no-problem"),
            FindingInput(itemCode: "SAMR-001", methods: [], category: "no-problem"),
            FindingInput(itemCode: "SAMR-001", methods: [.onSite], category: "whatever"),
            FindingInput(itemCode: "SAMR-001", methods: [.onSite], category: "non-cooperation"),
            FindingInput(itemCode: "SAMR-001", methods: [.onSite], category: "no-problem", nonCooperation: [.refusedEntry]),
            FindingInput(itemCode: "SAMR-001", methods: [.onSite], category: "violation-HEALTH"),
            FindingInput(itemCode: "SAMR-001", methods: [.onSite], category: "no-problem", notes: "查了", settledOnline: true),
            FindingInput(itemCode: "SAMR-001", methods: [.online], category: "no-problem", settledOnline: true),
        ]
        for input in bad {
            #expect(throws: InspectionError.self) { _ = try make(input) }
        }
    }

    @Test func noticeRules() {
        let end = CalendarDate(iso: "2026-07-31")!
        #expect(
            Notice.notified(channel: .phone, date: CalendarDate(iso: "2026-07-02")!, by: "甲").validate(drawnOn: nil, windowEnd: end).isEmpty
        )
        #expect(
            !Notice.notified(channel: .fax, date: CalendarDate(iso: "2026-08-02")!, by: "甲").validate(drawnOn: nil, windowEnd: end).isEmpty)
        #expect(Notice.notNotified(legalGround: " ").validate(drawnOn: nil, windowEnd: end).map(\.field) == ["legalGround"])
    }

    /// Due dates, computed by hand from the State Council notice for 2026 (国办发明电〔2025〕7号).
    @Test(arguments: [
        // Spring Festival: 15–23 February off, Saturday 14 and Saturday 28 February worked.
        ("2026-02-06", "2026-03-12"), ("2026-02-13", "2026-03-19"),
        // Labour Day: 1–5 May off, Saturday 9 May worked.
        ("2026-04-24", "2026-05-26"), ("2026-04-30", "2026-06-01"),
        // Mid-Autumn (25 September) and National Day: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
        ("2026-09-25", "2026-10-29"), ("2026-09-30", "2026-11-03"),
        // An ordinary summer window.
        ("2026-07-31", "2026-08-28"),
    ])
    func resultsAreDueTwentyWorkingDaysAfterTheWindow(end: String, due: String) throws {
        let inspection = Self.inspection(end: end)
        #expect(inspection.resultDueDate == CalendarDate(iso: due))
        let dueDate = CalendarDate(iso: due)!
        #expect(!inspection.isLate(submittedOn: dueDate))
        #expect(inspection.isLate(submittedOn: dueDate.adding(days: 1)))
        #expect(inspection.isOverdue(today: dueDate.adding(days: 1)) && !inspection.isOverdue(today: dueDate))
        var approved = inspection
        approved.state = .approved
        #expect(!approved.isOverdue(today: dueDate.adding(days: 30)))
    }

    @Test func aYearWithoutANoticeHasNoDueDate() throws {
        #expect(Inspection.dueDate(windowEnd: CalendarDate(iso: "2031-07-31")!, calendar: try WorkCalendar.bundled()) == nil)
    }

    @Test func noticeRoundTripsAsFlatJSON() throws {
        let notice = Notice.notified(channel: .inPerson, date: CalendarDate(iso: "2026-07-02")!, by: "甲")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(notice), as: UTF8.self)
        #expect(text == #"{"by":"甲","channel":"inPerson","date":"2026-07-02","notified":true}"#)
        #expect(try JSONDecoder().decode(Notice.self, from: Data(text.utf8)) == notice)
        let silent = try JSONDecoder().decode(Notice.self, from: Data(#"{"notified":false,"legalGround":"《某法》第十条"}"#.utf8))
        #expect(silent == .notNotified(legalGround: "《某法》第十条"))
    }
}
