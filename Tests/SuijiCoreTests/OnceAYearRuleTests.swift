// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("The once-a-year rule (§14), per target and item")
struct OnceAYearRuleTests {
    static let licence = PlanItem(department: "SAMR", code: "SAMR-003")
    static let hygiene = PlanItem(department: "HEALTH", code: "HEALTH-002")
    static let food = PlanItem(department: "SAMR", code: "SAMR-009")

    @Test func onlyTheOrdinaryItemsCheckedBeforeExclude() {
        // Licence is a key item, hygiene is not.
        let rule = OnceAYearRule(year: 2026, items: [Self.licence, Self.hygiene], keyItems: [Self.licence])
        #expect(rule.applies)
        #expect(rule.verdict(earlier: [], flag: nil) == .eligible)
        // Checked on the key item only: may be drawn again.
        #expect(rule.verdict(earlier: [.init(source: "D-1", items: [Self.licence])], flag: nil) == .eligible)
        // Checked on another plan's item: not a repeat of this plan's items.
        #expect(rule.verdict(earlier: [.init(source: "D-1", items: [Self.food])], flag: nil) == .eligible)
        // Checked on hygiene: excluded, naming the item and the earlier draw.
        #expect(
            rule.verdict(earlier: [.init(source: "D-1", items: [Self.hygiene, Self.food])], flag: nil)
                == .excluded(repeated: [Self.hygiene], by: ["D-1"]))
        // A registry date has no items: read as every item.
        #expect(
            rule.verdict(earlier: [.init(source: "最近随机抽查日期", items: nil)], flag: nil)
                == .excluded(repeated: [Self.hygiene], by: ["最近随机抽查日期"]))
    }

    @Test func aKeyItemAloneNeverExcludes() {
        let rule = OnceAYearRule(year: 2026, items: [Self.licence], keyItems: [Self.licence])
        #expect(!rule.applies)
        #expect(rule.verdict(earlier: [.init(source: "D-1", items: nil)], flag: nil) == .eligible)
    }

    @Test func aCaseOfTheYearLiftsTheRule() {
        let rule = OnceAYearRule(year: 2026, items: [Self.hygiene], keyItems: [])
        let earlier = [OnceAYearRule.EarlierCheck(source: "D-1", items: [Self.hygiene])]
        let complaint = CaseFlag(kind: .complaint, date: CalendarDate(iso: "2026-05-03")!, source: "12315 平台")
        #expect(rule.verdict(earlier: earlier, flag: complaint) == .exempt(complaint))
        // A case of an earlier year does not.
        let old = CaseFlag(kind: .caseFiled, date: CalendarDate(iso: "2025-11-30")!, source: "立案决定书")
        #expect(rule.verdict(earlier: earlier, flag: old) == .excluded(repeated: [Self.hygiene], by: ["D-1"]))
        #expect(CaseFlag.Kind(label: "转办交办") == .referral)
        #expect(CaseFlag.Kind(label: "case-filed") == .caseFiled)
    }

    @Test func theImportCellsMakeACaseFlagOrNameTheField() {
        var input = TargetInput()
        input.creditCode = CreditCode.completing("9136020200000001" + String(CreditCode.organisationCheckCharacter("00000001")!))
        input.name = "景德镇某公司"
        input.kind = "公司"
        input.division = "360202"
        input.caseKind = "投诉举报"
        input.caseDate = "2026-05-03"
        input.caseSource = "12315 平台 No. 2026050300012"
        let target = try? input.validated(department: "SAMR").get()
        #expect(
            target?.caseFlag == CaseFlag(kind: .complaint, date: CalendarDate(iso: "2026-05-03")!, source: "12315 平台 No. 2026050300012"))
        #expect(TargetInput(target!).caseKind == "投诉举报")
        input.caseKind = "专项"
        input.caseDate = ""
        guard case .failure(.invalid(let issues)) = input.validated(department: "SAMR") else {
            Issue.record("accepted")
            return
        }
        #expect(issues.map(\.field) == ["caseKind", "caseDate"])
    }
}
