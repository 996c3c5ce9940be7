// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

/// The flow the four library stores share (`LibraryStore`), through the items, inspectors and
/// experts (the targets have `TargetStoreTests`): scope, unique keys, a key that may not
/// change, listing filters and order, the audit entries.
@Suite("Library stores: the shared flow")
struct LibraryStoreTests {
    static func item(_ code: String, name: String) -> CheckItemInput {
        var input = CheckItemInput()
        input.code = code
        input.name = name
        input.methods = CheckMethod.onSite.label
        input.frequency = "每年一次"
        return input
    }

    static func inspector(_ number: String, name: String, status: InspectorStatus = .active) -> InspectorInput {
        var input = InspectorInput()
        input.name = name
        input.certificateNumber = number
        input.certificateExpiry = "2028-12-31"
        input.status = status.label
        return input
    }

    static func expert(_ name: String, organisation: String) -> ExpertInput {
        var input = ExpertInput()
        input.name = name
        input.kind = ExpertKind.industryExpert.label
        input.organisation = organisation
        return input
    }

    @Test(arguments: TestDatabase.available)
    func anItemEditIsANewVersionAndItsCodeStays(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await Fixture.make(database)
        let items = fixture.stores.items
        let created = try await items.create(Self.item("SC-001", name: "食品经营许可检查"), caller: fixture.samr)
        // MUT + validate: a second item with the code is refused, naming the field
        await #expect(throws: LibraryError.duplicate(field: "code", value: "SC-001")) {
            _ = try await items.create(Self.item("SC-001", name: "重复"), caller: fixture.samr)
        }
        // the same code in another department is another item
        _ = try await items.create(Self.item("SC-001", name: "卫生许可检查"), caller: fixture.health)
        // an unchanged edit writes nothing, a changed one is version 2
        #expect(try await items.update(id: created.id, Self.item("SC-001", name: "食品经营许可检查"), caller: fixture.samr).version == 1)
        let edited = try await items.update(id: created.id, Self.item("SC-001", name: "食品经营许可证检查"), caller: fixture.samr)
        #expect(edited.version == 2 && edited.id == created.id)
        #expect(try await items.get(id: created.id, scope: .only("SAMR")).name == "食品经营许可证检查")
        #expect(try await items.get(id: created.id, version: 1, scope: .only("SAMR")).name == "食品经营许可检查")
        #expect(try await items.versions(id: created.id, scope: .only("SAMR")).map(\.item.version) == [1, 2])
        await #expect(throws: LibraryError.invalid([FieldIssue(field: "code", message: "事项编码不能修改")])) {
            _ = try await items.update(id: created.id, Self.item("SC-002", name: "改编码"), caller: fixture.samr)
        }
        await #expect(throws: LibraryError.notFound(entity: "抽查事项", id: String(created.id))) {
            _ = try await items.get(id: created.id, scope: .only("HEALTH"))
        }
        let listed = try await items.list(scope: .all, query: ListQuery(sort: ListSort(key: "department", descending: true)))
        #expect(listed.items.map(\.name) == ["食品经营许可证检查", "卫生许可检查"] && listed.total == 2)
        let audit = try await AuditLog.recent(fixture.stores.database, limit: 3)
        #expect(audit.map(\.action) == ["new-version", "create", "create"])
        #expect(audit.map(\.entity) == ["check-item", "check-item", "check-item"] && audit.first?.entityID == "SC-001")
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func anInspectorsCertificateIsUniqueAcrossDepartments(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await Fixture.make(database)
        let inspectors = fixture.stores.inspectors
        let zhang = try await inspectors.create(Self.inspector("36020200001", name: "张伟"), caller: fixture.samr)
        let li = try await inspectors.create(Self.inspector("36020200002", name: "李娜", status: .transferred), caller: fixture.samr)
        // MUT + validate
        await #expect(throws: LibraryError.duplicate(field: "certificateNumber", value: "36020200001")) {
            _ = try await inspectors.create(Self.inspector("36020200001", name: "王芳"), caller: fixture.health)
        }
        await #expect(throws: LibraryError.duplicate(field: "certificateNumber", value: "36020200001")) {
            _ = try await inspectors.update(id: li.id, Self.inspector("36020200001", name: "李娜"), caller: fixture.samr)
        }
        // an update may keep its own number, and change every other attribute
        var edit = Self.inspector("36020200001", name: "张伟")
        edit.station = "西郊所"
        edit.qualifications = "SC-001;sc-002"
        let updated = try await inspectors.update(id: zhang.id, edit, caller: fixture.samr)
        #expect(try await inspectors.get(id: zhang.id, scope: .only("SAMR")) == updated)
        #expect(updated.qualifications == ["SC-001", "SC-002"] && updated.departmentCode == "SAMR")
        let active = try await inspectors.list(scope: .only("SAMR"), query: ListQuery(filters: ["status": "active"]))
        #expect(active.items.map(\.name) == ["张伟"] && active.total == 1)
        #expect(try await inspectors.list(scope: .only("SAMR"), query: ListQuery(search: "西郊")).items.map(\.id) == [zhang.id])
        let audit = try await AuditLog.recent(fixture.stores.database, limit: 1)
        #expect(audit.map(\.action) == ["update"] && audit.first?.entityID == String(zhang.id) && audit.first?.entity == "inspector")
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func expertsAreScopedToTheirDepartment(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await Fixture.make(database)
        let experts = fixture.stores.experts
        let created = try await experts.create(Self.expert("陈教授", organisation: "景德镇陶瓷大学"), caller: fixture.samr)
        // MUT
        var edit = Self.expert("陈教授", organisation: "景德镇陶瓷大学")
        edit.expertise = "陶瓷;食品接触材料"
        edit.contact = "0798-0000000"
        let updated = try await experts.update(id: created.id, edit, caller: fixture.samr)
        // validate
        #expect(updated.expertise == ["陶瓷", "食品接触材料"] && updated.contact == "0798-0000000")
        #expect(try await experts.get(id: created.id, scope: .all) == updated)
        await #expect(throws: LibraryError.notFound(entity: "专家", id: String(created.id))) {
            _ = try await experts.update(id: created.id, edit, caller: fixture.health)
        }
        #expect(try await experts.list(scope: .only("HEALTH"), query: ListQuery()).total == 0)
        #expect(try await experts.list(scope: .all, query: ListQuery(search: "食品接触")).items.map(\.id) == [created.id])
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aTargetsCodeIsItsKey(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await Fixture.make(database)
        let targets = fixture.stores.targets
        var input = TargetInput()
        input.creditCode = Codes.company(7)
        input.name = "昌江区某瓷厂"
        input.kind = "公司"
        input.division = "360202"
        let created = try await targets.create(input, caller: fixture.samr)
        // MUT + validate
        await #expect(throws: LibraryError.duplicate(field: "creditCode", value: Codes.company(7))) {
            _ = try await targets.create(input, caller: fixture.samr)
        }
        var moved = input
        moved.creditCode = Codes.company(8)
        do {
            _ = try await targets.update(id: created.id, moved, caller: fixture.samr)
            Issue.record("the code changed")
        } catch LibraryError.invalid(let issues) {
            #expect(issues.map(\.field) == ["creditCode"])
        }
        let audit = try await AuditLog.recent(fixture.stores.database, limit: 1)
        #expect(audit.first?.action == "create" && audit.first?.entityID == Codes.company(7))
        await fixture.stores.database.close()
    }
}
