// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

/// The printed 抽查通知书 and 检查记录表: golden HTML, a 文号 issued once per department and year,
/// and the server's PDF of each (checked with poppler's pdfinfo and pdftotext when installed).
@Suite("Printed notice and record form")
struct InspectionPrintTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The document of a print page: its `<article class="doc">`.
    static func article(_ html: String) -> String {
        guard let start = html.range(of: #"<article class="doc"#),
            let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }

    /// Compares `text` with the golden file `name` (rewritten with SUIJI_UPDATE_GOLDEN=1).
    static func expectGolden(_ text: String, _ name: String) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SUIJI_UPDATE_GOLDEN"] == "1" { try text.write(to: url, atomically: true, encoding: .utf8) }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from the golden file")
    }

    /// A drawn inspection with the SAMR prefix set, the leader's phone recorded, a notice and both findings.
    static func recordedInspection(_ fixture: WebFixture, _ client: some TestClientProtocol) async throws -> (Inspection, [Inspection]) {
        let (target, all) = try await PlanDrawFixture.drawnInspection(fixture, client)
        let office = Caller.system(at: WebFixture.now)
        try await fixture.stores.departments.setDocumentPrefix("昌市监", of: "SAMR", caller: office)
        let leader = try await fixture.stores.inspectors.get(id: target.team[0].id, scope: .all)
        var input = InspectorInput(leader)
        input.phone = "0798-8222001"
        _ = try await fixture.stores.inspectors.update(id: leader.id, input, caller: try await PlanDrawFixture.caller(fixture, "samr"))
        let session = try await login(client, "leader")
        let uri = "/inspections/\(target.id)"
        _ = try await InspectionPagesTests.post(
            client, "\(uri)/notice", session, [("notified", "yes"), ("channel", "phone"), ("date", "2026-06-20")])
        _ = try await InspectionPagesTests.post(client, "\(uri)/schedule", session, [("plannedDate", "2026-07-06")])
        for (department, code, category, notes) in [
            ("SAMR", "SAMR-001", "no-problem", ""), ("HEALTH", "HEALTH-001", "correction-ordered", "卫生许可证未公示，已责令改正"),
        ] {
            let saved = try await InspectionPagesTests.post(
                client, "\(uri)/findings", session,
                [("department", department), ("itemCode", code), ("methods", "onSite"), ("category", category), ("notes", notes)])
            #expect(saved.status == .found)
        }
        return (target, all)
    }

    @Test func theNoticeAndTheRecordFormMatchTheirGoldenHTML() async throws {
        try await withApp { fixture, client in
            // setup
            let (target, all) = try await Self.recordedInspection(fixture, client)
            let samr = try await login(client, "samr")
            let overseer = try await login(client, "overseer")

            // MUT: the overseer sees no number yet; SAMR's first print issues №1, kept by the record form.
            let unnumbered = try await InspectionPagesTests.page(client, "/inspections/\(target.id)/notice", overseer)
            let notice = try await InspectionPagesTests.page(client, "/inspections/\(target.id)/notice", samr)
            let record = try await InspectionPagesTests.page(client, "/inspections/\(target.id)/record", samr)
            let second = try await InspectionPagesTests.page(client, "/inspections/\(all[1].id)/record", samr)

            // validate
            #expect(unnumbered.html.contains("尚未编号"))
            #expect(notice.status == .ok && record.status == .ok)
            try Self.expectGolden(Self.article(notice.html), "notice.html")
            try Self.expectGolden(Self.article(record.html), "record.html")
            #expect(notice.html.contains("昌市监联抽〔2026〕1号") && record.html.contains("昌市监联抽〔2026〕1号"))
            #expect(second.html.contains("昌市监联抽〔2026〕2号"))
            #expect(notice.html.contains(#"href="/static/print-a4.css""#) && !notice.html.contains("style=\""))
            #expect(
                try await InspectionPagesTests.page(client, "/inspections/\(target.id)/notice", overseer).html.contains("昌市监联抽〔2026〕1号"))
        }
    }

    @Test func bothDocumentsDownloadAsOnePortraitA4PDF() async throws {
        try await withApp { fixture, client in
            // setup
            let (target, _) = try await Self.recordedInspection(fixture, client)
            let samr = try await login(client, "samr")

            for (kind, expected) in [
                ("notice", ["部门联合“双随机、一公开”抽查通知书", "昌市监联抽〔2026〕1号", "企业公示信息的抽查", "2026年7月1日至2026年7月31日", "0798-8222001"]),
                ("record", ["抽查检查记录表", "发现问题已责令改正", "卫生许可", target.team[0].name, "2026年8月28日"]),
            ] {
                // MUT
                let (status, type, disposition, pdf) = try await client.execute(
                    uri: "/inspections/\(target.id)/\(kind).pdf", method: .get, headers: [.cookie: samr.cookie]
                ) { ($0.status, $0.headers[.contentType], $0.headers[.contentDisposition] ?? "", Data(buffer: $0.body)) }

                // validate: a PDF naming the predefined font, unembedded; one A4 page with the text when poppler is here.
                #expect(status == .ok && type == "application/pdf" && disposition.contains(".pdf"))
                let head = String(decoding: pdf, as: UTF8.self)
                #expect(head.hasPrefix("%PDF-1.7") && head.contains("/BaseFont /STSong-Light") && head.contains("/Encoding /UniGB-UCS2-H"))
                #expect(!head.contains("/FontFile"))
                guard let tools = PopplerTools() else { continue }
                let info = try tools.run("pdfinfo", pdf)
                #expect(info.contains("Pages:           1"), "\(kind): \(info)")
                #expect(info.contains("595.28 x 841.89 pts (A4)"), "\(kind): \(info)")
                let text = try tools.run("pdftotext", pdf, arguments: ["-layout"], output: true)
                for phrase in expected + [target.target.name, "区市场监管局", "区卫健委", "（盖章）", "序号"] {
                    #expect(
                        text.replacingOccurrences(of: " ", with: "").contains(phrase.replacingOccurrences(of: " ", with: "")),
                        "\(kind) PDF lacks \(phrase)")
                }
            }
        }
    }
}

/// poppler-utils (`apt-get install poppler-utils`), when installed.
struct PopplerTools {
    let folder: String

    init?() {
        guard let folder = ["/usr/bin", "/usr/local/bin"].first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/pdfinfo") }),
            FileManager.default.isExecutableFile(atPath: "\(folder)/pdftotext")
        else { return nil }
        self.folder = folder
    }

    /// Runs `tool` on `pdf` (a temporary file); its standard output, or with `output` the text it writes to "-".
    func run(_ tool: String, _ pdf: Data, arguments: [String] = [], output: Bool = false) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(folder)/\(tool)")
        process.arguments = arguments + [file.path] + (output ? ["-"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
