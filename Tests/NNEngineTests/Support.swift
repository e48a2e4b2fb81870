// Shared helpers for the engine tests: small data and networks built in a line.

import NNEngine

/// The four XOR points (labels 0, 1, 1, 0).
func xorData() -> InMemoryData {
    InMemoryData(features: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), labels: [0, 1, 1, 0], classCount: 2)
}

/// A random Float matrix with entries in [-scale, scale).
func randomMatrix(_ rows: Int, _ cols: Int, scale: Float = 1, seed: UInt64) -> Matrix {
    let g = SeededGenerator(seed: seed)
    return Matrix(rows: rows, cols: cols, values: (0..<(rows * cols)).map { _ in g.uniform(-scale, scale) })
}

/// Random labels in 0..<classes.
func randomLabels(_ count: Int, classes: Int, seed: UInt64) -> [Int32] {
    let g = SeededGenerator(seed: seed)
    return (0..<count).map { _ in Int32(g.index(below: classes)) }
}

/// A built and initialized network.
func makeNetwork(_ spec: ModelSpec, inputWidth: Int, seed: UInt64 = 1) throws -> Network {
    let net = try Network(spec: spec, inputWidth: inputWidth)
    net.initialize(generator: SeededGenerator(seed: seed))
    return net
}

/// Trains `spec` on XOR with full-batch gradient descent and returns (accuracy, final cost).
func trainXOR(_ spec: ModelSpec, steps: Int, lr: Float, seed: UInt64) throws -> (accuracy: Float, cost: Float, net: Network) {
    let data = xorData()
    let net = try makeNetwork(spec, inputWidth: 2, seed: seed)
    let trainer = Trainer(network: net, optimizer: Optimizer(OptimizerSpec(.sgd, learningRate: lr)),
                          generator: SeededGenerator(seed: seed))
    let result = trainer.train(on: data, options: TrainingOptions(epochs: steps, batchSize: 4, shuffle: false))
    let e = Evaluator.evaluate(net, on: data)
    return (e.accuracy, result.epochs.last?.cost ?? .nan, net)
}

/// The lecture's deep XOR net: 2 inputs, `hidden` layers of `width` units, one sigmoid output.
func deepXORSpec(hidden: Int, width: Int, activation: Activation, initializer: Initializer) -> ModelSpec {
    ModelSpec.stack(Array(repeating: .dense(units: width, activation: activation), count: hidden)
                    + [.dense(units: 1, activation: .sigmoid)],
                    initializer: InitializerChoice(weights: initializer))
}
