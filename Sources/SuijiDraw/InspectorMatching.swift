// SPDX-License-Identifier: Apache-2.0
import Dispatch

/// One line of `assignment.txt`.
public struct SlotAssignment: Sendable, Equatable {
    /// Target id (the team).
    public var target: String
    /// Slot name.
    public var slot: String
    /// Inspector id.
    public var inspector: String
    /// Priority key `prio(t, s, i)`.
    public var priority: UInt64

    /// Creates an assignment line.
    public init(target: String, slot: String, inspector: String, priority: UInt64) {
        self.target = target
        self.slot = slot
        self.inspector = inspector
        self.priority = priority
    }
}

/// Result of matching at the level of ids.
public enum MatchingResult: Sendable, Equatable {
    /// Every slot filled, teams in selection order and slots in team order.
    case complete([SlotAssignment])
    /// `(target, slot, reason)` for each slot that cannot be filled.
    case infeasible([(target: String, slot: String, reason: UnfilledReason)])

    /// Equality.
    public static func == (a: MatchingResult, b: MatchingResult) -> Bool {
        switch (a, b) {
        case let (.complete(x), .complete(y)): return x == y
        case let (.infeasible(x), .infeasible(y)):
            return x.map { "\($0.target)|\($0.slot)|\($0.reason)" } == y.map { "\($0.target)|\($0.slot)|\($0.reason)" }
        default: return false
        }
    }
}

/// Seeded balanced inspector matching (spec §9).
public enum InspectorMatching {
    /// `prio(t, s, i) = u64be(HMAC(inspectorKey, LP(t) || LP(s) || LP(i))[0..<8])`.
    public static func priority(hmac: HMACSHA256, target: String, slot: String, inspector: String) -> UInt64 {
        hmac.key64(Bytes.lp(target) + Bytes.lp(slot) + Bytes.lp(inspector))
    }

    /// Matches inspectors to the drawn `targets` (selection order).
    public static func assign(
        targets: [PoolEntry], parameters: DrawParameters, inspectors: InspectorTable,
        inspectorKey: [UInt8], isConflict: (Int, Int) -> Bool
    ) -> MatchingResult {
        if parameters.slots.isEmpty || targets.isEmpty { return .complete([]) }
        let el = Eligibility(targets: targets, parameters: parameters, inspectors: inspectors, isConflict: isConflict)
        let p = el.problem
        let hmac = HMACSHA256(key: inspectorKey)
        let ids = inspectors.records.map { Bytes.lp($0.id) }
        let tIDs = targets.map { Bytes.lp($0.id) }
        let sNames = parameters.slots.map { Bytes.lp($0.name) }
        let S = sNames.count
        let total = targets.count * S
        // Priority orders for every (team, slot), computed in parallel.
        var orders = [[Int32]](repeating: [], count: total)
        orders.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let out = buf
            let chunk = 64
            DispatchQueue.concurrentPerform(iterations: (total + chunk - 1) / chunk) { c in
                // One message buffer and one key list per chunk, refilled for every candidate.
                var message = [UInt8]()
                message.reserveCapacity(256)
                var keyed: [(UInt64, Int32)] = []
                for x in (c * chunk)..<min(total, c * chunk + chunk) {
                    let t = x / S
                    let s = x % S
                    let cands = p.eligible[t * p.departmentCount + p.slotDepartments[s]]
                    keyed.removeAll(keepingCapacity: true)
                    for k in cands {
                        message.removeAll(keepingCapacity: true)
                        message += tIDs[t]
                        message += sNames[s]
                        message += ids[Int(k)]
                        keyed.append((message.withUnsafeBytes { hmac.key64($0) }, k))
                    }
                    keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }  // index order = id byte order
                    out[x] = keyed.map(\.1)
                }
            }
        }
        switch FlowMatcher.solve(p, order: { t, s in orders[t * S + s] }) {
        case .complete(let teams):
            var out = [SlotAssignment]()
            out.reserveCapacity(total)
            for (t, team) in teams.enumerated() {
                for (s, k) in team.enumerated() {
                    let insp = inspectors.records[Int(k)].id
                    out.append(
                        SlotAssignment(
                            target: targets[t].id, slot: parameters.slots[s].name, inspector: insp,
                            priority: hmac.key64(tIDs[t] + sNames[s] + ids[Int(k)])))
                }
            }
            return .complete(out)
        case .infeasible(let list):
            return .infeasible(list.map { (targets[$0.team].id, parameters.slots[$0.slot].name, $0.reason) })
        }
    }

    /// The exact bytes of `assignment.txt`.
    public static func fileBytes(_ list: [SlotAssignment]) -> [UInt8] {
        TextFile.encode(list.map { [$0.target, $0.slot, $0.inspector, Bytes.hex64($0.priority)] })
    }

    /// Parses `assignment.txt` (syntax only).
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> [SlotAssignment] {
        var out = [SlotAssignment]()
        for (i, l) in try TextFile.lines(bytes, file: "assignment.txt").enumerated() {
            guard l.count == 4, l[3].utf8.count == 16, let kb = Bytes.fromHex(l[3]) else {
                throw .syntax(file: "assignment.txt", line: i + 1, detail: "字段")
            }
            out.append(SlotAssignment(target: l[0], slot: l[1], inspector: l[2], priority: Bytes.u64be(kb)))
        }
        return out
    }
}
