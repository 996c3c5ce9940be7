// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SuijiCore

/// Every store over one database: what the web layer, the CLI and the tests are built from.
public struct Stores: Sendable {
    public let database: SuijiDatabase
    public let departments: DepartmentStore
    public let accounts: AccountStore
    public let targets: TargetStore
    public let items: CheckItemStore
    public let inspectors: InspectorStore
    public let experts: ExpertStore
    public let importer: LibraryImporter
    public let exporter: LibraryExporter
    public let summary: LibrarySummary
    public let areas: AreaStore
    public let plans: PlanStore
    public let draws: DrawStore
    /// The public draw log (docs/draw-spec.md §14).
    public let publicLog: PublicLogStore
    public let workQueue: WorkQueueReader
    public let publicRecords: PublicRecordStore
    public let annualPlans: AnnualPlanStore
    public let mergeProposals: MergeProposalStore
    public let openData: OpenDataExporter
    /// The audit key and anchor file (`--audit-key`): checkpoints are signed and checked with it.
    public var auditSeal: AuditSeal?
    public let holidayNotices: HolidayNoticeStore
    public let inspections: InspectionStore
    public let followUps: FollowUpStore
    public let credit: CreditStore
    public let statistics: StatisticsStore
    public let documentNumbers: DocumentNumberStore
    public let outsideChecks: OutsideCheckStore
    public let exchange: ExchangeExporter
    /// Names for codes and ids, read in bulk.
    public let names: NameDirectory

    public init(database: SuijiDatabase, bcryptCost: UInt8 = 11, hasher: PasswordHasher = .shared) {
        self.database = database
        departments = DepartmentStore(database: database)
        accounts = AccountStore(database: database, bcryptCost: bcryptCost, hasher: hasher)
        targets = TargetStore(database: database)
        items = CheckItemStore(database: database)
        inspectors = InspectorStore(database: database)
        experts = ExpertStore(database: database)
        importer = LibraryImporter(database: database)
        exporter = LibraryExporter(database: database)
        summary = LibrarySummary(database: database)
        areas = AreaStore(database: database)
        plans = PlanStore(database: database)
        draws = DrawStore(database: database)
        publicLog = PublicLogStore(database: database)
        workQueue = WorkQueueReader(database: database)
        publicRecords = PublicRecordStore(database: database)
        annualPlans = AnnualPlanStore(database: database)
        mergeProposals = MergeProposalStore(database: database)
        openData = OpenDataExporter(database: database)
        holidayNotices = HolidayNoticeStore(database: database)
        inspections = InspectionStore(database: database)
        followUps = FollowUpStore(database: database)
        credit = CreditStore(database: database)
        statistics = StatisticsStore(database: database)
        documentNumbers = DocumentNumberStore(database: database)
        outsideChecks = OutsideCheckStore(database: database)
        exchange = ExchangeExporter(database: database)
        names = NameDirectory(database: database)
    }

    /// Opens the database at `location`, applies pending migrations and returns the stores.
    /// `calendar` is the working-day calendar in force (the bundled one by default); `random` the
    /// source of random bytes (the system's by default; tests pass a seeded one).
    public static func open(
        _ location: DatabaseLocation, schema: String? = nil, bcryptCost: UInt8 = 11, hasher: PasswordHasher = .shared,
        calendar: WorkCalendar? = nil, random: RandomSource = .system, now: Date, logger: Logger
    ) async throws -> Stores {
        let database = try await SuijiDatabase.open(location, schema: schema, calendar: calendar, random: random, logger: logger)
        do {
            try await Migrator(database: database).migrate(now: Timestamp.format(now))
            try await HolidayNoticeStore(database: database).applyStored()
        } catch {
            await database.close()
            throw error
        }
        return Stores(database: database, bcryptCost: bcryptCost, hasher: hasher)
    }
}
