// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

@Suite("Target library store")
struct TargetStoreTests {
    func input(_ code: String, name: String, risk: String = "B") -> TargetInput {
        var input = TargetInput()
        input.creditCode = code
        input.name = name
        input.kind = "公司"
        input.division = "360202"
        input.street = "西郊街道"
        input.riskClass = risk
        input.tags = "SC-001;SC-002"
        return input
    }

    @Test(arguments: TestDatabase.available)
    func createListAndScope(_ database: TestDatabase) async throws {
        // setup
        let fixture = try await Fixture.make(database)
        let stores = fixture.stores
        // MUT
        let created = try await stores.targets.create(input(Codes.company(1), name: "景德镇瓷都陶瓷有限公司"), caller: fixture.samr)
        // validate
        #expect(created.id > 0)
        let own = try await stores.targets.list(scope: .only("SAMR"), query: ListQuery(search: "瓷都"))
        #expect(own.total == 1)
        #expect(own.items.first?.tags == ["SC-001", "SC-002"])
        let other = try await stores.targets.list(scope: .only("HEALTH"), query: ListQuery())
        #expect(other.total == 0)
        await #expect(throws: LibraryError.self) {
            _ = try await stores.targets.get(id: created.id, scope: .only("HEALTH"))
        }
        await #expect(throws: LibraryError.notFound(entity: "检查对象", id: String(created.id))) {
            _ = try await stores.targets.update(id: created.id, input(Codes.company(1), name: "改名"), caller: fixture.health)
        }
        await #expect(throws: LibraryError.self) {
            _ = try await stores.targets.create(input(Codes.company(1), name: "重复"), caller: fixture.samr)
        }
        await stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func statusChangesAreKeptAsHistory(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let stores = fixture.stores
        let created = try await stores.targets.create(input(Codes.company(2), name: "昌江区某餐馆"), caller: fixture.samr)
        var edit = input(Codes.company(2), name: "昌江区某餐馆")
        edit.status = "注销"
        edit.statusDate = "2026-03-01"
        let updated = try await stores.targets.update(id: created.id, edit, caller: fixture.samr)
        #expect(updated.status == .deregistered)
        let history = try await stores.targets.statusHistory(id: created.id, scope: .only("SAMR"))
        #expect(history.map(\.status) == ["operating", "deregistered"])
        #expect(history.last?.statusDate == "2026-03-01")
        await stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func invalidInputNamesTheField(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        var bad = input("91360202MA35X0000X", name: "")
        bad.division = "36020"
        do {
            _ = try await fixture.stores.targets.create(bad, caller: fixture.samr)
            Issue.record("expected a validation error")
        } catch let error as LibraryError {
            guard case .invalid(let issues) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(Set(issues.map(\.field)) == ["name", "creditCode", "division"])
        }
        let page = try await fixture.stores.targets.list(scope: .all, query: ListQuery())
        #expect(page.total == 0)
        await fixture.stores.database.close()
    }
}
