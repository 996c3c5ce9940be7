// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Staff pages render their data")
struct PagesTests {
    static let code = ScopingTests.code

    func seed(_ fixture: WebFixture) async throws -> Target {
        let account = try await fixture.stores.accounts.all().first { $0.username == "samr" }!
        let caller = Caller(account: account, at: WebFixture.now)
        var input = TargetInput()
        input.creditCode = Self.code
        input.name = "景德镇市昌江区瓷韵陶瓷有限公司"
        input.kind = "公司"
        input.division = "360202"
        input.street = "西郊街道"
        let target = try await fixture.stores.targets.create(input, caller: caller)
        input.status = "注销"
        input.statusDate = "2026-05-01"
        _ = try await fixture.stores.targets.update(id: target.id, input, caller: caller)
        var item = CheckItemInput()
        item.code = "SAMR-001"
        item.name = "企业公示信息的抽查"
        item.methods = "网络检查"
        let created = try await fixture.stores.items.create(item, caller: caller)
        item.methods = "网络检查;实地核查"
        _ = try await fixture.stores.items.update(id: created.id, item, caller: caller)
        return target
    }

    @Test func listDetailAndHistoryShowTheRecord() async throws {
        try await withApp { fixture, client in
            let target = try await seed(fixture)
            let session = try await login(client, "samr")
            try await client.execute(uri: "/targets", method: .get, headers: [.cookie: session.cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(">景德镇市昌江区瓷韵陶瓷有限公司</a>"))
                #expect(html.contains("<td>\(Self.code)</td>"))
                #expect(html.contains("共 1 条"))
            }
            try await client.execute(uri: "/targets/\(target.id)", method: .get, headers: [.cookie: session.cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<dd>注销（2026年5月1日）</dd>"))
                #expect(html.contains("<td>在营</td>"))  // the status it was created with
                #expect(html.contains("<td>注销</td><td>2026年5月1日</td>"))
                #expect(html.contains("/targets/\(target.id)/edit"))
            }
            try await client.execute(uri: "/items/1", method: .get, headers: [.cookie: session.cookie]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<td>第 1 版</td><td>企业公示信息的抽查</td><td>网络检查</td>"))
                #expect(html.contains("<td>第 2 版</td><td>企业公示信息的抽查</td><td>网络检查、实地核查</td>"))
            }
            // Another department's admin sees nothing of it, and no edit link anywhere.
            let health = try await login(client, "health")
            try await client.execute(uri: "/targets", method: .get, headers: [.cookie: health.cookie]) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains("瓷韵"))
                #expect(html.contains("没有符合条件的记录"))
            }
        }
    }

    @Test func aBadFormShowsTheFieldErrorsAndKeepsTheInput() async throws {
        try await withApp { _, client in
            let session = try await login(client, "samr")
            let form =
                "_csrf=\(session.csrf)&name=&kind=%E5%85%AC%E5%8F%B8&division=3602&creditCode=91330100716105852E&address=%E7%93%B7%E9%83%BD%E5%A4%A7%E9%81%93"
            try await client.execute(
                uri: "/targets", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("名称不能为空"))
                #expect(html.contains("所属区划应为 6 位行政区划代码"))
                #expect(html.contains("校验码错误"))
                #expect(html.contains("value=\"瓷都大道\""))
            }
            let good =
                "_csrf=\(session.csrf)&name=%E6%9F%90%E5%85%AC%E5%8F%B8&kind=%E5%85%AC%E5%8F%B8&division=360202&creditCode=91330100716105852F"
            try await client.execute(
                uri: "/targets", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: good)
            ) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location]?.hasPrefix("/targets/") == true)
            }
        }
    }

    @Test func importPageShowsEveryBadRow() async throws {
        try await withApp { _, client in
            let session = try await login(client, "samr")
            let csv = "统一社会信用代码,名称,类型,所属区划\n91330100716105852F,甲公司,公司,360202\n91330100716105852E,乙公司,公司,360202\n,丙,公司,3602\n"
            let boundary = "SuijiBoundary42"
            var body = ""
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"library\"\r\n\r\ntargets\r\n"
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
            body += "--\(boundary)--\r\n"
            try await client.execute(
                uri: "/imports", method: .post,
                headers: [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("共 3 行，其中 2 行有误，未导入任何数据"))
                #expect(html.contains("<td>3</td><td>统一社会信用代码</td>"))
                #expect(html.contains("<td>4</td><td>所属区划</td>"))
                #expect(html.contains("格式：") && !html.contains("未使用的列"), "every column was used: no empty 未使用的列 line")
            }
        }
    }
}
