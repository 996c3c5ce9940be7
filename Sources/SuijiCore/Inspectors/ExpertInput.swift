// SPDX-License-Identifier: Apache-2.0

/// An expert as typed in a form, API body or import row.
public struct ExpertInput: Sendable, Codable, Equatable {
    public var name: String?
    public var kind: String?
    public var organisation: String?
    public var expertise: String?
    public var contact: String?

    public init() {}

    /// Chinese labels: import headers and form labels.
    public static let labels: KeyValuePairs<String, String> = [
        "name": "姓名（名称）", "kind": "类别", "organisation": "所在单位", "expertise": "专业领域", "contact": "联系方式",
    ]

    /// The Chinese label of a field.
    public static func label(_ field: String) -> String {
        labels.first(where: { $0.key == field })?.value ?? field
    }

    /// Validates into an expert of `department`.
    public func validated(department: String) -> Result<Expert, LibraryError> {
        var check = InputChecker()
        let name = check.required(self.name, field: "name", label: Self.label("name"), maxLength: 100)
        let kind = check.parse(self.kind, field: "kind", label: Self.label("kind"), default: nil) { ExpertKind(label: $0) }
        let organisation = check.required(
            self.organisation, field: "organisation", label: Self.label("organisation"), maxLength: 200)
        guard check.isEmpty, let kind else { return .failure(.invalid(check.issues)) }
        return .success(
            Expert(
                departmentCode: department, name: name, kind: kind, organisation: organisation,
                expertise: InputChecker.list(expertise), contact: InputChecker.trimmed(contact)))
    }

    /// The input that reproduces `expert`.
    public init(_ expert: Expert) {
        name = expert.name
        kind = expert.kind.label
        organisation = expert.organisation
        expertise = expert.expertise.joined(separator: ";")
        contact = expert.contact
    }
}
