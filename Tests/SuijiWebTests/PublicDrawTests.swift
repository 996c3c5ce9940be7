// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

@Suite("The public draw pages (一公开)")
struct PublicDrawTests {
    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, body: String) {
        let page = try await anonymousPage(client, uri)
        return (page.status, page.html)
    }

    @Test func anExecutedDrawIsPublishedVerifiedAndExplained() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (_, batch) = try await PlanDrawFixture.approvedPlan(client)
            let id = try await PlanDrawFixture.executedDraw(client, batch: batch)
            let drawn = try await PlanDrawFixture.drawnCodes(fixture, id)
            #expect(!drawn.isEmpty)
            let page = try await get(client, "/public/draws/\(id)")
            #expect(page.status == .ok)
            for code in drawn { #expect(page.body.contains("<td>\(code)</td>")) }
            // Names, not codes: the firm beside its credit code, the team by inspector name and department.
            #expect(page.body.contains("号公司</td><td>\(drawn[0])</td>"))
            // One heading per stratum, with the stratum's true cutoff (its last drawn key).
            let selection = String(decoding: try await fixture.stores.draws.publishedFile(id, name: "selection.txt") ?? [], as: UTF8.self)
            let lines = selection.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            let strata = Set(lines.map { $0[0] })
            #expect(page.body.components(separatedBy: "类风险层：抽中").count - 1 == strata.count)
            for stratum in strata {
                let last = lines.last { $0[0] == stratum }!
                let count = lines.filter { $0[0] == stratum }.count
                #expect(page.body.contains("\(stratum) 类风险层：抽中 \(count) 户，截止值 <code>\(last[3])</code>（\(last[2])）"))
            }
            #expect(page.body.contains("<td>区市场监管局</td>"))
            // The exception is public; the log head and this draw's entries are on the page.
            #expect(page.body.contains("经批准不使用公开随机值：批准人 联席办主任 李某；原因：测试：不等待开奖"))
            let head = try #require(try await fixture.stores.publicLog.head())
            #expect(page.body.contains("日志头：第 \(head.seq) 条") && page.body.contains("<code>\(head.hash)</code>"))
            #expect(page.body.contains("区卫健委交来秘密"))
            let log = try await get(client, "/public/draw-log.txt")
            #expect(log.status == .ok)
            #expect(log.body.hasSuffix("\t\(head.hash)\n"))
            let data = try await get(client, "/public/data")
            #expect(data.body.contains("当前日志头：第 \(head.seq) 条"))
            #expect(try await get(client, "/public/data/draw-log.csv").body.contains(head.hash))
            #expect(page.body.contains(PlanDrawFixture.commitment("HEALTH", id)))
            #expect(page.body.contains("组长：SAMR检查员"))
            #expect(page.body.contains("（区市场监管局）<br>成员：HEALTH检查员"))
            #expect(!page.body.contains("：I-"))
            #expect(page.body.contains("href=\"/public/draws/\(id)/files/record.txt\""))
            #expect(page.body.contains("查询某一主体是否被抽中及原因"))
            #expect(!page.body.contains("samr"))  // no usernames on the public page
            let verify = try await get(client, "/public/draws/\(id)/verify")
            #expect(verify.body.contains("<strong>核验通过</strong>"))
            let hit = try await get(client, "/public/draws/\(id)?code=\(drawn[0].lowercased())")
            #expect(hit.body.contains("\(drawn[0])：抽中</strong>"))
            let deregistered = PlanDrawFixture.company(20)
            let gone = try await get(client, "/public/draws/\(id)?code=\(deregistered)")
            #expect(gone.body.contains("\(deregistered)：抽取前已排除</strong>"))
            #expect(gone.body.contains("已注销"))
            let stranger = try await get(client, "/public/draws/\(id)?code=P-000001")
            #expect(stranger.body.contains("不在抽取范围内"))
            let file = try await client.execute(uri: "/public/draws/\(id)/files/selection.txt", method: .get) { $0 }
            #expect(file.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(String(buffer: file.body).contains(drawn[0]))
            let zip = try await client.execute(uri: "/public/draws/\(id)/bundle.zip", method: .get) { $0 }
            #expect(zip.status == .ok)
            #expect(zip.headers[.contentType] == "application/zip")
            #expect(Data(buffer: zip.body).prefix(2) == Data("PK".utf8))
            #expect(String(decoding: Data(buffer: zip.body), as: UTF8.self).contains("\(id)/selection.txt"))
            let json = try await get(client, "/api/v1/public/draws/\(id)")
            #expect(json.status == .ok)
            #expect(json.body.contains(#""stateLabel":"已抽取""#))
            #expect(json.body.contains(drawn[0]))
        }
    }

    @Test func aPreparedDrawPublishesNothingYet() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (_, batch) = try await PlanDrawFixture.approvedPlan(client)
            let samr = try await token(client, "samr")
            let id =
                try await PlanDrawFixture.call(client, .post, "/api/v1/batches/\(batch)/draws", token: samr).json["id"] as? String ?? ""
            let page = try await get(client, "/public/draws/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("本次抽取尚未执行"))
            #expect(try await get(client, "/public/draws/\(id)/files/pool.txt").status == .notFound)
            #expect(try await get(client, "/public/draws/\(id)/verify").body.contains("没有完整的公示记录可核验"))
            #expect(try await get(client, "/public/draws/\(id)?code=\(PlanDrawFixture.company(1))").body.contains("执行后可查询"))
            #expect(try await get(client, "/public/draws/NO-SUCH-DRAW").status == .notFound)
            #expect(try await get(client, "/api/v1/public/draws/NO-SUCH-DRAW").status == .notFound)
        }
    }
}
