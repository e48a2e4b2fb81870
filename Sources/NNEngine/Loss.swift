// Loss: the cost a network minimizes, with its gradient.
//
// Labels are class indices. With one output unit a label is the 0/1 target itself (the XOR labs);
// with K units it is one-hot. Softmax cross-entropy and sigmoid cross-entropy are fused with the
// output activation: their gradient with respect to the pre-activation z is simply (p - t) / N,
// which is exact and numerically stable.

import Foundation
import NNCore

/// A cost function over a batch of outputs and labels.
public enum Loss: String, Codable, CaseIterable, Sendable {
    /// -log p[label], averaged over the batch (with a softmax output).
    case softmaxCrossEntropy = "softmax_cross_entropy"
    /// -(t log p + (1 - t) log(1 - p)), averaged over outputs and batch (with a sigmoid output).
    case sigmoidCrossEntropy = "sigmoid_cross_entropy"
    /// (y - t)², averaged over outputs and batch.
    case meanSquaredError = "mse"

    /// The usual loss for an output activation: softmax -> cross-entropy, sigmoid -> binary
    /// cross-entropy, anything else -> mean squared error.
    public static func natural(for output: Activation) -> Loss {
        switch output {
        case .softmax: .softmaxCrossEntropy
        case .sigmoid: .sigmoidCrossEntropy
        default: .meanSquaredError
        }
    }

    /// Whether this loss supplies d(cost)/dz for a layer with `activation` (skipping f').
    public func fuses(with activation: Activation) -> Bool {
        (self == .softmaxCrossEntropy && activation == .softmax) || (self == .sigmoidCrossEntropy && activation == .sigmoid)
    }

    /// Probabilities are clipped to [eps, 1 - eps] inside logarithms (as Keras does).
    static let epsilon: Float = 1e-7

    /// The mean cost of `output` (B x K) against `labels`; when `gradient` is given, also writes
    /// d(cost)/d(output), or d(cost)/dz when `fused` (see `fuses(with:)`).
    public func cost(output y: Matrix, labels: UnsafeBufferPointer<Int32>, gradient: Matrix? = nil,
                     fused: Bool = false) -> Float {
        let rows = y.rows, k = y.cols
        precondition(labels.count >= rows, "loss: \(rows) outputs but \(labels.count) labels")
        gradient?.resize(rows: rows)
        let g = gradient?.data
        var total: Double = 0
        let eps = Loss.epsilon
        switch self {
        case .softmaxCrossEntropy:
            let scale = 1 / Float(rows)
            for r in 0..<rows {
                let row = y.data + r * k, t = Int(labels[r])
                precondition(t >= 0 && t < k, "loss: label \(t) is outside the \(k) outputs")
                total -= Double(Math.log(min(max(row[t], eps), 1 - eps)))
                guard let g else { continue }
                let gr = g + r * k
                if fused {
                    for j in 0..<k { gr[j] = row[j] * scale }
                    gr[t] -= scale
                } else {
                    for j in 0..<k { gr[j] = 0 }
                    gr[t] = -scale / min(max(row[t], eps), 1 - eps)
                }
            }
            return Float(total / Double(rows))
        case .sigmoidCrossEntropy, .meanSquaredError:
            let scale = 1 / Float(rows * k)
            for r in 0..<rows {
                let row = y.data + r * k, label = Int(labels[r])
                for j in 0..<k {
                    let t: Float = k == 1 ? Float(label) : (j == label ? 1 : 0)
                    let p = row[j]
                    if self == .meanSquaredError {
                        let d = p - t
                        total += Double(d * d)
                        g?[r * k + j] = 2 * d * scale
                    } else {
                        let pc = min(max(p, eps), 1 - eps)
                        total -= Double(t * Math.log(pc) + (1 - t) * Math.log(1 - pc))
                        g?[r * k + j] = fused ? (p - t) * scale : (pc - t) / (pc * (1 - pc)) * scale
                    }
                }
            }
            return Float(total / Double(rows * k))
        }
    }

    /// The predicted class of one output row: p > 0.5 with one unit, otherwise the argmax.
    @inline(__always)
    public static func predictedClass(_ row: UnsafePointer<Float>, count k: Int) -> Int {
        if k == 1 { return row[0] > 0.5 ? 1 : 0 }
        var best = 0
        for j in 1..<k where row[j] > row[best] { best = j }
        return best
    }

    /// Number of rows of `output` whose predicted class equals the label.
    public static func correctCount(output y: Matrix, labels: UnsafeBufferPointer<Int32>) -> Int {
        var correct = 0
        for r in 0..<y.rows where predictedClass(y.data + r * y.cols, count: y.cols) == Int(labels[r]) {
            correct += 1
        }
        return correct
    }
}
