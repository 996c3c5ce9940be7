// SPDX-License-Identifier: Apache-2.0

/// A member department (成员单位) of the joint meeting.
public struct Department: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// Short ASCII code, e.g. `SAMR`.
    public var code: String
    public var name: String

    public init(id: Int64 = 0, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }

    /// Department codes: 2–16 characters of `A-Z 0-9 _`.
    public static func isValidCode(_ code: String) -> Bool {
        (2...16).contains(code.count)
            && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
