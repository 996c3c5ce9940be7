// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// Request and response bodies of the plan API.
enum PlanBodies {
    /// `POST /api/v1/plans`: the initiator is the caller's department.
    struct NewPlan: Decodable {
        struct Scope: Decodable {
            var kinds: [TargetKind]?
            var areas: [String]?
            var industries: [String]?
            var tags: [String]?
        }

        var code: String
        var name: String
        var year: Int
        var participants: [String]?
        var items: [PlanItem]
        var scope: Scope?
        var windowStart: CalendarDate
        var windowEnd: CalendarDate
        var notes: String?

        func plan(initiator: String) -> Plan {
            Plan(
                code: code, name: name, year: year, initiator: initiator, participants: participants ?? [], items: items,
                scope: TargetScope(
                    kinds: scope?.kinds ?? [], areas: scope?.areas ?? [], industries: scope?.industries ?? [], tags: scope?.tags ?? []),
                windowStart: windowStart, windowEnd: windowEnd, notes: notes ?? "")
        }
    }

    /// Per-mille ratios per risk class, `{A, B, C, D, rounding}`.
    struct Ratios: Codable {
        var a: Int
        var b: Int
        var c: Int
        var d: Int
        var rounding: RatioRounding?

        enum CodingKeys: String, CodingKey {
            case a = "A"
            case b = "B"
            case c = "C"
            case d = "D"
            case rounding
        }
    }

    /// `POST /api/v1/plans/:id/batches`: either `count` or `ratios`.
    struct NewBatch: Decodable {
        var code: String
        var start: CalendarDate
        var end: CalendarDate
        var count: Int?
        var ratios: Ratios?
        var crossUnit: Bool?
        var capExtra: Int?

        func batch(planID: Int64) throws -> Batch {
            let size: SampleSize
            switch (count, ratios) {
            case (let count?, nil): size = .count(count)
            case (nil, let r?): size = .ratios(a: r.a, b: r.b, c: r.c, d: r.d, rounding: r.rounding ?? .ceil)
            default:
                throw PlanError.invalid([FieldIssue(field: "count", message: "请填写抽取数量，或各风险等级的抽查比例（二者选一）")])
            }
            return Batch(
                planID: planID, code: code, start: start, end: end, size: size, crossUnit: crossUnit ?? false, capExtra: capExtra ?? 0)
        }
    }

    /// A batch in responses: the sample size as `count` or `ratios`.
    struct BatchDTO: Encodable {
        var id: Int64
        var planID: Int64
        var code: String
        var start: String
        var end: String
        var count: Int?
        var ratios: Ratios?
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
            case .ratios(let a, let b, let c, let d, let rounding): ratios = Ratios(a: a, b: b, c: c, d: d, rounding: rounding)
            }
            crossUnit = batch.crossUnit
            capExtra = batch.capExtra
        }
    }
}
