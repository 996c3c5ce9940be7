// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
@testable import SuijiStore
import Testing

@Suite("Attachments, entrustments and dossiers in the store")
struct InspectionRecordsTests {
    /// A tiny JPEG-looking file: the JPEG signature and some bytes.
    static let photo = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("suiji-photo".utf8))
    static let photoDigest = "cb56b16c1b44022a554159ceaca2e4312e3036fccc35c5d0707b0ab957a33450"

    @Test(arguments: TestDatabase.available)
    func onlyTheTeamAttachesWithinTheLimits(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await InspectionFixture.make(database)
        let inspection = try #require(try await fixture.all().first)
        let leader = try await fixture.inspector(inspection.team[0].id, department: "SAMR")
        let store = fixture.inspections
        // MUT: the leader attaches a photo to one item.
        let photo = AttachmentUpload(fileName: "C:\\相机\\门头照片.jpg", content: Self.photo, item: "HEALTH-001", note: "经营场所门头")
        let attached = try await store.addAttachment(id: inspection.id, photo, caller: leader)
        // validate
        #expect(attached.fileName == "门头照片.jpg" && attached.mediaType == "image/jpeg" && attached.byteSize == Self.photo.count)
        #expect(attached.sha256 == Self.photoDigest && attached.uploadedBy == leader.account.username)
        #expect(attached.item == PlanItem(department: "HEALTH", code: "HEALTH-001") && attached.note == "经营场所门头")
        #expect(try await store.attachments(id: inspection.id, for: fixture.office.account) == [attached])
        let (read, content) = try await store.attachment(
            id: inspection.id, attachmentID: attached.id, for: fixture.draw.fixture.health.account)
        #expect(read == attached && content == Self.photo)
        let pdf = try await store.addAttachment(
            id: inspection.id, AttachmentUpload(fileName: "询问笔录.pdf", content: Data("%PDF-1.7\n%…".utf8)), caller: leader)
        #expect(pdf.mediaType == "application/pdf" && pdf.item == nil)

        // Admins, the office and the wrong inputs are refused, naming the field.
        for caller in [fixture.draw.fixture.samr, fixture.office] {
            await #expect(throws: InspectionError.forbidden("只有本检查组的执法检查人员可以录入（谁检查、谁录入、谁负责）")) {
                _ = try await store.addAttachment(id: inspection.id, photo, caller: caller)
            }
        }
        let big = Data([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: AttachmentRules.maxBytes))
        let cases: [(AttachmentUpload, String, String)] = [
            (AttachmentUpload(fileName: "大.jpg", content: big), "file", "超过 10 MB"),
            (AttachmentUpload(fileName: "说明.txt", content: Data("现场情况".utf8)), "file", "文件类型不支持"),
            (AttachmentUpload(fileName: "空.jpg", content: Data()), "file", "空文件"),
            (AttachmentUpload(fileName: "照片.jpg", content: Self.photo, item: "SAMR-999"), "item", "没有事项 SAMR-999"),
        ]
        for (upload, field, message) in cases {
            do {
                _ = try await store.addAttachment(id: inspection.id, upload, caller: leader)
                Issue.record("accepted \(upload.fileName)")
            } catch let error as InspectionError {
                #expect(error.field == field && error.message.contains(message), "\(error.message)")
            }
        }
        #expect(try await store.attachments(id: inspection.id, for: leader.account).count == 2)
        // Submitted results take no more attachments; the log holds each upload's digest.
        try await fixture.enter(inspection.id, caller: leader)
        _ = try await store.submit(id: inspection.id, caller: leader)
        await #expect(throws: InspectionError.self) { _ = try await store.addAttachment(id: inspection.id, photo, caller: leader) }
        let log = try await AuditLog.recent(fixture.stores.database, limit: 100)
        #expect(log.filter { $0.action == "attach" }.count == 2)
        #expect(log.contains { $0.action == "attach" && $0.detail.contains(Self.photoDigest) })
        if case .intact = try await AuditLog.verify(fixture.stores.database) {} else { Issue.record("audit log broken") }
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func theTeamRecordsEntrustedBodiesAndExperts(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await InspectionFixture.make(database)
        let inspection = try #require(try await fixture.all().first)
        let member = try await fixture.inspector(inspection.team[1].id, department: "HEALTH")
        var expertInput = ExpertInput()
        expertInput.name = "王检测"
        expertInput.kind = "检测机构"
        expertInput.organisation = "景德镇市检验检测中心"
        let expert = try await fixture.stores.experts.create(expertInput, caller: fixture.draw.fixture.health)
        let system = Caller.system(at: TestDatabase.t0)
        try await fixture.stores.departments.create(Department(code: "EDU", name: "区教育局"), caller: system)
        let edu = try await fixture.stores.accounts.create(
            Account(username: "edu-admin", displayName: "教育局管理员", role: .departmentAdmin, departmentCode: "EDU"),
            password: "fixture-pass-2026",
            caller: system)
        expertInput.name = "外部门专家"
        let outsider = try await fixture.stores.experts.create(expertInput, caller: Caller(account: edu, at: TestDatabase.t0))
        let store = fixture.inspections
        // MUT
        let body = try await store.entrust(
            id: inspection.id,
            EntrustmentInput(
                kind: .organisation, organisation: "江西某检测有限公司", creditCode: Codes.company(9001), items: ["HEALTH:HEALTH-001"],
                work: "公共场所空气质量抽样检测"),
            caller: member)
        let person = try await store.entrust(
            id: inspection.id, EntrustmentInput(kind: .expert, expertID: expert.id, work: "财务资料审查"), caller: member)
        // validate
        #expect(body.name == "江西某检测有限公司" && body.creditCode == Codes.company(9001) && body.entrustedBy == "insp-\(inspection.team[1].id)")
        #expect(body.items == [PlanItem(department: "HEALTH", code: "HEALTH-001")] && body.entrustedOn.iso == "2026-05-29")
        #expect(person.name == "王检测" && person.expertID == expert.id && person.items.isEmpty && person.entrustee == "王检测（专家库）")
        #expect(try await store.entrustments(id: inspection.id, for: fixture.office.account) == [body, person])
        let bad: [(EntrustmentInput, String)] = [
            (EntrustmentInput(kind: .organisation, organisation: " ", work: "检测"), "organisation"),
            (EntrustmentInput(kind: .organisation, organisation: "某机构", creditCode: "913602021234567890", work: "检测"), "creditCode"),
            (EntrustmentInput(kind: .expert, expertID: 999_999, work: "检测"), "expertID"),
            (EntrustmentInput(kind: .expert, expertID: outsider.id, work: "检测"), "expertID"),
            (EntrustmentInput(kind: .organisation, organisation: "某机构", items: ["SAMR-404"], work: "检测"), "items"),
            (EntrustmentInput(kind: .organisation, organisation: "某机构", work: ""), "work"),
            (EntrustmentInput(kind: .organisation, organisation: "某机构", work: "检测", date: CalendarDate(iso: "2026-01-02")), "date"),
        ]
        for (input, field) in bad {
            await #expect(throws: InspectionError.self) { _ = try await store.entrust(id: inspection.id, input, caller: member) }
            do { _ = try await store.entrust(id: inspection.id, input, caller: member) } catch let error as InspectionError {
                #expect(error.field == field, "\(error.message)")
            }
        }
        await #expect(throws: InspectionError.self) {
            _ = try await store.entrust(
                id: inspection.id, EntrustmentInput(kind: .organisation, organisation: "某机构", work: "检测"), caller: fixture.draw.fixture.samr
            )
        }
        let dossier = try await store.dossier(id: inspection.id, for: fixture.office.account)
        #expect(dossier.entrustments.count == 2 && dossier.inspection.id == inspection.id)
        await fixture.stores.database.close()
    }

    @Test func anArchivedDossierIsCheckedFileByFile() throws {
        // setup
        let files: [(path: String, title: String, content: Data)] = [
            ("01-抽查通知书.html", "抽查通知书", Data("<p>通知</p>".utf8)), ("附件/01-照片.jpg", "附件", Self.photo),
        ]
        let header = DossierIndex(
            inspectionID: 7, target: "第1号公司", targetUID: "X", state: "已公示", createdAt: "2026-09-03T00:00:00Z", files: [])
        // MUT
        let (zip, index) = try DossierArchive.zip(folder: "检查档案-7", files: files, index: header)
        // validate
        #expect(index.files.map(\.path) == ["01-抽查通知书.html", "附件/01-照片.jpg"])
        #expect(index.files[1].sha256 == Self.photoDigest && index.files[1].bytes == Self.photo.count)
        #expect(try DossierArchive.verify(zip) == index)
        // A changed file no longer matches its digest; a file outside the index is found too.
        let json = try JSONEncoder().encode(index)
        let tampered = try BundleArchive.zip(
            entries: [(files[0].path, files[0].content), (files[1].path, Data(Self.photo.reversed())), ("index.json", json)],
            folder: "检查档案-7")
        #expect(throws: DossierArchiveError.digestMismatch("附件/01-照片.jpg")) { _ = try DossierArchive.verify(tampered) }
        let extra = try BundleArchive.zip(
            entries: [(files[0].path, files[0].content), (files[1].path, Self.photo), ("附件/02-x.jpg", Self.photo), ("index.json", json)],
            folder: "检查档案-7")
        #expect(throws: DossierArchiveError.unlisted("附件/02-x.jpg")) { _ = try DossierArchive.verify(extra) }
        #expect(throws: DossierArchiveError.self) { _ = try DossierArchive.verify(Data("not a zip".utf8)) }
    }
}
