// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Department scoping over the API (谁监管、谁建设、谁维护)")
struct ScopingTests {
    static let code = CreditCode.completing("91360202" + "12345678" + String(CreditCode.organisationCheckCharacter("12345678")!))!

    @Test func adminSeesAndEditsOnlyOwnDepartment() async throws {
        try await withApp { _, client in
            let samr = try await token(client, "samr")
            let health = try await token(client, "health")
            let office = try await token(client, "office")
            let overseer = try await token(client, "overseer")
            let body: [String: Any] = [
                "creditCode": Self.code, "name": "景德镇市昌江区瓷韵陶瓷有限公司", "kind": "公司", "division": "360202", "riskClass": "C",
            ]
            // setup
            let id = try await client.execute(
                uri: "/api/v1/targets", method: .post, headers: [.authorization: "Bearer \(samr)", .contentType: "application/json"],
                body: json(body)
            ) { response in
                #expect(response.status == .created)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                return object?["id"] as? Int ?? 0
            }
            // validate: another department gets 404 for reads and writes
            try await client.execute(uri: "/api/v1/targets/\(id)", method: .get, headers: [.authorization: "Bearer \(health)"]) {
                response in
                #expect(response.status == .notFound)
            }
            try await client.execute(
                uri: "/api/v1/targets/\(id)", method: .put,
                headers: [.authorization: "Bearer \(health)", .contentType: "application/json"], body: json(body)
            ) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/targets", method: .get, headers: [.authorization: "Bearer \(health)"]) { response in
                #expect(String(buffer: response.body).contains(#""total":0"#))
            }
            // the office and the overseer see it; neither may change it
            for reader in [office, overseer] {
                try await client.execute(uri: "/api/v1/targets/\(id)", method: .get, headers: [.authorization: "Bearer \(reader)"]) {
                    response in
                    #expect(response.status == .ok)
                }
                try await client.execute(
                    uri: "/api/v1/targets/\(id)", method: .put,
                    headers: [.authorization: "Bearer \(reader)", .contentType: "application/json"], body: json(body)
                ) { response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains(#""code":"forbidden""#))
                }
            }
            try await client.execute(
                uri: "/api/v1/targets", method: .post, headers: [.authorization: "Bearer \(overseer)", .contentType: "application/json"],
                body: json(body)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func invalidBodyNamesTheField() async throws {
        try await withApp { _, client in
            let samr = try await token(client, "samr")
            var body: [String: Any] = ["creditCode": Self.code, "name": "某公司", "kind": "公司", "division": "360202"]
            body["creditCode"] = String(Self.code.dropLast()) + (Self.code.hasSuffix("0") ? "1" : "0")
            try await client.execute(
                uri: "/api/v1/targets", method: .post, headers: [.authorization: "Bearer \(samr)", .contentType: "application/json"],
                body: json(body)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let text = String(buffer: response.body)
                #expect(text.contains(#""field":"creditCode""#))
                #expect(text.contains("校验码错误"))
            }
        }
    }

    @Test func pagesAnswerForEveryRole() async throws {
        try await withApp { fixture, client in
            let samr = Caller(account: try await fixture.stores.accounts.all().first { $0.username == "samr" }!, at: WebFixture.now)
            var input = TargetInput()
            input.creditCode = Self.code
            input.name = "景德镇市昌江区瓷韵陶瓷有限公司"
            input.kind = "公司"
            input.division = "360202"
            let target = try await fixture.stores.targets.create(input, caller: samr)
            for user in ["samr", "health", "office", "overseer", "inspector"] {
                let session = try await login(client, user)
                for path in ["/", "/targets", "/items", "/inspectors", "/experts", "/targets?q=瓷&risk_class=B&page=2"] {
                    let uri = path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                    try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie]) { response in
                        #expect(response.status == .ok, "\(user) \(path)")
                    }
                }
                try await client.execute(uri: "/targets/\(target.id)", method: .get, headers: [.cookie: session.cookie]) { response in
                    let visible = ["samr", "office", "overseer", "inspector"].contains(user)
                    #expect(response.status == (visible ? .ok : .notFound), "\(user)")
                    if !visible { #expect(!String(buffer: response.body).contains("瓷韵")) }
                }
            }
        }
    }
}
