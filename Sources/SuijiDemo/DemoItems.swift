// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import SuijiStore

/// One check item of the demo (from the research notes; article numbers marked † there are
/// unverified and must be checked before real use).
struct DemoItem: Sendable {
    let department: String
    let name: String
    let subItems: String
    let legalBasis: String
    /// Target kinds as letters: C 公司, N 非公司企业法人, P 合伙, S 独资, F 合作社, B 分支, I 个体,
    /// O 社会组织, U 事业单位, R 产品, J 项目, H 行为; E = C N P S B.
    let kinds: String
    /// Methods separated by "/": 实地 书面 网络 抽检 委托 采信.
    let methods: String
    let isKey: Bool
    /// Guidance ratio in per-mille; nil when the ratio follows an annual plan.
    let ratio: Int?
    /// Which pool entities are tagged with the item: sector names, or @E (enterprises),
    /// @I (individual businesses), @F (cooperatives), @* (every market entity).
    let applies: String
    let requirements: String

    init(
        _ department: String, _ name: String, _ subItems: String, _ legalBasis: String, _ kinds: String,
        _ methods: String, _ isKey: Bool, _ ratio: Int?, _ applies: String = "", _ requirements: String = ""
    ) {
        self.department = department
        self.name = name
        self.subItems = subItems
        self.legalBasis = legalBasis
        self.kinds = kinds
        self.methods = methods
        self.isKey = isKey
        self.ratio = ratio
        self.applies = applies
        self.requirements = requirements
    }

    var methodList: [CheckMethod] {
        methods.split(separator: "/").compactMap { DemoItems.methodNames[String($0)] }
    }

    var kindList: [TargetKind] {
        var result: [TargetKind] = []
        for letter in kinds where letter != " " {
            let expanded: [TargetKind] =
                letter == "E"
                ? [.company, .nonCompanyLegalPerson, .partnership, .soleProprietorship, .branch]
                : DemoItems.kindLetters[letter].map { [$0] } ?? []
            for kind in expanded where !result.contains(kind) { result.append(kind) }
        }
        return result
    }

    /// Whether an expert or professional body must take part (entrusted bodies, sampling).
    var requiresExpert: Bool { methodList.contains(.entrusted) || methodList.contains(.sampling) }

    var frequency: String {
        guard ratio != nil else { return "按年度抽检计划" }
        return isKey ? "每年不少于2次" : "每年1次"
    }
}

enum DemoItems {
    static let methodNames: [String: CheckMethod] = [
        "实地": .onSite, "书面": .documentary, "网络": .online, "抽检": .sampling, "委托": .entrusted, "采信": .otherDepartmentResult,
    ]
    static let kindLetters: [Character: TargetKind] = [
        "C": .company, "N": .nonCompanyLegalPerson, "P": .partnership, "S": .soleProprietorship, "F": .farmersCooperative,
        "B": .branch, "I": .individualBusiness, "O": .socialOrganisation, "U": .publicInstitution, "R": .product,
        "J": .project, "H": .behaviour,
    ]

    // swift-format-ignore
    static let all: [DemoItem] = [
        .init("SAMR", "企业公示信息的抽查", "年报公示信息;即时公示信息", "《企业信息公示暂行条例》第14条", "E F", "书面/网络/实地", true, 30, "@E @F"),
        .init("SAMR", "个体工商户年报信息的抽查", "年报信息真实性", "《个体工商户年度报告暂行办法》", "I", "书面/网络", false, 10, "@I"),
        .init("SAMR", "登记事项的检查", "住所（经营场所）;注册资本实缴;法定代表人（负责人）任职", "《市场主体登记管理条例》第38条", "E I", "实地/书面", false, 30, "@*"),
        .init("SAMR", "食品生产者的监督检查", "生产环境;进货查验;出厂检验;标签", "《食品安全法》第110条", "C I", "实地/抽检", true, 200, "foodMfg", "持有食品安全执法资格"),
        .init("SAMR", "食品销售者的监督检查", "进货查验;贮存;临期过期食品;标签", "《食品安全法》第110条", "E I", "实地/抽检", true, 50, "foodRetail"),
        .init("SAMR", "餐饮服务提供者的监督检查", "许可;从业人员健康;加工过程;餐具消毒", "《食品安全法》第110条", "E I", "实地", true, 50, "catering"),
        .init("SAMR", "食品抽样检验", "监督抽检;风险监测", "《食品安全法》第87条", "E I R", "抽检/委托", true, nil, "foodMfg"),
        .init("SAMR", "特种设备使用单位的监督检查", "使用登记;定期检验;作业人员持证;维护保养", "《特种设备安全法》第57条", "E", "实地", true, 50, "machinery lodging property", "持有特种设备安全监察员证"),
        .init("SAMR", "特种设备生产单位的监督检查", "许可条件保持;质量保证体系", "《特种设备安全法》第57条", "C", "实地", true, 100, "specialEquipment", "持有特种设备安全监察员证"),
        .init("SAMR", "工业产品生产许可证获证企业的检查", "许可条件;标志使用", "《工业产品生产许可证管理条例》", "C", "实地", false, 50, "hazchem"),
        .init("SAMR", "产品质量国家/省级监督抽查", "日用陶瓷铅镉溶出;卫生陶瓷;电器", "《产品质量法》第15条", "E I R", "抽检/委托", true, nil, "ceramicsMfg wholesale"),
        .init("SAMR", "计量器具使用的检查", "强制检定计量器具;集贸市场衡器", "《计量法》第18条", "E I U", "实地", false, 50, "gasStation medDevice", "持有计量执法资格"),
        .init("SAMR", "定量包装商品净含量的检查", "净含量;标注", "《定量包装商品计量监督管理办法》", "E I R", "抽检", false, 30, "foodRetail"),
        .init("SAMR", "广告发布的检查", "医疗/药品/保健食品广告;虚假宣传", "《广告法》第49条", "E I", "网络/书面", false, 30, "advertising clinic"),
        .init("SAMR", "价格行为的检查", "明码标价;价外加价", "《价格法》第34条", "E I", "实地", false, 30, "catering lodging generalRetail craftRetail"),
        .init("SAMR", "网络交易经营者的检查", "亮照亮证;七日无理由退货;信息公示", "《电子商务法》第15条", "E I", "网络", false, 30, "onlineRetail"),
        .init("SAMR", "药品零售企业的检查", "GSP;处方药销售;执业药师在岗", "《药品管理法》第99条", "C B I", "实地", true, 100, "pharmacy", "具备药品检查员资格"),
        .init("SAMR", "医疗器械经营企业的检查", "备案（许可）;进货查验", "《医疗器械监督管理条例》", "C I", "实地", false, 50, "medDevice"),
        .init("SAMR", "化妆品经营者的检查", "进货查验;标签;过期产品", "《化妆品监督管理条例》", "E I", "实地/抽检", false, 30, "cosmetics beauty"),
        .init("SAMR", "认证活动及获证产品的检查", "CCC标志;认证证书有效性", "《认证认可条例》", "E I", "实地/网络", false, 30, "generalRetail machinery"),
        .init("SAMR", "检验检测机构的检查", "资质认定条件;报告真实性", "《检验检测机构资质认定管理办法》", "C N", "实地/书面", false, 100, "testingLab"),
        .init("SAMR", "直销/传销、合同格式条款的检查", "格式条款;预付式消费", "《合同行政监督管理办法》", "E I", "书面", false, 20, "artTraining training"),
        .init("NDRC", "招标代理机构从业行为的检查", "代理行为;档案", "《招标投标法实施条例》", "C", "书面/实地", false, 100, "tendering"),
        .init("NDRC", "粮食经营者的检查", "储存;出入库;统计台账", "《粮食流通管理条例》", "C F I", "实地", false, 100, "grain"),
        .init("EDU", "民办学校的检查", "办学许可;招生简章;收费;财务", "《民办教育促进法》", "O U C", "实地/书面", true, 200),
        .init("EDU", "校外培训机构的检查", "证照;收费;培训内容;师资", "《民办教育促进法》;《校外培训行政处罚暂行办法》", "C O I", "实地", true, 200, "artTraining training"),
        .init("EDU", "学校食堂食品安全的检查", "许可;陪餐;原料采购", "《食品安全法》第57条", "U O", "实地", true, 300),
        .init("PSB", "旅馆业治安管理的检查", "实名登记;治安信息系统上传", "《旅馆业治安管理办法》", "E I", "实地", true, 100, "lodging"),
        .init("PSB", "娱乐场所治安管理的检查", "从业人员登记;监控", "《娱乐场所管理条例》", "E I", "实地", false, 100, "entertainment"),
        .init("PSB", "公章刻制、二手手机/旧货业的检查", "备案;登记", "《印铸刻字业暂行管理规则》", "E I", "实地", false, 100, "sealCarving secondhand"),
        .init("PSB", "机动车维修业治安管理检查", "承修登记", "《机动车修理业、报废机动车回收业治安管理办法》", "E I", "实地", false, 50, "autoRepair"),
        .init("CIVIL", "社会组织的抽查", "年检（年报）;章程执行;财务", "《社会团体登记管理条例》第27条;《民办非企业单位登记管理暂行条例》", "O", "书面/实地", false, 50),
        .init("CIVIL", "养老机构的检查", "备案;服务质量;消防与食品安全", "《养老机构管理办法》", "O C", "实地", true, 200, "eldercare"),
        .init("CIVIL", "殡葬服务机构的检查", "收费公示;经营规范", "《殡葬管理条例》", "C I O", "实地", false, 200, "funeral"),
        .init("HRSS", "用人单位劳动用工的检查", "劳动合同;工资支付;工时", "《劳动保障监察条例》第11条", "E I", "实地/书面", true, 30, "@E"),
        .init("HRSS", "人力资源服务机构的检查", "许可（备案）;招聘信息", "《人力资源市场暂行条例》", "C", "书面", false, 100, "hrAgency"),
        .init("HRSS", "职业技能培训机构的检查", "办学许可;收费", "《民办教育促进法》", "C O", "实地", false, 100, "training"),
        .init("ECO", "排污单位的检查", "排污许可;在线监测;治污设施", "《环境保护法》第24条;《排污许可管理条例》", "E I", "实地/委托", true, 50, "ceramicsMfg machinery autoRepair"),
        .init("ECO", "危险废物产生单位的检查", "台账;贮存;转移联单", "《固体废物污染环境防治法》", "E I U", "实地", true, 100, "clinic autoRepair"),
        .init("HOUSING", "建筑施工企业安全生产许可情况的检查", "许可有效;三类人员", "《安全生产许可证条例》;《建筑法》", "C", "实地/书面", true, 100, "construction"),
        .init("HOUSING", "房地产开发企业的检查", "资质;预售", "《城市房地产开发经营管理条例》", "C", "书面", false, 100, "developer"),
        .init("HOUSING", "物业服务企业的检查", "合同;收费公示", "《物业管理条例》", "C", "实地", false, 50, "property"),
        .init("HOUSING", "房地产经纪机构的检查", "备案;明码标价", "《房地产经纪管理办法》", "C I", "实地", false, 100, "realEstateAgent"),
        .init("HOUSING", "房屋建筑和市政基础设施工程质量安全的检查", "施工许可;质量安全责任;危大工程管控", "《建设工程质量管理条例》;《建设工程安全生产管理条例》", "J", "实地", true, 100),
        .init("TRANS", "道路运输经营者的检查", "经营许可;车辆技术;从业资格", "《道路运输条例》", "E I", "实地/书面", true, 50, "freight"),
        .init("TRANS", "机动车维修经营者的检查", "备案;维修档案;配件", "《机动车维修管理规定》", "E I", "实地", false, 50, "autoRepair"),
        .init("TRANS", "机动车驾驶员培训机构的检查", "备案;教学", "《道路运输条例》", "C", "实地", false, 200, "drivingSchool"),
        .init("AGRI", "农药经营者的检查", "许可;台账;限用农药", "《农药管理条例》", "E I", "实地/抽检", true, 100, "agriInputs"),
        .init("AGRI", "种子经营者的检查", "备案;标签", "《种子法》", "E I", "实地", false, 100, "agriInputs"),
        .init("AGRI", "兽药经营者的检查", "GSP;处方药", "《兽药管理条例》", "E I", "实地", false, 100, "agriInputs"),
        .init("AGRI", "农民专业合作社的检查", "年报;示范社规范", "《农民专业合作社法》", "F", "书面", false, 50, "@F"),
        .init("COMM", "单用途商业预付卡发卡企业的检查", "备案;资金存管", "《单用途商业预付卡管理办法（试行）》", "E", "书面", false, 50, "generalRetail catering beauty"),
        .init("COMM", "报废机动车回收企业的检查", "资质;拆解", "《报废机动车回收管理办法》", "C", "实地", false, 500, "scrapVehicle"),
        .init("COMM", "成品油零售企业的检查", "经营条件", "《成品油市场管理规定》", "C B", "实地", false, 100, "gasStation"),
        .init("CULT", "娱乐场所的检查", "许可;禁止内容;未成年人保护", "《娱乐场所管理条例》", "E I", "实地", true, 100, "entertainment"),
        .init("CULT", "互联网上网服务营业场所的检查", "未成年人;实名", "《互联网上网服务营业场所管理条例》", "E I", "实地", false, 100, "netcafe"),
        .init("CULT", "旅行社的检查", "许可;合同;保险", "《旅行社条例》", "C B", "实地/书面", false, 100, "travel"),
        .init("CULT", "出版物零售单位/印刷企业的检查", "许可;违规出版物", "《出版管理条例》;《印刷业管理条例》", "E I", "实地", false, 50, "bookstore printing"),
        .init("HEALTH", "医疗机构依法执业的检查", "执业许可;人员资质;医疗废物;院感", "《医疗机构管理条例》", "C I U", "实地", true, 100, "clinic", "持有卫生监督员证"),
        .init("HEALTH", "公共场所卫生的检查", "卫生许可;从业人员健康证;空气质量", "《公共场所卫生管理条例》", "E I", "实地/抽检", false, 50, "lodging beauty bath"),
        .init("HEALTH", "职业卫生的检查", "职业病危害申报;检测;体检", "《职业病防治法》", "C", "实地/委托", true, 100, "ceramicsMfg"),
        .init("HEALTH", "生活饮用水供水单位的检查", "卫生许可;水质", "《生活饮用水卫生监督管理办法》", "C U", "实地/抽检", false, 200, "property"),
        .init("EMER", "工贸企业安全生产的检查", "风险辨识;有限空间;粉尘涉爆", "《安全生产法》第65条", "C", "实地/委托", true, 50, "ceramicsMfg machinery generalRetail"),
        .init("EMER", "危险化学品经营单位的检查", "许可;储存", "《危险化学品安全管理条例》", "C", "实地", true, 200, "hazchem gasStation"),
        .init("TAX", "纳税人发票使用与纳税申报的检查", "发票;申报", "《税收征收管理法》第54条", "E I", "书面/采信", false, 10, "@*"),
        .init("URBAN", "户外广告/门头招牌设置的检查", "设置许可;安全", "《城市市容和环境卫生管理条例》", "E I H", "实地", false, 50, "craftRetail generalRetail"),
        .init("URBAN", "餐饮油烟/垃圾分类的检查", "油烟净化;餐厨垃圾", "《大气污染防治法》;地方条例", "E I", "实地", false, 50, "catering"),
        .init("FIRE", "消防安全的检查", "消防设施;疏散通道;消防安全责任", "《消防法》第53条", "E I O U", "实地", true, 50, "lodging entertainment netcafe catering generalRetail craftRetail eldercare"),
        .init("NATRES", "矿产资源开发利用的检查", "采矿许可;开采范围;储量动态", "《矿产资源法》", "C", "实地/书面", true, 200, "mining"),
        .init("NATRES", "测绘资质单位的检查", "资质条件;成果质量", "《测绘法》", "C", "书面/实地", false, 200, "survey"),
        .init("JUSTICE", "律师事务所执业活动的检查", "执业许可;执业行为;年度考核", "《律师法》", "P", "书面/实地", false, 100),
        .init("JUSTICE", "司法鉴定机构和基层法律服务所的检查", "执业条件;收费;档案", "《司法鉴定机构登记管理办法》;《基层法律服务所管理办法》", "N U", "书面/实地", false, 200),
        .init("STATS", "统计调查对象统计数据质量的检查", "原始记录和统计台账;数据真实性", "《统计法》第33条", "E I", "书面/实地", false, 20, "@*"),
    ]

    /// The items of one department with their codes (`SAMR-001`…).
    static func items(of department: String) -> [(code: String, item: DemoItem)] {
        all.filter { $0.department == department }.enumerated().map { index, item in
            (code: "\(department)-\(threeDigits(index + 1))", item: item)
        }
    }

    static func threeDigits(_ value: Int) -> String {
        value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
    }

    /// The import sheet of a department's items (header + rows).
    static func sheet(of department: String) -> [[String]] {
        var rows = [CheckItemInput.labels.map(\.value)]
        for (code, item) in items(of: department) {
            rows.append([
                code, item.name, item.subItems, item.legalBasis, item.kindList.map(\.label).joined(separator: ";"),
                item.methodList.map(\.label).joined(separator: ";"), item.requirements.isEmpty ? "持有效行政执法证件" : item.requirements,
                YesNo.label(item.requiresExpert), YesNo.label(item.isKey), item.ratio.map(String.init) ?? "", item.frequency, "是",
            ])
        }
        return rows
    }
}
