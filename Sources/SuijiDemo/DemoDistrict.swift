// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import SuijiTabular

/// A login account created by the demo builder, with its (documented, public) password.
public struct DemoAccount: Sendable {
    public var username: String
    public var password: String
    public var role: Role
    public var department: String?
    public var displayName: String

    public init(username: String, password: String, role: Role, department: String?, displayName: String) {
        self.username = username
        self.password = password
        self.role = role
        self.department = department
        self.displayName = displayName
    }
}

/// What the demo builder created.
public struct DemoSummary: Sendable {
    public var accounts: [DemoAccount]
    public var departments: Int
    public var items: Int
    public var targets: Int
    public var inspectors: Int
    public var experts: Int

    public init(accounts: [DemoAccount], departments: Int, items: Int, targets: Int, inspectors: Int, experts: Int) {
        self.accounts = accounts
        self.departments = departments
        self.items = items
        self.targets = targets
        self.inspectors = inspectors
        self.experts = experts
    }
}

/// Why the demo could not be built.
public enum DemoError: Error, Equatable, Sendable {
    /// The database already has departments: the demo only fills an empty database.
    case databaseNotEmpty
}

/// Builds a realistic demo of 景德镇市昌江区 (360202): the 20 member departments, their
/// accounts, check items, target libraries (about 30,000 targets), inspectors, experts and a
/// few declared conflicts of interest. Libraries go in through the real importer.
///
/// The data is fictitious (names, credit codes, people) though shaped after the district; it
/// is deterministic for a given seed, `now` and scale.
public enum DemoDistrict {
    /// The password of every demo account.
    public static let password = "suiji-demo-2026"

    /// Fills an empty, migrated database.
    ///
    /// - Parameters:
    ///   - stores: the stores of the database; it must have no departments yet.
    ///   - seed: the seed of the generator; the same seed gives the same data.
    ///   - now: the time of every write; dates (certificate expiry, leave) are relative to it.
    ///   - scale: multiplies every count (1.0 ≈ 30,000 targets, 320 inspectors, 40 experts).
    ///   - progress: receives a short English line per phase.
    /// - Throws: `DemoError.databaseNotEmpty`, or the store's error (an `ImportError` would
    ///   mean a bug in the generator).
    public static func build(
        stores: Stores, seed: UInt64 = 2026, now: Date, scale: Double = 1.0, progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> DemoSummary {
        guard try await stores.departments.all().isEmpty else { throw DemoError.databaseNotEmpty }
        let system = Caller.system(at: now)
        let today = CalendarDate(chinaDateOf: now)
        let root = DemoRandom(seed: seed)
        let codes = DemoReference.departments.map(\.code)

        for (code, name) in DemoReference.departments {
            try await stores.departments.create(Department(code: code, name: name), caller: system)
            if let prefix = DemoReference.documentPrefixes[code] {
                try await stores.departments.setDocumentPrefix(prefix, of: code, caller: system)
            }
        }
        progress?("departments: \(codes.count)")
        try await stores.areas.upsert(Area(code: "360202", name: "昌江区", parent: "360200"), caller: system)
        for street in DemoReference.streets {
            try await stores.areas.upsert(Area(code: street.code, name: street.name, parent: "360202"), caller: system)
        }

        var accounts: [DemoAccount] = []
        func account(_ account: Account) async throws -> Account {
            let stored = try await stores.accounts.create(account, password: password, caller: system)
            accounts.append(
                DemoAccount(
                    username: account.username, password: password, role: account.role, department: account.departmentCode,
                    displayName: account.displayName))
            return stored
        }
        _ = try await account(Account(username: "office", displayName: "联席会议办公室", role: .office))
        _ = try await account(Account(username: "overseer", displayName: "区司法局考评", role: .overseer))
        var admins: [String: Caller] = [:]
        for (code, name) in DemoReference.departments {
            let admin = try await account(
                Account(username: "\(code.lowercased())-admin", displayName: "\(name)管理员", role: .departmentAdmin, departmentCode: code))
            admins[code] = Caller(account: admin, at: now)
        }
        progress?("admin accounts: \(accounts.count)")

        var itemCount = 0
        for code in codes {
            let report = try await stores.importer.run(
                .items, data: TabularCSVWriter.encode(DemoItems.sheet(of: code)), caller: admins[code]!)
            itemCount += report.added
        }
        progress?("check items: \(itemCount)")

        var generator = DemoTargets(scale: scale, today: today)
        var registerRandom = root.fork("register")
        let register = generator.register(&registerRandom)
        var targetCount = 0
        for code in codes {
            var random = root.fork("targets-\(code)")
            var entities = generator.subset(&random, of: register, department: code)
            entities += generator.extras(&random, department: code)
            entities += generator.nonMarket(&random, department: code, register: register)
            let items = DemoItems.items(of: code)
            var rows = [TargetInput.labels.map(\.value)]
            rows.reserveCapacity(entities.count + 1)
            for entity in entities { rows.append(generator.row(&random, entity, department: code, items: items)) }
            let report = try await stores.importer.run(.targets, data: TabularCSVWriter.encode(rows), caller: admins[code]!)
            targetCount += report.added
            progress?("targets \(code): \(report.added)")
        }

        let staff = DemoStaff(scale: scale, today: today)
        var inspectorCount = 0
        for code in codes {
            var random = root.fork("inspectors-\(code)")
            let sheet = staff.inspectorSheet(&random, department: code)
            let report = try await stores.importer.run(.inspectors, data: TabularCSVWriter.encode(sheet), caller: admins[code]!)
            inspectorCount += report.added
        }
        progress?("inspectors: \(inspectorCount)")
        var expertCount = 0
        for code in DemoStaff.expertDepartments {
            var random = root.fork("experts-\(code)")
            let sheet = staff.expertSheet(&random, department: code)
            let report = try await stores.importer.run(.experts, data: TabularCSVWriter.encode(sheet), caller: admins[code]!)
            expertCount += report.added
        }
        progress?("experts: \(expertCount)")

        var conflictRandom = root.fork("conflicts")
        for (code, username) in [("SAMR", "samr-insp1"), ("HEALTH", "health-insp1")] {
            let inspectors = try await stores.inspectors.list(scope: .only(code), query: ListQuery(perPage: 500)).items
            let usable = inspectors.filter { $0.isAvailable(from: today, to: CalendarDate(dayNumber: today.dayNumber + 60)) }
            guard let inspector = usable.first ?? inspectors.first else { continue }
            _ = try await account(
                Account(username: username, displayName: inspector.name, role: .inspector, departmentCode: code, inspectorID: inspector.id))
            let targets = try await stores.targets.list(
                scope: .only(code), query: ListQuery(filters: ["status": "operating"], perPage: 500)
            ).items
                .filter { $0.kind.hasCreditCode }
            let conflicts = code == "SAMR" ? max(2, Int((6 * scale).rounded())) : 1
            for index in 0..<min(conflicts, targets.count) {
                let person = usable.isEmpty ? inspector : conflictRandom.pick(usable)
                let target = conflictRandom.pick(targets)
                let kind = ConflictKind.allCases[index % ConflictKind.allCases.count]
                let note = Self.conflictNotes[kind.rawValue] ?? "主动申请回避"
                _ = try await stores.inspectors.declareConflict(
                    ConflictOfInterest(
                        inspectorID: (index == 0 ? inspector : person).id, targetUID: target.uid, kind: kind, note: note,
                        declaredOn: CalendarDate(dayNumber: today.dayNumber - conflictRandom.int(in: 1...200))),
                    caller: admins[code]!)
            }
        }
        progress?("inspector accounts and conflicts of interest: done")
        if let draw = try await buildDraws(
            stores: stores, admins: admins,
            office: Caller(account: Account(username: "office", displayName: "联席会议办公室", role: .office), at: now),
            today: today, random: root)
        {
            progress?("joint plan with an executed draw: \(draw)")
            if let samr = admins["SAMR"] {
                try await buildInspectionRecords(stores: stores, drawID: draw, samr: samr, today: today, account: account)
                progress?("inspections entered, one published with a follow-up")
            }
        }
        let results = try await buildResults(
            stores: stores, admins: admins,
            office: Caller(account: Account(username: "office", displayName: "联席会议办公室", role: .office), at: now), today: today,
            random: root)
        progress?(
            "earlier batches: \(results.inspections) inspections, \(results.published) published, \(results.late) late, \(results.followUps) follow-ups"
        )
        let proposals = try await buildAnnualPlan(
            stores: stores, admins: admins,
            office: Caller(account: Account(username: "office", displayName: "联席会议办公室", role: .office), at: now), today: today)
        progress?("annual plan published; merge proposals: \(proposals)")

        return DemoSummary(
            accounts: accounts, departments: codes.count, items: itemCount, targets: targetCount, inspectors: inspectorCount,
            experts: expertCount)
    }

    static let conflictNotes: [String: String] = [
        "kinship": "配偶的兄弟为该单位法定代表人",
        "formerEmployment": "2019—2021年曾在该单位任会计",
        "investment": "配偶持有该单位5%股份",
        "other": "与法定代表人系同村邻居，主动申请回避",
    ]
}
