// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// The JSON file of `suiji draw run`: a plan, one batch and each department's secret, so a draw
/// can go through commit → reveal → execute in one command (batch use, tests, rehearsals).
///
/// ```json
/// {"plan": {"code": "2026-SAMR-01", "name": "…", "year": 2026, "initiator": "SAMR", "participants": ["HEALTH"],
///           "items": [{"department": "SAMR", "code": "SAMR-001"}, {"department": "HEALTH", "code": "HEALTH-001"}],
///           "scope": {"kinds": ["company"], "areas": ["360202"], "industries": [], "tags": []},
///           "windowStart": "2026-06-01", "windowEnd": "2026-11-30"},
///  "batch": {"code": "B1", "start": "2026-07-01", "end": "2026-07-31",
///            "ratios": {"A": 30, "B": 50, "C": 100, "D": 1000, "rounding": "ceil"}},
///  "secrets": {"SAMR": "<64 hex>", "HEALTH": null},
///  "redraw": {"reason": "…", "approver": "…"}}
/// ```
/// `batch` takes `count` instead of `ratios` for a fixed number; a `null` secret is a department
/// that misses the reveal; `redraw` is needed when the batch already has a draw.
struct DrawRunFile: Decodable {
    struct PlanPart: Decodable {
        var code: String
        var name: String
        var year: Int
        var initiator: String
        var participants: [String]?
        var items: [PlanItem]
        var scope: TargetScope?
        var windowStart: CalendarDate
        var windowEnd: CalendarDate
        var notes: String?
    }

    struct Ratios: Decodable {
        var A: Int
        var B: Int
        var C: Int
        var D: Int
        var rounding: RatioRounding?
    }

    struct BatchPart: Decodable {
        var code: String
        var start: CalendarDate
        var end: CalendarDate
        var count: Int?
        var ratios: Ratios?
        var crossUnit: Bool?
        var capExtra: Int?
    }

    struct RedrawPart: Decodable {
        var reason: String
        var approver: String
    }

    var plan: PlanPart
    var batch: BatchPart
    var secrets: [String: String?]
    var redraw: RedrawPart?

    var planValue: Plan {
        Plan(
            code: plan.code, name: plan.name, year: plan.year, initiator: plan.initiator, participants: plan.participants ?? [],
            items: plan.items, scope: plan.scope ?? TargetScope(), windowStart: plan.windowStart, windowEnd: plan.windowEnd,
            notes: plan.notes ?? "")
    }

    func batchValue(planID: Int64) throws -> Batch {
        let size: SampleSize
        if let count = batch.count {
            size = .count(count)
        } else if let ratios = batch.ratios {
            size = .ratios(a: ratios.A, b: ratios.B, c: ratios.C, d: ratios.D, rounding: ratios.rounding ?? .ceil)
        } else {
            throw PlanError.invalid([FieldIssue(field: "batch", message: "批次须给出 count 或 ratios")])
        }
        return Batch(
            planID: planID, code: batch.code, start: batch.start, end: batch.end, size: size, crossUnit: batch.crossUnit ?? false,
            capExtra: batch.capExtra ?? 0)
    }
}
