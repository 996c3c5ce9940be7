// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SuijiCore
import SuijiStore

/// The databases every store test runs on: SQLite always, PostgreSQL when
/// `SUIJI_TEST_POSTGRES_URL` is set (CI sets it).
enum TestDatabase: String, CustomStringConvertible, CaseIterable, Sendable {
    /// In memory: every query through SQLKit.
    case sqlite
    /// A temporary file: bulk imports and draw pools take the direct SQLite paths.
    case sqliteFile
    case postgres

    static var available: [TestDatabase] {
        ProcessInfo.processInfo.environment["SUIJI_TEST_POSTGRES_URL"] == nil ? [.sqlite, .sqliteFile] : [.sqlite, .sqliteFile, .postgres]
    }

    var description: String { rawValue }

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    /// A fresh, migrated database: in-memory SQLite, or a new schema on the PostgreSQL cluster;
    /// `calendar` is the working-day calendar in force (the bundled one by default).
    func open(calendar: WorkCalendar? = nil) async throws -> Stores {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        switch self {
        case .sqlite:
            return try await Stores.open(.sqliteMemory, bcryptCost: 4, hasher: testHasher, calendar: calendar, now: Self.t0, logger: logger)
        case .sqliteFile:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-test-\(UUID().uuidString).sqlite").path
            return try await Stores.open(
                .sqliteFile(path), bcryptCost: 4, hasher: testHasher, calendar: calendar, now: Self.t0, logger: logger)
        case .postgres:
            let url = ProcessInfo.processInfo.environment["SUIJI_TEST_POSTGRES_URL"]!
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            return try await Stores.open(
                .postgres(url), schema: String(schema), bcryptCost: 4, hasher: testHasher, calendar: calendar, now: Self.t0, logger: logger)
        }
    }
}

/// The tests' password hasher: its queue is never refused (the whole suite logs in at once on a
/// loaded machine; the refusal itself is tested with hashers of its own).
let testHasher = PasswordHasher(threads: 2, maxWaiting: 1_000_000)

/// Shared fixtures: two departments with an admin each.
struct Fixture {
    let stores: Stores
    let samr: Caller
    let health: Caller
    let office: Caller

    static func make(_ database: TestDatabase, calendar: WorkCalendar? = nil) async throws -> Fixture {
        try await make(stores: try await database.open(calendar: calendar))
    }

    /// The fixture over `stores`, opened by the caller (e.g. with a seeded random source).
    static func make(stores: Stores) async throws -> Fixture {
        let system = Caller.system(at: TestDatabase.t0)
        try await stores.departments.create(Department(code: "SAMR", name: "区市场监管局"), caller: system)
        try await stores.departments.create(Department(code: "HEALTH", name: "区卫健委"), caller: system)
        let samr = try await stores.accounts.create(
            Account(username: "samr", displayName: "市场监管局管理员", role: .departmentAdmin, departmentCode: "SAMR"),
            password: "fixture-pass-2026", caller: system)
        let health = try await stores.accounts.create(
            Account(username: "health", displayName: "卫健委管理员", role: .departmentAdmin, departmentCode: "HEALTH"),
            password: "fixture-pass-2026", caller: system)
        let office = try await stores.accounts.create(
            Account(username: "office", displayName: "联席办", role: .office), password: "fixture-pass-2026", caller: system)
        return Fixture(
            stores: stores, samr: Caller(account: samr, at: TestDatabase.t0), health: Caller(account: health, at: TestDatabase.t0),
            office: Caller(account: office, at: TestDatabase.t0))
    }
}

/// Valid credit codes for tests: 17 characters completed with their check characters.
enum Codes {
    /// The n-th synthetic company code in division 360202, with valid organisation and check characters.
    static func company(_ n: Int) -> String {
        let body = String(format: "%08d", n)
        let org = body + String(CreditCode.organisationCheckCharacter(body)!)
        return CreditCode.completing("91360202" + org)!
    }
}
