// SPDX-License-Identifier: Apache-2.0

/// A step in a draw's life (docs/draw-spec.md §13); each is allowed in one `DrawState`.
public enum DrawStep: Sendable, CaseIterable {
    /// A department publishes its commitment; the last one moves the draw to `committed`.
    case commit
    /// A department hands in its secret.
    case reveal
    /// The draw is run; it moves to `executed`.
    case execute
    /// An inspector of the executed draw is replaced.
    case replaceInspector
    /// The complete public record (bundle) is read.
    case readRecord
    /// A target's or an inspector's outcome is explained.
    case explain
}

/// The draw's state machine: `prepared` → (all commitments) `committed` → (execute) `executed`.
/// The stores ask it; they never compare state strings.
extension DrawState {
    /// The state `step` needs.
    public static func required(for step: DrawStep) -> DrawState {
        switch step {
        case .commit: .prepared
        case .reveal, .execute: .committed
        case .replaceInspector, .readRecord, .explain: .executed
        }
    }

    /// The state a draw is in once `step` has completed (the last commitment, for `.commit`).
    public static func after(_ step: DrawStep) -> DrawState {
        switch step {
        case .commit: .committed
        case .execute: .executed
        case .reveal: .committed
        case .replaceInspector, .readRecord, .explain: .executed
        }
    }

    /// Throws unless `step` is allowed in this state; the Chinese message names the draw `id`.
    public func require(_ step: DrawStep, draw id: String) throws(PlanError) {
        guard self != Self.required(for: step) else { return }
        throw .conflict(refusal(step, draw: id))
    }

    /// Why `step` is refused in this state.
    func refusal(_ step: DrawStep, draw id: String) -> String {
        switch step {
        case .commit: "抽取 \(id) 已发布承诺，不能再修改"
        case .reveal: "抽取 \(id) 不在揭示阶段（\(rawValue)）"
        case .execute: "抽取 \(id) 还未发布全部承诺，不能执行"
        case .replaceInspector: "抽取 \(id) 尚未执行，没有可更换的人员"
        case .readRecord: "抽取 \(id) 尚未执行，没有完整的公示记录"
        case .explain: "抽取 \(id) 尚未执行，执行后可查询"
        }
    }

    /// Whether any of the draw's files are public: from the commitments on.
    public var publishesFiles: Bool { self != .prepared }

    /// Whether every file is public (the record, the reveals): once executed.
    public var publishesAllFiles: Bool { self == .executed }

    /// A state read back from the database; an unknown one is an error, never a guess.
    public init(stored: String) throws(PlanError) {
        guard let state = DrawState(rawValue: stored) else { throw .conflict("抽取状态“\(stored)”无法识别") }
        self = state
    }
}
