// Ensemble: several independently trained networks voting by averaged probabilities
// (lecture 10, part 3: typically a few percent better than each member).

/// The figures of an ensemble evaluation.
public struct EnsembleEvaluation: Sendable, Equatable {
    /// Each member's own accuracy, in member order.
    public let memberAccuracies: [Float]
    /// Accuracy of the averaged probabilities.
    public let accuracy: Float
    public let count: Int

    /// Best member's accuracy.
    public var bestMember: Float { memberAccuracies.max() ?? 0 }
    /// Ensemble accuracy minus the best member's.
    public var gainOverBest: Float { accuracy - bestMember }
    /// Ensemble accuracy minus the members' mean.
    public var gainOverMean: Float {
        accuracy - memberAccuracies.reduce(0, +) / Float(max(memberAccuracies.count, 1))
    }
}

/// Networks of one recipe trained with different seeds.
public final class Ensemble {
    public private(set) var members: [Network] = []
    /// The seed each member was initialized and trained with.
    public private(set) var seeds: [UInt64] = []

    public init() {}

    public func add(_ network: Network, seed: UInt64) {
        members.append(network)
        seeds.append(seed)
    }

    /// Each member's accuracy and the accuracy of their averaged probabilities on `data`.
    public func evaluate(on data: LabeledData) -> EnsembleEvaluation {
        guard let first = members.first else {
            return EnsembleEvaluation(memberAccuracies: [], accuracy: 0, count: data.count)
        }
        let sum = Matrix(rows: data.count, cols: first.outputWidth)
        var accuracies: [Float] = []
        let labels = (0..<data.count).map { Int32(data.label($0)) }
        for net in members {
            let p = Evaluator.probabilities(net, on: data)
            accuracies.append(Self.accuracy(p, labels, members: 1))
            for i in 0..<sum.count { sum.data[i] += p.data[i] }
        }
        return EnsembleEvaluation(memberAccuracies: accuracies, accuracy: Self.accuracy(sum, labels, members: members.count), count: data.count)
    }

    /// Accuracy of summed probabilities `p` of `members` networks (argmax is unchanged by the sum;
    /// a single sigmoid unit compares the mean with 0.5).
    private static func accuracy(_ p: Matrix, _ labels: [Int32], members: Int) -> Float {
        guard p.rows > 0 else { return 0 }
        let k = p.cols, threshold = 0.5 * Float(members)
        var correct = 0
        for r in 0..<p.rows {
            let row = p.data + r * k
            let predicted = k == 1 ? (row[0] > threshold ? 1 : 0) : Loss.predictedClass(row, count: k)
            if predicted == Int(labels[r]) { correct += 1 }
        }
        return Float(correct) / Float(p.rows)
    }
}
