// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

extension DemoDistrict {
    /// The annual plan (§12) as the office finds it: version 1 published with the approved joint
    /// plan; later, the market regulator submitted a plan over every ceramics maker (product
    /// sampling and special equipment) while the environment and emergency bureaus submitted plans
    /// over the ceramics makers in their own libraries with alike methods, so two merge proposals
    /// wait (the two bureaus' plans share no target and are not proposed together); the culture
    /// bureau still has a draft and was reminded.
    static func buildAnnualPlan(stores: Stores, admins: [String: Caller], office: Caller, today: CalendarDate) async throws -> Int {
        let year = today.year
        _ = try await stores.annualPlans.publish(year: year, note: "", caller: office)
        let start = CalendarDate(year: year, month: 6, day: 1)!
        let end = CalendarDate(year: year, month: 12, day: 31)!
        let ceramics = TargetScope(kinds: [.company], industries: ["307"])
        let plans: [(String, String, String, [PlanItem])] = [
            (
                "SAMR", "\(year)-SAMR-02", "\(year) 年度日用陶瓷产品质量与特种设备安全抽查",
                [PlanItem(department: "SAMR", code: "SAMR-011"), PlanItem(department: "SAMR", code: "SAMR-008")]
            ),
            ("ECO", "\(year)-ECO-01", "\(year) 年度陶瓷企业排污许可执行情况抽查", [PlanItem(department: "ECO", code: "ECO-001")]),
            ("EMER", "\(year)-EMER-01", "\(year) 年度陶瓷企业安全生产（粉尘涉爆）抽查", [PlanItem(department: "EMER", code: "EMER-001")]),
        ]
        for (department, code, name, items) in plans {
            guard let admin = admins[department] else { continue }
            let plan = try await stores.plans.create(
                Plan(
                    code: code, name: name, year: year, initiator: department, items: items, scope: ceramics, windowStart: start,
                    windowEnd: end),
                caller: admin)
            _ = try await stores.plans.apply(.submit, to: plan.id, caller: admin)
        }
        if let culture = admins["CULT"] {
            _ = try await stores.plans.create(
                Plan(
                    code: "\(year)-CULT-01", name: "\(year) 年度娱乐场所与网吧联合抽查", year: year, initiator: "CULT", participants: ["PSB"],
                    items: [PlanItem(department: "CULT", code: "CULT-001"), PlanItem(department: "PSB", code: "PSB-002")],
                    windowStart: start, windowEnd: end),
                caller: culture)
            _ = try await stores.annualPlans.remind(department: "CULT", year: year, message: nil, caller: office)
        }
        return try await stores.mergeProposals.refresh(year: year, caller: office).count
    }
}
