// Learning: the lecture's claims on XOR, with fixed seeds.
//   - a 2-2-1 sigmoid net learns XOR (gradient descent, lr 0.1 as in the lab; seed 3)
//   - a 10-layer sigmoid net (9 hidden layers of 5 units) stays near 0.5 (seeds 1-8)
//   - the same net with relu hidden layers and Xavier init reaches 1.0 (at least 6 of seeds 1-8)
//   - RBM pre-training lowers the reconstruction error epoch by epoch

import Testing
import NNEngine

@Suite("Learning")
struct LearningTests {
    @Test("a 2-2-1 sigmoid net learns XOR")
    func xorSmall() throws {
        let spec = ModelSpec.stack([.dense(units: 2, activation: .sigmoid), .dense(units: 1, activation: .sigmoid)],
                                   initializer: InitializerChoice(weights: .normal(stddev: 1)))
        // A 2-2-1 net has a bad local minimum that some starting points fall into: most seeds learn.
        var learned: [UInt64] = []
        for seed: UInt64 in 1...8 {
            let (accuracy, cost, _) = try trainXOR(spec, steps: 10_001, lr: 0.1, seed: seed)
            if accuracy == 1 && cost < 0.1 { learned.append(seed) }
        }
        #expect(learned.count >= 5, "seeds that learned: \(learned)")
    }

    @Test("deep sigmoid stalls at chance, deep relu solves XOR (seeds 1-8)")
    func vanishing() throws {
        // 10,000 full-batch steps of gradient descent, lr 0.1, Xavier init. Sigmoid: every seed stays
        // near chance with the cost stuck at ln 2. Relu: measured here, seeds 1 and 4-8 reach 1.0;
        // seeds 2 and 3 lose units that never switch on again (dead relus), so the test asks for at
        // least 6 of 8, and seed 1 in particular.
        var reluSolved: [UInt64] = []
        for seed in UInt64(1)...8 {
            let sigmoid = deepXORSpec(hidden: 9, width: 5, activation: .sigmoid, initializer: .xavierUniform)
            let relu = deepXORSpec(hidden: 9, width: 5, activation: .relu, initializer: .xavierUniform)
            let (sAccuracy, sCost, _) = try trainXOR(sigmoid, steps: 10_000, lr: 0.1, seed: seed)
            let (rAccuracy, _, _) = try trainXOR(relu, steps: 10_000, lr: 0.1, seed: seed)
            #expect(sAccuracy <= 0.75, "sigmoid seed \(seed): accuracy \(sAccuracy), cost \(sCost)")
            #expect(sCost > 0.6, "sigmoid seed \(seed): the cost should stay near ln 2 = 0.693, got \(sCost)")
            if rAccuracy == 1 { reluSolved.append(seed) }
        }
        #expect(reluSolved.count >= 6 && reluSolved.contains(1), "relu solved XOR for seeds \(reluSolved)")
    }

    @Test("the first layer's gradient of a deep sigmoid net is orders of magnitude below the last's")
    func gradientsVanish() throws {
        let spec = deepXORSpec(hidden: 9, width: 5, activation: .sigmoid, initializer: .xavierUniform)
        let net = try makeNetwork(spec, inputWidth: 2, seed: 1)
        let trainer = Trainer(network: net, optimizer: Optimizer(OptimizerSpec(.sgd, learningRate: 0.1)),
                              generator: SeededGenerator(seed: 1))
        let result = trainer.train(on: xorData(), options: TrainingOptions(epochs: 10, batchSize: 4))
        let g = result.lastStepGradients
        #expect(g.count == 10)
        let first = g[0].meanAbsGradient, last = g[9].meanAbsGradient
        #expect(first * 100 < last, "layer 1 \(first) vs layer 10 \(last)")
    }

    @Test("RBM pre-training lowers the reconstruction error epoch by epoch")
    func rbm() throws {
        // 200 noisy copies of four binary 16-pixel patterns.
        let g = SeededGenerator(seed: 11)
        let patterns: [[Float]] = (0..<4).map { p in (0..<16).map { i in (i / 4 == p || i % 4 == p) ? 1 : 0 } }
        var rows: [[Float]] = [], labels: [Int32] = []
        for k in 0..<200 {
            rows.append(patterns[k % 4].map { g.uniform() < 0.05 ? 1 - $0 : $0 })
            labels.append(Int32(k % 4))
        }
        let data = InMemoryData(features: Matrix(rows), labels: labels, classCount: 4)
        let spec = ModelSpec.stack([.dense(units: 8, activation: .sigmoid), .dense(units: 4, activation: .softmax)],
                                   initializer: InitializerChoice(weights: .rbm(epochs: 5, learningRate: 0.1)))
        let net = try makeNetwork(spec, inputWidth: 16, seed: 2)
        let reports = RBMPretraining(epochs: 5, learningRate: 0.5, batchSize: 10).run(on: net, data: data, generator: g)
        let errors = reports.map(\.reconstructionError)
        #expect(reports.count == 5 && reports.allSatisfy { $0.layer == "dense1" })
        #expect(zip(errors, errors.dropFirst()).allSatisfy { $1 < $0 }, "errors \(errors)")
        #expect(errors.last! < errors.first! * 0.8)
    }
}
