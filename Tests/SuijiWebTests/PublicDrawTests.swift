// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
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
            #expect(page.body.contains("截止值"))
            #expect(page.body.contains("区市场监管局（SAMR）"))
            #expect(page.body.contains(PlanDrawFixture.commitment("HEALTH", id)))
            #expect(page.body.contains("成员（HEALTH）：I-"))
            #expect(page.body.contains("href=\"/public/draws/\(id)/files/record.txt\""))
            #expect(page.body.contains("查询某一主体是否被抽中及原因"))
            #expect(!page.body.contains("samr"))  // no usernames on the public page
            let verify = try await get(client, "/public/draws/\(id)/verify")
            #expect(verify.body.contains("<strong>OK</strong>"))
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
