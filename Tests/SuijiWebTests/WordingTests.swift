// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import SuijiWeb
import Testing

/// Pages speak Chinese: audit actions by name, times in China time, Chinese download names, the
/// open-data page explaining itself, the header naming the department (issue 13, point 6).
@Suite("Chinese wording on pages")
struct WordingTests {
    @Test func theAuditLogNamesActionsAndShowsChinaTime() async throws {
        try await withApp { fixture, client in
            // setup: actions other stores log, as they log them
            let caller = Caller(account: try await fixture.stores.accounts.all().first { $0.username == "office" }!, at: WebFixture.now)
            try await fixture.stores.database.write { db in
                try await AuditLog.append(db, caller: caller, action: "accept", entity: "merge-proposal", entityID: "3", detail: ["a": "b"])
                try await AuditLog.append(db, caller: caller, action: "attach", entity: "inspection", entityID: "7", detail: ["a": "b"])
            }
            let office = try await login(client, "office")
            // MUT
            let html = try await client.execute(uri: "/admin/audit", method: .get, headers: [.cookie: office.cookie]) {
                String(buffer: $0.body)
            }
            // validate
            #expect(html.contains("<td>采纳合并建议</td>") && html.contains("<td>上传附件</td>") && html.contains("<td>登录</td>"))
            #expect(!html.contains(">accept<") && !html.contains(">attach<") && !html.contains("UTC"))
            #expect(html.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, options: .regularExpression) == nil)
            // 1_780_000_000 s = 2026-05-28T20:26:40Z = 2026年5月29日 04:26 in China
            #expect(html.contains("2026年5月29日 04:26"))
        }
    }

    @Test func downloadsHaveChineseNamesAndTheOpenDataPageExplainsItself() async throws {
        try await withApp { _, client in
            let samr = try await login(client, "samr")
            let disposition = try await client.execute(uri: "/api/v1/exports/targets.xlsx", method: .get, headers: [.cookie: samr.cookie]) {
                $0.headers[.contentDisposition] ?? ""
            }
            let encoded = "检查对象名录库".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            #expect(disposition.contains(encoded) && !disposition.contains("suiji-targets"))
            let data = try await anonymousPage(client, "/public/data")
            #expect(data.status == .ok && data.html.contains("字段说明") && data.html.contains("个人信息保护"))
            #expect(!data.html.contains("docs/open-data.md"))
            let file = try await client.execute(uri: "/public/data/items.csv", method: .get) { $0.headers[.contentDisposition] ?? "" }
            #expect(file.contains("抽查事项清单".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "-"))
        }
    }

    @Test func theHeaderNamesTheDepartment() async throws {
        try await withApp { _, client in
            let samr = try await login(client, "samr")
            let html = try await client.execute(uri: "/", method: .get, headers: [.cookie: samr.cookie]) { String(buffer: $0.body) }
            #expect(html.contains("部门管理员 · 区市场监管局"))
        }
    }

    @Test func everyAuditedActionHasAChineseName() {
        for action in ["accept", "attach", "create", "entrust", "schedule", "open", "close", "remind", "delete", "update-batch"] {
            #expect(AuditLabels.action(action, entity: "plan") != nil, "\(action)")
        }
        #expect(AuditLabels.action("reject", entity: "merge-proposal") == "不采纳合并建议")
        #expect(AuditLabels.entity("merge-proposal") == "合并建议")
    }
}
