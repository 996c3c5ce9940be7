// SPDX-License-Identifier: Apache-2.0

/// Reference tables of the demo district 景德镇市昌江区 (360202). Codes and names follow the
/// research notes; several are assumptions fit for demo data only, not for real use.
enum DemoReference {
    /// The district's administrative division code.
    static let division = "360202"

    /// The joint-meeting member departments: code and Chinese name.
    static let departments: [(code: String, name: String)] = [
        ("SAMR", "昌江区市场监督管理局"),
        ("NDRC", "昌江区发展和改革委员会"),
        ("EDU", "昌江区教育体育局"),
        ("PSB", "景德镇市公安局昌江分局"),
        ("CIVIL", "昌江区民政局"),
        ("HRSS", "昌江区人力资源和社会保障局"),
        ("ECO", "景德镇市昌江生态环境局"),
        ("HOUSING", "昌江区住房和城乡建设局"),
        ("TRANS", "昌江区交通运输局"),
        ("AGRI", "昌江区农业农村局"),
        ("COMM", "昌江区商务局"),
        ("CULT", "昌江区文化广电新闻出版旅游局"),
        ("HEALTH", "昌江区卫生健康委员会"),
        ("EMER", "昌江区应急管理局"),
        ("TAX", "国家税务总局景德镇市昌江区税务局"),
        ("URBAN", "昌江区城市管理局"),
        ("FIRE", "昌江区消防救援大队"),
        ("NATRES", "景德镇市自然资源局昌江分局"),
        ("JUSTICE", "昌江区司法局"),
        ("STATS", "昌江区统计局"),
    ]

    /// The 文号代字 of some departments' printed notices (the others print their name).
    static let documentPrefixes: [String: String] = [
        "SAMR": "昌市监", "HEALTH": "昌卫健", "EDU": "昌教体", "CULT": "昌文广旅", "EMER": "昌应急", "HOUSING": "昌住建", "ECO": "昌环",
    ]

    /// A township-level unit (街道/镇/乡).
    struct Street: Sendable {
        let code: String
        let name: String
        /// Short name used in grids and stations, e.g. 西郊.
        let short: String
        let weight: Double
        let grids: Int
        /// Roads (urban streets) or villages (towns).
        let places: [String]
        let isUrban: Bool
    }

    /// The 7 township-level units; 西郊 and 新枫 hold most businesses.
    static let streets: [Street] = [
        Street(
            code: "360202001000", name: "西郊街道", short: "西郊", weight: 38, grids: 24,
            places: ["昌南大道", "瓷都大道", "新厂西路", "西郊路", "陶瓷城路", "豪德路", "迎宾大道", "森林路", "公园路"],
            isUrban: true),
        Street(
            code: "360202002000", name: "新枫街道", short: "新枫", weight: 27, grids: 18,
            places: ["新枫路", "枫林路", "景东大道", "昌江大道", "曙光路", "华意路", "焦化路"], isUrban: true),
        Street(
            code: "360202100000", name: "鲇鱼山镇", short: "鲇鱼山", weight: 10, grids: 10,
            places: ["鲇鱼山村", "堡里村", "程家村", "桃墅村", "新村"], isUrban: false),
        Street(
            code: "360202101000", name: "丽阳镇", short: "丽阳", weight: 9, grids: 13,
            places: ["丽阳村", "彭家村", "瓷窑村", "丰田村", "港口村", "下林村"], isUrban: false),
        Street(
            code: "360202102000", name: "竟成镇", short: "竟成", weight: 7, grids: 8,
            places: ["竟成村", "三龙村", "湘湖村", "里村"], isUrban: false),
        Street(
            code: "360202200000", name: "荷塘乡", short: "荷塘", weight: 5, grids: 7,
            places: ["荷塘村", "柳溪村", "刘家村", "石村"], isUrban: false),
        Street(
            code: "360202201000", name: "吕蒙乡", short: "吕蒙", weight: 4, grids: 6,
            places: ["吕蒙村", "东村", "黄泥头村", "何家村"], isUrban: false),
    ]

    /// Common surnames, roughly by frequency in Jiangxi (weights).
    static let surnames: [(String, Double)] = [
        ("刘", 8), ("李", 7), ("王", 6), ("陈", 6), ("胡", 5), ("张", 5), ("黄", 4), ("吴", 4), ("徐", 4), ("余", 3),
        ("万", 3), ("熊", 3), ("程", 3), ("汪", 3), ("江", 2.5), ("杨", 2.5), ("周", 2.5), ("罗", 2), ("朱", 2),
        ("邓", 2), ("曾", 2), ("彭", 2), ("肖", 2), ("郑", 1.5), ("叶", 1.5), ("冯", 1.2), ("詹", 1.2), ("舒", 1),
        ("方", 1), ("洪", 1), ("汤", 1), ("钟", 1), ("何", 1), ("宋", 1), ("郭", 1), ("高", 1), ("魏", 0.8),
        ("操", 0.6), ("戴", 0.8), ("曹", 0.8), ("石", 0.6), ("姚", 0.6), ("冷", 0.4), ("毕", 0.4), ("占", 0.5),
    ]

    /// Characters for given names.
    static let givenCharacters: [String] = Array(
        "国华建明志强文军平伟勇俊杰涛斌海波德春林红英丽芳敏静燕玲霞萍娟梅兰琴慧瑶婷雪晨浩宇轩睿博涵欣怡佳琪子豪思源嘉鑫鹏飞龙凤水秀金根火生福贵荣发"
    ).map(String.init)

    /// Characters for 字号 (trade names).
    static let tradeNameCharacters: [String] = Array(
        "瓷韵青花玲珑粉彩颜色釉昌南浮梁高岭御窑珠山景德陶源雅逸华宇天泰鑫盛隆兴恒达博通宏远新创佳美和润福祥瑞丰凯汇聚诚信德正安康乐明东方吉星锦秀云山水月松竹梅兰清风"
    ).map(String.init)

    /// Mobile number prefixes.
    static let mobilePrefixes = [
        "133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "180", "182", "187", "188", "189", "191", "199",
    ]
}
