// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// One bad cell of an import sheet.
public struct RowIssue: Sendable, Codable, Equatable {
    /// The row number as Excel shows it (the header is row 1).
    public var row: Int
    /// The column header as in the sheet (Chinese).
    public var column: String
    /// The field in the API's English naming.
    public var field: String
    public var message: String
}

/// One field a registry sync changed: which row of the sheet, which record, old → new.
public struct ImportChange: Sendable, Codable, Equatable {
    /// The row number as Excel shows it.
    public var row: Int
    /// The record's key: credit code (or stable id), certificate number, expert name, item code.
    public var key: String
    /// The column header (Chinese).
    public var column: String
    public var old: String
    public var new: String

    public init(row: Int, key: String, column: String, old: String, new: String) {
        self.row = row
        self.key = key
        self.column = column
        self.old = old
        self.new = new
    }
}

/// What an import did, or why it wrote nothing.
public struct ImportReport: Sendable, Codable, Equatable {
    public var library: LibraryKind
    public var department: String
    /// `xlsx`, `csv/utf-8`, `csv/utf-8-bom` or `csv/gb18030`.
    public var format: String
    /// SHA-256 of the uploaded file.
    public var fileDigest: String
    public var rows: Int
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    /// Targets whose status became 注销 through this import (registry sync).
    public var nowDeregistered: Int
    /// Columns of the sheet that no field uses.
    public var ignoredColumns: [String]
    /// Every bad cell; when not empty, nothing was written.
    public var issues: [RowIssue]
    /// The fields changed in existing records, row by row (at most `ImportReport.listedChanges`).
    public var changes: [ImportChange] = []
    /// Changed fields beyond those listed.
    public var unlistedChanges: Int = 0

    /// Changes listed in a report; a sync of a whole register lists its first ones and counts the rest.
    public static let listedChanges = 2_000

    public init(
        library: LibraryKind, department: String, format: String, fileDigest: String, rows: Int, added: Int, changed: Int,
        unchanged: Int, nowDeregistered: Int, ignoredColumns: [String], issues: [RowIssue]
    ) {
        self.library = library
        self.department = department
        self.format = format
        self.fileDigest = fileDigest
        self.rows = rows
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.nowDeregistered = nowDeregistered
        self.ignoredColumns = ignoredColumns
        self.issues = issues
    }

    /// Whether the import was refused.
    public var rejected: Bool { !issues.isEmpty }

    /// A one-line Chinese summary.
    public var summary: String {
        if rejected {
            let badRows = Set(issues.map(\.row)).count
            return "共 \(rows) 行，其中 \(badRows) 行有误，未导入任何数据"
        }
        var text = "共 \(rows) 行：新增 \(added)，变更 \(changed)，未变 \(unchanged)"
        if library == .targets { text += "，新注销 \(nowDeregistered)" }
        return text
    }
}

/// Why an import was refused.
public enum ImportError: DomainError {
    /// Rows failed validation; the report lists every bad cell. Nothing was written.
    case rejected(ImportReport)
    /// The file could not be read as CSV or XLSX, or its header is wrong.
    case unreadable(String)

    public var code: String {
        switch self {
        case .rejected: "import_rejected"
        case .unreadable: "import_unreadable"
        }
    }

    public var field: String? {
        switch self {
        case .rejected(let report): report.issues.first?.field
        case .unreadable: "file"
        }
    }

    public var message: String {
        switch self {
        case .rejected(let report):
            let first = report.issues.first.map { "第 \($0.row) 行“\($0.column)”：\($0.message)" } ?? ""
            return "\(report.summary)。\(first)"
        case .unreadable(let message): return message
        }
    }

    public var kind: ErrorKind { .invalid }
}

/// Progress of a long import, for the terminal's progress bar.
public struct ImportProgress: Sendable {
    /// `validate` or `write`.
    public var phase: String
    public var done: Int
    public var total: Int
}
