// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Import and export over the API")
struct ImportExportAPITests {
    static func code(_ n: Int) -> String {
        let body = String(format: "%08d", n)
        return CreditCode.completing("92360202" + body + String(CreditCode.organisationCheckCharacter(body)!))!
    }

    static func sheet(rows: Int, badRow: Int? = nil) -> String {
        var lines = ["统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级"]
        for n in 1...rows {
            var code = code(n)
            if n == badRow { code = String(code.dropLast()) + (code.hasSuffix("1") ? "2" : "1") }
            lines.append("\(code),昌江区第\(n)号瓷器店,个体工商户,360202,西郊街道,\(["A", "B", "C", "D"][n % 4])")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func oneBadRowWritesNothingAndIsNamed() async throws {
        try await withApp { fixture, client in
            let samr = try await token(client, "samr")
            try await client.execute(
                uri: "/api/v1/imports/targets", method: .post, headers: [.authorization: "Bearer \(samr)", .contentType: "text/csv"],
                body: ByteBuffer(string: Self.sheet(rows: 10_000, badRow: 7_777))
            ) { response in
                #expect(response.status == .unprocessableContent)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let error = object?["error"] as? [String: Any]
                let details = error?["details"] as? [[String: Any]]
                #expect(details?.count == 1)
                #expect(details?.first?["row"] as? Int == 7_778)  // header is row 1
                #expect(details?.first?["column"] as? String == "统一社会信用代码")
            }
            let page = try await fixture.stores.targets.list(scope: .all, query: ListQuery())
            #expect(page.total == 0)
        }
    }

    @Test func exportReimportsUnchanged() async throws {
        try await withApp { _, client in
            let samr = try await token(client, "samr")
            try await client.execute(
                uri: "/api/v1/imports/targets", method: .post, headers: [.authorization: "Bearer \(samr)"],
                body: ByteBuffer(string: Self.sheet(rows: 50))
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""added":50"#))
            }
            for format in ["csv", "xlsx"] {
                let exported = try await client.execute(
                    uri: "/api/v1/exports/targets.\(format)", method: .get, headers: [.authorization: "Bearer \(samr)"]
                ) { response in
                    #expect(response.status == .ok)
                    return response.body
                }
                try await client.execute(
                    uri: "/api/v1/imports/targets", method: .post, headers: [.authorization: "Bearer \(samr)"], body: exported
                ) { response in
                    let text = String(buffer: response.body)
                    #expect(response.status == .ok, "\(text)")
                    #expect(text.contains(#""unchanged":50"#), "\(format): \(text)")
                }
            }
        }
    }
}
