// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

/// `suiji outside-checks`: checks made outside the draw (§3), which count for the once-a-year
/// rule and in oversight on their own.
struct OutsideChecksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outside-checks", abstract: "Record or list checks made outside the draw (complaints, referrals, campaigns; §3).",
        subcommands: [Import.self, List.self])

    /// `suiji outside-checks import FILE --department CODE`
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import checks from CSV or XLSX (统一社会信用代码/标识, 检查类型, 检查日期, 线索来源或依据, 检查人员, 检查结果, 备注); all or nothing.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV or XLSX file.") var file: String
        @Option(name: .long, help: "Code of the department that made the checks (its target library).") var department: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let stores = try await database.open()
            let department = try await DepartmentArgument.require(department, in: stores)
            let caller = Caller(
                account: Account(username: "cli", displayName: "命令行导入", role: .departmentAdmin, departmentCode: department.code), at: Date()
            )
            do {
                let count = try await stores.outsideChecks.importFile(data, caller: caller)
                await stores.database.close()
                print("\(department.name)：已登记 \(count) 项随机抽查以外的检查")
            } catch let error as OutsideCheckImportError {
                await stores.database.close()
                for issue in error.issues.prefix(200) { Console.error("第 \(issue.row) 行 [\(issue.column)] \(issue.message)") }
                if error.issues.count > 200 { Console.error("……另有 \(error.issues.count - 200) 处错误") }
                throw ExitCode(2)
            }
        }
    }

    /// `suiji outside-checks list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List a year's checks outside the draw, tab-separated.")

        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "The year (this year by default).") var year: Int?
        @Option(name: .long, help: "Only this department's checks.") var department: String?

        func run() async throws {
            let stores = try await database.open()
            if let department { _ = try await DepartmentArgument.require(department, in: stores) }
            let year = year ?? CalendarDate(chinaDateOf: Date()).year
            let found = try await stores.outsideChecks.list(
                scope: department.map { .only($0) } ?? .all, year: year, perPage: 500)
            await stores.database.close()
            print("department\ttarget\tkind\tchecked_on\toutcome\tsource")
            for check in found.items {
                print(
                    "\(check.department)\t\(check.targetUID) \(check.targetName)\t\(check.kind.rawValue)\t\(check.checkedOn.iso)\t\(check.outcome.rawValue)\t\(check.source)"
                )
            }
            if found.total > found.items.count { Console.error("（共 \(found.total) 项，仅列出前 \(found.items.count) 项）") }
        }
    }
}
