// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import SuijiStore

/// Inspector and expert import sheets of the demo.
struct DemoStaff {
    let scale: Double
    let today: CalendarDate
    let names = DemoNames()

    /// Inspectors per department at scale 1 (about 320 in all).
    static let inspectorCounts: [String: Int] = [
        "SAMR": 90, "HEALTH": 20, "URBAN": 20, "FIRE": 18, "PSB": 16, "EMER": 15, "ECO": 15, "TAX": 15, "TRANS": 12,
        "AGRI": 12, "HOUSING": 12, "CULT": 10, "EDU": 10, "HRSS": 10, "CIVIL": 8, "COMM": 8, "NDRC": 8, "NATRES": 8,
        "JUSTICE": 8, "STATS": 8,
    ]

    static let expertise: [String: [String]] = [
        "SAMR": ["食品安全", "特种设备", "计量", "产品质量", "药品医疗器械", "广告监管", "价格监管", "网络交易", "登记注册", "知识产权"],
        "HEALTH": ["医疗监督", "公共场所卫生", "职业卫生", "饮用水卫生"],
        "EMER": ["工贸安全", "危险化学品", "粉尘防爆", "有限空间"],
        "ECO": ["大气环境", "固废危废", "水环境", "排污许可"],
        "FIRE": ["消防监督", "火灾调查", "消防设施"],
        "CULT": ["文化市场", "旅游市场", "出版物"],
        "TRANS": ["道路运输", "机动车维修"],
    ]

    /// Guarantees a few expired certificates for the demo's warnings.
    static let expiredIn: Set<String> = ["SAMR", "FIRE"]

    func inspectorSheet(_ random: inout DemoRandom, department: String) -> [[String]] {
        var rows = [InspectorInput.labels.map(\.value)]
        let codes = DemoItems.items(of: department).map(\.code)
        let count = max(2, Int((Double(Self.inspectorCounts[department] ?? 8) * scale).rounded()))
        let skills = Self.expertise[department] ?? ["综合执法", "法制审核"]
        for index in 1...count {
            let expiry: CalendarDate
            if index == count && Self.expiredIn.contains(department) {
                expiry = CalendarDate(dayNumber: today.dayNumber - random.int(in: 1...45))
            } else if index > 1 && random.chance(0.03) {
                expiry = CalendarDate(dayNumber: today.dayNumber + random.int(in: 5...59))
            } else {
                expiry = CalendarDate(
                    dayNumber: random.int(
                        in: CalendarDate(year: 2027, month: 1, day: 1)!.dayNumber...CalendarDate(year: 2029, month: 12, day: 31)!.dayNumber)
                )
            }
            let level = random.chance(0.85) ? "区级" : "市级"
            var area = DemoReference.division
            if random.chance(0.3) {
                area = random.subset(DemoReference.streets.map(\.code), count: random.int(in: 1...3)).joined(separator: ";")
            }
            let qualified = codes.count <= 3 ? codes : random.subset(codes, count: random.int(in: max(1, codes.count / 3)...codes.count))
            let skill = random.subset(skills, count: random.int(in: 1...2)).joined(separator: ";")
            let roll = index == 1 ? 0 : random.unit()
            var status = "在岗"
            var leaveFrom = ""
            var leaveTo = ""
            if roll > 0.96 {
                status = "调离"
            } else if roll > 0.88 {
                status = "休假"
                let from = today.dayNumber + random.int(in: -10...20)
                leaveFrom = CalendarDate(dayNumber: from).iso
                leaveTo = CalendarDate(dayNumber: from + random.int(in: 5...30)).iso
            }
            rows.append([
                names.person(&random), "赣执0202-\(department)-\(String(10_000 + index).dropFirst())", expiry.iso, level, area,
                qualified.joined(separator: ";"), skill, status, leaveFrom, leaveTo, names.street(&random).name, names.mobile(&random),
            ])
        }
        return rows
    }

    struct ExpertGroup {
        let department: String
        let kind: ExpertKind
        let count: Int
        /// Bodies take part as themselves; otherwise the experts are people working there.
        let bodies: Bool
        let organisations: [String]
        let expertise: [String]
    }

    // swift-format-ignore
    static let expertGroups: [ExpertGroup] = [
        ExpertGroup(department: "SAMR", kind: .testingBody, count: 4, bodies: true, organisations: ["景德镇瓷都陶瓷质量检测技术研究院", "江西昌南检验检测有限公司", "景德镇市产品质量监督检验所", "江西瓷源食品检测技术有限公司"], expertise: ["日用陶瓷铅镉溶出", "卫生陶瓷", "食品检验", "电器安全"]),
        ExpertGroup(department: "SAMR", kind: .accountingFirm, count: 3, bodies: true, organisations: ["江西昌南会计师事务所（普通合伙）", "景德镇瓷都联合会计师事务所有限公司", "江西信诚会计师事务所有限公司景德镇分所"], expertise: ["财务审计", "年报审计", "注册资本验证"]),
        ExpertGroup(department: "SAMR", kind: .researchInstitute, count: 4, bodies: false, organisations: ["瓷都陶瓷科学研究院", "昌南陶瓷工程技术研究中心", "景德镇高岭陶瓷材料研究所"], expertise: ["陶瓷材料", "釉料化学", "窑炉工艺", "陶瓷产品标准"]),
        ExpertGroup(department: "SAMR", kind: .industryExpert, count: 3, bodies: false, organisations: ["景德镇市昌江区陶瓷行业协会", "景德镇市特种设备检验所", "景德镇市餐饮行业协会"], expertise: ["特种设备", "食品安全", "计量"]),
        ExpertGroup(department: "ECO", kind: .testingBody, count: 3, bodies: true, organisations: ["江西瓷都环境监测有限公司", "景德镇绿源环境检测技术有限公司", "江西清源环保科技有限公司"], expertise: ["废气监测", "废水监测", "噪声监测"]),
        ExpertGroup(department: "ECO", kind: .researchInstitute, count: 2, bodies: false, organisations: ["昌南陶瓷工程技术研究中心", "景德镇市环境科学研究所"], expertise: ["窑炉烟气治理", "固废资源化"]),
        ExpertGroup(department: "ECO", kind: .industryExpert, count: 3, bodies: false, organisations: ["景德镇市环境保护产业协会", "景德镇市昌江区陶瓷行业协会"], expertise: ["大气污染治理", "排污许可", "危废管理"]),
        ExpertGroup(department: "EMER", kind: .testingBody, count: 3, bodies: true, organisations: ["景德镇安泰安全技术咨询有限公司", "江西瓷安安全评价有限公司", "景德镇市安全生产技术服务中心"], expertise: ["安全评价", "粉尘防爆", "危化品"]),
        ExpertGroup(department: "EMER", kind: .industryExpert, count: 5, bodies: false, organisations: ["景德镇市安全生产专家库", "景德镇市昌江区陶瓷行业协会", "江西省化工行业协会"], expertise: ["粉尘防爆", "有限空间", "危险化学品", "电气安全", "机械安全"]),
        ExpertGroup(department: "HEALTH", kind: .testingBody, count: 2, bodies: true, organisations: ["江西康测职业卫生技术服务有限公司", "景德镇市疾病预防控制中心（检测）"], expertise: ["职业病危害因素检测", "水质检测"]),
        ExpertGroup(department: "HEALTH", kind: .industryExpert, count: 4, bodies: false, organisations: ["景德镇市第一人民医院", "景德镇市昌江区人民医院", "景德镇市职业病防治所"], expertise: ["医疗质量", "院感防控", "职业卫生", "医疗废物"]),
        ExpertGroup(department: "HOUSING", kind: .industryExpert, count: 2, bodies: false, organisations: ["景德镇市建筑业协会"], expertise: ["施工安全", "工程质量"]),
        ExpertGroup(department: "AGRI", kind: .industryExpert, count: 2, bodies: false, organisations: ["景德镇市农业科学研究所"], expertise: ["农药残留", "种子质量"]),
    ]

    func expertSheet(_ random: inout DemoRandom, department: String) -> [[String]] {
        var rows = [ExpertInput.labels.map(\.value)]
        var used: Set<String> = []
        for group in Self.expertGroups where group.department == department {
            let count = max(1, Int((Double(group.count) * scale).rounded()))
            for index in 0..<count {
                let organisation = group.bodies ? group.organisations[index % group.organisations.count] : random.pick(group.organisations)
                var name = group.bodies ? organisation : names.person(&random)
                while used.contains(name + "|" + organisation) { name = names.person(&random) }
                used.insert(name + "|" + organisation)
                let expertise = random.subset(group.expertise, count: random.int(in: 1...min(3, group.expertise.count)))
                let contact = group.bodies ? names.landline(&random) : names.mobile(&random)
                rows.append([name, group.kind.label, organisation, expertise.joined(separator: ";"), contact])
            }
        }
        return rows
    }

    /// The departments with an expert library.
    static var expertDepartments: [String] {
        var result: [String] = []
        for group in expertGroups where !result.contains(group.department) { result.append(group.department) }
        return result
    }
}
