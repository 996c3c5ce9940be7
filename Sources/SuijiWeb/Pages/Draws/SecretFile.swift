// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The small text file a department keeps its secret in between commitment and reveal: the
/// ceremony page offers it as a download when the secret is made in the browser, and accepts it
/// back by upload at the reveal. A file holding only the 64 hex digits is accepted too.
///
/// ```
/// Suiji 抽取秘密（请妥善保存；交来秘密时上传本文件）
/// draw-id: 2026-SAMR-01-B1-1
/// department: SAMR
/// secret: 0707…07
/// commitment: 5c1f…
/// ```
struct SecretFile {
    var drawID: String?
    var department: String?
    var secret: String

    /// The file's text for `secret` (hex) and its `commitment`.
    static func text(drawID: String, department: String, secret: String, commitment: String) -> String {
        "Suiji 抽取秘密（请妥善保存；交来秘密时上传本文件）\ndraw-id: \(drawID)\ndepartment: \(department)\nsecret: \(secret)\ncommitment: \(commitment)\n"
    }

    /// Reads an uploaded file; nil when it holds no secret line nor a bare 64-digit hex.
    static func parse(_ data: Data) -> SecretFile? {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { fields[parts[0].lowercased()] = parts[1] }
        }
        let bare = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let secret = fields["secret"] ?? (bare.count == 64 ? bare : nil) else { return nil }
        return SecretFile(drawID: fields["draw-id"], department: fields["department"], secret: secret)
    }
}
