// A run's memory is bounded by the model, never by its length: the trainer reserves nothing per
// epoch or batch up front, batch costs are kept as a bounded series, epoch reports are thinned.

import Testing
import NNEngine

@Suite("Bounded runs")
struct BoundedRunTests {
    func tinyTrainer(seed: UInt64 = 5) throws -> (Trainer, InMemoryData) {
        let g = SeededGenerator(seed: seed)
        let data = InMemoryData(features: randomMatrix(20_000, 2, seed: 1), labels: randomLabels(20_000, classes: 2, seed: 2),
                                classCount: 2)
        let net = try Network(spec: .stack([.dense(units: 2, activation: .softmax)]), inputWidth: 2)
        net.initialize(generator: g)
        return (Trainer(network: net, optimizer: Optimizer(OptimizerSpec(.sgd)), generator: g), data)
    }

    @Test("a million epochs of batch 1 start at once and stop where asked (it reserved 80 GB before)")
    func millionEpochs() throws {
        let (trainer, data) = try tinyTrainer()
        var batches = 0
        let result = trainer.train(on: data, options: TrainingOptions(epochs: 1_000_000, batchSize: 1),
                                   shouldStop: { batches >= 25_000 }) { event in
            if case .batch = event { batches += 1 }
        }
        #expect(result.outcome == .stopped(epoch: 2, batch: 5_000))
        #expect(result.costs.batchCount == 25_000)
        #expect(result.costs.means.count <= CostSeries.defaultCapacity)
        #expect(result.epochs.count == 1)
    }

    @Test("the cost series keeps every cost while short, then means of blocks, never more than its capacity")
    func costSeries() {
        var s = CostSeries(capacity: 8)
        for i in 1...8 { s.append(Float(i)) }
        // Full at 8 points: neighbours merged into 4 blocks of 2.
        #expect(s.blockSize == 2 && s.means == [1.5, 3.5, 5.5, 7.5])
        for i in 9...1_000 { s.append(Float(i)) }
        #expect(s.means.count < 8 && s.batchCount == 1_000)
        #expect(s.coveredBatches <= 1_000 && s.coveredBatches > 1_000 - s.blockSize)
        // Blocks of `every` batches exist only for multiples of the block size.
        #expect(s.blocks(of: s.blockSize + 1) == nil || s.blockSize == 1)
        let points = s.blocks(of: s.blockSize)!
        #expect(points.count == s.means.count && points.last!.x == Double(s.coveredBatches))
        // The mean of blocks is the mean of the batches they cover (1...n: (n+1)/2).
        let all = s.blocks(of: s.coveredBatches)!
        #expect(all.count == 1 && abs(all[0].y - Double(s.coveredBatches + 1) / 2) < 1e-3)
        // Short series stay exact.
        var short = CostSeries()
        for c: Float in [0.5, 0.25, 0.125] { short.append(c) }
        #expect(short.means == [0.5, 0.25, 0.125] && short.blockSize == 1)
        #expect(short.downsampled(toAtMost: 2).means == [0.375])
    }

    @Test("epoch reports are thinned past the limit, keeping the first and the last")
    func epochThinning() throws {
        let g = SeededGenerator(seed: 1)
        let data = InMemoryData(features: randomMatrix(2, 2, seed: 1), labels: [0, 1], classCount: 2)
        let net = try Network(spec: .stack([.dense(units: 2, activation: .softmax)]), inputWidth: 2)
        net.initialize(generator: g)
        let trainer = Trainer(network: net, optimizer: Optimizer(OptimizerSpec(.sgd)), generator: g)
        let epochs = TrainingResult.epochLimit * 2 + 7
        let result = trainer.train(on: data, options: TrainingOptions(epochs: epochs, batchSize: 2))
        #expect(result.epochs.count <= TrainingResult.epochLimit)
        #expect(result.epochs.first?.epoch == 1 && result.epochs.last?.epoch == epochs)
        #expect(zip(result.epochs, result.epochs.dropFirst()).allSatisfy { $0.epoch < $1.epoch })
    }
}
