// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// A target of the demo before it is written as an import row.
struct DemoEntity: Sendable {
    let uid: String
    let name: String
    let kind: TargetKind
    let street: DemoReference.Street
    let grid: String
    let address: String
    let industry: String
    let sector: DemoSector?
    let legalRepresentative: String
    let status: TargetStatus
    let statusDate: CalendarDate?
    /// Explicit tags (local item numbers); nil derives them from the sector.
    let fixedTags: [Int]?
}

/// Generates the target libraries: the market-entity register (SAMR's library), the subsets
/// other departments supervise, and their own extra targets.
struct DemoTargets {
    let scale: Double
    let today: CalendarDate
    let names = DemoNames()
    /// Organisation codes handed out so far.
    var usedCodes: Set<String> = []

    /// How many of the matching register entities a department's library takes, by
    /// "sector/I" (individual businesses), "sector/E" (others), "sector" or "*"; `generic` is the
    /// share of entities matched only by an @-rule (e.g. every employer for HRSS).
    static let plans: [String: (shares: [String: Double], generic: Double)] = [
        "HEALTH": (["ceramicsMfg/I": 0, "ceramicsMfg/E": 0.05, "beauty": 0.25, "lodging": 0.7, "property": 0.5], 0),
        "ECO": (["ceramicsMfg/E": 0.08, "ceramicsMfg/I": 0.005, "machinery": 0.4, "autoRepair": 0.15, "clinic": 0.1], 0),
        "EMER": (["ceramicsMfg/E": 0.06, "ceramicsMfg/I": 0, "machinery": 0.6, "generalRetail/E": 0.1, "generalRetail/I": 0], 0),
        "EDU": (["artTraining/I": 0.2, "artTraining/E": 0.8, "training": 0.8], 0),
        "FIRE": (["lodging": 0.6, "catering": 0.05, "generalRetail": 0.05, "craftRetail": 0.02], 0),
        "PSB": (["lodging": 0.8, "autoRepair": 0.3], 0),
        "TRANS": (["autoRepair": 0.5, "freight": 0.6], 0),
        "HRSS": ([:], 0.06),
        "COMM": (["generalRetail/E": 0.15, "generalRetail/I": 0, "catering/E": 0.1, "catering/I": 0, "beauty/E": 0.2, "beauty/I": 0], 0),
        "TAX": ([:], 0.022),
        "URBAN": (["catering": 0.06, "craftRetail": 0.02, "generalRetail": 0.03], 0),
        "STATS": ([:], 0.0125),
        "AGRI": ([:], 1),
    ]

    func count(_ base: Int, minimum: Int = 1) -> Int { max(minimum, Int((Double(base) * scale).rounded())) }

    func date(_ random: inout DemoRandom, from start: CalendarDate, to end: CalendarDate) -> CalendarDate {
        CalendarDate(dayNumber: random.int(in: start.dayNumber...max(start.dayNumber, end.dayNumber)))
    }

    /// The register of market entities (SAMR's library), in random order.
    mutating func register(_ random: inout DemoRandom) -> [DemoEntity] {
        let kinds: [(TargetKind, String, Double)] = [
            (.individualBusiness, "92", 66), (.company, "91", 25), (.branch, "91", 3), (.farmersCooperative, "93", 1.5),
            (.partnership, "91", 1.5), (.soleProprietorship, "91", 1.8), (.nonCompanyLegalPerson, "91", 1.2),
        ]
        let kindTable = WeightedTable(kinds.map(\.2))
        let individualTable = WeightedTable(DemoIndustries.all.map(\.individual))
        let enterpriseTable = WeightedTable(DemoIndustries.all.map(\.enterprise))
        let cooperativeTable = WeightedTable(DemoIndustries.cooperative.map(\.enterprise))
        let total = count(24_000, minimum: 50)
        var result: [DemoEntity] = []
        result.reserveCapacity(total)
        for _ in 0..<total {
            let (kind, prefix, _) = kinds[kindTable.draw(&random)]
            let industry: DemoIndustry
            switch kind {
            case .individualBusiness: industry = DemoIndustries.all[individualTable.draw(&random)]
            case .farmersCooperative: industry = DemoIndustries.cooperative[cooperativeTable.draw(&random)]
            default: industry = DemoIndustries.all[enterpriseTable.draw(&random)]
            }
            let street = names.street(&random, ruralOnly: kind == .farmersCooperative)
            let namer = names
            result.append(
                entity(
                    &random, kind: kind, prefix: prefix, street: street, industry: industry.label,
                    sector: industry.sector, fixedTags: nil
                ) { random, owner in
                    namer.entityName(&random, kind: kind, industry: industry, street: street, owner: owner)
                })
        }
        return result
    }

    /// The extra targets of `department` with credit codes.
    mutating func extras(_ random: inout DemoRandom, department: String) -> [DemoEntity] {
        var result: [DemoEntity] = []
        for group in DemoExtras.groups where group.department == department {
            for _ in 0..<count(group.count) {
                let variant = random.pick(group.variants)
                let street = names.street(&random)
                let namer = names
                result.append(
                    entity(
                        &random, kind: group.kind, prefix: group.prefix, street: street, industry: variant.industry,
                        sector: nil, fixedTags: variant.tags
                    ) { random, _ in
                        DemoExtras.fill(variant.template, &random, namer, street)
                    })
            }
        }
        return result
    }

    private mutating func entity(
        _ random: inout DemoRandom, kind: TargetKind, prefix: String, street: DemoReference.Street, industry: String,
        sector: DemoSector?, fixedTags: [Int]?, name: (inout DemoRandom, String) -> String
    ) -> DemoEntity {
        let owner = names.person(&random)
        let (grid, address) = names.location(&random, in: street)
        let roll = random.unit()
        let status: TargetStatus = roll < 0.04 ? .deregistered : roll < 0.09 ? .closed : .operating
        let statusDate = status == .operating ? nil : date(&random, from: CalendarDate(year: 2019, month: 1, day: 1)!, to: today)
        return DemoEntity(
            uid: names.creditCode(&random, prefix: prefix, used: &usedCodes), name: name(&random, owner), kind: kind, street: street,
            grid: grid,
            address: address, industry: industry, sector: sector, legalRepresentative: owner, status: status,
            statusDate: statusDate, fixedTags: fixedTags)
    }

    /// The register entities `department` supervises.
    func subset(_ random: inout DemoRandom, of register: [DemoEntity], department: String) -> [DemoEntity] {
        if department == "SAMR" { return register }
        let plan = Self.plans[department] ?? ([:], 0)
        let items = DemoItems.items(of: department).map(\.item)
        return register.filter { entity in
            let tokens = items.flatMap { Self.matches($0, entity) }
            guard !tokens.isEmpty else { return false }
            let sector = entity.sector?.rawValue ?? ""
            let share: Double
            if tokens.contains(where: { !$0.hasPrefix("@") }) {
                let suffix = entity.kind == .individualBusiness ? "/I" : "/E"
                share = plan.shares[sector + suffix] ?? plan.shares[sector] ?? plan.shares["*"] ?? 1
            } else {
                share = plan.generic
            }
            return share > 0 && random.chance(share)
        }
    }

    /// The `applies` tokens of `item` that match `entity`.
    static func matches(_ item: DemoItem, _ entity: DemoEntity) -> [String] {
        item.applies.split(separator: " ").map(String.init).filter { token in
            switch token {
            case "@*": entity.kind.category == .forProfit
            case "@I": entity.kind == .individualBusiness
            case "@F": entity.kind == .farmersCooperative
            case "@E": [.company, .nonCompanyLegalPerson, .partnership, .soleProprietorship, .branch].contains(entity.kind)
            default: entity.sector?.rawValue == token
            }
        }
    }

    /// The import row of `entity` in `department`'s library (risk, tags and last inspection are the department's own).
    func row(_ random: inout DemoRandom, _ entity: DemoEntity, department: String, items: [(code: String, item: DemoItem)]) -> [String] {
        var tags: [String]
        if let fixed = entity.fixedTags {
            tags = fixed.filter { $0 <= items.count }.map { items[$0 - 1].code }
        } else {
            let sectorTags = items.filter { Self.matches($0.item, entity).contains { !$0.hasPrefix("@") } }.map(\.code)
            let genericTags = items.filter { Self.matches($0.item, entity).contains { $0.hasPrefix("@") } }.map(\.code)
            tags = Array((sectorTags + genericTags.filter { !sectorTags.contains($0) }).prefix(4))
        }
        let risk = ["A", "B", "C", "D"][random.weighted([20, 65, 12, 3])]
        var last = ""
        if entity.status == .operating && random.chance(0.15) {
            last =
                date(
                    &random, from: CalendarDate(year: 2025, month: 1, day: 1)!,
                    to: min(today, CalendarDate(year: 2026, month: 12, day: 31)!)
                ).iso
        }
        let credit = entity.kind.hasCreditCode
        // A stream of its own per target, so that adding phones shifts no other demo number.
        var dialling = random.fork("phone-" + entity.uid)
        let phone =
            !credit ? "" : entity.kind == .individualBusiness || dialling.chance(0.4) ? names.mobile(&dialling) : names.landline(&dialling)
        return [
            credit ? entity.uid : "", credit ? "" : entity.uid, entity.name, entity.kind.label, DemoReference.division,
            entity.street.name, entity.grid, entity.address, entity.industry, risk, entity.status.label,
            entity.statusDate?.iso ?? "", tags.joined(separator: ";"), last, entity.legalRepresentative, phone,
        ]
    }

    /// Products (SAMR), projects (HOUSING) and behaviours (URBAN): targets with stable ids.
    func nonMarket(_ random: inout DemoRandom, department: String, register: [DemoEntity]) -> [DemoEntity] {
        var result: [DemoEntity] = []
        func add(_ kind: TargetKind, _ index: Int, _ name: String, _ source: DemoEntity?, _ industry: String, _ tags: [Int]) {
            let street = source?.street ?? names.street(&random)
            let (grid, address) = source.map { ($0.grid, $0.address) } ?? names.location(&random, in: street)
            let digits = String(100_000 + index).dropFirst()
            result.append(
                DemoEntity(
                    uid: (kind.stableIDPrefix ?? "X-") + "0" + digits, name: name, kind: kind, street: street, grid: grid,
                    address: address, industry: industry, sector: nil, legalRepresentative: "", status: .operating,
                    statusDate: nil, fixedTags: tags))
        }
        switch department {
        case "SAMR":
            var producers: [DemoSector: [DemoEntity]] = [:]
            for entity in register where entity.kind != .individualBusiness && entity.status == .operating {
                if let sector = entity.sector { producers[sector, default: []].append(entity) }
            }
            for index in 1...count(300) {
                let product = random.pick(DemoExtras.products)
                let makers = product.producer.flatMap { producers[$0] } ?? []
                let producer = makers.isEmpty ? nil : random.pick(makers)
                let name = product.producer == nil ? "\(product.name)（流通领域抽样）" : (producer?.name ?? "") + product.name
                add(.product, index, name, producer, producer?.industry ?? "", product.tags)
            }
        case "HOUSING":
            for index in 1...count(100) {
                let street = names.street(&random)
                var name = DemoExtras.fill(random.pick(DemoExtras.projects), &random, names, street)
                name = "景德镇市昌江区" + name.replacingOccurrences(of: "{n}", with: String(random.int(in: 1...4)))
                add(.project, index, name, nil, "4790 其他房屋建筑业", [5])
            }
        case "URBAN":
            for index in 1...count(50) {
                let street = DemoReference.streets[random.int(2)]
                let place = random.pick(street.places)
                let from = random.int(in: 1...300)
                add(.behaviour, index, "\(street.name)\(place)\(from)号至\(from + random.int(in: 20...80))号沿街门头招牌设置", nil, "", [1])
            }
        default: break
        }
        return result
    }
}
