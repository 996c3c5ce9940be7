// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

/// Issue 11.8: bounds on meaning — sizes, control characters, full-width codes.
@Suite("Bounds on the meaning of inputs")
struct InputBoundsTests {
    static let plan = Plan(
        code: "2026-SAMR-01", name: "联合抽查", year: 2026, initiator: "SAMR", items: [PlanItem(department: "SAMR", code: "SAMR-001")],
        windowStart: CalendarDate(iso: "2026-01-01")!, windowEnd: CalendarDate(iso: "2026-12-31")!)

    static func batch(_ size: SampleSize, capExtra: Int = 0) -> Batch {
        Batch(
            planID: 1, code: "B1", start: CalendarDate(iso: "2026-03-01")!, end: CalendarDate(iso: "2026-03-31")!, size: size,
            capExtra: capExtra)
    }

    @Test func hugeCountsAndAllZeroRatiosAreRefusedNamingTheField() {
        #expect(Self.batch(.count(Int.max)).validate(in: Self.plan).map(\.field) == ["count"])
        #expect(Self.batch(.count(Batch.maxCount)).validate(in: Self.plan).isEmpty)
        #expect(Self.batch(.count(10), capExtra: Int.max).validate(in: Self.plan).map(\.field) == ["capExtra"])
        #expect(Self.batch(.count(10), capExtra: -1).validate(in: Self.plan).map(\.field) == ["capExtra"])
        let zero = Self.batch(.ratios(a: 0, b: 0, c: 0, d: 0, rounding: .ceil)).validate(in: Self.plan)
        #expect(zero.map(\.field) == ["ratios"] && zero[0].message.contains("不能全为 0"))
        #expect(Self.batch(.ratios(a: 0, b: 0, c: 0, d: 1, rounding: .ceil)).validate(in: Self.plan).isEmpty)
    }

    @Test func controlAndBidiCharactersAreForbidden() {
        for text in ["a\u{0}b", "\u{202E}gpj.exe", "名称\u{2066}", "x\u{200F}", "\u{1B}[31m", "\u{85}", "\u{7F}", "\u{061C}"] {
            #expect(TextSafety.forbidden(in: text) != nil, "\(text.unicodeScalars.map(\.value))")
        }
        for text in ["景德镇市昌江区某某商店", "第一行\n第二行\t备注", "A–B “引号” — ™ €", "😀", "\u{2028}"] {
            #expect(TextSafety.forbidden(in: text) == nil, "\(text)")
        }
        let issue = TextSafety.issue("某某\u{202E}公司", field: "name", label: "名称")
        #expect(issue == FieldIssue(field: "name", message: "名称含有不可见的文字方向控制字符 U+202E，请删除后重新提交"))
        #expect(TextSafety.issue("a\u{0}", field: "notes", label: "备注")?.message == "备注含有不可见的控制字符 U+0000，请删除后重新提交")
    }

    @Test func requiredTextsAndPlansAreChecked() {
        var checker = InputChecker()
        _ = checker.required("某某\u{0}商店", field: "name", label: "名称")
        #expect(checker.issues.map(\.field) == ["name"])
        var plan = Self.plan
        plan.notes = "说明\u{202E}"
        #expect(plan.validate().map(\.field) == ["notes"])
    }

    @Test func fullWidthCreditCodesReadAsHalfWidth() throws {
        let body = "12345678"
        let valid = try #require(CreditCode.completing("91360202" + body + String(CreditCode.organisationCheckCharacter(body)!)))
        let fullWidth = String(String.UnicodeScalarView(valid.unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        #expect(try CreditCode(fullWidth).value == valid)
        #expect(try CreditCode("　" + fullWidth.lowercased() + " ").value == valid)
        // 18 characters, one of them not a code character: the message names it, not the length.
        var mixed = Array(valid)
        mixed[4] = "、"
        #expect(throws: CreditCodeError.invalidCharacter(position: 5, character: "、")) { try CreditCode(String(mixed)) }
        #expect(throws: CreditCodeError.length(17)) { try CreditCode(String(fullWidth.dropLast())) }
    }
}
