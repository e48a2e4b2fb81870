// Evaluation: counts, confusion matrix, predictions, ensembles; inference mode only.

import Testing
import NNEngine

@Suite("Evaluation")
struct EvaluatorTests {
    @Test("confusion matrix and accuracy agree with predictions")
    func confusion() throws {
        let x = randomMatrix(50, 4, seed: 1), labels = randomLabels(50, classes: 3, seed: 2)
        let data = InMemoryData(features: x, labels: labels, classCount: 3)
        let net = try makeNetwork(.stack([.dense(units: 3, activation: .softmax)]), inputWidth: 4)
        let e = Evaluator.evaluate(net, on: data)
        let predictions = Evaluator.predict(net, on: data, indices: Array(0..<50))
        #expect(e.confusion.flatMap { $0 }.reduce(0, +) == 50)
        let correct = predictions.filter(\.isCorrect).count
        #expect(e.accuracy == Float(correct) / 50)
        #expect((0..<3).map { e.confusion[$0][$0] }.reduce(0, +) == correct)
        #expect(predictions.allSatisfy { abs($0.probabilities.reduce(0, +) - 1) < 1e-5 })
    }

    @Test("dropout never acts during evaluation")
    func keepProbOne() throws {
        let data = InMemoryData(features: randomMatrix(20, 4, seed: 1), labels: randomLabels(20, classes: 2, seed: 2), classCount: 2)
        let net = try makeNetwork(.stack([.dense(units: 8, activation: .relu), .dropout(keepProb: 0.1),
                                          .dense(units: 2, activation: .softmax)]), inputWidth: 4)
        #expect(Evaluator.evaluate(net, on: data) == Evaluator.evaluate(net, on: data))
    }

    @Test("an ensemble's averaged vote is reported with its members'")
    func ensemble() throws {
        // Two classes separated by the sign of x0 + x1, with label noise; small nets trained apart.
        let g = SeededGenerator(seed: 4)
        var rows: [[Float]] = [], labels: [Int32] = []
        for _ in 0..<400 {
            let a = g.uniform(-1, 1), b = g.uniform(-1, 1)
            rows.append([a, b]); labels.append((a * b > 0) != (g.uniform() < 0.1) ? 1 : 0)
        }
        let data = InMemoryData(features: Matrix(rows), labels: labels, classCount: 2)
        let ensemble = Ensemble()
        for seed in UInt64(1)...5 {
            let sg = SeededGenerator(seed: seed)
            let net = try Network(spec: .stack([.dense(units: 8, activation: .tanh), .dense(units: 2, activation: .softmax)]), inputWidth: 2)
            net.initialize(generator: sg)
            _ = Trainer(network: net, optimizer: Optimizer(OptimizerSpec(.adam, learningRate: 0.01)), generator: sg)
                .train(on: data, options: TrainingOptions(epochs: 30, batchSize: 20))
            ensemble.add(net, seed: seed)
        }
        let e = ensemble.evaluate(on: data)
        #expect(e.memberAccuracies.count == 5)
        #expect(e.accuracy >= e.memberAccuracies.reduce(0, +) / 5, "ensemble \(e.accuracy), members \(e.memberAccuracies)")
    }
}
