// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// The `TextSafety` check of submitted forms (URL-encoded and multipart): a field holding NUL or
/// a bidi control is refused, naming the field.
enum FormText {
    static func check(_ fields: some Sequence<(String, String)>) throws {
        for (name, value) in fields {
            if let scalar = TextSafety.forbidden(in: value) ?? TextSafety.forbidden(in: name) {
                throw WebError.badRequest(field: name, message: TextSafety.message(label: "提交的内容", scalar: scalar))
            }
        }
    }

    /// The same check with the form's own labels, as field issues (for forms that show them).
    static func issues(_ fields: [String: String], labels: KeyValuePairs<String, String>) -> [FieldIssue] {
        fields.sorted { $0.key < $1.key }.compactMap { name, value in
            TextSafety.issue(value, field: name, label: labels.first { $0.key == name }?.value ?? "提交的内容")
        }
    }
}
