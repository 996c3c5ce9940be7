// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

/// The rounding of a ratio — rule, label, default and the form's code — is one type (`Rounding`).
@Suite("Rounding of ratios")
struct RoundingTests {
    @Test func theRuleTheLabelAndTheDefaultLiveInOneType() {
        // validate
        #expect(RatioRounding.default == .ceil)
        #expect(Rounding.ceil.apply(permille: 50, of: 101) == 6)
        #expect(Rounding.floor.apply(permille: 50, of: 101) == 5)
        #expect(Rounding.roundHalfUp.apply(permille: 50, of: 110) == 6)
        #expect(Rounding.allCases.map(\.label) == ["向上取整（不低于）", "向下取整", "四舍五入"])
        #expect(SampleRule.perMille(50, .floor).sampleSize(stratumSize: 101) == Rounding.floor.apply(permille: 50, of: 101))
    }

    @Test func anEmptyFormFieldIsTheDefault() throws {
        // MUT + validate
        #expect(try RatioRounding(formValue: "") == .default)
        #expect(try RatioRounding(formValue: "round-half-up") == .roundHalfUp)
    }

    @Test func anUnknownRoundingIsAnErrorNamingTheField() {
        // MUT + validate: never silently `ceil`
        #expect {
            _ = try RatioRounding(formValue: "bankers")
        } throws: { error in
            guard case .invalid(let issues) = error as? PlanError else { return false }
            return issues.first?.field == "rounding" && issues.first?.message.contains("bankers") == true
        }
    }
}
