// SPDX-License-Identifier: Apache-2.0

/// Every failure of the draw library: a stable English `code` and a Chinese `message`.
///
/// `file` names a bundle file (`pool.txt`) and `line` is 1-based; `0` means the whole file.
public enum DrawError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file violates the text-file rules or a field grammar.
    case syntax(file: String, line: Int, detail: String)
    /// An identifier or key appears twice.
    case duplicate(file: String, line: Int, value: String)
    /// Lines are not in the required order.
    case unsorted(file: String, line: Int)
    /// A value contradicts what the verifier recomputed.
    case mismatch(file: String, line: Int, field: String, expected: String, found: String)
    /// A revealed secret does not hash to its commitment.
    case commitmentMismatch(department: String)
    /// A required bundle file is absent, or an unexpected one is present.
    case missingFile(name: String)
    /// Input data is inconsistent (bad parameters, unknown stratum, ...).
    case invalidInput(detail: String)
    /// The inspector matching cannot fill every slot.
    case matchingInfeasible(unfilled: Int)

    /// Stable English machine-readable code.
    public var code: String {
        switch self {
        case .syntax: return "syntax"
        case .duplicate: return "duplicate"
        case .unsorted: return "unsorted"
        case .mismatch: return "mismatch"
        case .commitmentMismatch: return "commitment-mismatch"
        case .missingFile: return "missing-file"
        case .invalidInput: return "invalid-input"
        case .matchingInfeasible: return "matching-infeasible"
        }
    }

    /// Human-readable Chinese message, e.g. "池文件第 3 行：标识重复".
    public var message: String {
        switch self {
        case let .syntax(file, line, detail):
            return "\(Self.where(file, line))：格式错误（\(detail)）"
        case let .duplicate(file, line, value):
            return "\(Self.where(file, line))：标识重复（\(value)）"
        case let .unsorted(file, line):
            return "\(Self.where(file, line))：未按标识升序排列"
        case let .mismatch(file, line, field, expected, found):
            return "\(Self.where(file, line))：\(field) 与重算结果不符（应为 \(expected)，实为 \(found)）"
        case let .commitmentMismatch(department):
            return "部门 \(department) 公开的秘密与其承诺不符"
        case let .missingFile(name):
            return "文件包缺少或多出文件：\(name)"
        case let .invalidInput(detail):
            return "输入数据无效：\(detail)"
        case let .matchingInfeasible(unfilled):
            return "执法人员匹配无解：\(unfilled) 个岗位无法安排"
        }
    }

    /// `code: message`, for logs.
    public var description: String { "\(code): \(message)" }

    private static func `where`(_ file: String, _ line: Int) -> String {
        let name: String
        switch file {
        case "pool.txt": name = "池文件"
        case "excluded.txt": name = "排除名单"
        case "parameters.txt": name = "参数文件"
        case "commitment.txt": name = "承诺文件"
        case "reveal.txt": name = "揭示文件"
        case "selection.txt": name = "抽取结果"
        case "replacements.txt": name = "递补名单"
        case "assignment.txt": name = "人员匹配"
        case "inspectors.txt": name = "执法人员名录"
        case "conflicts.txt": name = "回避声明"
        case "record.txt": name = "抽取记录"
        case "manifest.txt": name = "清单文件"
        default: name = file
        }
        return line > 0 ? "\(name)第 \(line) 行" : name
    }
}
