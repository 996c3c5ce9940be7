// SPDX-License-Identifier: Apache-2.0

/// What a demo business does: drives its name, which departments supervise it and its tags.
enum DemoSector: String, Sendable, CaseIterable {
    case ceramicsMfg, craftMfg, machinery, foodMfg, mining
    case wholesale, craftRetail, generalRetail, foodRetail, pharmacy, medDevice, cosmetics, agriInputs, hazchem
    case gasStation, secondhand, onlineRetail, bookstore
    case lodging, catering, beauty, bath, entertainment, netcafe, travel, printing, sealCarving
    case construction, developer, property, realEstateAgent, specialEquipment
    case freight, autoRepair, drivingSchool, scrapVehicle
    case artTraining, training, clinic, eldercare, funeral
    case testingLab, advertising, hrAgency, tendering, grain, survey, agriculture
}

/// A GB/T 4754-2017 industry as used in the demo (codes are from memory, see the notes).
struct DemoIndustry: Sendable {
    let code: String
    let name: String
    let sector: DemoSector
    /// Relative weight among individual businesses (个体工商户).
    let individual: Double
    /// Relative weight among enterprises.
    let enterprise: Double
    /// Words between 字号 and 组织形式 in enterprise names.
    let companyWords: [String]
    /// Endings of individual-business names.
    let shopWords: [String]

    /// The text of the 行业 column, e.g. "3074 日用陶瓷制品制造".
    var label: String { "\(code) \(name)" }
}

enum DemoIndustries {
    // swift-format-ignore
    static let all: [DemoIndustry] = [
        .init(code: "3074", name: "日用陶瓷制品制造", sector: .ceramicsMfg, individual: 7, enterprise: 12, companyWords: ["陶瓷", "瓷业", "日用瓷"], shopWords: ["陶瓷作坊", "瓷坊", "日用瓷厂"]),
        .init(code: "3075", name: "陈设艺术陶瓷制造", sector: .ceramicsMfg, individual: 8, enterprise: 10, companyWords: ["艺术陶瓷", "陶艺", "瓷艺"], shopWords: ["陶艺工作室", "瓷艺坊", "画瓷工作室"]),
        .init(code: "3071", name: "建筑陶瓷制品制造", sector: .ceramicsMfg, individual: 0.2, enterprise: 1, companyWords: ["建筑陶瓷", "瓷砖"], shopWords: ["瓷砖厂"]),
        .init(code: "3072", name: "卫生陶瓷制品制造", sector: .ceramicsMfg, individual: 0.1, enterprise: 0.8, companyWords: ["卫浴", "洁具"], shopWords: ["洁具厂"]),
        .init(code: "3073", name: "特种陶瓷制品制造", sector: .ceramicsMfg, individual: 0.1, enterprise: 1, companyWords: ["特种陶瓷", "精密陶瓷", "新材料"], shopWords: ["陶瓷材料厂"]),
        .init(code: "3076", name: "园艺陶瓷制造", sector: .ceramicsMfg, individual: 0.5, enterprise: 0.5, companyWords: ["园艺陶瓷"], shopWords: ["花盆厂"]),
        .init(code: "3079", name: "其他陶瓷制品制造", sector: .ceramicsMfg, individual: 1, enterprise: 1.5, companyWords: ["陶瓷制品", "窑业"], shopWords: ["陶瓷加工厂", "烤花厂"]),
        .init(code: "2431", name: "雕塑工艺品制造", sector: .craftMfg, individual: 1.5, enterprise: 1, companyWords: ["工艺品", "雕塑"], shopWords: ["雕塑工作室", "工艺坊"]),
        .init(code: "3464", name: "制冷、空调设备制造", sector: .machinery, individual: 0, enterprise: 0.3, companyWords: ["制冷设备", "压缩机配件"], shopWords: []),
        .init(code: "3489", name: "其他通用零部件制造", sector: .machinery, individual: 0.2, enterprise: 1, companyWords: ["机械", "精工", "机电"], shopWords: ["机械加工厂"]),
        .init(code: "1411", name: "糕点、面包制造", sector: .foodMfg, individual: 0.6, enterprise: 0.4, companyWords: ["食品"], shopWords: ["糕点坊", "饼屋"]),
        .init(code: "1530", name: "精制茶加工", sector: .foodMfg, individual: 0.4, enterprise: 0.5, companyWords: ["茶业", "茶叶"], shopWords: ["茶叶加工厂"]),
        .init(code: "1019", name: "粘土及其他土砂石开采", sector: .mining, individual: 0, enterprise: 0.25, companyWords: ["高岭土", "矿业", "瓷土"], shopWords: []),
        .init(code: "5146", name: "首饰、工艺品及收藏品批发", sector: .wholesale, individual: 3, enterprise: 5, companyWords: ["陶瓷贸易", "工艺品贸易", "瓷器商贸"], shopWords: ["瓷器批发部", "陶瓷经营部"]),
        .init(code: "5246", name: "工艺美术品及收藏品零售", sector: .craftRetail, individual: 16, enterprise: 6, companyWords: ["陶瓷艺术品", "瓷器", "文化艺术"], shopWords: ["瓷器店", "陶瓷经营部", "艺术瓷馆", "瓷行", "茶具店"]),
        .init(code: "5211", name: "百货零售", sector: .generalRetail, individual: 2, enterprise: 1.5, companyWords: ["百货", "商贸"], shopWords: ["百货店", "日杂店"]),
        .init(code: "5212", name: "超级市场零售", sector: .generalRetail, individual: 2, enterprise: 1.5, companyWords: ["超市", "商业"], shopWords: ["超市", "便民超市"]),
        .init(code: "5213", name: "便利店零售", sector: .generalRetail, individual: 4, enterprise: 0.6, companyWords: ["便利店"], shopWords: ["便利店", "小卖部"]),
        .init(code: "5232", name: "服装零售", sector: .generalRetail, individual: 4, enterprise: 0.8, companyWords: ["服饰"], shopWords: ["服装店", "服饰店"]),
        .init(code: "5271", name: "五金零售", sector: .generalRetail, individual: 2.5, enterprise: 0.6, companyWords: ["五金", "建材"], shopWords: ["五金店", "建材店"]),
        .init(code: "5221", name: "粮油零售", sector: .foodRetail, individual: 2, enterprise: 0.4, companyWords: ["粮油"], shopWords: ["粮油店", "米店"]),
        .init(code: "5223", name: "果品、蔬菜零售", sector: .foodRetail, individual: 4, enterprise: 0.3, companyWords: ["果业", "农产品"], shopWords: ["水果店", "蔬菜店"]),
        .init(code: "5224", name: "肉、禽、蛋、奶及水产品零售", sector: .foodRetail, individual: 4, enterprise: 0.3, companyWords: ["食品"], shopWords: ["鲜肉店", "水产店", "禽蛋店"]),
        .init(code: "5226", name: "酒、饮料及茶叶零售", sector: .foodRetail, individual: 3.5, enterprise: 0.8, companyWords: ["茶业", "酒业"], shopWords: ["茶叶店", "烟酒店", "茶行"]),
        .init(code: "5229", name: "其他食品零售", sector: .foodRetail, individual: 2, enterprise: 0.4, companyWords: ["食品"], shopWords: ["食品店", "副食店"]),
        .init(code: "5251", name: "西药零售", sector: .pharmacy, individual: 0.8, enterprise: 1.2, companyWords: ["大药房", "医药"], shopWords: ["药店", "大药房"]),
        .init(code: "5252", name: "中药零售", sector: .pharmacy, individual: 0.3, enterprise: 0.3, companyWords: ["中药", "国药"], shopWords: ["中药店"]),
        .init(code: "5254", name: "医疗用品及器材零售", sector: .medDevice, individual: 0.3, enterprise: 0.5, companyWords: ["医疗器械"], shopWords: ["医疗器械店", "眼镜店"]),
        .init(code: "5235", name: "化妆品及卫生用品零售", sector: .cosmetics, individual: 1.8, enterprise: 0.6, companyWords: ["化妆品", "日化"], shopWords: ["化妆品店", "美妆店"]),
        .init(code: "5299", name: "其他未列明零售业（农资）", sector: .agriInputs, individual: 0.8, enterprise: 0.3, companyWords: ["农资", "种业"], shopWords: ["农资店", "种子店", "兽药店"]),
        .init(code: "5169", name: "其他化工产品批发", sector: .hazchem, individual: 0, enterprise: 0.3, companyWords: ["化工", "釉料化工"], shopWords: []),
        .init(code: "5265", name: "机动车燃油零售", sector: .gasStation, individual: 0, enterprise: 0.25, companyWords: ["石油", "加油站"], shopWords: []),
        .init(code: "5295", name: "旧货零售", sector: .secondhand, individual: 0.5, enterprise: 0.1, companyWords: ["二手商品"], shopWords: ["旧货店", "二手手机店"]),
        .init(code: "5292", name: "互联网零售", sector: .onlineRetail, individual: 2.5, enterprise: 2, companyWords: ["电子商务", "网络科技"], shopWords: ["网店", "电商工作室"]),
        .init(code: "5243", name: "图书、报刊零售", sector: .bookstore, individual: 0.4, enterprise: 0.2, companyWords: ["书店", "图书"], shopWords: ["书店", "书社"]),
        .init(code: "6121", name: "经济型连锁酒店", sector: .lodging, individual: 0.6, enterprise: 0.6, companyWords: ["酒店管理", "宾馆"], shopWords: ["宾馆", "旅社"]),
        .init(code: "6130", name: "民宿服务", sector: .lodging, individual: 0.8, enterprise: 0.2, companyWords: ["民宿"], shopWords: ["民宿", "客栈"]),
        .init(code: "6210", name: "正餐服务", sector: .catering, individual: 5, enterprise: 2, companyWords: ["餐饮", "酒楼"], shopWords: ["饭店", "酒家", "农家乐"]),
        .init(code: "6220", name: "快餐服务", sector: .catering, individual: 4, enterprise: 1, companyWords: ["餐饮管理"], shopWords: ["快餐店", "盒饭店"]),
        .init(code: "6291", name: "小吃服务", sector: .catering, individual: 6, enterprise: 0.3, companyWords: ["小吃"], shopWords: ["小吃店", "冷粉店", "饺子粑店", "面馆"]),
        .init(code: "6231", name: "茶馆服务", sector: .catering, individual: 2, enterprise: 0.5, companyWords: ["茶文化"], shopWords: ["茶馆", "茶社"]),
        .init(code: "8040", name: "理发及美容服务", sector: .beauty, individual: 4.5, enterprise: 0.6, companyWords: ["美容美发"], shopWords: ["理发店", "美发店", "美容院"]),
        .init(code: "8051", name: "洗浴服务", sector: .bath, individual: 0.3, enterprise: 0.2, companyWords: ["洗浴"], shopWords: ["浴室", "足浴店"]),
        .init(code: "9031", name: "歌舞厅娱乐活动", sector: .entertainment, individual: 0.2, enterprise: 0.3, companyWords: ["娱乐", "KTV"], shopWords: ["KTV", "歌舞厅"]),
        .init(code: "9033", name: "网吧活动", sector: .netcafe, individual: 0.3, enterprise: 0.1, companyWords: ["网络会所"], shopWords: ["网吧", "网咖"]),
        .init(code: "7291", name: "旅行社及相关服务", sector: .travel, individual: 0, enterprise: 0.4, companyWords: ["旅行社", "国际旅行社"], shopWords: []),
        .init(code: "2319", name: "包装装潢及其他印刷", sector: .printing, individual: 0.3, enterprise: 0.3, companyWords: ["印务", "包装"], shopWords: ["印刷厂", "图文店"]),
        .init(code: "8090", name: "其他居民服务业（刻章）", sector: .sealCarving, individual: 0.2, enterprise: 0.05, companyWords: ["印章"], shopWords: ["刻章店"]),
        .init(code: "4790", name: "其他房屋建筑业", sector: .construction, individual: 0.2, enterprise: 1.5, companyWords: ["建筑工程", "建设工程", "建筑安装"], shopWords: ["装修队"]),
        .init(code: "7010", name: "房地产开发经营", sector: .developer, individual: 0, enterprise: 0.5, companyWords: ["房地产开发", "置业"], shopWords: []),
        .init(code: "7020", name: "物业管理", sector: .property, individual: 0, enterprise: 0.6, companyWords: ["物业管理", "物业服务"], shopWords: []),
        .init(code: "7030", name: "房地产中介服务", sector: .realEstateAgent, individual: 0.4, enterprise: 0.6, companyWords: ["房地产经纪", "房产中介"], shopWords: ["房产信息部"]),
        .init(code: "4330", name: "电梯、锅炉等设备安装维修", sector: .specialEquipment, individual: 0, enterprise: 0.2, companyWords: ["电梯工程", "机电设备安装"], shopWords: []),
        .init(code: "5431", name: "普通货物道路运输", sector: .freight, individual: 1.5, enterprise: 1, companyWords: ["物流", "运输"], shopWords: ["货运部", "运输队"]),
        .init(code: "8111", name: "汽车修理与维护", sector: .autoRepair, individual: 1.8, enterprise: 0.6, companyWords: ["汽车服务", "汽车维修"], shopWords: ["汽修店", "汽车美容店", "补胎店"]),
        .init(code: "8391", name: "职业技能培训（机动车驾驶员培训）", sector: .drivingSchool, individual: 0, enterprise: 0.1, companyWords: ["驾驶员培训"], shopWords: []),
        .init(code: "4210", name: "金属废料和碎屑加工处理", sector: .scrapVehicle, individual: 0, enterprise: 0.05, companyWords: ["报废汽车回收"], shopWords: []),
        .init(code: "8393", name: "文化艺术培训", sector: .artTraining, individual: 0.8, enterprise: 1.2, companyWords: ["陶艺培训", "艺术培训", "文化传播"], shopWords: ["陶艺体验馆", "画室"]),
        .init(code: "8399", name: "其他未列明教育", sector: .training, individual: 0.2, enterprise: 0.6, companyWords: ["教育咨询", "培训学校"], shopWords: ["托管中心"]),
        .init(code: "8425", name: "门诊部（所）", sector: .clinic, individual: 0.6, enterprise: 0.4, companyWords: ["门诊部", "口腔门诊部", "医疗管理"], shopWords: ["诊所", "口腔诊所", "中医诊所"]),
        .init(code: "8514", name: "老年人、残疾人养护服务", sector: .eldercare, individual: 0, enterprise: 0.1, companyWords: ["养老服务", "康养"], shopWords: []),
        .init(code: "8080", name: "殡葬服务", sector: .funeral, individual: 0.1, enterprise: 0.03, companyWords: ["殡葬服务"], shopWords: ["寿衣店"]),
        .init(code: "7452", name: "检测服务", sector: .testingLab, individual: 0, enterprise: 0.2, companyWords: ["检测技术", "检验检测"], shopWords: []),
        .init(code: "7259", name: "其他广告服务", sector: .advertising, individual: 0.8, enterprise: 1.2, companyWords: ["广告", "文化传媒"], shopWords: ["广告部", "图文广告店"]),
        .init(code: "7262", name: "职业中介服务", sector: .hrAgency, individual: 0.05, enterprise: 0.15, companyWords: ["人力资源", "劳务"], shopWords: ["职业介绍所"]),
        .init(code: "7245", name: "招标代理服务", sector: .tendering, individual: 0, enterprise: 0.1, companyWords: ["招标代理", "工程咨询"], shopWords: []),
        .init(code: "5111", name: "谷物、豆及薯类批发", sector: .grain, individual: 0.1, enterprise: 0.1, companyWords: ["粮食购销", "粮油贸易"], shopWords: ["粮食收购点"]),
        .init(code: "7449", name: "其他测绘地理信息服务", sector: .survey, individual: 0, enterprise: 0.06, companyWords: ["测绘", "勘测设计"], shopWords: []),
    ]

    /// Industries of farmers' cooperatives.
    static let cooperative: [DemoIndustry] = [
        .init(code: "0141", name: "蔬菜种植", sector: .agriculture, individual: 0, enterprise: 3, companyWords: ["蔬菜种植"], shopWords: []),
        .init(code: "0164", name: "茶叶种植", sector: .agriculture, individual: 0, enterprise: 2, companyWords: ["茶叶"], shopWords: []),
        .init(
            code: "0151", name: "仁果类和核果类水果种植", sector: .agriculture, individual: 0, enterprise: 1.5, companyWords: ["果业", "水果种植"],
            shopWords: []),
        .init(code: "0313", name: "猪的饲养", sector: .agriculture, individual: 0, enterprise: 1, companyWords: ["生猪养殖"], shopWords: []),
        .init(code: "0412", name: "内陆养殖", sector: .agriculture, individual: 0, enterprise: 1, companyWords: ["水产养殖"], shopWords: []),
        .init(
            code: "0111", name: "稻谷种植", sector: .agriculture, individual: 0, enterprise: 1.5, companyWords: ["水稻种植", "粮食种植"], shopWords: []),
    ]
}
