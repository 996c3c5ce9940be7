// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

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
///  "publicValue": {"date": "2026-12-04", "source": "中国福利彩票3D 第2026335期开奖号码", "value": "372",
///                  "note": "https://www.cwl.gov.cn/…"},
///  "redraw": {"reason": "…", "approver": "…"}}
/// ```
/// `batch` takes `count` instead of `ratios` for a fixed number; a `null` secret is a department
/// that misses the reveal; `publicValue` is the announced value as published (its day must be
/// past), or `exception` (approver and reason) draws without one; `revealDeadline` (ISO 8601)
/// is optional; `redraw` is needed when the batch already has a draw.
struct DrawRunFile: Decodable {
    struct RedrawPart: Decodable {
        var reason: String
        var approver: String
    }

    /// The announced public value and, as published on its day, its value and where it was read.
    struct PublicValuePart: Decodable {
        var date: String
        var source: String
        var value: String
        var note: String
    }

    var plan: PlanRequest
    var batch: BatchRequest
    var secrets: [String: String?]
    var publicValue: PublicValuePart?
    var exception: DrawAnnouncement.Exception?
    var revealDeadline: String?
    var redraw: RedrawPart?

    /// The plan; its file must name the initiator.
    var planValue: Plan {
        get throws {
            guard let initiator = plan.initiator else {
                throw PlanError.invalid([FieldIssue(field: "initiator", message: "计划文件须写明发起部门 initiator")])
            }
            return plan.plan(initiator: initiator)
        }
    }
}
