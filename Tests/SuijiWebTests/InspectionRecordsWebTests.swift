// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Attachments, entrustments and the dossier over the API and pages")
struct InspectionRecordsWebTests {
    static let photo = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("suiji-photo".utf8))
    static let photoDigest = "cb56b16c1b44022a554159ceaca2e4312e3036fccc35c5d0707b0ab957a33450"

    /// A multipart body with text fields and one file.
    static func multipart(_ fields: [(String, String)], file: (name: String, content: Data)?) -> (contentType: String, body: ByteBuffer) {
        let boundary = "----suiji-test-boundary"
        var data = Data()
        for (name, value) in fields {
            data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            data.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8))
            data.append(file.content)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: data))
    }

    /// Posts a multipart body; the status, location, body and headers.
    static func upload(
        _ client: some TestClientProtocol, _ uri: String, headers: HTTPFields, _ fields: [(String, String)],
        file: (name: String, content: Data)?
    ) async throws -> (status: HTTPResponse.Status, location: String, body: String) {
        let (type, body) = multipart(fields, file: file)
        var headers = headers
        headers[.contentType] = type
        return try await client.execute(uri: uri, method: .post, headers: headers, body: body) {
            ($0.status, $0.headers[.location] ?? "", String(buffer: $0.body))
        }
    }

    @Test func theTeamAttachesEntrustsAndTheDossierChecksOut() async throws {
        try await withApp { fixture, client in
            // setup
            let (target, _) = try await PlanDrawFixture.drawnInspection(fixture, client, leader: nil)
            let outsiderID = try #require((1...8).map(Int64.init).first { id in !target.team.contains { $0.id == id } })
            try await InspectionAPITests.inspectorAccount(fixture, "leader", id: target.team[0].id, department: "SAMR")
            try await InspectionAPITests.inspectorAccount(fixture, "outsider", id: outsiderID, department: "SAMR")
            let leader = try await token(client, "leader")
            let api = "/api/v1/inspections/\(target.id)"

            // MUT + validate: the API takes a photo from the team only, and names the field of a bad file.
            let bearer: HTTPFields = [.authorization: "Bearer \(leader)"]
            let created = try await Self.upload(
                client, "\(api)/attachments", headers: bearer, [("item", "HEALTH-001"), ("note", "门头")],
                file: ("门头照片.jpg", Self.photo))
            #expect(created.status == .created && created.body.contains(Self.photoDigest) && created.body.contains("门头照片.jpg"))
            let text = try await Self.upload(client, "\(api)/attachments", headers: bearer, [], file: ("说明.txt", Data("文字".utf8)))
            #expect(text.status == .unprocessableContent && text.body.contains("\"field\":\"file\"") && text.body.contains("文件类型不支持"))
            let huge = Data([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 1, count: AttachmentRules.maxBytes + 100_000))
            let tooLarge = try await Self.upload(client, "\(api)/attachments", headers: bearer, [], file: ("大.jpg", huge))
            #expect(tooLarge.status == .unprocessableContent && tooLarge.body.contains("超过 10 MB"))
            let none = try await Self.upload(client, "\(api)/attachments", headers: bearer, [("note", "无文件")], file: nil)
            #expect(none.status == .unprocessableContent && none.body.contains("请选择要上传的附件"))
            let outsider: HTTPFields = [.authorization: "Bearer \(try await token(client, "outsider"))"]
            #expect(
                try await Self.upload(client, "\(api)/attachments", headers: outsider, [], file: ("a.jpg", Self.photo)).status == .notFound)
            let listed = try await InspectionAPITests.list(client, "\(api)/attachments", token: leader)
            let id = try #require(listed.first?["id"] as? Int)
            try await client.execute(uri: "\(api)/attachments/\(id)", method: .get, headers: bearer) { response in
                #expect(response.status == .ok && Data(buffer: response.body) == Self.photo)
                #expect(response.headers[.contentType] == "image/jpeg")
                #expect(response.headers[HTTPField.Name("X-Content-SHA256")!] == Self.photoDigest)
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''%E9%97%A8") == true)
            }
            let entrusted = try await PlanDrawFixture.call(
                client, .post, "\(api)/entrustments", token: leader,
                body: ["kind": "organisation", "organisation": "江西某检测有限公司", "work": "公共场所空气质量抽样检测", "items": ["HEALTH-001"]])
            #expect(entrusted.status == .created && entrusted.json["entrustedBy"] as? String == "leader")
            let badEntrust = try await PlanDrawFixture.call(
                client, .post, "\(api)/entrustments", token: leader, body: ["kind": "organisation", "work": "检测"])
            #expect(badEntrust.status == .unprocessableContent)

            // Pages: the phone form uploads with the CSRF token; the page lists the file with its digest.
            let session = try await login(client, "leader")
            let page = "/inspections/\(target.id)"
            let cookie: HTTPFields = [.cookie: session.cookie]
            let posted = try await Self.upload(
                client, "\(page)/attachments", headers: cookie, [("_csrf", session.csrf), ("note", "询问笔录")],
                file: ("笔录.pdf", Data("%PDF-1.7\n".utf8)))
            #expect(posted.status == .found && posted.location == "\(page)#attachments")
            #expect(
                try await Self.upload(client, "\(page)/attachments", headers: cookie, [], file: ("x.pdf", Data("%PDF-".utf8))).status
                    == .forbidden)
            let rejected = try await Self.upload(
                client, "\(page)/attachments", headers: cookie, [("_csrf", session.csrf)], file: ("x.txt", Data("x".utf8)))
            #expect(rejected.status == .unprocessableContent && rejected.body.contains("文件类型不支持"))
            let detail = try await InspectionPagesTests.page(client, page, session)
            #expect(detail.html.contains("enctype=\"multipart/form-data\"") && detail.html.contains("门头照片.jpg"))
            #expect(detail.html.contains(Self.photoDigest) && detail.html.contains("笔录.pdf") && detail.html.contains("江西某检测有限公司"))
            let entrustForm = try await InspectionPagesTests.post(
                client, "\(page)/entrustments", session, [("kind", "organisation"), ("organisation", "某会计师事务所"), ("work", "")])
            #expect(entrustForm.status == .unprocessableContent && entrustForm.html.contains("委托事项（委托其做什么）不能为空"))
            #expect(entrustForm.html.contains("某会计师事务所"))
            let record = try await InspectionPagesTests.page(client, "\(page)/record", session)
            #expect(record.html.contains("委托专业机构（专家）") && record.html.contains("公共场所空气质量抽样检测"))

            // The dossier: a page listing every file with its digest, and a ZIP whose index checks out.
            let office = try await login(client, "office")
            let dossier = try await InspectionPagesTests.page(client, "\(page)/dossier", office)
            #expect(dossier.status == .ok && dossier.html.contains("01-抽查通知书.html") && dossier.html.contains(Self.photoDigest))
            let zip = try await client.execute(uri: "\(page)/dossier.zip", method: .get, headers: [.cookie: office.cookie]) { response in
                #expect(response.headers[.contentType] == "application/zip")
                return Data(buffer: response.body)
            }
            let index = try DossierArchive.verify(zip)
            #expect(index.inspectionID == target.id && index.files.count == 10)
            #expect(index.files.map(\.path).contains("02-检查记录表.html") && index.files.map(\.path).contains("02-检查记录表.pdf"))
            #expect(index.files.contains { $0.path == "附件/01-门头照片.jpg" && $0.sha256 == Self.photoDigest && $0.bytes == Self.photo.count })
            let apiZip = try await client.execute(uri: "\(api)/dossier.zip", method: .get, headers: bearer) { Data(buffer: $0.body) }
            #expect(try DossierArchive.verify(apiZip).files.map(\.sha256) == index.files.map(\.sha256))
        }
    }
}
