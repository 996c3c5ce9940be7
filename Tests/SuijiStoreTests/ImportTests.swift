// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import SuijiTabular
import Testing

@Suite("Imports and registry sync")
struct ImportTests {
    static let header = "统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级,状态,状态日期,抽查事项标注"

    static func row(_ n: Int, name: String? = nil, status: String = "在营", date: String = "", risk: String = "B") -> String {
        "\(Codes.company(n)),\(name ?? "第\(n)号公司"),公司,360202,西郊街道,\(risk),\(status),\(date),SAMR-001"
    }

    @Test(arguments: TestDatabase.available)
    func secondImportIsARegistrySync(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let first = ([Self.header] + (1...5).map { Self.row($0) }).joined(separator: "\n")
        let added = try await fixture.stores.importer.run(.targets, data: Data(first.utf8), caller: fixture.samr)
        #expect((added.added, added.changed, added.unchanged) == (5, 0, 0))
        let second =
            ([Self.header] + [
                Self.row(1), Self.row(2, name: "改名后的公司"), Self.row(3, status: "注销", date: "2026-04-01"), Self.row(4, risk: "D"),
                Self.row(6),
            ]).joined(separator: "\r\n")
        let sync = try await fixture.stores.importer.run(.targets, data: Data(second.utf8), caller: fixture.samr)
        #expect(sync.added == 1)
        #expect(sync.changed == 3)
        #expect(sync.unchanged == 1)
        #expect(sync.nowDeregistered == 1)
        // The report names each changed row and field, old → new (the header is row 1).
        #expect(
            sync.changes == [
                ImportChange(row: 3, key: Codes.company(2), column: "名称", old: "第2号公司", new: "改名后的公司"),
                ImportChange(row: 4, key: Codes.company(3), column: "状态", old: "在营", new: "注销"),
                ImportChange(row: 4, key: Codes.company(3), column: "状态日期", old: "", new: "2026-04-01"),
                ImportChange(row: 5, key: Codes.company(4), column: "风险等级", old: "B", new: "D"),
            ])
        #expect(sync.unlistedChanges == 0)
        let page = try await fixture.stores.targets.list(scope: .only("SAMR"), query: ListQuery(search: Codes.company(3)))
        let target = try #require(page.items.first)
        #expect(target.status == .deregistered)
        let history = try await fixture.stores.targets.statusHistory(id: target.id, scope: .only("SAMR"))
        #expect(history.map(\.source) == ["import", "import"])
        // Target 5 is missing from the sheet and stays as it was.
        #expect(try await fixture.stores.targets.list(scope: .all, query: ListQuery()).total == 6)
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func badRowsAreAllReportedAndNothingIsWritten(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        var lines = [Self.header] + (1...300).map { Self.row($0) }
        lines[100] = lines[100].replacingOccurrences(of: "360202,西郊", with: "36020,西郊")  // row 101
        lines[200] = Self.row(5)  // duplicate of row 6 → reported at row 201
        lines.append(",,公司,360202,,,,,")  // row 302: no name, no code
        do {
            _ = try await fixture.stores.importer.run(.targets, data: Data(lines.joined(separator: "\n").utf8), caller: fixture.samr)
            Issue.record("import accepted")
        } catch ImportError.rejected(let report) {
            #expect(report.issues.map(\.row) == [101, 201, 302, 302])
            #expect(report.issues.map(\.column) == ["所属区划", "统一社会信用代码", "名称", "统一社会信用代码"])
            #expect(report.issues[1].message.contains("与第 6 行重复"))
        }
        #expect(try await fixture.stores.targets.list(scope: .all, query: ListQuery()).total == 0)
        await fixture.stores.database.close()
    }

    @Test func gb18030AndXLSXAreRead() async throws {
        let fixture = try await Fixture.make(.sqlite)
        let text = ([Self.header] + (1...3).map { Self.row($0) }).joined(separator: "\n")
        let gb = try TabularIconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        let report = try await fixture.stores.importer.run(.targets, data: Data(gb), caller: fixture.samr)
        #expect(report.format == "csv/gb18030")
        #expect(report.added == 3)
        let rows =
            [Self.header.split(separator: ",").map(String.init)]
            + (4...6).map { Self.row($0).split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let xlsx = try TabularXLSXWriter.encode([.init(name: "对象", rows: rows)])
        let second = try await fixture.stores.importer.run(.targets, data: xlsx, caller: fixture.samr)
        #expect(second.format == "xlsx")
        #expect(second.added == 3)
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func itemEditsCreateVersions(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        var input = CheckItemInput()
        input.code = "SAMR-001"
        input.name = "企业公示信息的抽查"
        input.methods = "网络检查"
        let item = try await fixture.stores.items.create(input, caller: fixture.samr)
        input.methods = "网络检查;实地核查"
        let edited = try await fixture.stores.items.update(id: item.id, input, caller: fixture.samr)
        #expect(edited.version == 2)
        let unchanged = try await fixture.stores.items.update(id: item.id, input, caller: fixture.samr)
        #expect(unchanged.version == 2)
        let versions = try await fixture.stores.items.versions(id: item.id, scope: .only("SAMR"))
        #expect(versions.map(\.item.version) == [1, 2])
        #expect(versions.first?.item.methods == [.online])
        let old = try await fixture.stores.items.get(id: item.id, version: 1, scope: .only("SAMR"))
        #expect(old.methods == [.online])
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func inspectorCertificatesAreUniqueAcrossDepartments(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let sheet = "姓名,执法证号,执法证有效期至,执法区域,可检查事项\n张伟,36020200001,2028-12-31,360202,SAMR-001\n"
        let report = try await fixture.stores.importer.run(.inspectors, data: Data(sheet.utf8), caller: fixture.samr)
        #expect(report.added == 1)
        await #expect(throws: LibraryError.duplicate(field: "certificateNumber", value: "36020200001")) {
            _ = try await fixture.stores.importer.run(.inspectors, data: Data(sheet.utf8), caller: fixture.health)
        }
        await fixture.stores.database.close()
    }
}

@Suite("Damaged import files")
struct DamagedImportTests {
    @Test func aTruncatedWorkbookIsABadFileNotACrash() async throws {
        let fixture = try await Fixture.make(.sqlite)
        let rows = [["统一社会信用代码", "名称", "类型", "所属区划"], [Codes.company(1), "甲公司", "公司", "360202"]]
        let xlsx = try TabularXLSXWriter.encode([.init(name: "对象", rows: rows)])
        await #expect(throws: ImportError.self) {
            _ = try await fixture.stores.importer.run(.targets, data: xlsx.prefix(xlsx.count / 2), caller: fixture.samr)
        }
        await fixture.stores.database.close()
    }
}
