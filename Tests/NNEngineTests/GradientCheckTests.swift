// Every layer, activation and loss: backward against central finite differences.
//
// For a small network and batch, each parameter entry w is nudged by ±h (h = 0.01) and the cost's
// change (c(w+h) - c(w-h)) / 2h compared with the gradient backward computed. Float32 arithmetic
// limits the agreement, so an entry passes when |numeric - analytic| <= 2e-2 · (|numeric| +
// |analytic|) + 1e-5 (the absolute part covers Float32 noise in the cost, about 1e-7 / h). The
// printed largest relative differences are usually far below that. Where a piecewise activation
// (relu, leaky relu, selu, maxout) has a kink within ±h, the one-sided differences disagree and the
// entry is skipped; at most a tenth may be. Dropout masks are identical in every pass because
// each pass starts from the same generator seed.

import Testing
import NNEngine

/// Checks every parameter's gradient of `spec` and returns the largest relative difference.
@discardableResult
func gradientCheck(_ spec: ModelSpec, inputWidth: Int, classes: Int, batch: Int = 5, seed: UInt64 = 7,
                   xScale: Float = 1, label: String) throws -> Float {
    let net = try makeNetwork(spec, inputWidth: inputWidth, seed: seed)
    let x = randomMatrix(batch, inputWidth, scale: xScale, seed: seed + 1)
    let labels = randomLabels(batch, classes: classes, seed: seed + 2)
    func context() -> ForwardContext { ForwardContext(mode: .training, generator: SeededGenerator(seed: 99)) }
    func cost() -> Float {
        labels.withUnsafeBufferPointer { net.loss.cost(output: net.forward(x, context: context()), labels: $0) }
    }
    _ = labels.withUnsafeBufferPointer { net.trainStep(x, labels: $0, context: context()) }
    let analytic = net.parameters.map { $0.gradient.array }
    let piecewise = spec.layers.contains { layer in
        switch layer.kind {
        case .dense(_, let a), .activation(let a):
            switch a { case .relu, .leakyReLU, .selu, .maxout: true; default: false }
        default: false
        }
    }
    let h: Float = 1e-2, rtol: Float = 2e-2, atol: Float = 1e-5
    let c0 = cost()
    var worst: Float = 0, worstAt = "", failures: [String] = [], kinks = 0, total = 0
    for (pi, p) in net.parameters.enumerated() {
        for i in 0..<p.count {
            let saved = p.value.data[i]
            p.value.data[i] = saved + h; let up = cost()
            p.value.data[i] = saved - h; let down = cost()
            p.value.data[i] = saved
            total += 1
            let forward = (up - c0) / h, backward = (c0 - down) / h
            if piecewise, abs(forward - backward) > 0.05 * max(abs(forward), abs(backward)) + 10 * atol {
                kinks += 1
                continue
            }
            let numeric = (up - down) / (2 * h), a = analytic[pi][i]
            let rel = abs(numeric - a) / max(abs(numeric) + abs(a), 1e-12)
            if abs(numeric - a) > rtol * (abs(numeric) + abs(a)) + atol {
                failures.append("\(p.name)[\(i)] analytic \(a) numeric \(numeric)")
            }
            if rel > worst && abs(numeric) + abs(a) > 1e-3 { worst = rel; worstAt = "\(p.name)[\(i)] analytic \(a) numeric \(numeric)" }
        }
    }
    print("gradient check \(label): \(total - kinks) entries, largest relative difference \(worst) \(worstAt) (\(kinks) skipped at kinks)")
    #expect(failures.isEmpty, "\(label): \(failures.prefix(5))")
    #expect(kinks * 10 <= total, "\(label): \(kinks) of \(total) entries sit at kinks")
    return worst
}

@Suite("Gradients against finite differences")
struct GradientCheckTests {
    @Test("dense layer with each activation", arguments: [
        Activation.linear, .sigmoid, .tanh, .relu, .leakyReLU(alpha: 0.1), .elu(alpha: 1), .selu, .maxout(pieces: 3),
    ])
    func denseActivation(_ activation: Activation) throws {
        let spec = ModelSpec.stack([.dense(units: 6, activation: activation), .dense(units: 3, activation: .softmax)],
                                   initializer: InitializerChoice(weights: .normal(stddev: 0.5), biases: .normal(stddev: 0.1)))
        try gradientCheck(spec, inputWidth: 4, classes: 3, label: activation.description)
    }

    @Test("each loss, fused and not", arguments: [
        (Activation.softmax, Loss.softmaxCrossEntropy), (.sigmoid, .sigmoidCrossEntropy), (.linear, .meanSquaredError),
        (.sigmoid, .meanSquaredError), (.softmax, .meanSquaredError), (.tanh, .meanSquaredError),
    ])
    func losses(_ output: Activation, _ loss: Loss) throws {
        var spec = ModelSpec.stack([.dense(units: 5, activation: .tanh), .dense(units: 3, activation: output)],
                                   initializer: InitializerChoice(weights: .normal(stddev: 0.5)))
        spec.loss = loss
        try gradientCheck(spec, inputWidth: 4, classes: 3, label: "\(output.name) + \(loss.rawValue)")
    }

    @Test("single sigmoid unit with binary cross-entropy (the XOR labs)")
    func binaryOutput() throws {
        let spec = ModelSpec.stack([.dense(units: 4, activation: .sigmoid), .dense(units: 1, activation: .sigmoid)],
                                   initializer: InitializerChoice(weights: .normal(stddev: 1)))
        try gradientCheck(spec, inputWidth: 2, classes: 2, label: "2-4-1 sigmoid")
    }

    @Test("dropout between dense layers (fixed mask)")
    func dropout() throws {
        let spec = ModelSpec.stack([.dense(units: 8, activation: .tanh), .dropout(keepProb: 0.6),
                                    .dense(units: 3, activation: .softmax)],
                                   initializer: InitializerChoice(weights: .normal(stddev: 0.5)))
        try gradientCheck(spec, inputWidth: 4, classes: 3, label: "dropout 0.6")
    }

    @Test("activation layer on its own, softmax included", arguments: [Activation.relu, .sigmoid, .softmax])
    func activationLayer(_ activation: Activation) throws {
        var spec = ModelSpec.stack([.dense(units: 5, activation: .linear), .activation(activation),
                                    .dense(units: 3, activation: .softmax)],
                                   initializer: InitializerChoice(weights: .normal(stddev: 0.5), biases: .normal(stddev: 0.1)))
        spec.loss = .softmaxCrossEntropy
        try gradientCheck(spec, inputWidth: 4, classes: 3, label: "activation layer \(activation.name)")
    }

    @Test("skip connection (add) with a node read twice")
    func skip() throws {
        let spec = ModelSpec(layers: [
            LayerSpec(name: "h1", kind: .dense(units: 6, activation: .tanh)),
            LayerSpec(name: "h2", kind: .dense(units: 6, activation: .tanh)),
            LayerSpec(name: "h3", kind: .dense(units: 6, activation: .tanh)),
            LayerSpec(name: "r1", kind: .add, inputs: ["h1", "h3"]),
            LayerSpec(name: "out", kind: .dense(units: 3, activation: .softmax)),
        ], initializer: InitializerChoice(weights: .normal(stddev: 0.5)))
        try gradientCheck(spec, inputWidth: 4, classes: 3, label: "skip")
    }

    @Test("split and merge (concat), input read by two branches")
    func splitMerge() throws {
        let spec = ModelSpec(layers: [
            LayerSpec(name: "a", kind: .dense(units: 5, activation: .relu), inputs: ["input"]),
            LayerSpec(name: "b", kind: .dense(units: 3, activation: .sigmoid), inputs: ["input"]),
            LayerSpec(name: "m", kind: .concat, inputs: ["a", "b"]),
            LayerSpec(name: "c", kind: .dense(units: 8, activation: .tanh), inputs: ["m"]),
            LayerSpec(name: "s", kind: .add, inputs: ["c", "m"]),
            LayerSpec(name: "out", kind: .dense(units: 3, activation: .softmax)),
        ], initializer: InitializerChoice(weights: .normal(stddev: 0.5), biases: .normal(stddev: 0.1)))
        try gradientCheck(spec, inputWidth: 4, classes: 3, label: "split/merge")
    }

    @Test("recurrent layers through several time steps", arguments: [false, true])
    func recurrent(_ sequences: Bool) throws {
        for kind: LayerSpec.Kind in [.rnn(units: 4, steps: 3, sequences: sequences), .lstm(units: 4, steps: 3, sequences: sequences)] {
            let spec = ModelSpec.stack([kind, .dense(units: 3, activation: .softmax)],
                                       initializer: InitializerChoice(weights: .normal(stddev: 0.5), biases: .normal(stddev: 0.1)))
            try gradientCheck(spec, inputWidth: 6, classes: 3, label: "\(kind.typeName) sequences=\(sequences)")
        }
    }

    @Test("a check that must fail: a wrong gradient is caught")
    func detectsWrongGradient() throws {
        // Sanity of the checker itself: corrupt one analytic gradient and the comparison must exceed
        // the tolerance.
        let spec = ModelSpec.stack([.dense(units: 3, activation: .softmax)], initializer: InitializerChoice(weights: .normal(stddev: 0.5)))
        let net = try makeNetwork(spec, inputWidth: 2)
        let x = randomMatrix(4, 2, seed: 3), labels: [Int32] = [0, 1, 2, 1]
        let ctx = ForwardContext(mode: .training, generator: SeededGenerator(seed: 1))
        _ = labels.withUnsafeBufferPointer { net.trainStep(x, labels: $0, context: ctx) }
        let p = net.parameters[0], h: Float = 1e-2, saved = p.value.data[0]
        func cost() -> Float { labels.withUnsafeBufferPointer { net.loss.cost(output: net.forward(x, context: ctx), labels: $0) } }
        p.value.data[0] = saved + h; let up = cost()
        p.value.data[0] = saved - h; let down = cost()
        let numeric = (up - down) / (2 * h), wrong = p.gradient.data[0] * 1.5 + 0.01
        #expect(abs(numeric - wrong) / max(abs(numeric) + abs(wrong), 1e-4) > 2e-2)
    }
}
