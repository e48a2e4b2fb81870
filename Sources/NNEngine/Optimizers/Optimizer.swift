// Optimizer: applies one update rule to every parameter, keeping each parameter's state.
//
// A rule (SGD, Adam, ...) says how one parameter moves given its gradient and its state slots
// (moments, accumulators); this class owns the slots, counts steps and runs the rule over every
// parameter in one fused pass. Large models are cut into chunks updated on all cores at once
// (the update is elementwise, so the result does not depend on how it is cut). Defaults and
// formulas follow Keras 3 (which TensorFlow 2 uses); each rule's file states its formula.

import Dispatch

/// The per-parameter arithmetic of an optimizer.
public protocol UpdateRule: Sendable {
    /// Names of the state slots kept per parameter (e.g. ["m", "v"] for Adam).
    var slotNames: [String] { get }
    /// Starting value of each slot (Adagrad starts its accumulator at 0.1).
    var initialSlotValue: Float { get }
    /// Updates `n` values in place given their gradients and slots at step `t` (1-based).
    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int)
}

extension UpdateRule {
    public var initialSlotValue: Float { 0 }
}

/// Runs an update rule over a network's parameters.
public final class Optimizer {
    public let spec: OptimizerSpec
    /// The learning rate in effect (a `train lr=` override changes it for one run).
    public var learningRate: Float
    /// Updates applied so far (Adam's bias correction depends on it).
    public private(set) var stepCount = 0
    private let rule: any UpdateRule
    private var slots: [ObjectIdentifier: [Matrix]] = [:]
    private var prepared: [Parameter] = []
    private var chunks: [Chunk] = []

    /// A contiguous piece of one parameter with its slots' matching pieces. Chunks never overlap,
    /// so threads may update different chunks at once.
    private struct Chunk: @unchecked Sendable {
        let value: UnsafeMutablePointer<Float>
        let gradient: UnsafePointer<Float>
        let slots: [UnsafeMutablePointer<Float>]
        let count: Int
    }

    /// Elements per chunk: big enough that handing a chunk to a thread is cheap by comparison.
    static let chunkSize = 1 << 16

    public init(_ spec: OptimizerSpec) {
        self.spec = spec
        learningRate = spec.learningRate
        rule = spec.makeRule()
    }

    /// Allocates state for `parameters` (once, before the training loop).
    public func prepare(_ parameters: [Parameter]) {
        if parameters.count == prepared.count && zip(parameters, prepared).allSatisfy({ $0 === $1 }) { return }
        prepared = parameters
        chunks = []
        for p in parameters {
            let id = ObjectIdentifier(p)
            if slots[id] == nil {
                slots[id] = rule.slotNames.map { _ in
                    let m = Matrix(rows: p.value.rows, cols: p.value.cols)
                    if rule.initialSlotValue != 0 { m.fill(rule.initialSlotValue) }
                    return m
                }
            }
            let state = slots[id]!
            var start = 0
            while start < p.count {
                let n = min(Self.chunkSize, p.count - start)
                chunks.append(Chunk(value: p.value.data + start, gradient: p.gradient.data + start,
                                    slots: state.map { $0.data + start }, count: n))
                start += n
            }
        }
    }

    /// One update of every parameter from its gradient.
    public func step(_ parameters: [Parameter]) {
        prepare(parameters)
        stepCount += 1
        let lr = learningRate, t = stepCount, rule = self.rule, work = chunks
        if work.count == 1 {
            Self.run(rule, work[0], lr, t)
        } else {
            DispatchQueue.concurrentPerform(iterations: work.count) { Self.run(rule, work[$0], lr, t) }
        }
    }

    @inline(__always) private static func run(_ rule: any UpdateRule, _ c: Chunk, _ lr: Float, _ t: Int) {
        rule.apply(value: c.value, gradient: c.gradient, slots: c.slots, count: c.count, learningRate: lr, step: t)
    }

    /// The state of one parameter, slot name to matrix (for saving and tests).
    public func state(of parameter: Parameter) -> [String: Matrix] {
        guard let s = slots[ObjectIdentifier(parameter)] else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(rule.slotNames, s))
    }

    /// Restores saved state for `parameter` and the step count (after loading a session).
    public func restore(step: Int, state: [String: Matrix], for parameter: Parameter) {
        stepCount = step
        let ms = rule.slotNames.map { name -> Matrix in
            let m = Matrix(rows: parameter.value.rows, cols: parameter.value.cols)
            if let saved = state[name], saved.count == m.count { m.copy(from: saved) } else { m.fill(rule.initialSlotValue) }
            return m
        }
        slots[ObjectIdentifier(parameter)] = ms
        prepared = []
    }

    /// Names of the state slots of this optimizer's rule.
    public var slotNames: [String] { rule.slotNames }
}
