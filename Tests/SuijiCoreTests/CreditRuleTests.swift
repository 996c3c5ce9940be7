// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import Testing

@Suite("Credit rule (§19)")
struct CreditRuleTests {
    let rule = CreditRule.standard

    func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    func record(_ iso: String, problem: Bool = false, serious: Bool = false) -> CreditRecord {
        CreditRecord(inspectionID: 1, date: day(iso), department: "SAMR", categories: [], problem: problem, serious: serious)
    }

    @Test func aProblemRaisesOneStepAndDStaysD() {
        let history = [record("2026-08-01", problem: true)]
        #expect(rule.newClass(current: .a, history: history, today: day("2026-08-01")).riskClass == .b)
        #expect(rule.newClass(current: .b, history: history, today: day("2026-08-01")).riskClass == .c)
        let up = rule.newClass(current: .c, history: history, today: day("2026-08-01"))
        #expect(up.riskClass == .d && up.reason.contains("上调一级"))
        #expect(rule.newClass(current: .d, history: history, today: day("2026-08-01")) == CreditDecision(riskClass: .d, reason: ""))
    }

    @Test func seriousNonCooperationOrFalsePublicitySetsD() {
        let history = [record("2026-08-01", serious: true)]
        let decision = rule.newClass(current: .a, history: history, today: day("2026-08-01"))
        #expect(decision.riskClass == .d && decision.reason.contains("D类"))
        #expect(rule.newClass(current: .d, history: history, today: day("2026-08-01")).reason.isEmpty)
        let inspectionRecord = CreditRecord(
            inspection: Inspection(
                id: 3, drawID: "x", planID: 1, initiator: "SAMR", departments: ["SAMR"], windowStart: day("2026-07-01"),
                windowEnd: day("2026-07-31"), target: InspectedTarget(uid: "u", name: "n", kind: nil), team: [], items: [],
                findings: [
                    Finding(
                        item: PlanItem(department: "SAMR", code: "1"), methods: [], category: .falsePublicity, enteredBy: "x",
                        enteredAt: .now)
                ], resultDueDate: nil, createdAt: .now), date: day("2026-08-01"))
        #expect(inspectionRecord.serious && inspectionRecord.problem && inspectionRecord.categories == ["false-publicity"])
    }

    @Test func twelveCleanMonthsLowerOneStep() {
        let history = [record("2025-08-01", problem: true), record("2026-08-01")]
        let lowered = rule.newClass(current: .c, history: history, today: day("2026-08-01"))
        #expect(lowered.riskClass == .b && lowered.reason.contains("下调一级"))
        // Less than 12 months since the problem: the raise holds.
        let early = [record("2025-08-01", problem: true), record("2026-07-31")]
        #expect(rule.newClass(current: .c, history: early, today: day("2026-07-31")).riskClass == .c)
        let recent = [record("2025-09-01", problem: true), record("2026-08-01")]
        #expect(rule.newClass(current: .c, history: recent, today: day("2026-08-01")).riskClass == .c)
        // A lowering starts a new clean span; A is the floor.
        #expect(rule.newClass(current: .b, history: history, today: day("2026-08-01"), lastLowered: day("2026-03-01")).riskClass == .b)
        #expect(rule.newClass(current: .a, history: history, today: day("2026-08-01")).riskClass == .a)
        // Only clean records: 12 months from the first.
        let clean = [record("2025-06-01"), record("2026-06-01")]
        #expect(rule.newClass(current: .b, history: clean, today: day("2026-06-01")).riskClass == .a)
        #expect(rule.newClass(current: .b, history: [record("2026-06-01")], today: day("2026-06-01")).riskClass == .b)
    }

    @Test func noRecordChangesNothingAndRulesAreConfigurable() {
        #expect(rule.newClass(current: .b, history: [], today: day("2026-01-01")) == CreditDecision(riskClass: .b, reason: ""))
        #expect(rule.newClass(current: .b, history: [record("2027-01-01", problem: true)], today: day("2026-01-01")).riskClass == .b)
        let strict = CreditRule(raiseMonths: 24, cleanMonths: 24, seriousClass: .c, floor: .b)
        #expect(strict.newClass(current: .a, history: [record("2026-01-01", serious: true)], today: day("2026-01-01")).riskClass == .c)
        let history = [record("2025-01-01", problem: true), record("2026-01-01")]
        #expect(strict.newClass(current: .c, history: history, today: day("2026-01-01")).riskClass == .c)
        #expect(strict.newClass(current: .c, history: history, today: day("2027-01-01")).riskClass == .b)
        #expect(strict.newClass(current: .b, history: history, today: day("2027-01-01")).riskClass == .b)
    }

    @Test func stepsAndMonths() {
        #expect(RiskClass.a.step(1) == .b && RiskClass.d.step(1) == nil && RiskClass.a.step(-1) == nil)
        #expect(day("2026-01-31").addingMonths(1).iso == "2026-02-28")
        #expect(day("2024-02-29").addingMonths(12).iso == "2025-02-28")
        #expect(day("2026-11-15").addingMonths(3).iso == "2027-02-15")
    }
}
