// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SuijiCore
import Testing

/// The main staff pages, the public target page and the main API answers of one fixed scenario,
/// byte for byte (`GoldenFile`): the seeded libraries, an approved and published joint plan, its
/// executed draw and one published inspection (`PlanDrawFixture.publishedInspection`).
@Suite("Main pages and API answers, golden")
struct MainPagesGoldenTests {
    /// The scenario: the published inspection and its plan, published on the portal by the office.
    static func scenario(_ fixture: WebFixture, _ client: some TestClientProtocol) async throws -> (uid: String, planID: Int) {
        let inspection = try await PlanDrawFixture.publishedInspection(fixture, client, healthCategory: "not-publicized")
        let planID = Int(inspection.planID)
        let office = try await token(client, "office")
        #expect(try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(planID)/actions/publish", token: office).status == .ok)
        return (inspection.target.uid, planID)
    }

    /// A JSON answer's body, expecting 200.
    static func answer(_ client: some TestClientProtocol, _ uri: String, token: String? = nil) async throws -> Data {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            #expect(response.status == .ok, "\(uri)")
            return Data(buffer: response.body)
        }
    }

    @Test func theMainPagesAreTheGoldens() async throws {
        try await withApp { fixture, client in
            let (uid, planID) = try await Self.scenario(fixture, client)
            let samr = try await login(client, "samr")
            for (uri, name) in [("/", "home-samr.html"), ("/plans/\(planID)", "plan.html"), ("/targets", "targets.html")] {
                let page = try await InspectionPagesTests.page(client, uri, samr)
                #expect(page.status == .ok, "\(uri)")
                try GoldenFile.check(try GoldenFile.main(page.html), name)
            }
            let office = try await login(client, "office")
            let officeHome = try await InspectionPagesTests.page(client, "/", office)
            try GoldenFile.check(try GoldenFile.main(officeHome.html), "home-office.html")
            let target = try await anonymousPage(client, "/public/targets/\(uid)")
            #expect(target.status == .ok)
            try GoldenFile.check(try GoldenFile.main(target.html), "public-target.html")
        }
    }

    @Test func theMainAPIAnswersAreTheGoldens() async throws {
        try await withApp { fixture, client in
            let (uid, planID) = try await Self.scenario(fixture, client)
            let samr = try await token(client, "samr")
            let targets = try await Self.answer(client, "/api/v1/targets?perPage=10", token: samr)
            try GoldenFile.check(try GoldenFile.json(targets), "api-targets.json")
            let plan = try await Self.answer(client, "/api/v1/plans/\(planID)", token: samr)
            try GoldenFile.check(try GoldenFile.json(plan), "api-plan.json")
            let record = try await Self.answer(client, "/api/v1/public/targets/\(uid)")
            try GoldenFile.check(try GoldenFile.json(record), "api-public-target.json")
        }
    }
}
