// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import SuijiCore
import SuijiStore

/// `--department CODE` of the import and export commands: an unknown code stops the command
/// with its name and the known departments, instead of writing an empty file.
enum DepartmentArgument {
    /// The department `code`; prints the error and exits with status 2 when there is none.
    static func require(_ code: String, in stores: Stores) async throws -> Department {
        let departments = try await stores.departments.all()
        if let department = departments.first(where: { $0.code == code }) { return department }
        await stores.database.close()
        let known = departments.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
        Console.error("未知部门“\(code)”（--department）；已有部门：\(known.isEmpty ? "无" : known)")
        throw ExitCode(2)
    }
}
