// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@testable import SuijiWeb

/// Issue 11.8 over HTTP: sizes, control characters and impossible dates are refused at input,
/// naming the field.
@Suite("Bounds on meaning over the API, forms and imports")
struct InputMeaningTests {
    static func error(_ json: [String: Any]) -> (field: String?, message: String) {
        let error = json["error"] as? [String: Any]
        return (error?["field"] as? String, error?["message"] as? String ?? "")
    }

    @Test func batchSizesAndDatesNameTheField() async throws {
        try await withApp { fixture, client in
            // setup
            try await PlanDrawFixture.seed(fixture)
            let (plan, _) = try await PlanDrawFixture.approvedPlan(client)
            let samr = try await token(client, "samr")
            let uri = "/api/v1/plans/\(plan)/batches"
            func post(_ changes: [String: Any]) async throws -> (status: HTTPResponse.Status, field: String?, message: String) {
                var body = PlanDrawFixture.batch.merging(["code": "B9"]) { $1 }
                for (key, value) in changes { body[key] = value }
                if changes["count"] != nil { body["ratios"] = nil }
                let result = try await PlanDrawFixture.call(client, .post, uri, token: samr, body: body)
                let error = Self.error(result.json)
                return (result.status, error.field, error.message)
            }
            // MUT + validate
            var result = try await post(["count": Int.max])
            #expect(result.status == .unprocessableContent && result.field == "count")
            result = try await post(["count": 5, "capExtra": Int.max])
            #expect(result.status == .unprocessableContent && result.field == "capExtra")
            result = try await post(["ratios": ["A": 0, "B": 0, "C": 0, "D": 0]])
            #expect(result.status == .unprocessableContent && result.field == "ratios")
            result = try await post(["count": 1e30])
            #expect(result.status == .badRequest && result.field == "count", "\(result)")
            result = try await post(["start": "2026-02-30"])
            #expect(result.status == .badRequest && result.field == "start" && result.message.contains("2026-02-30"), "\(result)")
            result = try await post(["end": "2026-13-01"])
            #expect(result.status == .badRequest && result.field == "end")
            result = try await post(["ratios": ["A": 1, "B": 0, "C": 0, "D": 0, "rounding": "sideways"]])
            #expect(result.status == .badRequest && result.field == "ratios.rounding", "\(result)")
            // a plan window with an impossible date
            var impossible = PlanDrawFixture.plan
            impossible["code"] = "2026-SAMR-09"
            impossible["windowEnd"] = "2026-11-31"
            let created = try await PlanDrawFixture.call(client, .post, "/api/v1/plans", token: samr, body: impossible)
            #expect(created.status == .badRequest && Self.error(created.json).field == "windowEnd")
        }
    }

    @Test func controlCharactersAreRefusedEverywhere() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let samr = try await token(client, "samr")
            // a JSON library write: the field is named, nothing stored
            let target: [String: Any] = [
                "creditCode": PlanDrawFixture.company(500), "name": "某某\u{0}商店", "kind": "公司", "division": "360202",
            ]
            var result = try await PlanDrawFixture.call(client, .post, "/api/v1/targets", token: samr, body: target)
            #expect(result.status == .badRequest && Self.error(result.json).field == "name", "\(result)")
            result = try await PlanDrawFixture.call(
                client, .post, "/api/v1/targets", token: samr, body: target.merging(["name": "商店", "address": "\u{202E}路号"]) { $1 })
            #expect(result.status == .badRequest && Self.error(result.json).field == "address")
            // a plan's notes
            var plan = PlanDrawFixture.plan
            plan["notes"] = "说明\u{2067}"
            result = try await PlanDrawFixture.call(client, .post, "/api/v1/plans", token: samr, body: plan)
            #expect(result.status == .badRequest && Self.error(result.json).field == "notes")
            #expect(try await fixture.stores.targets.list(scope: .all, query: ListQuery(search: "商店")).total == 0)
            // an import: the row and column are named
            let csv = "统一社会信用代码,名称,类型,所属区划\n\(PlanDrawFixture.company(501)),第\u{202E}一公司,公司,360202\n"
            try await client.execute(
                uri: "/api/v1/imports/targets", method: .post, headers: [.authorization: "Bearer \(samr)", .contentType: "text/csv"],
                body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(body.contains(#""row":2"#) && body.contains("U+202E"), "\(body)")
            }
            // a staff form: the form comes back with the field's issue
            let session = try await login(client, "samr")
            let form =
                "_csrf=\(session.csrf)&creditCode=\(PlanDrawFixture.company(502))&name=%E5%95%86%00%E5%BA%97&kind=%E5%85%AC%E5%8F%B8&division=360202"
            try await client.execute(
                uri: "/targets", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("名称含有不可见的控制字符 U+0000"))
            }
        }
    }

    @Test func aFullWidthCreditCodeIsRead() async throws {
        try await withApp { fixture, client in
            let samr = try await token(client, "samr")
            let code = PlanDrawFixture.company(77)
            let fullWidth = String(String.UnicodeScalarView(code.unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
            let result = try await PlanDrawFixture.call(
                client, .post, "/api/v1/targets", token: samr,
                body: ["creditCode": fullWidth, "name": "全角代码公司", "kind": "公司", "division": "360202"])
            #expect(result.status == .created)
            #expect(result.json["uid"] as? String == code)
        }
    }
}

/// The JSON decoder judges only what a body type decodes, and names nested fields.
@Suite("Text checks of JSON bodies")
struct TextCheckingDecoderTests {
    struct Body: Decodable {
        struct Item: Decodable { var notes: String }
        var name: String
        var items: [Item]
        var tags: [String]?
        var when: CalendarDate?
    }

    static func decode(_ json: String) throws -> Body {
        try AppRequestDecoder.decode(Body.self, from: Data(json.utf8))
    }

    @Test func unknownFieldsAreIgnoredKnownOnesChecked() throws {
        // An unknown field with a control character (in its name and value) is ignored …
        let body = try Self.decode(#"{"name":"甲","items":[],"x\u0001":"\u0000","extra":{"y":"\u202e"}}"#)
        #expect(body.name == "甲")
        // … a known one, however deep, is refused naming its path.
        for (json, field) in [
            (#"{"name":"甲\u0000","items":[]}"#, "name"), (#"{"name":"甲","items":[{"notes":"ok"},{"notes":"\u202e"}]}"#, "items.1.notes"),
            (#"{"name":"甲","items":[],"tags":["a","\u2066b"]}"#, "tags.1"),
        ] {
            #expect {
                _ = try Self.decode(json)
            } throws: { error in
                (error as? any DomainError)?.field == field
            }
        }
    }

    @Test func anExplicitNullIsRefusedNamingTheField() throws {
        #expect(try Self.decode(#"{"name":"甲","items":[]}"#).when == nil)
        #expect {
            _ = try Self.decode(#"{"name":"甲","items":[],"when":null}"#)
        } throws: { error in
            (error as? any DomainError)?.field == "when" && (error as? any DomainError)?.message.contains("null") == true
        }
    }
}
