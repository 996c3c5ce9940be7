// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// Targets a department holds that are not in the market-entity register: schools, social
/// organisations, hospitals, law firms (with credit codes), and products, projects and
/// behaviours (with stable ids).
enum DemoExtras {
    struct Variant: Sendable {
        let template: String
        let industry: String
        /// Local item numbers (1 = the department's `-001`).
        let tags: [Int]
    }

    struct Group: Sendable {
        let department: String
        let count: Int
        /// Credit-code authority and type, e.g. "12" 事业单位, "51" 社会团体.
        let prefix: String
        let kind: TargetKind
        let variants: [Variant]
    }

    static let associations = [
        "陶瓷行业", "个体劳动者", "老年人体育", "书法家", "摄影家", "青年企业家", "陶艺家", "茶文化", "餐饮行业", "电子商务",
        "陶瓷彩绘", "志愿者", "钓鱼", "象棋", "太极拳", "收藏家", "诗词", "民间文艺家", "物流行业", "美容美发行业",
    ]

    // swift-format-ignore
    static let groups: [Group] = [
        Group(department: "EDU", count: 45, prefix: "12", kind: .publicInstitution, variants: [
            Variant(template: "景德镇市昌江区{p}小学", industry: "8321 普通小学教育", tags: [3]),
            Variant(template: "景德镇市昌江区{s}中心小学", industry: "8321 普通小学教育", tags: [3]),
            Variant(template: "景德镇市昌江区{s}中学", industry: "8331 普通初中教育", tags: [3]),
            Variant(template: "景德镇市昌江区{s}中心幼儿园", industry: "8310 学前教育", tags: [3])]),
        Group(department: "EDU", count: 60, prefix: "52", kind: .socialOrganisation, variants: [
            Variant(template: "景德镇市昌江区{t}幼儿园", industry: "8310 学前教育", tags: [1, 3]),
            Variant(template: "景德镇市昌江区{t}艺术学校", industry: "8393 文化艺术培训", tags: [1, 2]),
            Variant(template: "景德镇市昌江区{t}培训学校", industry: "8399 其他未列明教育", tags: [1, 2])]),
        Group(department: "CIVIL", count: 120, prefix: "51", kind: .socialOrganisation, variants: [
            Variant(template: "景德镇市昌江区{a}协会", industry: "9521 专业性团体", tags: [1]),
            Variant(template: "景德镇市昌江区{s}{a}协会", industry: "9521 专业性团体", tags: [1]),
            Variant(template: "景德镇市昌江区{t}商会", industry: "9522 行业性团体", tags: [1])]),
        Group(department: "CIVIL", count: 100, prefix: "52", kind: .socialOrganisation, variants: [
            Variant(template: "昌江区{t}社会工作服务中心", industry: "8590 其他社会工作", tags: [1]),
            Variant(template: "昌江区{s}{t}养老院", industry: "8514 老年人、残疾人养护服务", tags: [1, 2]),
            Variant(template: "昌江区{t}居家养老服务中心", industry: "8514 老年人、残疾人养护服务", tags: [1, 2]),
            Variant(template: "昌江区{t}青少年发展服务中心", industry: "8590 其他社会工作", tags: [1])]),
        Group(department: "HEALTH", count: 15, prefix: "12", kind: .publicInstitution, variants: [
            Variant(template: "景德镇市昌江区{s}卫生院", industry: "8423 乡镇卫生院", tags: [1]),
            Variant(template: "景德镇市昌江区{p}社区卫生服务中心", industry: "8421 社区卫生服务中心（站）", tags: [1, 4])]),
        Group(department: "JUSTICE", count: 25, prefix: "31", kind: .partnership, variants: [
            Variant(template: "江西{t}律师事务所", industry: "7221 律师及相关法律服务", tags: [1])]),
        Group(department: "JUSTICE", count: 7, prefix: "33", kind: .publicInstitution, variants: [
            Variant(template: "景德镇市昌江区{s}法律服务所", industry: "7229 其他法律服务", tags: [2])]),
        Group(department: "JUSTICE", count: 3, prefix: "34", kind: .nonCompanyLegalPerson, variants: [
            Variant(template: "景德镇{t}司法鉴定所", industry: "7229 其他法律服务", tags: [2])]),
    ]

    /// Fills a name template: {t} 字号, {s} street short name, {p} road or village, {a} association.
    static func fill(_ template: String, _ random: inout DemoRandom, _ names: DemoNames, _ street: DemoReference.Street) -> String {
        var text = template
        if text.contains("{t}") { text = text.replacingOccurrences(of: "{t}", with: names.tradeName(&random)) }
        if text.contains("{p}") { text = text.replacingOccurrences(of: "{p}", with: random.pick(street.places)) }
        if text.contains("{a}") { text = text.replacingOccurrences(of: "{a}", with: random.pick(associations)) }
        return text.replacingOccurrences(of: "{s}", with: street.short)
    }

    /// Products for 产品质量抽查 and food sampling: name, the sector of its producer (nil: sold,
    /// not made, in the district), local SAMR item numbers.
    static let products: [(name: String, producer: DemoSector?, tags: [Int])] = [
        ("日用陶瓷餐具（青花碗）", .ceramicsMfg, [11]), ("日用陶瓷餐具（釉中彩盘）", .ceramicsMfg, [11]),
        ("陶瓷茶具套装", .ceramicsMfg, [11]), ("骨质瓷咖啡杯", .ceramicsMfg, [11]), ("陈设艺术瓷花瓶", .ceramicsMfg, [11]),
        ("卫生陶瓷（坐便器）", .ceramicsMfg, [11]), ("陶瓷电饭煲内胆", .ceramicsMfg, [11]), ("电热水壶", nil, [11, 20]),
        ("电动自行车充电器", nil, [11, 20]), ("月饼", .foodMfg, [7, 13]), ("绿茶", .foodMfg, [7, 13]),
        ("白酒", nil, [7, 13]), ("桶装饮用水", nil, [7, 13]), ("大米", nil, [7, 13]), ("瓷泥原料（高岭土）", .mining, [11]),
    ]

    /// Project name patterns for the housing department.
    static let projects = [
        "{p}棚户区改造安置房项目（{n}期）", "{s}老旧小区改造工程（{n}标段）", "{t}花园住宅小区{n}#楼", "{p}污水管网改造工程",
        "{t}陶瓷产业园标准厂房（{n}期）", "{s}农贸市场改造工程", "{p}道路提升改造工程（{n}标段）",
    ]
}
