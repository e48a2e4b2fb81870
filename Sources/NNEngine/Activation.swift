// Activation: the non-linearities of lecture 10, each forward beside its derivative.
//
// Derivatives are computed from the activation's OUTPUT y (not its input), so a layer keeps one
// buffer per batch. Maxout and softmax are the exceptions handled by their callers: maxout needs
// the argmax of each group (see Dense), and softmax couples a whole row.

import CKernels
import Foundation
import NNCore

/// A non-linearity applied elementwise (or per row, for softmax; per group of k, for maxout).
public enum Activation: Codable, Equatable, Hashable, Sendable {
    case linear
    case sigmoid
    case tanh
    case relu
    /// x for x > 0, alpha * x otherwise (alpha 0.01 by default; the lecture also shows 0.1).
    case leakyReLU(alpha: Float)
    /// x for x > 0, alpha * (e^x - 1) otherwise.
    case elu(alpha: Float)
    /// Self-normalizing ELU: scale * (x > 0 ? x : alpha * (e^x - 1)) with Klambauer et al.'s constants.
    case selu
    /// The largest of k linear pieces: a dense layer with maxout makes units * k outputs and keeps
    /// the maximum of each group of k.
    case maxout(pieces: Int)
    /// e^x_i / sum_j e^x_j over each row (an output activation).
    case softmax

    /// SELU's constants (Klambauer et al., 2017).
    public static let seluAlpha: Float = 1.6732632423543772
    public static let seluScale: Float = 1.0507009873554805

    /// The canonical name, as typed in the shell: `relu`, `leaky_relu`, `maxout`...
    public var name: String {
        switch self {
        case .linear: "linear"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .leakyReLU: "leaky_relu"
        case .elu: "elu"
        case .selu: "selu"
        case .maxout: "maxout"
        case .softmax: "softmax"
        }
    }

    /// The name with any non-default parameter, e.g. `leaky_relu(alpha=0.1)`, `maxout(k=3)`.
    public var description: String {
        switch self {
        case .leakyReLU(let a) where a != 0.01: "leaky_relu(alpha=\(a))"
        case .elu(let a) where a != 1: "elu(alpha=\(a))"
        case .maxout(let k) where k != 2: "maxout(k=\(k))"
        default: name
        }
    }

    /// Every activation name the engine knows, in the order the lecture meets them.
    public static let allNames = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "maxout",
                                  "softmax", "linear"]

    /// The activation for a name with default parameters (nil for an unknown name).
    public static func named(_ name: String) -> Activation? {
        switch name {
        case "linear", "identity", "none": .linear
        case "sigmoid": .sigmoid
        case "tanh": .tanh
        case "relu": .relu
        case "leaky_relu", "leakyrelu", "lrelu": .leakyReLU(alpha: 0.01)
        case "elu": .elu(alpha: 1)
        case "selu": .selu
        case "maxout": .maxout(pieces: 2)
        case "softmax": .softmax
        default: nil
        }
    }

    /// Outputs per unit before the activation (k for maxout, 1 otherwise).
    public var piecesPerUnit: Int {
        if case .maxout(let k) = self { return k }
        return 1
    }

    /// One line for help texts.
    public var summary: String {
        switch self {
        case .linear: "identity: y = x (regression outputs, or before a merge)"
        case .sigmoid: "1 / (1 + e^-x): 0..1, slope at most 0.25, so deep stacks vanish"
        case .tanh: "(e^x - e^-x) / (e^x + e^-x): -1..1, zero-centred sigmoid"
        case .relu: "max(0, x): slope 1 where active, the cure for vanishing gradients"
        case .leakyReLU: "max(alpha x, x): relu that keeps a small slope for x < 0"
        case .elu: "x, or alpha (e^x - 1) for x < 0: smooth, mean closer to zero"
        case .selu: "scaled elu that keeps activations normalized"
        case .maxout: "the largest of k linear pieces (k times the weights)"
        case .softmax: "e^x / sum e^x per row: class probabilities (output layer)"
        }
    }

    // MARK: - Forward (in place, elementwise kinds only)

    /// y = f(z) in place over `n` values. Not for softmax or maxout (see `softmaxRows`, Dense).
    @inline(__always)
    public func applyInPlace(_ z: UnsafeMutablePointer<Float>, count n: Int) {
        switch self {
        case .linear, .maxout, .softmax:
            break
        case .relu:
            for i in 0..<n { let v = z[i]; z[i] = v > 0 ? v : 0 }
        case .leakyReLU(let a):
            for i in 0..<n { let v = z[i]; z[i] = v > 0 ? v : a * v }
        case .sigmoid:
            nn_sigmoid(z, n)   // 1 / (1 + e^-z), vectorized in CKernels
        case .tanh:
            nn_tanh(z, n)      // CKernels: the same bits at every vector width
        case .elu(let a):
            nn_elu(z, n, a, 1)
        case .selu:
            let a = Activation.seluAlpha, s = Activation.seluScale
            nn_elu(z, n, a, s)
        }
    }

    /// A sigmoid that does not overflow for large |x|.
    @inline(__always) public static func sigmoidValue(_ x: Float) -> Float { Math.sigmoid(x) }

    /// Softmax of each row of `rows x cols` values in place (max subtracted first: no overflow;
    /// the row's sum taken left to right).
    public static func softmaxRows(_ z: UnsafeMutablePointer<Float>, rows: Int, cols: Int) {
        nn_softmax_rows(z, rows, cols)
    }

    // MARK: - Backward

    /// dz = dy * f'(z), with f' written in terms of y = f(z), over `n` values.
    /// Not for maxout (Dense routes its gradient) or softmax (see `softmaxBackwardRows`).
    @inline(__always)
    public func gradient(y: UnsafePointer<Float>, dy: UnsafePointer<Float>, dz: UnsafeMutablePointer<Float>,
                         count n: Int) {
        switch self {
        case .linear, .maxout, .softmax:
            if dz != UnsafeMutablePointer(mutating: dy) { dz.update(from: dy, count: n) }
        case .relu:
            for i in 0..<n { let g = dy[i]; dz[i] = y[i] > 0 ? g : 0 }
        case .leakyReLU(let a):
            for i in 0..<n { let g = dy[i]; dz[i] = y[i] > 0 ? g : a * g }
        case .sigmoid:
            for i in 0..<n { let v = y[i]; dz[i] = dy[i] * v * (1 - v) }
        case .tanh:
            for i in 0..<n { let v = y[i]; dz[i] = dy[i] * (1 - v * v) }
        case .elu(let a):
            // For z < 0: y = a (e^z - 1), so f'(z) = a e^z = y + a.
            for i in 0..<n { let g = dy[i], v = y[i]; dz[i] = v > 0 ? g : g * (v + a) }
        case .selu:
            let a = Activation.seluAlpha, s = Activation.seluScale
            for i in 0..<n { let g = dy[i], v = y[i]; dz[i] = v > 0 ? g * s : g * (v + s * a) }
        }
    }

    /// Softmax's vector-Jacobian product per row: dz_i = y_i (dy_i - sum_j dy_j y_j).
    public static func softmaxBackwardRows(y: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                                           dz: UnsafeMutablePointer<Float>, rows: Int, cols: Int) {
        for r in 0..<rows {
            let o = r * cols
            var dot: Float = 0
            for j in 0..<cols { dot += dy[o + j] * y[o + j] }
            for j in 0..<cols { dz[o + j] = y[o + j] * (dy[o + j] - dot) }
        }
    }
}
