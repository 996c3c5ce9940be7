// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// The batch form's fields (new batch on the plan page, `/batches/:id/edit`): ratios are
/// entered in % with ‰ precision ("0.5" = 5 ‰). Stored properties only.
struct BatchFormValues {
    var code = ""
    var start = ""
    var end = ""
    var count = ""
    var ratios = false
    var a = "0"
    var b = "0"
    var c = "0"
    var d = "0"
    var capExtra = "0"
    var crossUnit = false
    var roundings: [FieldOption] = BatchFormValues.roundings(.default)

    init() {}

    /// The values as posted (kept when the form comes back with errors or a preview).
    init(_ form: FormFields) {
        code = form.value("code")
        start = form.value("start")
        end = form.value("end")
        count = form.value("count")
        ratios = form.value("mode") == "ratios"
        (a, b, c, d) = (form.value("a"), form.value("b"), form.value("c"), form.value("d"))
        capExtra = form.value("capExtra")
        crossUnit = !form.value("crossUnit").isEmpty
        // An unknown rounding is refused by the form's parsing (`RatioRounding(formValue:)`); the
        // form shown again with that error selects the default.
        roundings = Self.roundings((try? RatioRounding(formValue: form.value("rounding"))) ?? .default)
    }

    /// The values of a stored batch.
    init(_ batch: Batch) {
        code = batch.code
        start = batch.start.iso
        end = batch.end.iso
        switch batch.size {
        case .count(let n): count = String(n)
        case .ratios(let a, let b, let c, let d, let rounding):
            ratios = true
            (self.a, self.b, self.c, self.d) = (
                Permille.percentField(a), Permille.percentField(b), Permille.percentField(c), Permille.percentField(d)
            )
            roundings = Self.roundings(rounding)
        }
        capExtra = String(batch.capExtra)
        crossUnit = batch.crossUnit
    }

    static func roundings(_ chosen: RatioRounding) -> [FieldOption] {
        RatioRounding.allCases.map { FieldOption(value: $0.rawValue, label: $0.label, selected: $0 == chosen) }
    }
}
