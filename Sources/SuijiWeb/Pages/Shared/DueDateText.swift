// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// A result due date as pages show it: "—" while unknown, "（暂定）" after a provisional one
/// (a year without a State Council holiday notice: it may move when the notice is loaded).
enum DueDateText {
    static func of(_ inspection: Inspection) -> String {
        guard let due = inspection.resultDueDate else { return "—" }
        return ChinaTime.day(due) + (inspection.resultDueDateProvisional ? "（暂定）" : "")
    }
}
