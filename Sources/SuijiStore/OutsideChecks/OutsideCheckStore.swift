// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw
import SuijiTabular

/// Checks made outside the draw (§3: 投诉举报, 转办交办, 数据监测, 专项检查, …), recorded by a
/// department's staff on a target of its library. They count for the once-a-year rule of the
/// draw (`DrawPopulation.drawnThisYear`) and in oversight as their own table.
public struct OutsideCheckStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    static let columns =
        "id, department, target_uid, target_name, kind, checked_on, source, inspectors, outcome, notes, recorded_by, recorded_at"

    /// Who records: a department admin or an inspector, for their own department (its code).
    public static func requireRecorder(_ account: Account) throws -> String {
        guard account.active, account.role == .departmentAdmin || account.role == .inspector, let department = account.departmentCode
        else { throw OutsideCheckError.forbidden("只有本部门的管理员或执法检查人员可以登记随机抽查以外的检查") }
        return department
    }

    /// Records one check on a target of the caller's department's library.
    public func create(_ input: OutsideCheckInput, caller: Caller) async throws -> OutsideCheck {
        let department = try Self.requireRecorder(caller.account)
        let checked = try input.validated(today: CalendarDate(chinaDateOf: caller.at)).get()
        return try await database.write { db in
            let check = try await Self.insert(checked, department: department, caller: caller, on: db)
            try await AuditLog.append(
                db, caller: caller, action: "record-outside-check", entity: "target", entityID: check.targetUID, detail: check)
            return check
        }
    }

    /// Imports rows (CSV or XLSX, headers as `OutsideCheckInput.labels`): every row is checked
    /// first; any bad row rejects the file, naming each bad cell; else all go in one transaction.
    public func importFile(_ data: Data, caller: Caller) async throws -> Int {
        let department = try Self.requireRecorder(caller.account)
        let sheet: TabularSheet
        do { sheet = try TabularSheet.load(data) } catch {
            throw OutsideCheckImportError(issues: [RowIssue(row: 1, column: "", field: "file", message: "文件无法读取：不是有效的 CSV 或 XLSX 文件")])
        }
        guard sheet.rows.count <= 10_000 else {
            throw OutsideCheckImportError(issues: [RowIssue(row: 1, column: "", field: "file", message: "一次最多导入 10000 行")])
        }
        let fields = ["target", "kind", "checkedOn", "source", "inspectors", "outcome", "notes"]
        var column: [String: Int] = [:]
        for (index, header) in sheet.header.enumerated() {
            let name = TabularSheet.normalizeHeader(header)
            if let field = fields.first(where: { $0 == name || OutsideCheckInput.label($0) == name }) { column[field] = index }
        }
        let missing = ["target", "kind", "checkedOn", "source", "inspectors", "outcome"].filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw OutsideCheckImportError(issues: [
                RowIssue(
                    row: sheet.headerRowNumber, column: "", field: "header",
                    message: "缺少必需的列：\(missing.map(OutsideCheckInput.label).joined(separator: "、"))")
            ])
        }
        let today = CalendarDate(chinaDateOf: caller.at)
        var issues: [RowIssue] = []
        var records: [(row: Int, checked: OutsideCheckInput.Checked)] = []
        for row in sheet.rows {
            func cell(_ field: String) -> String? { column[field].flatMap { $0 < row.fields.count ? row.fields[$0] : nil } }
            let input = OutsideCheckInput(
                target: cell("target"), kind: cell("kind"), checkedOn: cell("checkedOn"), source: cell("source"),
                inspectors: cell("inspectors"), outcome: cell("outcome"), notes: cell("notes"))
            switch input.validated(today: today) {
            case .success(let checked): records.append((row.number, checked))
            case .failure(.invalid(let found)):
                issues += found.map {
                    RowIssue(row: row.number, column: OutsideCheckInput.label($0.field), field: $0.field, message: $0.message)
                }
            case .failure(let other): throw other
            }
        }
        guard issues.isEmpty else { throw OutsideCheckImportError(issues: issues) }
        let checkedRecords = records
        return try await database.write { db in
            var problems: [RowIssue] = []
            var inserted = 0
            for record in checkedRecords {
                do {
                    _ = try await Self.insert(record.checked, department: department, caller: caller, on: db)
                    inserted += 1
                } catch OutsideCheckError.invalid(let found) {
                    problems += found.map {
                        RowIssue(row: record.row, column: OutsideCheckInput.label($0.field), field: $0.field, message: $0.message)
                    }
                }
            }
            guard problems.isEmpty else { throw OutsideCheckImportError(issues: problems) }
            try await AuditLog.append(
                db, caller: caller, action: "import-outside-checks", entity: "department", entityID: department,
                detail: ["rows": String(inserted), "sha256": Bytes.sha256Hex(data)])
            return inserted
        }
    }

    /// Inserts one checked record; the target must be in `department`'s library.
    static func insert(_ checked: OutsideCheckInput.Checked, department: String, caller: Caller, on db: any SQLDatabase) async throws
        -> OutsideCheck
    {
        guard
            let target = try await db.raw(
                "SELECT uid, name FROM targets WHERE department_code = \(bind: department) AND uid = \(bind: checked.target) LIMIT 1"
            ).first()
        else {
            throw OutsideCheckError.invalid([FieldIssue(field: "target", message: "本部门检查对象库中没有“\(checked.target)”")])
        }
        var check = OutsideCheck(
            department: department, targetUID: try target.decode(column: "uid", as: String.self),
            targetName: try target.decode(column: "name", as: String.self), kind: checked.kind, checkedOn: checked.checkedOn,
            source: checked.source, inspectors: checked.inspectors, outcome: checked.outcome, notes: checked.notes,
            recordedBy: caller.account.username, recordedAt: caller.at)
        let row = try await db.raw(
            """
            INSERT INTO outside_checks (department, target_uid, target_name, kind, checked_on, source, inspectors, outcome, notes,
              recorded_by, recorded_at)
            VALUES (\(bind: check.department), \(bind: check.targetUID), \(bind: check.targetName), \(bind: check.kind.rawValue),
              \(bind: check.checkedOn.iso), \(bind: check.source), \(bind: try JSONText.encode(check.inspectors)), \(bind: check.outcome.rawValue),
              \(bind: check.notes), \(bind: check.recordedBy), \(bind: Timestamp.format(check.recordedAt)))
            RETURNING id
            """
        ).first()
        check.id = try row!.decode(column: "id", as: Int64.self)
        return check
    }

    /// A page of the checks visible in `scope` (newest first), of one year and target when given.
    public func list(scope: DepartmentScope, year: Int? = nil, target: String? = nil, page: Int = 1, perPage: Int = 50) async throws
        -> Page<OutsideCheck>
    {
        // Bounded (Paging): no page number can overflow the offset.
        let paging = Paging(page: page, perPage: perPage)
        var filter: SQLQueryString = "WHERE 1 = 1"
        if case .only(let department) = scope { filter += " AND department = \(bind: department)" }
        if let year { filter += " AND checked_on >= \(bind: "\(year)-01-01") AND checked_on <= \(bind: "\(year)-12-31")" }
        if let target { filter += " AND target_uid = \(bind: target)" }
        let condition = filter
        return try await database.read { db in
            let total =
                try await db.raw("SELECT COUNT(*) AS n FROM outside_checks " + condition).first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await db.raw(
                "SELECT \(unsafeRaw: Self.columns) FROM outside_checks " + condition
                    + " ORDER BY checked_on DESC, id DESC LIMIT \(bind: paging.perPage) OFFSET \(bind: paging.offset)"
            ).all(decoding: OutsideCheckRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(items: try rows.map { try $0.check() }, total: total, page: paging.page, perPage: paging.perPage)
        }
    }

    /// The checks of `period` (by check day) of one department or all, for oversight.
    static func facts(_ period: OversightPeriod, department: String?, on db: any SQLDatabase) async throws -> [OutsideCheckFact] {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM outside_checks WHERE checked_on >= \(bind: period.start.iso) AND checked_on <= \(bind: period.end.iso)
            """
        if let department { sql += " AND department = \(bind: department)" }
        return try await db.raw(sql + " ORDER BY checked_on, id").all(
            decoding: OutsideCheckRow.self, keyDecodingStrategy: .convertFromSnakeCase
        )
        .map { OutsideCheckFact(try $0.check()) }
    }
}

/// A rejected import of checks outside the draw: every bad cell, by row.
public struct OutsideCheckImportError: DomainError {
    public var issues: [RowIssue]

    public var code: String { "invalid_input" }
    public var field: String? { issues.first?.field }
    public var message: String { issues.map { "第 \($0.row) 行 [\($0.column)] \($0.message)" }.joined(separator: "；") }
    public var kind: ErrorKind { .invalid }
}

/// A row of `outside_checks`.
struct OutsideCheckRow: Codable {
    var id: Int64
    var department: String
    var targetUid: String
    var targetName: String
    var kind: String
    var checkedOn: String
    var source: String
    var inspectors: String
    var outcome: String
    var notes: String
    var recordedBy: String
    var recordedAt: String

    func check() throws -> OutsideCheck {
        OutsideCheck(
            id: id, department: department, targetUID: targetUid, targetName: targetName, kind: OutsideCheckKind(rawValue: kind) ?? .other,
            checkedOn: CalendarDate(iso: checkedOn) ?? CalendarDate(year: 2000, month: 1, day: 1)!, source: source,
            inspectors: try JSONText.decode([String].self, inspectors), outcome: OutsideCheckOutcome(rawValue: outcome) ?? .followUpPending,
            notes: notes, recordedBy: recordedBy, recordedAt: StoredDate.parse(recordedAt) ?? Date(timeIntervalSince1970: 0))
    }
}
