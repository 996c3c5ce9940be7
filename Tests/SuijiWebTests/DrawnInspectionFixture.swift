// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

extension PlanDrawFixture {
    /// Every inspection, as the system sees them.
    static func allInspections(_ fixture: WebFixture) async throws -> [Inspection] {
        try await InspectionStore(database: fixture.stores.database).list(
            for: Caller.system(at: WebFixture.now).account, InspectionQuery(limit: nil))
    }

    /// The seeded libraries, an approved plan and its executed draw: the first inspection and all
    /// of them, with a login for the first one's team leader when `leader` names it.
    static func drawnInspection(
        _ fixture: WebFixture, _ client: some TestClientProtocol, leader: String? = "leader"
    ) async throws -> (inspection: Inspection, all: [Inspection]) {
        try await seed(fixture)
        let (_, batch) = try await approvedPlan(client)
        _ = try await executedDraw(client, batch: batch)
        let all = try await allInspections(fixture)
        if let leader { try await InspectionAPITests.inspectorAccount(fixture, leader, id: all[0].team[0].id, department: "SAMR") }
        return (all[0], all)
    }

    /// `drawnInspection`'s first inspection entered by its leader (SAMR-001 no problem, HEALTH-001
    /// `healthCategory`), approved and published by SAMR through the API.
    static func publishedInspection(
        _ fixture: WebFixture, _ client: some TestClientProtocol, healthCategory: String
    ) async throws -> Inspection {
        let (target, _) = try await drawnInspection(fixture, client)
        let leader = try await token(client, "leader")
        let samr = try await token(client, "samr")
        let uri = "/api/v1/inspections/\(target.id)"
        for (code, category) in [("SAMR-001", "no-problem"), ("HEALTH-001", healthCategory)] {
            let body: [String: Any] = ["itemCode": code, "methods": ["onSite"], "category": category]
            #expect(try await call(client, .post, "\(uri)/findings", token: leader, body: body).status == .ok)
        }
        #expect(try await call(client, .post, "\(uri)/submit", token: leader).status == .ok)
        for action in ["approve", "publish"] {
            #expect(try await call(client, .post, "\(uri)/review", token: samr, body: ["action": action]).status == .ok)
        }
        return target
    }
}
