// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Inspection pages")
struct InspectionPagesTests {
    typealias Session = (cookie: String, csrf: String)

    /// A page's status and HTML.
    static func page(_ client: some TestClientProtocol, _ uri: String, _ session: Session) async throws -> (
        status: HTTPResponse.Status, html: String
    ) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    /// Posts a form (the CSRF token added); the status, redirect target and HTML.
    static func post(_ client: some TestClientProtocol, _ uri: String, _ session: Session, _ fields: [(String, String)]) async throws
        -> (status: HTTPResponse.Status, location: String, html: String)
    {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = ([("_csrf", session.csrf)] + fields).map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        ) { ($0.status, $0.headers[.location] ?? "", String(buffer: $0.body)) }
    }

    @Test func theTeamEntersAndTheInitiatorReviewsThroughTheForms() async throws {
        try await withApp { fixture, client in
            let (target, stored) = try await PlanDrawFixture.drawnInspection(fixture, client, leader: nil)
            let leaderID = target.team[0].id
            let outsiderID = try #require((1...8).map(Int64.init).first { id in !target.team.contains { $0.id == id } })
            try await InspectionAPITests.inspectorAccount(fixture, "leader", id: leaderID, department: "SAMR")
            try await InspectionAPITests.inspectorAccount(fixture, "outsider", id: outsiderID, department: "SAMR")
            let leader = try await login(client, "leader")
            let uri = "/inspections/\(target.id)"

            // The leader's list shows its own inspections only, with the due date.
            let list = try await Self.page(client, "/inspections", leader)
            #expect(list.status == .ok && list.html.contains("我的检查任务") && list.html.contains("检查任务</a>"))
            #expect(list.html.contains("href=\"\(uri)\"") && list.html.contains("2026年8月28日") && list.html.contains("个工作日"))
            #expect(!list.html.contains("上一页"), "the first page links to no previous page")
            for other in stored where !other.hasMember(leaderID) { #expect(!list.html.contains("href=\"/inspections/\(other.id)\"")) }
            let filtered = try await Self.page(client, "/inspections?state=published&overdue=1", leader)
            #expect(filtered.html.contains("没有符合条件的检查任务"))

            // Notice, a rejected finding keeping its input, both findings, submission.
            let detail = try await Self.page(client, uri, leader)
            #expect(detail.html.contains("告知方式") && detail.html.contains("不配合情形") && detail.html.contains("违反"))
            #expect(detail.html.contains("组长") && detail.html.contains(target.team[0].name))
            let notice = try await Self.post(
                client, "\(uri)/notice", leader, [("notified", "yes"), ("channel", "phone"), ("date", "2026-07-01")])
            #expect(notice.status == .found && notice.location == uri)
            let bad = try await Self.post(
                client, "\(uri)/findings", leader,
                [("department", "SAMR"), ("itemCode", "SAMR-001"), ("category", "no-problem"), ("notes", "保留的备注")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("请至少选择一种检查方式") && bad.html.contains("保留的备注"))
            let first = try await Self.post(
                client, "\(uri)/findings", leader,
                [("department", "SAMR"), ("itemCode", "SAMR-001"), ("methods", "onSite"), ("category", "no-problem")])
            #expect(first.status == .found)
            let second = try await Self.post(
                client, "\(uri)/findings", leader,
                [
                    ("department", "HEALTH"), ("itemCode", "HEALTH-001"), ("methods", "onSite"), ("category", "non-cooperation"),
                    ("nonCooperation", "refusedEntry"), ("notes", "拒绝检查人员进入"),
                ])
            #expect(second.status == .found)
            #expect(try await Self.post(client, "\(uri)/submit", leader, []).status == .found)
            let submitted = try await Self.page(client, uri, leader)
            #expect(submitted.html.contains("以电话方式告知") && submitted.html.contains("待审核") && !submitted.html.contains("保存本项"))

            // A non-member gets the not-found page, also for posts.
            let outsider = try await login(client, "outsider")
            let hidden = try await Self.page(client, uri, outsider)
            #expect(hidden.status == .notFound && hidden.html.contains("出错了"))
            #expect(try await Self.post(client, "\(uri)/submit", outsider, []).status == .notFound)

            // The initiator's admin approves and publishes.
            let samr = try await login(client, "samr")
            let review = try await Self.page(client, uri, samr)
            #expect(review.html.contains(">通过</button>") && review.html.contains("退回原因") && !review.html.contains(">公示</button>"))
            #expect(try await Self.post(client, "\(uri)/review", samr, [("action", "approve")]).status == .found)
            let again = try await Self.post(client, "\(uri)/review", samr, [("action", "approve")])
            #expect(again.status == .conflict && again.html.contains("不能审核通过"))
            #expect(try await Self.post(client, "\(uri)/review", samr, [("action", "publish")]).status == .found)
            let published = try await Self.page(client, uri, samr)
            #expect(
                published.html.contains("已公示") && published.html.contains("审核通过") && published.html.contains("<td data-label=\"操作人\">检查员"),
                "the trail names the person, not the login")

            // The overseer reads every page without any form.
            let overseer = try await login(client, "overseer")
            for path in [uri, "/inspections"] {
                let seen = try await Self.page(client, path, overseer)
                #expect(seen.status == .ok && !seen.html.contains("method=\"post\" action=\"/inspections"))
            }
            let sheet = try await Self.page(client, "\(uri)/notice", overseer)
            #expect(sheet.status == .ok && sheet.html.contains("抽查通知书") && sheet.html.contains(target.target.name))
            #expect(sheet.html.contains("2026年7月1日至2026年7月31日") && sheet.html.contains("向社会公示") && sheet.html.contains("企业公示信息的抽查"))
            let record = try await Self.page(client, "\(uri)/record", overseer)
            #expect(record.status == .ok && record.html.contains("检查记录表") && record.html.contains("未发现问题"))
            #expect(record.html.contains("拒绝、阻碍检查人员进入检查场所") && record.html.contains("拒绝检查人员进入"))
            #expect(record.html.contains(target.team[0].name) && !record.html.contains(">leader<") && record.html.contains("实地核查"))
        }
    }

    @Test func rejectedNoticesAndReturnsShowTheReason() async throws {
        try await withApp { fixture, client in
            let (target, _) = try await PlanDrawFixture.drawnInspection(fixture, client)
            let leader = try await login(client, "leader")
            let uri = "/inspections/\(target.id)"

            let missing = try await Self.post(client, "\(uri)/notice", leader, [("notified", "no"), ("legalGround", "")])
            #expect(missing.status == .unprocessableContent && missing.html.contains("不事先告知须写明法律依据"))
            #expect(missing.html.contains(#"value="no" checked"#))
            let ground = "《中华人民共和国食品安全法》第一百一十条"
            #expect(try await Self.post(client, "\(uri)/notice", leader, [("notified", "no"), ("legalGround", ground)]).status == .found)
            for (department, code) in [("SAMR", "SAMR-001"), ("HEALTH", "HEALTH-001")] {
                let fields = [("department", department), ("itemCode", code), ("methods", "online"), ("category", "no-problem")]
                let saved = try await Self.post(
                    client, "\(uri)/findings", leader, fields + [("settledOnline", "1"), ("notes", "国家企业信用信息公示系统核查无异常")])
                #expect(saved.status == .found)
            }
            #expect(try await Self.post(client, "\(uri)/submit", leader, []).status == .found)

            // Only the initiator's admin sees the review buttons; a return needs its reason.
            let health = try await login(client, "health")
            #expect(!(try await Self.page(client, uri, health)).html.contains("name=\"action\""))
            let samr = try await login(client, "samr")
            let noReason = try await Self.post(client, "\(uri)/review", samr, [("action", "return"), ("reason", "")])
            #expect(noReason.status == .unprocessableContent && noReason.html.contains("class=\"alert\""))
            let returned = try await Self.post(client, "\(uri)/review", samr, [("action", "return"), ("reason", "请补充现场照片")])
            #expect(returned.status == .found)
            let back = try await Self.page(client, uri, leader)
            #expect(back.html.contains("请补充现场照片") && back.html.contains("保存本项") && back.html.contains("依法不予事先告知（法律依据："))
            #expect(back.html.contains("网上核查办结"))
        }
    }
}
