// Reproducibility: one seed, one recipe, bit-identical weights; another seed, other weights.

import Testing
import NNEngine

@Suite("Determinism")
struct DeterminismTests {
    func trainedWeights(seed: UInt64) throws -> [[Float]] {
        let g = SeededGenerator(seed: seed)
        let x = randomMatrix(60, 6, seed: 1), labels = randomLabels(60, classes: 3, seed: 2)
        let data = InMemoryData(features: x, labels: labels, classCount: 3)
        let spec = ModelSpec.stack([.dense(units: 16, activation: .relu), .dropout(keepProb: 0.7),
                                    .dense(units: 3, activation: .softmax)])
        let net = try Network(spec: spec, inputWidth: 6)
        net.initialize(generator: g)
        let trainer = Trainer(network: net, optimizer: Optimizer(OptimizerSpec(.adam)), generator: g)
        _ = trainer.train(on: data, options: TrainingOptions(epochs: 3, batchSize: 8))
        return net.parameters.map(\.value.array)
    }

    @Test("same seed gives bit-identical weights; a different seed does not")
    func sameSeed() throws {
        let a = try trainedWeights(seed: 42), b = try trainedWeights(seed: 42), c = try trainedWeights(seed: 43)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("the generator is xoshiro256** seeded by SplitMix64 (reference values)")
    func generatorReference() {
        // SplitMix64(0) first outputs, then xoshiro256**'s first output for that state.
        let g = SeededGenerator(seed: 0)
        #expect(g.state[0] == 0xE220_A839_7B1D_CDAF)
        #expect(g.state[1] == 0x6E78_9E6A_A1B9_65F4)
        let h = SeededGenerator(seed: 7)
        let saved = h.state
        let first = (0..<5).map { _ in h.next() }
        h.state = saved
        #expect((0..<5).map { _ in h.next() } == first)
    }

    @Test("normal draws have mean 0 and variance 1")
    func normal() {
        let g = SeededGenerator(seed: 9)
        let v = (0..<100_000).map { _ in Double(g.normal()) }
        let mean = v.reduce(0, +) / 1e5
        let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 1e5
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.02, "mean \(mean) variance \(variance)")
    }
}

@Suite("The same numbers at every kernel level")
struct KernelLevelTrainingTests {
    /// A short lab-10-5: relu layers with dropout 0.7, softmax, Xavier, Adam, on random 784-pixel data.
    func lab105Weights() throws -> [[UInt32]] {
        let g = SeededGenerator(seed: 777)
        let x = randomMatrix(300, 784, seed: 1), labels = randomLabels(300, classes: 10, seed: 2)
        let data = InMemoryData(features: x, labels: labels, classCount: 10)
        let spec = ModelSpec.stack([.dense(units: 64, activation: .relu), .dropout(keepProb: 0.7),
                                    .dense(units: 48, activation: .relu), .dropout(keepProb: 0.7),
                                    .dense(units: 10, activation: .softmax)])
        let net = try Network(spec: spec, inputWidth: 784)
        for i in 0..<net.layers.count { net.initialize(layer: i, with: .standard, generator: g) }
        let trainer = Trainer(network: net, optimizer: Optimizer(OptimizerSpec(.adam)), generator: g)
        _ = trainer.train(on: data, options: TrainingOptions(epochs: 2, batchSize: 100))
        return net.parameters.map { $0.value.array.map(\.bitPattern) }
    }

    @Test("a short lab-10-5 training gives identical weights under every level and thread count")
    func identicalWeights() throws {
        let reference = try Arithmetic.withLevel(.scalar) { BLAS.threadCount = 1; return try lab105Weights() }
        for level in Arithmetic.supportedLevels {
            for threads in [1, 2] {
                BLAS.threadCount = threads
                let weights = try Arithmetic.withLevel(level) { try lab105Weights() }
                #expect(weights == reference, "\(level), \(threads) thread(s)")
            }
        }
        BLAS.threadCount = 2
    }
}
