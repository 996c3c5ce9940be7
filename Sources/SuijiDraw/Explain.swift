// SPDX-License-Identifier: Apache-2.0

/// Why one target was or was not drawn, computable from the bundle alone (spec §8).
public enum TargetFate: Sendable, Equatable {
    /// Drawn with this rank.
    case drawn(rank: Int)
    /// On the replacement list with this rank.
    case replacement(rank: Int)
    /// In the pool but beyond the cutoff and the replacement list.
    case notDrawn
    /// Excluded before the draw.
    case excluded(ExclusionReason)
    /// Neither in the pool nor in the excluded list.
    case notInPool
}

/// Explanation for one target id.
public struct TargetExplanation: Sendable, Equatable {
    /// The id asked about.
    public let id: String
    /// Stratum, if known.
    public let stratum: String?
    /// Its permanent random number, if in the pool.
    public let key: UInt64?
    /// Stratum cutoff `(key, id)` of the n-th drawn target, if any.
    public let cutoff: (key: UInt64, id: String)?
    /// The outcome.
    public let fate: TargetFate

    /// Equality.
    public static func == (a: TargetExplanation, b: TargetExplanation) -> Bool {
        a.id == b.id && a.stratum == b.stratum && a.key == b.key && a.fate == b.fate
            && a.cutoff?.key == b.cutoff?.key && a.cutoff?.id == b.cutoff?.id
    }

    /// Chinese one-line explanation.
    public var message: String {
        let k = key.map { Bytes.hex64($0) } ?? "-"
        let c = cutoff.map { "\(Bytes.hex64($0.key))（\($0.id)）" } ?? "无"
        switch fate {
        case .drawn(let r): return "\(id)：第 \(stratum ?? "") 层，随机数 \(k) ≤ 截止值 \(c)，被抽中，第 \(r) 位"
        case .replacement(let r): return "\(id)：第 \(stratum ?? "") 层，随机数 \(k) > 截止值 \(c)，递补第 \(r) 位"
        case .notDrawn: return "\(id)：第 \(stratum ?? "") 层，随机数 \(k) > 截止值 \(c)，未被抽中"
        case .excluded(let r): return "\(id)：抽取前已排除（\(r.rawValue)）"
        case .notInPool: return "\(id)：不在抽取池中"
        }
    }
}

extension Verifier {
    /// Explains one id's fate from the bundle in memory (the same steps as a look-up in a
    /// memory-mapped directory or in the database: `TargetLookup`).
    public static func explain(bundle: DrawBundle, id: String) throws(DrawError) -> TargetExplanation {
        do {
            return try TargetLookup.explain(
                id: id, record: bundle.files["record.txt"] ?? [], reveal: bundle.files["reveal.txt"] ?? []
            ) { name, compare in (bundle.files[name] ?? []).withUnsafeBytes { LineSearch.find(in: $0, compare) } }
        } catch let error as DrawError {
            throw error
        } catch {
            throw .invalidInput(detail: "\(error)")
        }
    }
}
