// SPDX-License-Identifier: Apache-2.0

/// Every failure the `Tabular` module can report.
///
/// Row numbers are the 1-based row numbers a user sees in Excel (header = row 1).
/// `message` renders the error in Simplified Chinese for end users.
public enum TabularError: Error, Equatable, Sendable {
    /// The bytes are neither valid UTF-8 nor valid GB18030.
    case undecodableText
    /// A quoted CSV field starting on `row` is never closed.
    case unterminatedQuote(row: Int)
    /// The file is a legacy binary Excel workbook (`.xls`), which is not supported.
    case legacyExcelFormat
    /// The XLSX package is damaged or not a spreadsheet; `detail` is a technical hint.
    case invalidWorkbook(detail: String)
    /// The requested worksheet does not exist in the workbook.
    case sheetNotFound(name: String)
    /// The sheet contains no non-blank row, so there is no header.
    case emptySheet
    /// Required header names that are absent from the header row.
    case missingHeaders([String])
    /// Header names that appear more than once in the header row.
    case duplicateHeaders([String])
    /// Writing a workbook failed; `detail` is a technical hint.
    case writeFailed(detail: String)
    /// The parts of an XLSX package would inflate past `limit` bytes (a zip bomb, or a
    /// workbook far larger than any library).
    case expandsTooFar(limit: Int)
    /// The file at `path` cannot be opened or read.
    case unreadableFile(path: String)
    /// A CSV file switches encoding part-way: valid UTF-8 text up to `row`, then bytes that are not.
    case mixedEncoding(row: Int)

    /// A user-facing description in Simplified Chinese.
    public var message: String {
        switch self {
        case .undecodableText:
            return "无法识别文件编码：文件既不是 UTF-8 也不是 GB18030（GBK）编码"
        case .unterminatedQuote(let row):
            return "第 \(row) 行：引号未闭合"
        case .legacyExcelFormat:
            return "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后重新上传"
        case .invalidWorkbook(let detail):
            return "Excel 文件已损坏或格式不正确（\(detail)）"
        case .sheetNotFound(let name):
            return "找不到工作表“\(name)”"
        case .emptySheet:
            return "表格为空：没有找到表头行"
        case .missingHeaders(let names):
            return "缺少必需的列：" + names.joined(separator: "、")
        case .duplicateHeaders(let names):
            return "表头重复：" + names.joined(separator: "、")
        case .writeFailed(let detail):
            return "生成文件失败（\(detail)）"
        case .expandsTooFar(let limit):
            return "Excel 文件解压后超过 \(limit / (1024 * 1024)) MB 的上限（压缩比异常，疑似“压缩炸弹”），已拒绝读取"
        case .unreadableFile(let path):
            return "无法读取文件“\(path)”"
        case .mixedEncoding(let row):
            return "文件编码不一致：第 \(row) 行之前是 UTF-8 编码，之后不是；请将整个文件另存为同一种编码（UTF-8 或 GB18030）"
        }
    }
}
