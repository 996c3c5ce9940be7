// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// What a plan's target scope can be picked from: the industries and the tags (分类标注) the
/// libraries actually hold, with how many targets carry each.
public struct ScopeOptions: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// An industry value of the libraries ("3074 日用陶瓷制品制造") and its targets.
    public struct Industry: Sendable, Equatable {
        /// What a scope names: the leading GB/T 4754 code, or the whole text when it has none.
        public var prefix: String
        public var label: String
        public var targets: Int
    }

    /// A tag of the libraries (a check item code, or a department's own label) and its targets.
    public struct Tag: Sendable, Equatable {
        public var code: String
        public var targets: Int
    }

    /// Every industry the libraries hold, by code.
    public func industries() async throws -> [Industry] {
        try await database.read { db in
            let rows = try await db.raw(
                "SELECT industry, COUNT(*) AS n FROM targets WHERE industry <> '' GROUP BY industry ORDER BY industry"
            ).all()
            return try rows.map { row in
                let text = try row.decode(column: "industry", as: String.self)
                let code = text.prefix { $0.isASCIIDigit }
                return Industry(
                    prefix: code.isEmpty ? text : String(code), label: text, targets: try row.decode(column: "n", as: Int.self))
            }
        }
    }

    /// Every tag the libraries hold.
    public func tags() async throws -> [Tag] {
        try await database.read { db in
            try await db.raw("SELECT item_code, COUNT(*) AS n FROM target_tags GROUP BY item_code ORDER BY item_code").all().map {
                Tag(code: try $0.decode(column: "item_code", as: String.self), targets: try $0.decode(column: "n", as: Int.self))
            }
        }
    }
}
