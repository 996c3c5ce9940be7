// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

extension LibraryKind: ExpressibleByArgument {}
extension ExportKind: ExpressibleByArgument {}

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
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let stores = try await database.open()
        let department = try await stores.departments.get(code: department)
        let caller = Caller(
            account: Account(username: "cli", displayName: "命令行导入", role: .departmentAdmin, departmentCode: department.code),
            at: Date())
        do {
            let report = try await stores.importer.run(library, data: data, caller: caller) { progress in
                Console.progress(progress.phase, done: progress.done, total: progress.total)
            }
            print("\(department.name)：\(report.summary)（\(report.format)）")
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

/// `suiji export`: writes a library (or the departments) as CSV, or XLSX by the file's extension.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export targets, inspectors, experts, items or departments (CSV by default, XLSX by extension).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "What to export: targets, inspectors, experts, items or departments.")
    var kind: ExportKind

    @Option(name: .long, help: "Output file; standard output when omitted (CSV).")
    var out: String?

    @Option(name: .long, help: "Only this department's rows.")
    var department: String?

    func run() async throws {
        let stores = try await database.open()
        let format = out.map(ExportFormat.init(fileName:)) ?? .csv
        let data = try await stores.exporter.export(kind, scope: .all, department: department, format: format)
        await stores.database.close()
        if let out {
            try data.write(to: URL(fileURLWithPath: out))
            Console.error("wrote \(out) (\(data.count) bytes)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
