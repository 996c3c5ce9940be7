// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import SuijiTabular
import Testing

/// The oversight pages and API: who sees them, what they return, and that they change nothing.
@Suite("Oversight pages and API")
struct OversightTests {
    @Test func theOverseerReadsPagesChartsAndTheWorkbook() async throws {
        try await withApp { fixture, client in
            let session = try await login(client, "overseer")
            try await client.execute(uri: "/oversight?from=2026-01&to=2026-06", method: .get, headers: [.cookie: session.cookie]) {
                response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("监督考评统计") && html.contains("部门考评汇总") && html.contains("按月统计"))
                #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && html.contains("role=\"img\""))
                #expect(html.contains("/oversight/rows?from=2026-01&amp;to=2026-06&amp;figure=due&amp;group=SAMR"))
                #expect(!html.contains("<script"))
                // Counts are links; rates without a denominator are plain text.
                #expect(html.contains("<td>—</td>") && !html.contains(">—</a>"))
            }
            try await client.execute(uri: "/oversight/report?from=2026-01&to=2026-06", method: .get, headers: [.cookie: session.cookie]) {
                response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("考评表") && html.contains("指标说明") && html.contains("2026年1月至2026年6月"))
            }
            try await client.execute(
                uri: "/oversight/rows?from=2026-01&to=2026-06&figure=notOnTime&group=SAMR", method: .get, headers: [.cookie: session.cookie]
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("未按期完成"))
            }
            try await client.execute(
                uri: "/oversight/report.xlsx?from=2026-01&to=2026-06", method: .get, headers: [.cookie: session.cookie]
            ) { response in
                #expect(response.status == .ok)
                let name = "监督考评表（2026年1月至2026年6月）".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "-"
                #expect(response.headers[.contentDisposition]?.contains(name) == true)
                let reader = try TabularXLSXReader(data: Data(buffer: response.body))
                #expect(reader.sheetNames == ["部门考评汇总", "按计划统计", "按月统计", "发现问题分类", "随机抽查以外的检查（第三条）", "指标说明"])
                #expect(try reader.readAllRows(sheet: "按月统计").count == 8)
            }
        }
    }

    @Test func theAPIReturnsFiguresAndRowsAndNamesBadFields() async throws {
        try await withApp { fixture, client in
            let bearer = "Bearer \(try await token(client, "office"))"
            try await client.execute(uri: "/api/v1/oversight?from=2026-03&to=2026-04", method: .get, headers: [.authorization: bearer]) {
                response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["from"] as? String == "2026-03" && (body?["months"] as? [Any])?.count == 2)
                let departments = body?["departments"] as? [[String: Any]]
                #expect(departments?.map { $0["key"] as? String } == ["HEALTH", "SAMR"])
                #expect((departments?.first?["counts"] as? [String: Int])?["due"] == 0)
            }
            try await client.execute(uri: "/api/v1/oversight/rows?figure=due&group=SAMR", method: .get, headers: [.authorization: bearer]) {
                response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["subject"] as? String == "inspection" && (body?["inspections"] as? [Any])?.isEmpty == true)
            }
            for (uri, field) in [
                ("/api/v1/oversight?from=2026-13", "from"), ("/api/v1/oversight?from=2026-05&to=2026-01", "to"),
                ("/api/v1/oversight/rows?figure=nothing", "figure"),
            ] {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: bearer]) { response in
                    #expect(response.status == .unprocessableContent)
                    #expect(String(buffer: response.body).contains("\"field\":\"\(field)\""))
                }
            }
        }
    }

    @Test func inspectorsAreRefusedAndDepartmentAdminsSeeTheirOwnDepartment() async throws {
        try await withApp { fixture, client in
            let inspector = "Bearer \(try await token(client, "inspector"))"
            try await client.execute(uri: "/api/v1/oversight", method: .get, headers: [.authorization: inspector]) { response in
                #expect(response.status == .forbidden)
            }
            let health = "Bearer \(try await token(client, "health"))"
            try await client.execute(uri: "/api/v1/oversight", method: .get, headers: [.authorization: health]) { response in
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((body?["departments"] as? [[String: Any]])?.map { $0["key"] as? String } == ["HEALTH"])
            }
        }
    }

    @Test func theOverseerChangesNothingThroughTheseRoutes() async throws {
        try await withApp { fixture, client in
            let bearer = "Bearer \(try await token(client, "overseer"))"
            let session = try await login(client, "overseer")
            let before = try await AuditLog.recent(fixture.stores.database, limit: 1).first?.seq
            for uri in ["/api/v1/oversight", "/api/v1/oversight/rows?figure=due", "/api/v1/oversight/report.xlsx"] {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: bearer]) { #expect($0.status == .ok) }
                for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                    try await client.execute(uri: uri, method: method, headers: [.authorization: bearer], body: json([:])) { response in
                        #expect(!(200..<300).contains(Int(response.status.code)))
                    }
                }
            }
            for uri in ["/oversight", "/oversight/rows?figure=plans", "/oversight/report", "/oversight/report.xlsx"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie]) { #expect($0.status == .ok) }
                try await client.execute(
                    uri: uri, method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "_csrf=\(session.csrf)")
                ) { response in
                    #expect(!(200..<300).contains(Int(response.status.code)))
                }
            }
            // Nothing was written: the audit log ends where it did.
            #expect(try await AuditLog.recent(fixture.stores.database, limit: 1).first?.seq == before)
        }
    }
}
