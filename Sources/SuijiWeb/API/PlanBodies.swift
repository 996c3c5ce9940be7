// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// Request and response bodies of the plan API.
enum PlanBodies {
    /// A batch in responses: the sample size as `count` or `ratios`.
    struct BatchDTO: Encodable {
        var id: Int64
        var planID: Int64
        var code: String
        var start: String
        var end: String
        var count: Int?
        var ratios: RatioRequest?
        var crossUnit: Bool
        var capExtra: Int

        init(_ batch: Batch) {
            id = batch.id
            planID = batch.planID
            code = batch.code
            start = batch.start.iso
            end = batch.end.iso
            switch batch.size {
            case .count(let n): count = n
            case .ratios(let a, let b, let c, let d, let rounding): ratios = RatioRequest(a: a, b: b, c: c, d: d, rounding: rounding)
            }
            crossUnit = batch.crossUnit
            capExtra = batch.capExtra
        }
    }
}
