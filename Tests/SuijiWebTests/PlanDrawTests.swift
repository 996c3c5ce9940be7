// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// Libraries for a joint SAMR + HEALTH plan (items, 120 + 30 targets, 8 inspectors each) and a
/// third department, CULTURE, that takes no part.
enum PlanDrawFixture {
    static let secrets = ["SAMR": [UInt8](repeating: 7, count: 32), "HEALTH": [UInt8](repeating: 9, count: 32)]

    /// The n-th synthetic company code in division 360202; every 20th is deregistered.
    static func company(_ n: Int) -> String {
        let body = String(format: "%08d", n)
        return CreditCode.completing("91360202" + body + String(CreditCode.organisationCheckCharacter(body)!))!
    }

    static func caller(_ fixture: WebFixture, _ username: String) async throws -> Caller {
        Caller(account: try await fixture.stores.accounts.all().first { $0.username == username }!, at: WebFixture.now)
    }

    static func seed(_ fixture: WebFixture) async throws {
        let stores = fixture.stores
        let system = Caller.system(at: WebFixture.now)
        try await stores.departments.create(Department(code: "CULTURE", name: "区文广新旅局"), caller: system)
        try await stores.accounts.create(
            Account(username: "culture", displayName: "culture", role: .departmentAdmin, departmentCode: "CULTURE"),
            password: "fixture-pass-2026", caller: system)
        let samr = try await caller(fixture, "samr")
        let health = try await caller(fixture, "health")
        for (caller, code, name) in [(samr, "SAMR-001", "企业公示信息的抽查"), (health, "HEALTH-001", "公共场所卫生的检查")] {
            var item = CheckItemInput()
            item.code = code
            item.name = name
            item.methods = "实地核查"
            _ = try await stores.items.create(item, caller: caller)
        }
        var lines = ["统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级,状态,最近随机抽查日期"]
        for n in 1...120 {
            let status = n % 20 == 0 ? "注销" : (n % 15 == 0 ? "停业" : "在营")
            lines.append("\(company(n)),第\(n)号公司,公司,360202,西郊街道,\(["A", "B", "B", "C", "D"][n % 5]),\(status),")
        }
        _ = try await stores.importer.run(.targets, data: Data(lines.joined(separator: "\n").utf8), caller: samr)
        _ = try await stores.importer.run(.targets, data: Data(lines.prefix(31).joined(separator: "\n").utf8), caller: health)
        for (caller, department, item) in [(samr, "SAMR", "SAMR-001"), (health, "HEALTH", "HEALTH-001")] {
            var sheet = "姓名,执法证号,执法证有效期至,执法区域,可检查事项\n"
            for n in 1...8 { sheet += "\(department)检查员\(n),\(department)-\(n),2030-12-31,360202,\(item)\n" }
            _ = try await stores.importer.run(.inspectors, data: Data(sheet.utf8), caller: caller)
        }
    }

    static func commitment(_ department: String, _ drawID: String) -> String {
        DepartmentSecret.commitment(department: department, drawID: drawID, secret: secrets[department]!)
    }

    static var plan: [String: Any] {
        [
            "code": "2026-SAMR-01", "name": "2026 年企业公示信息与公共场所卫生联合抽查", "year": 2026, "participants": ["HEALTH"],
            "items": [["department": "SAMR", "code": "SAMR-001"], ["department": "HEALTH", "code": "HEALTH-001"]],
            "windowStart": "2026-06-01", "windowEnd": "2026-11-30",
        ]
    }
    static var batch: [String: Any] {
        [
            "code": "B1", "start": "2026-07-01", "end": "2026-07-31",
            "ratios": ["A": 50, "B": 100, "C": 300, "D": 1000, "rounding": "ceil"],
        ]
    }

    /// The API response status and JSON object (or nil).
    @discardableResult
    static func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: [String: Any]? = nil
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map(json)) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
            return (response.status, object ?? [:])
        }
    }

    /// An approved plan with batch B1: returns the plan and batch ids.
    static func approvedPlan(_ client: some TestClientProtocol) async throws -> (plan: Int, batch: Int) {
        let samr = try await token(client, "samr")
        let created = try await call(client, .post, "/api/v1/plans", token: samr, body: plan)
        #expect(created.status == .created)
        let id = created.json["id"] as? Int ?? 0
        #expect(try await call(client, .post, "/api/v1/plans/\(id)/actions/submit", token: samr).json["state"] as? String == "submitted")
        let office = try await token(client, "office")
        #expect(try await call(client, .post, "/api/v1/plans/\(id)/actions/approve", token: office).json["state"] as? String == "approved")
        let batch = try await call(client, .post, "/api/v1/plans/\(id)/batches", token: samr, body: batch)
        #expect(batch.status == .created)
        return (id, batch.json["id"] as? Int ?? 0)
    }

    /// The announcement of a draw prepared at `WebFixture.now` with an approved exception (no
    /// public value): the deadline a day later.
    static var exception: [String: Any] {
        [
            "revealDeadline": "2026-05-30T12:00:00+08:00",
            "exception": ["approver": "联席办主任 李某", "reason": "测试：不等待开奖"],
        ]
    }

    /// The announcement of a 中国福利彩票3D draw: deadline 2026-05-30 12:00, value of 2026-05-31.
    static var lottery: [String: Any] {
        [
            "revealDeadline": "2026-05-30T12:00:00+08:00",
            "publicValue": ["date": "2026-05-31", "source": "中国福利彩票3D 2026-05-31 开奖号码"],
        ]
    }

    /// Prepare (announced with an exception) → HEALTH cannot commit for SAMR → both commit →
    /// both hand in their secrets → execute (nobody is missing, so it need not wait).
    static func executedDraw(_ client: some TestClientProtocol, batch: Int) async throws -> String {
        let samr = try await token(client, "samr")
        let health = try await token(client, "health")
        let prepared = try await call(client, .post, "/api/v1/batches/\(batch)/draws", token: samr, body: ["announcement": exception])
        #expect(prepared.status == .created)
        let id = prepared.json["id"] as? String ?? ""
        let forged = try await call(
            client, .post, "/api/v1/draws/\(id)/commitments", token: health,
            body: ["department": "SAMR", "commitment": commitment("SAMR", id)])
        #expect(forged.status == .forbidden)
        for (department, token) in [("SAMR", samr), ("HEALTH", health)] {
            let result = try await call(
                client, .post, "/api/v1/draws/\(id)/commitments", token: token,
                body: ["department": department, "commitment": commitment(department, id)])
            #expect(result.status == .ok)
        }
        #expect(try await call(client, .get, "/api/v1/draws/\(id)", token: health).json["state"] as? String == "committed")
        for (department, token) in [("SAMR", samr), ("HEALTH", health)] {
            let revealed = try await call(
                client, .post, "/api/v1/draws/\(id)/reveals", token: token,
                body: ["department": department, "secret": Bytes.hex(secrets[department]!)])
            #expect(revealed.status == .ok)
        }
        let executed = try await call(client, .post, "/api/v1/draws/\(id)/execute", token: samr)
        #expect(executed.json["state"] as? String == "executed")
        return id
    }

    /// Credit codes in `selection.txt` of an executed draw.
    static func drawnCodes(_ fixture: WebFixture, _ id: String) async throws -> [String] {
        let files = try await fixture.stores.draws.publishedFiles(id)
        return String(decoding: files["selection.txt"] ?? [], as: UTF8.self).split(separator: "\n").map {
            String($0.split(separator: "\t")[2])
        }
    }
}

@Suite("Joint plans and draws over the API")
struct PlanDrawTests {
    @Test func theWholeFlowRunsOverTheAPI() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (plan, batch) = try await PlanDrawFixture.approvedPlan(client)
            let samr = try await token(client, "samr")
            let batches = try await client.execute(
                uri: "/api/v1/plans/\(plan)/batches", method: .get, headers: [.authorization: "Bearer \(samr)"]
            ) { String(buffer: $0.body) }
            #expect(batches.contains(#""ratios":{"A":50,"B":100,"C":300,"D":1000,"rounding":"ceil"}"#))
            let id = try await PlanDrawFixture.executedDraw(client, batch: batch)
            #expect(id == "2026-SAMR-01-B1-1")
            let shown = try await PlanDrawFixture.call(client, .get, "/api/v1/plans/\(plan)", token: samr)
            #expect(shown.json["state"] as? String == "inProgress")
            let listed = try await client.execute(
                uri: "/api/v1/draws?batch=\(batch)", method: .get, headers: [.authorization: "Bearer \(samr)"]
            ) { String(buffer: $0.body) }
            #expect(listed.contains(#""id":"2026-SAMR-01-B1-1""#))
            // A second draw of the batch needs a re-draw justification.
            let again = try await PlanDrawFixture.call(client, .post, "/api/v1/batches/\(batch)/draws", token: samr, body: [:])
            #expect(again.status == .conflict)
            let unknown = try await PlanDrawFixture.call(client, .post, "/api/v1/plans/\(plan)/actions/start", token: samr)
            #expect(unknown.status == .unprocessableContent)
        }
    }

    @Test func anOverseerReadsButCannotWrite() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (plan, batch) = try await PlanDrawFixture.approvedPlan(client)
            let samr = try await token(client, "samr")
            let id =
                try await PlanDrawFixture.call(client, .post, "/api/v1/batches/\(batch)/draws", token: samr).json["id"] as? String ?? ""
            let overseer = try await token(client, "overseer")
            #expect(try await PlanDrawFixture.call(client, .get, "/api/v1/plans/\(plan)", token: overseer).status == .ok)
            #expect(try await PlanDrawFixture.call(client, .get, "/api/v1/draws/\(id)", token: overseer).status == .ok)
            let writes: [(String, [String: Any]?)] = [
                ("/api/v1/plans", PlanDrawFixture.plan),
                ("/api/v1/plans/\(plan)/actions/finish", nil),
                ("/api/v1/plans/\(plan)/actions/publish", nil),
                ("/api/v1/plans/\(plan)/batches", PlanDrawFixture.batch.merging(["code": "B2"]) { $1 }),
                ("/api/v1/batches/\(batch)/draws", nil),
                ("/api/v1/draws/\(id)/announcement", PlanDrawFixture.exception),
                ("/api/v1/draws/\(id)/commitments", ["department": "SAMR", "commitment": PlanDrawFixture.commitment("SAMR", id)]),
                ("/api/v1/draws/\(id)/reveals", ["department": "SAMR", "secret": Bytes.hex(PlanDrawFixture.secrets["SAMR"]!)]),
                ("/api/v1/draws/\(id)/public-value", ["value": "123", "note": "开奖公告"]),
                ("/api/v1/draws/\(id)/execute", nil),
            ]
            for (uri, body) in writes {
                let result = try await PlanDrawFixture.call(client, .post, uri, token: overseer, body: body)
                #expect(result.status == .forbidden, "\(uri): \(result.status)")
            }
        }
    }

    @Test func aDepartmentOutsideThePlanSeesNothing() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (plan, batch) = try await PlanDrawFixture.approvedPlan(client)
            let id = try await PlanDrawFixture.executedDraw(client, batch: batch)
            let culture = try await token(client, "culture")
            #expect(try await PlanDrawFixture.call(client, .get, "/api/v1/plans/\(plan)", token: culture).status == .notFound)
            #expect(try await PlanDrawFixture.call(client, .get, "/api/v1/draws/\(id)", token: culture).status == .notFound)
            #expect(try await PlanDrawFixture.call(client, .get, "/api/v1/plans/\(plan)/batches", token: culture).status == .notFound)
            let list = try await client.execute(uri: "/api/v1/plans", method: .get, headers: [.authorization: "Bearer \(culture)"]) {
                String(buffer: $0.body)
            }
            #expect(list == "[]")
            // The public page needs no login.
            try await client.execute(uri: "/public/draws/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("2026 年企业公示信息与公共场所卫生联合抽查"))
            }
        }
    }
}

@Suite("Plan and draw staff pages")
struct PlanDrawPagesTests {
    func form(_ session: (cookie: String, csrf: String), _ fields: [(String, String)]) -> (HTTPFields, ByteBuffer) {
        let body = ([("_csrf", session.csrf)] + fields).map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return ([.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"], ByteBuffer(string: body))
    }

    func post(
        _ client: some TestClientProtocol, _ uri: String, _ session: (cookie: String, csrf: String), _ fields: [(String, String)] = []
    ) async throws -> (status: HTTPResponse.Status, location: String, body: String) {
        let (headers, body) = form(session, fields)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: body) {
            ($0.status, $0.headers[.location] ?? "", String(buffer: $0.body))
        }
    }

    /// A multipart post of the reveal form with `file` as the secret file.
    func upload(
        _ client: some TestClientProtocol, _ uri: String, _ session: (cookie: String, csrf: String), file: String
    ) async throws -> (status: HTTPResponse.Status, body: String) {
        let boundary = "suiji-test-boundary"
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="_csrf"\r
            \r
            \(session.csrf)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="secretFile"; filename="secret.txt"\r
            Content-Type: text/plain\r
            \r
            \(file)\r
            --\(boundary)--\r

            """
        let headers: HTTPFields = [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"]
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, String(buffer: $0.body))
        }
    }

    func page(_ client: some TestClientProtocol, _ uri: String, _ session: (cookie: String, csrf: String)) async throws -> (
        status: HTTPResponse.Status, body: String
    ) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func theBrowserCommitmentFormulaMatchesTheSpec() {
        // The value the ceremony page's script computes for these inputs (checked with Node.js).
        let secret = [UInt8](repeating: 7, count: 32)
        #expect(
            DepartmentSecret.commitment(department: "SAMR", drawID: "2026-SAMR-01-B1-1", secret: secret)
                == "75b5cc473fbf5b28a2fc050b84fda88425e2e8ee2d840450c5b081492e710b38")
    }

    @Test func everyRoleThatMaySeeThePagesSeesThem() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (plan, batch) = try await PlanDrawFixture.approvedPlan(client)
            let samrToken = try await token(client, "samr")
            let id =
                try await PlanDrawFixture.call(client, .post, "/api/v1/batches/\(batch)/draws", token: samrToken).json["id"] as? String
                ?? ""
            for username in ["samr", "health", "office", "overseer", "inspector"] {
                let session = try await login(client, username)
                let list = try await page(client, "/plans", session)
                #expect(list.status == .ok)
                #expect(list.body.contains(">2026 年企业公示信息与公共场所卫生联合抽查</a>"))
                #expect(list.body.contains("<a href=\"/plans\">联合抽查计划</a>"))
                #expect(list.body.contains("新建联合抽查计划") == (username == "samr" || username == "health"))
                let detail = try await page(client, "/plans/\(plan)", session)
                #expect(detail.status == .ok, "\(username)")
                #expect(detail.body.contains("按风险等级比例 A 类 5%、B 类 10%、C 类 30%、D 类 100%"))
                #expect(detail.body.contains("href=\"/draws/\(id)\""))
                #expect(detail.body.contains("/actions/finish") == (username == "samr"))
                #expect(detail.body.contains("/actions/publish") == (username == "office"))
                #expect(detail.body.contains("新增批次") == (username == "samr"))
                let draw = try await page(client, "/draws/\(id)", session)
                #expect(draw.status == .ok, "\(username)")
                #expect(draw.body.contains("<td>区卫健委"))
                #expect(draw.body.contains("待提交承诺"))
                #expect(draw.body.contains("怎样做到谁也左右不了结果") && draw.body.contains("<summary>算法与公式"))
                // Nothing is announced yet: the office and the initiator announce, nobody commits.
                #expect(draw.body.contains("name=\"revealDeadline\"") == (username == "samr" || username == "office"))
                #expect(!draw.body.contains("name=\"commitment\""))
                #expect(draw.body.contains("等待联席会议办公室预告") == (username == "samr" || username == "health"))
                #expect(!draw.body.contains("执行抽取</button>"))
            }
            let office = try await login(client, "office")
            let announced = try await post(
                client, "/draws/\(id)/announcement", office,
                [
                    ("revealDeadline", "2026-05-30T12:00"), ("publicValueDate", "2026-05-31"),
                    ("publicValueSource", "中国福利彩票3D 2026-05-31 开奖号码"),
                ])
            #expect(announced.status == .found)
            for username in ["samr", "health", "office"] {
                let draw = try await page(client, "/draws/\(id)", try await login(client, username))
                #expect(draw.body.contains("2026年5月30日 12:00（北京时间）"))
                #expect(draw.body.contains("2026年5月31日 中国福利彩票3D 2026-05-31 开奖号码：待公布后录入"))
                #expect(draw.body.contains("name=\"commitment\"") == (username == "samr" || username == "health"))
                #expect(!draw.body.contains("执行抽取</button>"))
            }
            let samr = try await page(client, "/draws/\(id)", try await login(client, "samr"))
            #expect(samr.body.contains(#"<script src="/static/draw.js" defer></script>"#))
            let script = try await client.execute(uri: "/static/draw.js", method: .get) { String(buffer: $0.body) }
            #expect(script.contains("crypto.getRandomValues"))
            #expect(samr.body.contains("请妥善保存秘密文件"))
            #expect(samr.body.contains("download=\"suiji-secret-\(id)-SAMR.txt\""))
            #expect(samr.body.contains("data-department=\"SAMR\" data-draw=\"\(id)\""))
            let culture = try await login(client, "culture")
            #expect(try await page(client, "/plans/\(plan)", culture).status == .notFound)
            #expect(try await page(client, "/draws/\(id)", culture).status == .notFound)
            #expect(!(try await page(client, "/plans", culture).body.contains("公共场所卫生联合抽查")))
        }
    }

    @Test func aPlanRunsThroughTheFormsToItsDraw() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            var samr = try await login(client, "samr")
            let health = try await login(client, "health")
            var office = try await login(client, "office")
            let bad = try await post(client, "/plans", samr, [("name", "联合抽查"), ("code", "2026-SAMR-02"), ("year", "2026")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("请填写抽查开始日期"))
            #expect(bad.body.contains("value=\"联合抽查\""))
            let created = try await post(
                client, "/plans", samr,
                [
                    ("name", "陶瓷企业联合抽查"), ("code", "2026-SAMR-02"), ("year", "2026"), ("windowStart", "2026-06-01"),
                    ("windowEnd", "2026-11-30"), ("items", "SAMR:SAMR-001"), ("items", "HEALTH:HEALTH-001"),
                    ("kinds", "company"), ("areas", "360202"),
                ])
            #expect(created.status == .found)
            let planURL = created.location
            #expect(try await page(client, planURL, samr).body.contains("类型：公司；区域：360202"))
            #expect(try await post(client, planURL + "/actions/submit", samr).status == .found)
            #expect(try await post(client, planURL + "/actions/approve", samr).status == .forbidden)
            #expect(try await post(client, planURL + "/actions/approve", office).status == .found)
            #expect(try await post(client, planURL + "/actions/approve", office).status == .conflict)
            let batch = try await post(
                client, planURL + "/batches", samr,
                [("code", "B1"), ("start", "2026-07-01"), ("end", "2026-07-31"), ("mode", "count"), ("count", "10")])
            #expect(batch.status == .found)
            let detail = try await page(client, planURL, samr)
            #expect(detail.body.contains("固定数量 10 户"))
            let batchID = try #require(
                detail.body.range(of: #"action="/batches/"#).map { detail.body[$0.upperBound...].prefix { $0.isNumber } })
            let prepared = try await post(client, "/batches/\(batchID)/draws", samr)
            #expect(prepared.status == .found)
            let drawURL = prepared.location
            let id = String(drawURL.dropFirst("/draws/".count))
            let early = try await post(client, drawURL + "/commitments", samr, [("commitment", PlanDrawFixture.commitment("SAMR", id))])
            #expect(early.status == .conflict)
            #expect(early.body.contains("尚未预告揭示截止时间和公开随机值"))
            let tooSoon = try await post(
                client, drawURL + "/announcement", office,
                [("revealDeadline", "2026-05-30T12:00"), ("publicValueDate", "2026-05-30"), ("publicValueSource", "中国福利彩票3D")])
            #expect(tooSoon.status == .unprocessableContent)
            #expect(tooSoon.body.contains("公开随机值的日期必须晚于揭示截止日"))
            let announced = try await post(
                client, drawURL + "/announcement", office,
                [
                    ("revealDeadline", "2026-05-30T12:00"), ("publicValueDate", "2026-05-31"),
                    ("publicValueSource", "中国福利彩票3D 2026-05-31 开奖号码"),
                ])
            #expect(announced.status == .found)
            let wrong = try await post(client, drawURL + "/commitments", samr, [("commitment", "abc")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("承诺值应为 64 位十六进制的 SHA-256"))
            #expect(
                try await post(client, drawURL + "/commitments", samr, [("commitment", PlanDrawFixture.commitment("SAMR", id))]).status
                    == .found)
            #expect(
                try await post(client, drawURL + "/commitments", health, [("commitment", PlanDrawFixture.commitment("HEALTH", id))]).status
                    == .found)
            let committed = try await page(client, drawURL, samr)
            #expect(committed.body.contains("name=\"secretFile\""))
            #expect(committed.body.contains("抽取池摘要（SHA-256）</dt><dd><code>"))
            // The secret comes back as the file saved at the commitment; another draw's file is refused.
            let secret = Bytes.hex(PlanDrawFixture.secrets["SAMR"]!)
            let foreign = "draw-id: 2026-OTHER-B1-1\ndepartment: SAMR\nsecret: \(secret)\n"
            let refused = try await upload(client, drawURL + "/reveals", samr, file: foreign)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("不是本次抽取"))
            let file =
                "Suiji 抽取秘密\ndraw-id: \(id)\ndepartment: SAMR\nsecret: \(secret)\ncommitment: \(PlanDrawFixture.commitment("SAMR", id))\n"
            #expect(try await upload(client, drawURL + "/reveals", samr, file: file).status == .found)
            // HEALTH has not handed its secret in: nothing to execute before the deadline.
            let waiting = try await page(client, drawURL, samr)
            #expect(waiting.body.contains("等待各部门交来秘密") && !waiting.body.contains("执行抽取</button>"))
            #expect(try await post(client, drawURL + "/execute", samr).status == .conflict)
            fixture.clock.advance(days: 3)
            // (Three days on, the sessions have expired.)
            (samr, office) = (try await login(client, "samr"), try await login(client, "office"))
            let valueForm = try await page(client, drawURL, office)
            #expect(valueForm.body.contains("录入公开随机值") && !valueForm.body.contains("执行抽取</button>"))
            #expect(
                try await post(client, drawURL + "/public-value", office, [("value", "372"), ("note", "中国福利彩票官网开奖公告")]).status == .found)
            let ready = try await page(client, drawURL, samr)
            #expect(ready.body.contains("执行抽取</button>"))
            #expect(ready.body.contains("截止前未交来秘密（按缺失处理）"))
            #expect(try await post(client, drawURL + "/execute", samr).status == .found)
            let executed = try await page(client, drawURL, samr)
            #expect(executed.body.contains("抽取结果"))
            #expect(executed.body.contains("截止值"))
            #expect(executed.body.contains("<code>372</code>"))
            #expect(executed.body.contains("组长：SAMR检查员"))
            #expect(executed.body.contains("成员：HEALTH检查员"))
            #expect(!executed.body.contains("执行抽取</button>"))
            for code in try await PlanDrawFixture.drawnCodes(fixture, id) { #expect(executed.body.contains("<td>\(code)</td>")) }
            // A form post without the session's CSRF token is refused.
            let forged = try await post(client, drawURL + "/execute", (samr.cookie, "x"))
            #expect(forged.status == .forbidden)
        }
    }
}
