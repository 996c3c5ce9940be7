// SPDX-License-Identifier: Apache-2.0

/// A check item as typed in a form, API body or import row.
public struct CheckItemInput: Sendable, Codable, Equatable {
    public var code: String?
    public var name: String?
    public var subItems: String?
    public var legalBasis: String?
    public var targetKinds: String?
    public var methods: String?
    public var inspectorRequirements: String?
    public var requiresExpert: String?
    public var isKeyItem: String?
    public var guidanceRatioPermille: String?
    public var frequency: String?
    public var published: String?

    public init() {}

    /// Chinese labels: import headers and form labels.
    public static let labels: KeyValuePairs<String, String> = [
        "code": "事项编码", "name": "事项名称", "subItems": "检查内容", "legalBasis": "检查依据",
        "targetKinds": "检查对象类型", "methods": "检查方式", "inspectorRequirements": "检查人员要求",
        "requiresExpert": "需要专家", "isKeyItem": "重点检查事项", "guidanceRatioPermille": "指导比例（‰）",
        "frequency": "抽查频次", "published": "是否公示",
    ]

    /// The Chinese label of a field.
    public static func label(_ field: String) -> String {
        labels.first(where: { $0.key == field })?.value ?? field
    }

    /// Validates into an item of `department`.
    public func validated(department: String) -> Result<CheckItem, LibraryError> {
        var check = InputChecker()
        let code = check.required(self.code, field: "code", label: Self.label("code"), maxLength: 40)
        if !code.isEmpty && !StableID.isValid(code.uppercased()) {
            check.add("code", "事项编码只能由数字、字母和“-”组成")
        }
        let name = check.required(self.name, field: "name", label: Self.label("name"), maxLength: 200)
        var kinds: [TargetKind] = []
        for text in InputChecker.list(targetKinds) {
            if let kind = TargetKind(label: text) { kinds.append(kind) } else { check.add("targetKinds", "检查对象类型“\(text)”无法识别") }
        }
        var methodList: [CheckMethod] = []
        for text in InputChecker.list(methods) {
            if let method = CheckMethod(label: text) { methodList.append(method) } else { check.add("methods", "检查方式“\(text)”无法识别") }
        }
        if methodList.isEmpty && check.isEmpty { check.add("methods", "检查方式至少填写一种") }
        let expert = check.parse(requiresExpert, field: "requiresExpert", label: Self.label("requiresExpert"), default: false) {
            YesNo.parse($0)
        }
        let key = check.parse(isKeyItem, field: "isKeyItem", label: Self.label("isKeyItem"), default: false) { YesNo.parse($0) }
        let shown = check.parse(published, field: "published", label: Self.label("published"), default: true) { YesNo.parse($0) }
        var ratio: Int?
        let ratioText = InputChecker.trimmed(guidanceRatioPermille)
        if !ratioText.isEmpty {
            if let value = Int(ratioText), (0...1000).contains(value) {
                ratio = value
            } else {
                check.add("guidanceRatioPermille", "指导比例应为 0–1000 之间的整数（千分比）")
            }
        }
        guard check.isEmpty else { return .failure(.invalid(check.issues)) }
        return .success(
            CheckItem(
                departmentCode: department, code: code.uppercased(), name: name,
                subItems: InputChecker.list(subItems), legalBasis: InputChecker.trimmed(legalBasis),
                targetKinds: kinds, methods: methodList, inspectorRequirements: InputChecker.trimmed(inspectorRequirements),
                requiresExpert: expert ?? false, isKeyItem: key ?? false, guidanceRatioPermille: ratio,
                frequency: InputChecker.trimmed(frequency), published: shown ?? true))
    }

    /// The input that reproduces `item`.
    public init(_ item: CheckItem) {
        code = item.code
        name = item.name
        subItems = item.subItems.joined(separator: ";")
        legalBasis = item.legalBasis
        targetKinds = item.targetKinds.map(\.label).joined(separator: ";")
        methods = item.methods.map(\.label).joined(separator: ";")
        inspectorRequirements = item.inspectorRequirements
        requiresExpert = YesNo.label(item.requiresExpert)
        isKeyItem = YesNo.label(item.isKeyItem)
        guidanceRatioPermille = item.guidanceRatioPermille.map(String.init) ?? ""
        frequency = item.frequency
        published = YesNo.label(item.published)
    }
}

/// 是/否 cells.
public enum YesNo {
    /// Parses 是/否, true/false, 1/0, Y/N.
    public static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "是", "true", "1", "y", "yes", "on": true
        case "否", "false", "0", "n", "no", "off": false
        default: nil
        }
    }

    /// 是 or 否.
    public static func label(_ value: Bool) -> String { value ? "是" : "否" }
}
