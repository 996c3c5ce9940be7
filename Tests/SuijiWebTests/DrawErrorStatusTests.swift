// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

@Suite("Draw errors over HTTP")
struct DrawErrorStatusTests {
    @Test func aSecretThatDoesNotMatchItsCommitmentIsTheCallersError() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (_, batch) = try await PlanDrawFixture.approvedPlan(client)
            let samr = try await token(client, "samr")
            let prepared = try await PlanDrawFixture.call(
                client, .post, "/api/v1/batches/\(batch)/draws", token: samr, body: ["announcement": PlanDrawFixture.exception])
            let id = prepared.json["id"] as? String ?? ""
            for department in ["SAMR", "HEALTH"] {
                let body = ["department": department, "commitment": PlanDrawFixture.commitment(department, id)]
                let token = try await token(client, department.lowercased())
                #expect(
                    try await PlanDrawFixture.call(client, .post, "/api/v1/draws/\(id)/commitments", token: token, body: body).status == .ok
                )
            }
            let wrong = Bytes.hex([UInt8](repeating: 1, count: 32))
            let refused = try await PlanDrawFixture.call(
                client, .post, "/api/v1/draws/\(id)/reveals", token: samr, body: ["department": "SAMR", "secret": wrong])
            #expect(refused.status == .unprocessableContent)
            let error = refused.json["error"] as? [String: Any] ?? [:]
            #expect(error["field"] as? String == "secret")
            #expect((error["message"] as? String)?.contains("承诺不符") == true)
        }
    }

    @Test func errorKinds() {
        #expect(DrawError.commitmentMismatch(department: "SAMR").kind == .invalid)
        #expect(DrawError.matchingInfeasible(unfilled: 3).kind == .conflict)
        #expect(DrawError.missingFile(name: "pool.txt").kind == .conflict)
    }
}
