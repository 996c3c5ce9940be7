// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDemo
import SuijiStore
import SuijiTabular

/// The benchmarks' data, built once per scratch directory and reused: the demo district (20
/// departments, their item lists, libraries, inspectors with declared conflicts, plans, draws,
/// published results, follow-ups, status history) and SAMR's register grown to N rows as the demo
/// generates it (item tags, statuses with dates, risk classes, last inspections).
struct BenchData {
    let dir: String
    let suiji: String
    /// The fixed "now" of the data (the register's dates).
    static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    /// The demo district's database, built with `suiji demo --no-serve` (once).
    func demoDatabase() throws -> String {
        // Rebuilt when the schema changes.
        let path = "\(dir)/demo-base-m\(Migrations.all.count).sqlite"
        if FileManager.default.fileExists(atPath: path) { return path }
        print("building the demo district (suiji demo --no-serve) …")
        _ = try Measured.run([suiji, "demo", "--no-serve", "--db", path + ".tmp"], quiet: true)
        _ = try Measured.run(["sqlite3", path + ".tmp", "PRAGMA wal_checkpoint(TRUNCATE)"], quiet: true)
        try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ".tmp" + suffix) }
        return path
    }

    /// A fresh copy of `source` at `path`.
    func copy(_ source: String, to path: String) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: source, toPath: path)
    }

    /// SAMR's register of `rows` targets as a UTF-8 CSV import sheet (written once).
    func registerSheet(rows: Int, seed: UInt64 = 7) throws -> String {
        let path = "\(dir)/register-\(rows)-\(seed).csv"
        if FileManager.default.fileExists(atPath: path) { return path }
        print("generating the register sheet of \(rows) rows …")
        FileManager.default.createFile(atPath: path + ".tmp", contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + ".tmp"))
        var writer = TabularCSVWriter(reservingCapacity: 1 << 22)
        try DemoRegister.sheet(rows: rows, seed: seed, now: Self.now) { row in
            writer.writeRow(row)
            if writer.data.count > 1 << 22 {
                try handle.write(contentsOf: writer.data)
                writer = TabularCSVWriter(reservingCapacity: 1 << 22)
            }
        }
        try handle.write(contentsOf: writer.data)
        try handle.close()
        try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        return path
    }

    /// The demo district plus SAMR's register of `rows` (built once with `suiji import`).
    func registerDatabase(rows: Int) throws -> String {
        let path = "\(dir)/served-\(rows)-m\(Migrations.all.count).sqlite"
        if FileManager.default.fileExists(atPath: path) { return path }
        let base = try demoDatabase()
        let sheet = try registerSheet(rows: rows)
        try copy(base, to: path + ".tmp")
        print("importing the register into the demo district …")
        _ = try Measured.run([suiji, "import", "targets", sheet, "--department", "SAMR", "--db", path + ".tmp"], quiet: true)
        _ = try Measured.run(["sqlite3", path + ".tmp", "PRAGMA wal_checkpoint(TRUNCATE)"], quiet: true)
        try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ".tmp" + suffix) }
        return path
    }

    /// Facts about a sheet, for the report: rows, tags per row, statuses.
    struct SheetFacts {
        var rows = 0
        var tags = 0
        var statuses: [String: Int] = [:]
        var risks: [String: Int] = [:]
        var bytes = 0
    }

    /// The same rows shaped as the `targets` and `target_tags` tables of `database` (ids from
    /// the next free one), as CSV files for `sqlite3 .import` and `psql \copy` (written once).
    func tableFiles(sheet: String, database: String, rows: Int) throws -> (targets: String, tags: String, facts: SheetFacts) {
        let targetsPath = "\(dir)/table-targets-\(rows)-new.csv"
        let tagsPath = "\(dir)/table-tags-\(rows)-new.csv"
        let columns = try Measured.run(["sqlite3", database, "SELECT name FROM pragma_table_info('targets') ORDER BY cid"]).output
            .split(separator: "\n").map(String.init)
        let firstID =
            (Int(try Measured.run(["sqlite3", database, "SELECT COALESCE(MAX(id), 0) FROM targets"]).output.trimmed) ?? 0) + 1
        // Rows whose target the demo already has are updates for `suiji import`; the baseline
        // inserts the new ones only (a duplicate key would be refused).
        let known = Set(
            try Measured.run(["sqlite3", database, "SELECT uid FROM targets WHERE department_code = 'SAMR'"]).output
                .split(separator: "\n").map(String.init))
        var facts = SheetFacts()
        var targets = TabularCSVWriter(reservingCapacity: 1 << 24)
        var tags = TabularCSVWriter(reservingCapacity: 1 << 22)
        var header: [String] = []
        var id = firstID
        let stamp = "2026-05-28T00:00:00Z"
        try TabularCSVReader(data: try Data(contentsOf: URL(fileURLWithPath: sheet))).forEachRow { number, fields in
            if number == 1 {
                header = fields
                return
            }
            var input = TargetInput()
            for (index, name) in header.enumerated() where index < fields.count {
                switch TargetInput.labels.first(where: { $0.value == name })?.key {
                case "creditCode": input.creditCode = fields[index]
                case "stableID": input.stableID = fields[index]
                case "name": input.name = fields[index]
                case "kind": input.kind = fields[index]
                case "division": input.division = fields[index]
                case "street": input.street = fields[index]
                case "grid": input.grid = fields[index]
                case "address": input.address = fields[index]
                case "industry": input.industry = fields[index]
                case "riskClass": input.riskClass = fields[index]
                case "status": input.status = fields[index]
                case "statusDate": input.statusDate = fields[index]
                case "tags": input.tags = fields[index]
                case "lastRandomInspection": input.lastRandomInspection = fields[index]
                case "legalRepresentative": input.legalRepresentative = fields[index]
                default: break
                }
            }
            guard case .success(let target) = input.validated(department: "SAMR") else { throw BenchError("row \(number) invalid") }
            facts.rows += 1
            facts.tags += target.tags.count
            facts.statuses[target.status.label, default: 0] += 1
            facts.risks[target.riskClass.rawValue, default: 0] += 1
            let values: [String: String] = [
                "id": String(id), "department_code": "SAMR", "uid": target.uid, "name": target.name, "kind": target.kind.rawValue,
                "division": target.division, "street": target.street, "grid": target.grid, "address": target.address,
                "industry": target.industry, "risk_class": target.riskClass.rawValue, "status": target.status.rawValue,
                "status_date": target.statusDate?.iso ?? "", "last_random_inspection": target.lastRandomInspection?.iso ?? "",
                "legal_representative": target.legalRepresentative,
                "tags": "[" + target.tags.map { "\"\($0)\"" }.joined(separator: ",") + "]", "created_via": "import",
                "created_at": stamp, "updated_at": stamp,
            ]
            if known.contains(target.uid) { return }
            targets.writeRow(columns.map { values[$0] ?? "" })
            for tag in Set(target.tags).sorted() { tags.writeRow([String(id), tag]) }
            id += 1
        }
        facts.bytes = (try? FileManager.default.attributesOfItem(atPath: sheet)[.size] as? Int) ?? 0
        if !FileManager.default.fileExists(atPath: targetsPath) {
            try targets.data.write(to: URL(fileURLWithPath: targetsPath))
            try tags.data.write(to: URL(fileURLWithPath: tagsPath))
        }
        return (targetsPath, tagsPath, facts)
    }
}
