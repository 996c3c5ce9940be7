// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw

extension DrawPopulation {
    /// Whether the byte-level path applies: one library (no record to merge across departments)
    /// and no area filter (areas need the street directory per row).
    var canBuildRaw: Bool { plan.departments.count == 1 && plan.scope.areas.isEmpty }

    /// The pool and excluded list straight from a SQLite file: rows go from SQLite's buffers into
    /// the pool builder without a `String` per target (a million targets in a fraction of a second).
    /// Same rules and same output as `build(_:areas:)`.
    func buildRaw(raw: SQLiteRaw, areas: AreaResolver) throws -> (CanonicalPool, ExcludedList) {
        let (sql, binds) = filter
        // In credit-code order from the covering index `targets_pool` (no row look-ups): the pool
        // and the excluded list come sorted, and their builders only check the order.
        let statement = try raw.prepare(Self.select + sql + " ORDER BY uid")
        for (index, value) in binds.enumerated() { statement.bind(Int32(index + 1), value) }
        var builder = PoolBuilder(reserve: 1 << 16)
        var excluded: [ExcludedEntry] = []
        let operating = Array(TargetStatus.operating.rawValue.utf8)
        let deregistered = Array(TargetStatus.deregistered.rawValue.utf8)
        let yearPrefix = Array("\(plan.year)-".utf8)
        let checking = rule.applies
        // Per row, bytes are compared in place with the few strata and streets seen so far: no
        // `String` or array per target, except for the excluded ones.
        var strata: [(bytes: [UInt8], label: String, index: UInt16)] = []
        var streetCodes: [(name: [UInt8], code: [UInt8])] = []
        var streetByHash: [UInt64: Int] = [:]
        var lastStreet = -1
        while try statement.step() {
            let stratumAt = statement.withBytes(2) { bytes -> Int in
                if !stratify { return strata.isEmpty ? -1 : 0 }
                return strata.firstIndex { $0.bytes.elementsEqual(bytes) } ?? -1
            }
            let stratum: (bytes: [UInt8], label: String, index: UInt16)
            if stratumAt >= 0 {
                stratum = strata[stratumAt]
            } else {
                let label = stratify ? statement.withBytes(2) { String(decoding: $0, as: UTF8.self) } : "ALL"
                stratum = (Array(label.utf8), label, builder.label(label))
                strata.append(stratum)
            }
            let reason: ExclusionReason?
            if statement.withBytes(5, { $0.elementsEqual(deregistered) }) {
                reason = .deregistered
            } else if !statement.withBytes(5, { $0.elementsEqual(operating) }) {
                reason = .notOperating
            } else if checking && (statement.withBytes(6, { $0.starts(with: yearPrefix) }) || !earlier.isEmpty),
                isCheckedThisYear(
                    uid: statement.text(0) ?? "", lastRandomInspection: statement.text(6), caseKind: statement.text(7),
                    caseDate: statement.text(8))
            {
                reason = .inspectedThisYear
            } else {
                reason = nil
            }
            if let reason {
                excluded.append(ExcludedEntry(id: statement.text(0) ?? "", stratum: stratum.label, reason: reason))
                continue
            }
            let division = statement.withBytes(3) { bytes in bytes.reduce(UInt32(0)) { $0 &* 10 &+ UInt32($1 &- 48) } }
            lastStreet = statement.withBytes(4) { bytes -> Int in
                if lastStreet >= 0 && streetCodes[lastStreet].name.elementsEqual(bytes) { return lastStreet }
                // A province has thousands of streets: found by a hash of their bytes.
                let hash = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
                if let known = streetByHash[hash], streetCodes[known].name.elementsEqual(bytes) { return known }
                if let known = streetCodes.firstIndex(where: { $0.name.elementsEqual(bytes) }) { return known }
                streetCodes.append((Array(bytes), Array(areas.code(of: String(decoding: bytes, as: UTF8.self)).utf8)))
                streetByHash[hash] = streetCodes.count - 1
                return streetCodes.count - 1
            }
            let street = streetCodes[lastStreet].code
            statement.withBytes(0) { id in builder.append(idBytes: id, stratumIndex: stratum.index, division: division, streetBytes: street)
            }
        }
        return (try builder.build(), try ExcludedList(excluded))
    }
}
