// SPDX-License-Identifier: Apache-2.0

/// How a domain error maps to an outcome for the caller (HTTP status, CLI exit code).
public enum ErrorKind: String, Sendable {
    /// The input broke a rule (HTTP 400/422).
    case invalid
    /// Not logged in or bad credentials (401).
    case unauthenticated
    /// Logged in, but the role or department may not do this (403).
    case forbidden
    /// No such record visible to the caller (404).
    case notFound
    /// Clashes with existing data or state (409).
    case conflict
}

/// What every domain error of Suiji carries: a stable English code, the field at fault and a
/// Chinese message for the user.
public protocol DomainError: Error, Sendable {
    /// Stable English code, e.g. `credit_code_check`.
    var code: String { get }
    /// The input field at fault, in the API's English naming, if any.
    var field: String? { get }
    /// The reason in Simplified Chinese.
    var message: String { get }
    /// The outcome class.
    var kind: ErrorKind { get }
}

extension CreditCodeError: DomainError {
    public var field: String? { "creditCode" }
    public var kind: ErrorKind { .invalid }
}

/// One problem with one field of an input record.
public struct FieldIssue: Equatable, Sendable, Codable {
    /// The field in the API's English naming (`creditCode`).
    public var field: String
    /// The reason in Chinese.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Errors of the libraries (一单两库): validation, scoping and lookups.
public enum LibraryError: DomainError, Equatable {
    /// A record failed validation; the first issue names the field.
    case invalid([FieldIssue])
    /// No such record visible to the caller.
    case notFound(entity: String, id: String)
    /// The caller may not do this.
    case forbidden(String)
    /// A unique key is already taken.
    case duplicate(field: String, value: String)

    public var code: String {
        switch self {
        case .invalid: "invalid_input"
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .duplicate: "duplicate"
        }
    }

    public var field: String? {
        switch self {
        case .invalid(let issues): issues.first?.field
        case .duplicate(let field, _): field
        case .notFound, .forbidden: nil
        }
    }

    public var message: String {
        switch self {
        case .invalid(let issues): issues.map(\.message).joined(separator: "；")
        case .notFound(let entity, let id): "未找到\(entity)（\(id)），或无权查看"
        case .forbidden(let reason): reason
        case .duplicate(_, let value): "“\(value)”已存在"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .invalid: .invalid
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .duplicate: .conflict
        }
    }
}
