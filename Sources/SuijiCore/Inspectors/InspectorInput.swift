// SPDX-License-Identifier: Apache-2.0

/// An inspector as typed in a form, API body or import row.
public struct InspectorInput: Sendable, Codable, Equatable {
    public var name: String?
    public var certificateNumber: String?
    public var certificateExpiry: String?
    public var level: String?
    public var area: String?
    public var qualifications: String?
    public var expertise: String?
    public var status: String?
    public var leaveFrom: String?
    public var leaveTo: String?
    public var station: String?
    public var phone: String?

    public init() {}

    /// Chinese labels: import headers and form labels.
    public static let labels: KeyValuePairs<String, String> = [
        "name": "姓名", "certificateNumber": "执法证号", "certificateExpiry": "执法证有效期至",
        "level": "执法层级", "area": "执法区域", "qualifications": "可检查事项", "expertise": "业务专长",
        "status": "状态", "leaveFrom": "休假开始", "leaveTo": "休假结束", "station": "所属站所（街道）",
        "phone": "联系电话",
    ]

    /// The Chinese label of a field.
    public static func label(_ field: String) -> String {
        labels.first(where: { $0.key == field })?.value ?? field
    }

    /// Validates into an inspector of `department`.
    public func validated(department: String) -> Result<Inspector, LibraryError> {
        var check = InputChecker()
        let name = check.required(self.name, field: "name", label: Self.label("name"), maxLength: 50)
        let certificate = check.required(
            certificateNumber, field: "certificateNumber", label: Self.label("certificateNumber"), maxLength: 40)
        let expiry = check.date(certificateExpiry, field: "certificateExpiry", label: Self.label("certificateExpiry"))
        if expiry == nil && InputChecker.trimmed(certificateExpiry).isEmpty {
            check.add("certificateExpiry", "执法证有效期不能为空")
        }
        let level = check.parse(self.level, field: "level", label: Self.label("level"), default: .district) {
            EnforcementLevel(label: $0)
        }
        let status = check.parse(self.status, field: "status", label: Self.label("status"), default: .active) {
            InspectorStatus(label: $0)
        }
        let from = check.date(leaveFrom, field: "leaveFrom", label: Self.label("leaveFrom"))
        let to = check.date(leaveTo, field: "leaveTo", label: Self.label("leaveTo"))
        if status == .onLeave && (from == nil || to == nil) {
            check.add("leaveFrom", "状态为休假时必须填写休假开始和结束日期")
        }
        if let from, let to, from > to { check.add("leaveTo", "休假结束日期不能早于开始日期") }
        let area = InputChecker.list(self.area)
        for code in area where !Self.isAreaCode(code) {
            check.add("area", "执法区域“\(code)”应为行政区划代码（6 位）或乡镇街道代码（9 或 12 位）")
        }
        guard check.isEmpty, let expiry, let level, let status else { return .failure(.invalid(check.issues)) }
        return .success(
            Inspector(
                departmentCode: department, name: name, certificateNumber: certificate, certificateExpiry: expiry,
                level: level, area: area, qualifications: InputChecker.list(qualifications).map { $0.uppercased() },
                expertise: InputChecker.list(expertise), status: status, leaveFrom: from, leaveTo: to,
                station: InputChecker.trimmed(station), phone: InputChecker.trimmed(phone)))
    }

    /// Whether `code` is a 6-digit division or a 9/12-digit township code.
    public static func isAreaCode(_ code: String) -> Bool {
        [6, 9, 12].contains(code.count) && code.allSatisfy(\.isASCIIDigit)
    }

    /// The input that reproduces `inspector`.
    public init(_ inspector: Inspector) {
        name = inspector.name
        certificateNumber = inspector.certificateNumber
        certificateExpiry = inspector.certificateExpiry.iso
        level = inspector.level.label
        area = inspector.area.joined(separator: ";")
        qualifications = inspector.qualifications.joined(separator: ";")
        expertise = inspector.expertise.joined(separator: ";")
        status = inspector.status.label
        leaveFrom = inspector.leaveFrom?.iso ?? ""
        leaveTo = inspector.leaveTo?.iso ?? ""
        station = inspector.station
        phone = inspector.phone
    }
}

extension Character {
    /// An ASCII digit 0–9.
    public var isASCIIDigit: Bool { isASCII && isNumber }
}
