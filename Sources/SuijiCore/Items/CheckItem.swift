// SPDX-License-Identifier: Apache-2.0

/// A check item (抽查事项) of a department's item list (§9), as of one version.
///
/// Edits never overwrite: each one stores a new version, and older versions stay readable.
public struct CheckItem: Sendable, Codable, Equatable, Identifiable {
    /// Database id of the item (stable across versions); 0 before it is stored.
    public var id: Int64
    public var departmentCode: String
    /// Code unique within the department, e.g. `SC-001`.
    public var code: String
    /// Version number, 1 for the first.
    public var version: Int
    public var name: String
    /// 检查内容 / sub-items.
    public var subItems: [String]
    /// 检查依据.
    public var legalBasis: String
    public var targetKinds: [TargetKind]
    public var methods: [CheckMethod]
    /// 检查人员要求 (e.g. "持有特种设备安全监察员证").
    public var inspectorRequirements: String
    /// Whether an expert or professional body must take part.
    public var requiresExpert: Bool
    /// 重点检查事项: a target may be drawn again in the same year.
    public var isKeyItem: Bool
    /// Guidance ratio of targets to check per year, in per-mille (e.g. 50 = 5%).
    public var guidanceRatioPermille: Int?
    /// Guidance frequency, free text (e.g. "每年不少于1次").
    public var frequency: String
    /// Whether the item appears on the public item list.
    public var published: Bool

    public init(
        id: Int64 = 0, departmentCode: String, code: String, version: Int = 1, name: String,
        subItems: [String] = [], legalBasis: String = "", targetKinds: [TargetKind] = [],
        methods: [CheckMethod] = [], inspectorRequirements: String = "", requiresExpert: Bool = false,
        isKeyItem: Bool = false, guidanceRatioPermille: Int? = nil, frequency: String = "",
        published: Bool = true
    ) {
        self.id = id
        self.departmentCode = departmentCode
        self.code = code
        self.version = version
        self.name = name
        self.subItems = subItems
        self.legalBasis = legalBasis
        self.targetKinds = targetKinds
        self.methods = methods
        self.inspectorRequirements = inspectorRequirements
        self.requiresExpert = requiresExpert
        self.isKeyItem = isKeyItem
        self.guidanceRatioPermille = guidanceRatioPermille
        self.frequency = frequency
        self.published = published
    }

    /// Whether `other` has the same content (ignoring id and version), so an edit that changes
    /// nothing creates no version.
    public func sameContent(as other: CheckItem) -> Bool {
        var left = self
        left.id = other.id
        left.version = other.version
        return left == other
    }
}
