// Evaluator: accuracy, cost, confusion matrix and predictions, always in inference mode.
//
// Inference mode makes every dropout layer the identity, so evaluation runs with keep_prob = 1 by
// construction: there is no way to evaluate with units dropped.

/// The figures of one evaluation.
public struct Evaluation: Sendable, Equatable, Codable {
    public let count: Int
    public let accuracy: Float
    public let cost: Float
    /// confusion[true][predicted] counts.
    public let confusion: [[Int]]

    /// Accuracy of each true class (nil for a class with no examples).
    public var perClassAccuracy: [Float?] {
        confusion.enumerated().map { c, row in
            let total = row.reduce(0, +)
            return total > 0 ? Float(row[c]) / Float(total) : nil
        }
    }
}

/// One example's prediction.
public struct Prediction: Sendable, Equatable {
    public let index: Int
    public let label: Int
    public let predicted: Int
    /// Class probabilities (one value for a single sigmoid output: P(class 1)).
    public let probabilities: [Float]
    public var isCorrect: Bool { label == predicted }
}

public enum Evaluator {
    /// Rows per forward pass during evaluation.
    public static let batchSize = 1000

    /// Accuracy, cost and confusion matrix of `network` on every example of `data`.
    public static func evaluate(_ network: Network, on data: LabeledData) -> Evaluation {
        let classes = max(network.outputWidth == 1 ? 2 : network.outputWidth, data.classCount)
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        var costSum: Double = 0
        var correct = 0
        forEachBatch(network, data) { y, labels, _ in
            costSum += Double(network.loss.cost(output: y, labels: labels)) * Double(y.rows)
            for r in 0..<y.rows {
                let p = Loss.predictedClass(y.data + r * y.cols, count: y.cols), t = Int(labels[r])
                if p == t { correct += 1 }
                if t < classes && p < classes { confusion[t][p] += 1 }
            }
        }
        let n = max(data.count, 1)
        return Evaluation(count: data.count, accuracy: Float(correct) / Float(n), cost: Float(costSum / Double(n)),
                          confusion: confusion)
    }

    /// Output probabilities for every example (count x outputs).
    public static func probabilities(_ network: Network, on data: LabeledData) -> Matrix {
        let out = Matrix(rows: data.count, cols: network.outputWidth)
        forEachBatch(network, data) { y, _, start in
            (out.data + start * y.cols).update(from: y.data, count: y.count)
        }
        return out
    }

    /// Predictions for the examples at `indices`.
    public static func predict(_ network: Network, on data: LabeledData, indices: [Int]) -> [Prediction] {
        let subset = DataSubset(data, indices: indices.map { Int32($0) })
        let p = probabilities(network, on: subset)
        return indices.enumerated().map { r, i in
            let row = p.row(r)
            let predicted = row.withUnsafeBufferPointer { Loss.predictedClass($0.baseAddress!, count: row.count) }
            return Prediction(index: i, label: data.label(i), predicted: predicted, probabilities: row)
        }
    }

    /// Runs the network in inference mode over `data` in batches, handing each output batch, its
    /// labels and the index of its first example to `body`.
    static func forEachBatch(_ network: Network, _ data: LabeledData,
                             _ body: (Matrix, UnsafeBufferPointer<Int32>, Int) -> Void) {
        let b = min(batchSize, max(data.count, 1))
        let x = Matrix(rows: b, cols: data.featureCount)
        var labels = [Int32](repeating: 0, count: b)
        let context = ForwardContext(mode: .inference, generator: SeededGenerator(seed: 0))
        var start = 0
        while start < data.count {
            let end = min(start + b, data.count)
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: end - start) { idx in
                for k in 0..<(end - start) { idx[k] = Int32(start + k) }
                labels.withUnsafeMutableBufferPointer { lab in
                    data.fillBatch(UnsafeBufferPointer(idx), features: x, labels: lab)
                    let y = network.forward(x, context: context)
                    body(y, UnsafeBufferPointer(rebasing: lab[0..<(end - start)]), start)
                }
            }
            start = end
        }
    }
}
