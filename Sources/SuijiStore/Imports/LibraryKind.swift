// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// The four libraries that can be imported and exported.
public enum LibraryKind: String, Sendable, Codable, CaseIterable {
    case targets
    case inspectors
    case experts
    case items

    /// Chinese name.
    public var label: String {
        switch self {
        case .targets: "检查对象"
        case .inspectors: "执法检查人员"
        case .experts: "专家"
        case .items: "抽查事项"
        }
    }
}

/// How sheet columns map to the fields of an input record: the Chinese header is the column
/// name users see; the English field name is accepted as a header too.
struct SheetMapping<Input: Sendable>: Sendable {
    struct Column: @unchecked Sendable {
        let field: String
        let header: String
        let keyPath: WritableKeyPath<Input, String?>
    }

    let columns: [Column]
    /// Fields that must have a column (a row may still leave other cells empty).
    let requiredFields: [String]
    let make: @Sendable () -> Input

    func header(_ field: String) -> String { columns.first { $0.field == field }?.header ?? field }

    static var targets: SheetMapping<TargetInput> {
        SheetMapping<TargetInput>(
            columns: [
                .init(field: "creditCode", header: TargetInput.label("creditCode"), keyPath: \.creditCode),
                .init(field: "stableID", header: TargetInput.label("stableID"), keyPath: \.stableID),
                .init(field: "name", header: TargetInput.label("name"), keyPath: \.name),
                .init(field: "kind", header: TargetInput.label("kind"), keyPath: \.kind),
                .init(field: "division", header: TargetInput.label("division"), keyPath: \.division),
                .init(field: "street", header: TargetInput.label("street"), keyPath: \.street),
                .init(field: "grid", header: TargetInput.label("grid"), keyPath: \.grid),
                .init(field: "address", header: TargetInput.label("address"), keyPath: \.address),
                .init(field: "industry", header: TargetInput.label("industry"), keyPath: \.industry),
                .init(field: "riskClass", header: TargetInput.label("riskClass"), keyPath: \.riskClass),
                .init(field: "status", header: TargetInput.label("status"), keyPath: \.status),
                .init(field: "statusDate", header: TargetInput.label("statusDate"), keyPath: \.statusDate),
                .init(field: "tags", header: TargetInput.label("tags"), keyPath: \.tags),
                .init(field: "lastRandomInspection", header: TargetInput.label("lastRandomInspection"), keyPath: \.lastRandomInspection),
                .init(field: "legalRepresentative", header: TargetInput.label("legalRepresentative"), keyPath: \.legalRepresentative),
                .init(field: "phone", header: TargetInput.label("phone"), keyPath: \.phone),
                .init(field: "caseKind", header: TargetInput.label("caseKind"), keyPath: \.caseKind),
                .init(field: "caseDate", header: TargetInput.label("caseDate"), keyPath: \.caseDate),
                .init(field: "caseSource", header: TargetInput.label("caseSource"), keyPath: \.caseSource),
            ],
            requiredFields: ["name", "kind", "division"], make: { TargetInput() })
    }

    static var inspectors: SheetMapping<InspectorInput> {
        SheetMapping<InspectorInput>(
            columns: [
                .init(field: "name", header: InspectorInput.label("name"), keyPath: \.name),
                .init(field: "certificateNumber", header: InspectorInput.label("certificateNumber"), keyPath: \.certificateNumber),
                .init(field: "certificateExpiry", header: InspectorInput.label("certificateExpiry"), keyPath: \.certificateExpiry),
                .init(field: "level", header: InspectorInput.label("level"), keyPath: \.level),
                .init(field: "area", header: InspectorInput.label("area"), keyPath: \.area),
                .init(field: "qualifications", header: InspectorInput.label("qualifications"), keyPath: \.qualifications),
                .init(field: "expertise", header: InspectorInput.label("expertise"), keyPath: \.expertise),
                .init(field: "status", header: InspectorInput.label("status"), keyPath: \.status),
                .init(field: "leaveFrom", header: InspectorInput.label("leaveFrom"), keyPath: \.leaveFrom),
                .init(field: "leaveTo", header: InspectorInput.label("leaveTo"), keyPath: \.leaveTo),
                .init(field: "station", header: InspectorInput.label("station"), keyPath: \.station),
                .init(field: "phone", header: InspectorInput.label("phone"), keyPath: \.phone),
            ],
            requiredFields: ["name", "certificateNumber", "certificateExpiry"], make: { InspectorInput() })
    }

    static var experts: SheetMapping<ExpertInput> {
        SheetMapping<ExpertInput>(
            columns: [
                .init(field: "name", header: ExpertInput.label("name"), keyPath: \.name),
                .init(field: "kind", header: ExpertInput.label("kind"), keyPath: \.kind),
                .init(field: "organisation", header: ExpertInput.label("organisation"), keyPath: \.organisation),
                .init(field: "expertise", header: ExpertInput.label("expertise"), keyPath: \.expertise),
                .init(field: "contact", header: ExpertInput.label("contact"), keyPath: \.contact),
            ],
            requiredFields: ["name", "kind", "organisation"], make: { ExpertInput() })
    }

    static var items: SheetMapping<CheckItemInput> {
        SheetMapping<CheckItemInput>(
            columns: [
                .init(field: "code", header: CheckItemInput.label("code"), keyPath: \.code),
                .init(field: "name", header: CheckItemInput.label("name"), keyPath: \.name),
                .init(field: "subItems", header: CheckItemInput.label("subItems"), keyPath: \.subItems),
                .init(field: "legalBasis", header: CheckItemInput.label("legalBasis"), keyPath: \.legalBasis),
                .init(field: "targetKinds", header: CheckItemInput.label("targetKinds"), keyPath: \.targetKinds),
                .init(field: "methods", header: CheckItemInput.label("methods"), keyPath: \.methods),
                .init(
                    field: "inspectorRequirements", header: CheckItemInput.label("inspectorRequirements"), keyPath: \.inspectorRequirements),
                .init(field: "requiresExpert", header: CheckItemInput.label("requiresExpert"), keyPath: \.requiresExpert),
                .init(field: "isKeyItem", header: CheckItemInput.label("isKeyItem"), keyPath: \.isKeyItem),
                .init(
                    field: "guidanceRatioPermille", header: CheckItemInput.label("guidanceRatioPermille"), keyPath: \.guidanceRatioPermille),
                .init(field: "frequency", header: CheckItemInput.label("frequency"), keyPath: \.frequency),
                .init(field: "published", header: CheckItemInput.label("published"), keyPath: \.published),
            ],
            requiredFields: ["code", "name", "methods"], make: { CheckItemInput() })
    }
}
