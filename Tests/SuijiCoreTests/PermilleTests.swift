// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Ratios in % with ‰ precision")
struct PermilleTests {
    @Test func percentagesWithOneDecimalAreRead() {
        #expect(Permille.fromPercent("3") == 30)
        #expect(Permille.fromPercent("0.5") == 5)
        #expect(Permille.fromPercent("12.5%") == 125)
        #expect(Permille.fromPercent("１００") == 1000)
        #expect(Permille.fromPercent("３．５％") == 35)
        #expect(Permille.fromPercent(" 7 ") == 70)
    }

    @Test func anythingElseIsRefused() {
        for text in ["", "3.55", "-1", "100.1", "abc", "1e2", "3.", ".5", "1000", "99999999999999999999"] {
            #expect(Permille.fromPercent(text) == nil, "\(text)")
        }
    }

    @Test func percentagesAreWrittenBack() {
        #expect(Permille.percentText(35) == "3.5%")
        #expect(Permille.percentText(1000) == "100%")
        #expect(Permille.percentField(5) == "0.5")
        for permille in 0...1000 { #expect(Permille.fromPercent(Permille.percentField(permille)) == permille) }
    }
}
