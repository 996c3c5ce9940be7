// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SuijiCore
import SuijiDemo
import SuijiStore
import Testing

@Suite("Demo district builder")
struct DemoDistrictTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    func open() async throws -> Stores {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return try await Stores.open(.sqliteMemory, bcryptCost: 4, now: Self.now, logger: logger)
    }

    @Test func buildsConsistentSmallDistrict() async throws {
        // setup
        let stores = try await open()
        // MUT
        let summary = try await DemoDistrict.build(stores: stores, now: Self.now, scale: 0.02)
        // validate: counts match the database
        let targets = try await stores.targets.list(scope: .all, query: ListQuery(perPage: 1)).total
        let inspectors = try await stores.inspectors.list(scope: .all, query: ListQuery(perPage: 1)).total
        let experts = try await stores.experts.list(scope: .all, query: ListQuery(perPage: 1)).total
        let items = try await stores.items.list(scope: .all, query: ListQuery(perPage: 1)).total
        #expect(summary.departments == 20)
        #expect(try await stores.departments.all().count == 20)
        #expect(summary.targets == targets && targets > 400)
        #expect(summary.inspectors == inspectors && inspectors >= 40)
        #expect(summary.experts == experts && experts > 0)
        #expect(summary.items == items && items >= 60)
        #expect(summary.accounts.count == 24)
        #expect(try await stores.accounts.all().count == 24)
        // every department has items
        for department in try await stores.departments.all() {
            let own = try await stores.items.list(scope: .only(department.code), query: ListQuery(perPage: 1))
            #expect(own.total > 0, "\(department.code) has no items")
        }
        // SAMR holds targets of several kinds
        var kinds = Set<TargetKind>()
        var page = 1
        while true {
            let list = try await stores.targets.list(scope: .all, query: ListQuery(page: page, perPage: 500))
            for target in list.items {
                if target.departmentCode == "SAMR" { kinds.insert(target.kind) }
                if target.kind.hasCreditCode {
                    #expect(CreditCode.isValid(target.uid), "invalid credit code \(target.uid)")
                } else {
                    #expect(StableID.isValid(target.uid))
                }
            }
            if page >= list.pageCount { break }
            page += 1
        }
        #expect(kinds.isSuperset(of: [.individualBusiness, .company, .product]))
        #expect(kinds.count >= 4)
        // the inspector accounts point at inspectors of their department
        let accounts = try await stores.accounts.all()
        let inspectorAccount = try #require(accounts.first { $0.username == "samr-insp1" })
        let inspector = try await stores.inspectors.get(id: try #require(inspectorAccount.inspectorID), scope: .only("SAMR"))
        #expect(inspector.departmentCode == "SAMR")
        #expect(try await stores.inspectors.conflicts(inspectorID: inspector.id, scope: .all).count >= 1)
        // the documented password works
        let (account, _) = try await stores.accounts.login(
            username: "samr-admin", password: DemoDistrict.password, kind: "cookie", now: Self.now)
        #expect(account.role == .departmentAdmin && account.departmentCode == "SAMR")
        _ = try await stores.accounts.login(username: "office", password: "suiji-demo-2026", kind: "cookie", now: Self.now)
        await stores.database.close()
    }

    @Test func sameSeedGivesSameData() async throws {
        // setup
        let first = try await open()
        let second = try await open()
        let third = try await open()
        // MUT
        _ = try await DemoDistrict.build(stores: first, seed: 7, now: Self.now, scale: 0.02)
        _ = try await DemoDistrict.build(stores: second, seed: 7, now: Self.now, scale: 0.02)
        _ = try await DemoDistrict.build(stores: third, seed: 8, now: Self.now, scale: 0.02)
        // validate
        let query = ListQuery(perPage: 100)
        let a = try await first.targets.list(scope: .all, query: query).items
        let b = try await second.targets.list(scope: .all, query: query).items
        let c = try await third.targets.list(scope: .all, query: query).items
        #expect(!a.isEmpty)
        #expect(a == b)
        #expect(a != c)
        let inspectorsA = try await first.inspectors.list(scope: .all, query: query).items
        let inspectorsB = try await second.inspectors.list(scope: .all, query: query).items
        #expect(inspectorsA == inspectorsB)
        for stores in [first, second, third] { await stores.database.close() }
    }

    @Test func refusesNonEmptyDatabase() async throws {
        // setup
        let stores = try await open()
        _ = try await DemoDistrict.build(stores: stores, now: Self.now, scale: 0.01)
        // MUT + validate
        await #expect(throws: DemoError.databaseNotEmpty) {
            _ = try await DemoDistrict.build(stores: stores, now: Self.now, scale: 0.01)
        }
        await stores.database.close()
    }
}
