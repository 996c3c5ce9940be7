// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore
import SuijiTabular

extension LibraryKind: ExpressibleByArgument {}

/// `suiji import`: bulk import or registry sync of a department's library.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a library from CSV (UTF-8 or GB18030) or XLSX; nothing is written if any row is bad.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Library: targets, inspectors, experts or items.")
    var library: LibraryKind

    @Argument(help: "The CSV or XLSX file.")
    var file: String

    @Option(name: .long, help: "Code of the department whose library is imported into.")
    var department: String

    func run() async throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let stores = try await database.open()
        let department = try await DepartmentArgument.require(department, in: stores)
        let caller = Caller(
            account: Account(username: "cli", displayName: "命令行导入", role: .departmentAdmin, departmentCode: department.code),
            at: Date())
        do {
            // Read piece by piece: a file of a million rows is never held whole in memory.
            let report = try await stores.importer.run(
                library, input: .file(file), fileName: (file as NSString).lastPathComponent, caller: caller
            ) { progress in
                Console.progress(progress.phase, done: progress.done, total: progress.total)
            }
            print("\(department.name)：\(report.summary)（\(report.format)）")
            // Registry sync: which rows and fields changed, old → new.
            for change in report.changes {
                print(
                    "第 \(change.row) 行\t\(change.key)\t\(change.column)\t\(change.old.isEmpty ? "（空）" : change.old) → \(change.new.isEmpty ? "（空）" : change.new)"
                )
            }
            if report.unlistedChanges > 0 { print("……另有 \(report.unlistedChanges) 处变更未列出") }
            await stores.database.close()
        } catch ImportError.rejected(let report) {
            Console.error(report.summary)
            for issue in report.issues.prefix(200) {
                Console.error("第 \(issue.row) 行 [\(issue.column)] \(issue.message)")
            }
            if report.issues.count > 200 { Console.error("……另有 \(report.issues.count - 200) 处错误") }
            await stores.database.close()
            throw ExitCode(2)
        } catch let error as ImportError {
            Console.error(error.message)
            await stores.database.close()
            throw ExitCode(2)
        }
    }
}

/// What `suiji export` writes: a library (or the departments), re-importable; or an open dataset
/// exactly as `/public/data` serves it.
enum ExportSubject: String, CaseIterable, ExpressibleByArgument {
    case targets, inspectors, experts, items, departments
    case publicItems = "public-items"
    case plans
    case annualPlan = "annual-plan"
    case draws, results
    case drawLog = "draw-log"
    /// The exchange file for the national credit publicity system (docs/exchange.md).
    case exchange

    /// The open dataset, for the public subjects.
    var dataset: OpenDataset? {
        switch self {
        case .publicItems: .items
        case .plans: .plans
        case .annualPlan: .annualPlan
        case .draws: .draws
        case .results: .results
        case .drawLog: .drawLog
        case .targets, .inspectors, .experts, .items, .departments, .exchange: nil
        }
    }
}

/// `suiji export`: writes a library (or the departments) as CSV or XLSX, or an open dataset
/// (public-items, plans, annual-plan, draws, results, draw-log) as CSV, XLSX or JSON.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a library, or an open dataset as the public portal serves it (CSV, XLSX or JSON by extension).")

    @OptionGroup var database: DatabaseOptions

    @Argument(
        help: """
            What to export: targets, inspectors, experts, items or departments (libraries); \
            public-items, plans, annual-plan, draws, results or draw-log (open data, docs/open-data.md); \
            exchange (a year's published plans and results for the national credit publicity system, JSON or XLSX, docs/exchange.md).
            """)
    var kind: ExportSubject

    @Option(name: .long, help: "Output file; standard output when omitted.")
    var out: String?

    @Option(name: .long, help: "Format for standard output: csv, xlsx or json (default csv; a file's extension decides otherwise).")
    var format: OpenDataFormat?

    @Option(name: .long, help: "Only this department's rows (libraries, public-items and exchange).")
    var department: String?

    @Option(name: .long, help: "Year of plans, of the annual plan or of the exchange file (required for annual-plan and exchange).")
    var year: Int?

    @Option(name: .long, help: "Version of the annual plan (the latest by default).")
    var version: Int?

    func run() async throws {
        let fileFormat = out.flatMap { OpenDataFormat.split(URL(fileURLWithPath: $0).lastPathComponent)?.format }
        let chosen = fileFormat ?? format ?? .csv
        let stores = try await database.open()
        if let department { _ = try await DepartmentArgument.require(department, in: stores) }
        let data: Data
        do {
            if kind == .exchange {
                guard let year else { throw PlanError.invalid([FieldIssue(field: "year", message: "请指定年度（--year）")]) }
                let asked = chosen == .csv && fileFormat == nil && format == nil ? "json" : chosen.rawValue
                guard let exchangeFormat = ExchangeExporter.Format(rawValue: asked) else {
                    throw ValidationError("the exchange file is JSON or XLSX")
                }
                let exporter = stores.exchange
                let document = try await exporter.document(year: year, department: department, at: Date())
                data = try exporter.encoded(document, format: exchangeFormat)
            } else if let dataset = kind.dataset {
                data = try await stores.openData.table(dataset, year: year, version: version, department: department).encoded(chosen)
            } else {
                guard chosen != .json, let library = ExportKind(rawValue: kind.rawValue) else {
                    throw ValidationError("libraries export as CSV or XLSX only")
                }
                data = try await stores.exporter.export(
                    library, scope: .all, department: department, format: chosen == .xlsx ? .xlsx : .csv)
                try await AuditLog.recordExport(
                    stores.database, caller: .system(at: Date()), kind: library, department: department,
                    format: chosen == .xlsx ? "xlsx" : "csv", bytes: data.count)
            }
        } catch let error as any DomainError {
            await stores.database.close()
            Console.error(error.message)
            throw ExitCode(2)
        } catch {
            await stores.database.close()
            throw error
        }
        await stores.database.close()
        if let out {
            try data.write(to: URL(fileURLWithPath: out))
            Console.error("wrote \(out) (\(data.count) bytes)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

extension OpenDataFormat: ExpressibleByArgument {}
