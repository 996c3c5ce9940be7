// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import Testing

@Suite("Scheduled lowering of the credit rule (§19)")
struct CreditLoweringRuleTests {
    let rule = CreditRule.standard

    func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    func record(_ iso: String, problem: Bool = false) -> CreditRecord {
        CreditRecord(inspectionID: 1, date: day(iso), department: "SAMR", categories: [], problem: problem, serious: false)
    }

    @Test func aTargetNotInspectedAgainIsLoweredTwelveMonthsAfterItsProblem() {
        let history = [record("2026-09-03", problem: true)]
        #expect(rule.lowering(current: .c, history: history, today: day("2027-09-02")) == nil)
        let due = rule.lowering(current: .c, history: history, today: day("2027-09-03"))
        #expect(due == CreditDecision(riskClass: .b, reason: "连续12个月未发现问题，风险等级下调一级"))
        // The last lowering starts a new span; the floor is A; no record, no lowering.
        #expect(rule.lowering(current: .b, history: history, today: day("2028-09-02"), lastLowered: day("2027-09-03")) == nil)
        #expect(rule.lowering(current: .b, history: history, today: day("2028-09-03"), lastLowered: day("2027-09-03"))?.riskClass == .a)
        #expect(rule.lowering(current: .a, history: history, today: day("2030-01-01")) == nil)
        #expect(rule.lowering(current: .d, history: [], today: day("2030-01-01")) == nil)
        // Records after the day judged do not count.
        #expect(rule.lowering(current: .c, history: history + [record("2027-09-10", problem: true)], today: day("2027-09-03")) != nil)
    }
}

@Suite("Attachment rules (§16.3)")
struct AttachmentRulesTests {
    @Test func theTypeIsRecognisedFromTheContent() throws {
        #expect(AttachmentRules.mediaType(of: [0xFF, 0xD8, 0xFF, 0xDB, 0]) == "image/jpeg")
        #expect(AttachmentRules.mediaType(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == "image/png")
        #expect(AttachmentRules.mediaType(of: Array("%PDF-1.4".utf8)) == "application/pdf")
        #expect(AttachmentRules.mediaType(of: [0x49, 0x49, 0x2A, 0x00, 8]) == "image/tiff")
        #expect(AttachmentRules.mediaType(of: Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "image/webp")
        #expect(AttachmentRules.mediaType(of: [0, 0, 0, 24] + Array("ftypheic".utf8)) == "image/heic")
        #expect(AttachmentRules.mediaType(of: Array("<html>".utf8)) == nil)
        #expect(AttachmentRules.fileName("/tmp/../照片 1.jpg ") == "照片 1.jpg")
        #expect(AttachmentRules.fileName("C:\\扫描\\记录.pdf") == "记录.pdf")
        #expect(try AttachmentRules.check(fileName: "a.pdf", content: Array("%PDF-1.7".utf8)) == "application/pdf")
        #expect(throws: InspectionError.self) { try AttachmentRules.check(fileName: "", content: [0xFF, 0xD8, 0xFF]) }
    }
}
