// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import SuijiStore

/// Names, addresses, phone numbers and credit codes for the demo.
struct DemoNames: Sendable {
    private let surnames = WeightedTable(DemoReference.surnames.map(\.1))
    private let streets = WeightedTable(DemoReference.streets.map(\.weight))

    /// A person's name: surname plus one or two characters.
    func person(_ random: inout DemoRandom) -> String {
        let surname = DemoReference.surnames[surnames.draw(&random)].0
        let first = random.pick(DemoReference.givenCharacters)
        return random.chance(0.75) ? surname + first + random.pick(DemoReference.givenCharacters) : surname + first
    }

    /// A two-character 字号.
    func tradeName(_ random: inout DemoRandom) -> String {
        let first = random.pick(DemoReference.tradeNameCharacters)
        var second = random.pick(DemoReference.tradeNameCharacters)
        while second == first { second = random.pick(DemoReference.tradeNameCharacters) }
        return first + second
    }

    /// A township-level unit, weighted (or only towns when `ruralOnly`).
    func street(_ random: inout DemoRandom, ruralOnly: Bool = false) -> DemoReference.Street {
        if ruralOnly { return random.pick(DemoReference.streets.filter { !$0.isUrban }) }
        return DemoReference.streets[streets.draw(&random)]
    }

    /// Grid and address within `street`.
    func location(_ random: inout DemoRandom, in street: DemoReference.Street) -> (grid: String, address: String) {
        let grid = "\(street.short)第\(random.int(in: 1...street.grids))网格"
        let place = random.pick(street.places)
        let address: String
        if street.isUrban {
            var text = "景德镇市昌江区\(street.name)\(place)\(random.int(in: 1...399))号"
            if random.chance(0.25) {
                text += random.pick(["中国陶瓷城", "豪德贸易广场", "景德瓷园", "陶瓷文化创意园"])
                text += "\(random.pick(["A", "B", "C", "D"]))区\(random.int(in: 1...260))号"
            } else if random.chance(0.3) {
                text += "\(random.int(in: 1...20))栋\(random.int(in: 1...6))0\(random.int(in: 1...4))"
            }
            address = text
        } else {
            address =
                "景德镇市昌江区\(street.name)\(place)\(random.pick(["", "上", "下", "前", "后"]))\(random.pick(["组", "屋", "湾"]))\(random.int(in: 1...80))号"
        }
        return (grid, address)
    }

    /// A mobile number written 1xx-xxxx-xxxx.
    func mobile(_ random: inout DemoRandom) -> String {
        "\(random.pick(DemoReference.mobilePrefixes))-\(digits(&random, 4))-\(digits(&random, 4))"
    }

    /// A fixed-line number of 景德镇 (area code 0798).
    func landline(_ random: inout DemoRandom) -> String {
        "0798-8\(digits(&random, 6))"
    }

    func digits(_ random: inout DemoRandom, _ count: Int) -> String {
        String((0..<count).map { _ in Character(String(random.int(10))) })
    }

    /// A fresh, valid credit code: `prefix` is the authority and type (e.g. "91"), division 360202.
    /// Recent registrations get `MA…` organisation codes, older ones numeric ones; `used` holds
    /// the organisation codes handed out so far, so every credit code of the demo is distinct.
    func creditCode(_ random: inout DemoRandom, prefix: String, used: inout Set<String>) -> String {
        let letters = CreditCode.alphabet.map(String.init)
        while true {
            let body: String
            if random.chance(0.7) {
                body =
                    "MA3" + random.pick(["5", "6", "7", "8", "9", "A", "B", "C"])
                    + (0..<4).map { _ in random.pick(letters) }.joined()
            } else {
                body = random.pick(["5", "6", "7", "3", "0"]) + digits(&random, 7)
            }
            guard !used.contains(body), let check = CreditCode.organisationCheckCharacter(body),
                let code = CreditCode.completing(prefix + DemoReference.division + body + String(check))
            else { continue }
            used.insert(body)
            return code
        }
    }

    /// A name for a market entity of `kind` in `industry`.
    func entityName(
        _ random: inout DemoRandom, kind: TargetKind, industry: DemoIndustry, street: DemoReference.Street, owner: String
    ) -> String {
        let trade = tradeName(&random)
        let word = industry.companyWords.isEmpty ? "商贸" : random.pick(industry.companyWords)
        let manufacturing = "0123".contains(industry.code.prefix(1))
        let city = random.chance(0.55) ? "景德镇市昌江区" : random.pick(["景德镇", "景德镇市", "江西"])
        switch kind {
        case .company:
            return city + trade + word + random.pick(["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"])
        case .branch:
            let parent = random.pick(["江西", "景德镇", "南昌", "上饶", "浙江", "广东"]) + trade + word + "有限公司"
            return parent + random.pick(["昌江分公司", "景德镇分公司", "\(street.short)分公司", "\(street.short)店"])
        case .partnership:
            return "景德镇" + trade + word + random.pick(["合伙企业（有限合伙）", "中心（普通合伙）", "工作室（普通合伙）"])
        case .soleProprietorship:
            let form = manufacturing ? "厂" : random.pick(["经营部", "中心", "工作室"])
            return "景德镇市昌江区" + trade + word + form + "（个人独资）"
        case .nonCompanyLegalPerson:
            let form = manufacturing ? "厂" : random.pick(["公司", "公司", "服务社"])
            return "景德镇市" + random.pick(["昌江区\(street.short)", trade]) + word + form
        case .farmersCooperative:
            let village = street.isUrban ? "" : random.pick(street.places)
            return "景德镇市昌江区\(street.name)\(village)\(random.chance(0.5) ? trade : "")\(word)专业合作社"
        case .individualBusiness:
            let shop = industry.shopWords.isEmpty ? "经营部" : random.pick(industry.shopWords)
            let surname = String(owner.prefix(1))
            let mark = random.weighted([4, 2, 1.5, 1])
            let label = [trade, "老\(surname)", "\(surname)记", "\(owner)"][mark]
            return random.pick(["昌江区", "景德镇市昌江区", "昌江区"]) + label + shop
        default:
            return city + trade + word
        }
    }
}
