// Initializer: how a layer's starting weights are drawn (lecture 10, part 2).
//
// Each case documents its formula. fan_in is a layer's input width, fan_out its output width
// (units times maxout pieces). The "normal" variance-scaling initializers draw from a normal
// truncated at two standard deviations and rescaled so the variance matches the formula
// exactly, as Keras does. `rbm` is not a distribution: it starts from N(0, 0.01²) and then runs
// greedy layer-wise RBM pre-training on the data (see RBMPretraining.swift).

import Foundation

/// A recipe for the starting values of a weight (or bias) matrix.
public enum Initializer: Codable, Equatable, Hashable, Sendable {
    /// w = 0. Every unit of a layer computes the same thing and receives the same gradient:
    /// they stay identical forever (the symmetry problem), so the net never learns.
    case zeros
    /// w = value.
    case constant(Float)
    /// w ~ N(0, stddev²).
    case normal(stddev: Float)
    /// w ~ N(0, stddev²), redrawn outside ±2 stddev (TensorFlow's truncated_normal).
    case truncatedNormal(stddev: Float)
    /// w ~ U(-limit, limit).
    case uniform(limit: Float)
    /// Glorot & Bengio (2010): w ~ U(-l, l), l = sqrt(6 / (fan_in + fan_out)). TF1's xavier_initializer.
    case xavierUniform
    /// Glorot normal: variance 2 / (fan_in + fan_out) (truncated, rescaled).
    case xavierNormal
    /// He et al. (2015), "the /2 variant": variance 2 / fan_in (truncated normal, rescaled).
    case heNormal
    /// He uniform: w ~ U(-l, l), l = sqrt(6 / fan_in), variance 2 / fan_in.
    case heUniform
    /// LeCun normal: variance 1 / fan_in (truncated normal, rescaled).
    case lecunNormal
    /// Restricted Boltzmann machine pre-training (Hinton 2006), `epochs` of CD-1 per layer with
    /// learning rate `learningRate`, starting from N(0, 0.01²).
    case rbm(epochs: Int, learningRate: Float)

    /// The standard deviation of N(0, 1) truncated to [-2, 2]: dividing by it restores unit variance.
    static let truncatedStddev: Float = 0.87962566103423978

    /// The shell name: `xavier`, `he`, `normal`...
    public var name: String {
        switch self {
        case .zeros: "zeros"
        case .constant: "constant"
        case .normal: "normal"
        case .truncatedNormal: "truncated_normal"
        case .uniform: "uniform"
        case .xavierUniform: "xavier"
        case .xavierNormal: "xavier_normal"
        case .heNormal: "he"
        case .heUniform: "he_uniform"
        case .lecunNormal: "lecun"
        case .rbm: "rbm"
        }
    }

    /// Name with parameters: `normal(stddev=0.01)`, `rbm(epochs=1, lr=0.1)`.
    public var description: String {
        switch self {
        case .constant(let v): "constant(value=\(v))"
        case .normal(let s): "normal(stddev=\(s))"
        case .truncatedNormal(let s): "truncated_normal(stddev=\(s))"
        case .uniform(let l): "uniform(limit=\(l))"
        case .rbm(let e, let lr): "rbm(epochs=\(e), lr=\(lr))"
        default: name
        }
    }

    /// The variance the formula promises for a layer's weights (nil for rbm).
    public func variance(fanIn: Int, fanOut: Int) -> Float? {
        switch self {
        case .zeros, .constant: 0
        case .normal(let s): s * s
        case .truncatedNormal(let s): s * s * Initializer.truncatedStddev * Initializer.truncatedStddev
        case .uniform(let l): l * l / 3
        case .xavierUniform, .xavierNormal: 2 / Float(fanIn + fanOut)
        case .heNormal, .heUniform: 2 / Float(fanIn)
        case .lecunNormal: 1 / Float(fanIn)
        case .rbm: nil
        }
    }

    /// Fills `w` (fan_in x fan_out for weights, 1 x n for biases) with draws from `generator`.
    public func fill(_ w: Matrix, fanIn: Int, fanOut: Int, generator g: SeededGenerator) {
        let p = w.data, n = w.count
        func truncated(variance v: Float) {
            let s = v.squareRoot() / Initializer.truncatedStddev
            for i in 0..<n { p[i] = g.truncatedNormal(stddev: s) }
        }
        func uniform(_ l: Float) { for i in 0..<n { p[i] = g.uniform(-l, l) } }
        switch self {
        case .zeros: w.fill(0)
        case .constant(let v): w.fill(v)
        case .normal(let s): for i in 0..<n { p[i] = s * g.normal() }
        case .truncatedNormal(let s): for i in 0..<n { p[i] = g.truncatedNormal(stddev: s) }
        case .uniform(let l): uniform(l)
        case .xavierUniform: uniform((6 / Float(fanIn + fanOut)).squareRoot())
        case .heUniform: uniform((6 / Float(fanIn)).squareRoot())
        case .xavierNormal, .heNormal, .lecunNormal:
            truncated(variance: variance(fanIn: fanIn, fanOut: fanOut) ?? 0)
        case .rbm: for i in 0..<n { p[i] = 0.01 * g.normal() }
        }
    }

    /// Every initializer name the shell accepts.
    public static let allNames = ["zeros", "constant", "normal", "truncated_normal", "uniform", "xavier",
                                  "xavier_normal", "he", "he_uniform", "lecun", "rbm"]

    /// One line for help texts.
    public var summary: String {
        switch self {
        case .zeros: "all weights 0: units stay identical, nothing learns"
        case .constant: "every weight the same value"
        case .normal: "N(0, stddev²); the lab's 'random normal' (stddev=1)"
        case .truncatedNormal: "N(0, stddev²) cut at two standard deviations"
        case .uniform: "U(-limit, limit)"
        case .xavierUniform: "Glorot: U(±sqrt(6/(fan_in+fan_out)))"
        case .xavierNormal: "Glorot normal: variance 2/(fan_in+fan_out)"
        case .heNormal: "He: variance 2/fan_in (xavier with the '/2'), for relu"
        case .heUniform: "He uniform: U(±sqrt(6/fan_in))"
        case .lecunNormal: "LeCun: variance 1/fan_in (for selu)"
        case .rbm: "RBM pre-training layer by layer, then fine-tuning"
        }
    }
}

/// The initializers for one layer: weights and biases (biases start at zero unless told).
public struct InitializerChoice: Codable, Equatable, Hashable, Sendable {
    public var weights: Initializer
    public var biases: Initializer

    public init(weights: Initializer, biases: Initializer = .zeros) {
        self.weights = weights
        self.biases = biases
    }

    /// Keras's default: Glorot uniform weights, zero biases.
    public static let standard = InitializerChoice(weights: .xavierUniform)

    public var description: String {
        biases == .zeros ? weights.description : "\(weights.description), bias \(biases.description)"
    }
}
