// SPDX-License-Identifier: Apache-2.0

/// The five kinds of serious non-cooperation (§18); each one recorded is always published.
public enum NonCooperation: String, Sendable, Codable, CaseIterable {
    /// 拒绝、阻碍检查人员进入检查场所
    case refusedEntry
    /// 拒绝接受询问调查
    case refusedQuestioning
    /// 拒绝提供有关材料
    case refusedMaterials
    /// 提供虚假或者不完整的材料
    case falseMaterials
    /// 其他严重妨碍检查的行为
    case otherObstruction

    /// Chinese name.
    public var label: String {
        switch self {
        case .refusedEntry: "拒绝、阻碍检查人员进入检查场所"
        case .refusedQuestioning: "拒绝接受询问调查"
        case .refusedMaterials: "拒绝提供有关材料"
        case .falseMaterials: "提供虚假或者不完整的材料"
        case .otherObstruction: "其他严重妨碍检查的行为"
        }
    }
}
