// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

/// List cells (item tags, qualifications, areas) split on the half- and full-width separators.
@Suite struct ListCellTests {
    @Test func splitsOnEverySeparatorTrimsAndDropsEmpties() {
        #expect(InputChecker.list(" SAMR-001；SAMR-002、SAMR-003,SAMR-004，SAMR-005|SAMR-006 ; ;") == (1...6).map { "SAMR-00\($0)" })
        #expect(InputChecker.list("　食品安全 ；　计量　") == ["食品安全", "计量"])
        #expect(InputChecker.list("单项") == ["单项"])
        #expect(InputChecker.list("") == [])
        #expect(InputChecker.list(nil) == [])
        #expect(InputChecker.list("；、，") == [])
        // Other full-width punctuation sharing a lead byte is not a separator.
        #expect(InputChecker.list("甲（乙）：丙") == ["甲（乙）：丙"])
    }

    @Test func datesTakeSlashesAndDots() {
        var checker = InputChecker()
        #expect(checker.date("2026/3/5", field: "d", label: "日期")?.iso == "2026-03-05")
        #expect(checker.date("2026.03.05", field: "d", label: "日期")?.iso == "2026-03-05")
        #expect(checker.isEmpty)
        #expect(checker.date("2026年3月5日", field: "d", label: "日期") == nil)
        #expect(!checker.isEmpty)
    }
}
