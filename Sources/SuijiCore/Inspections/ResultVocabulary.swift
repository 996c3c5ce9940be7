// SPDX-License-Identifier: Apache-2.0

/// The configurable vocabulary of result categories: seeded with the common ones and one
/// "违反…相关规定" per department.
public struct ResultVocabulary: Sendable, Equatable {
    /// Every category, in display order.
    public var categories: [ResultCategory]

    /// Creates a vocabulary from a list.
    public init(categories: [ResultCategory]) {
        self.categories = categories
    }

    /// The seeded vocabulary: the common categories, then one violation category for each
    /// `(code, text)` department.
    public static func seeded(departments: [(code: String, text: String)]) -> ResultVocabulary {
        ResultVocabulary(
            categories: ResultCategory.common + departments.map { ResultCategory.violation(department: $0.code, text: $0.text) })
    }

    /// The category with `code`, if the vocabulary has it.
    public func category(code: String) -> ResultCategory? {
        categories.first { $0.code == code }
    }
}
