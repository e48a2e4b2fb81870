// GradientStats: how big each layer's weight gradients are: the vanishing gradient made visible.
//
// For every layer with weights: the mean |dW| of its main weight matrix, the mean |W|, and their
// ratio (how far one plain gradient step would move the weights, relative to their size). The
// trainer records the last step's values and each epoch's average. Measuring reads every weight
// and gradient once, so the trainer samples about `samplesPerEpoch` evenly spaced steps of a long
// epoch (every step of a short one) and always the epoch's last step.

/// One layer's gradient size at a step or averaged over an epoch.
public struct LayerGradient: Sendable, Equatable, Codable {
    public let layer: String
    /// Mean absolute value of the gradient of the layer's weight matrix.
    public let meanAbsGradient: Float
    /// Mean absolute value of the weights themselves.
    public let meanAbsWeight: Float

    public init(layer: String, meanAbsGradient: Float, meanAbsWeight: Float) {
        self.layer = layer
        self.meanAbsGradient = meanAbsGradient
        self.meanAbsWeight = meanAbsWeight
    }

    /// Gradient size relative to weight size (0 when the weights are all zero).
    public var ratio: Float { meanAbsWeight > 0 ? meanAbsGradient / meanAbsWeight : 0 }
}

/// Accumulates per-layer gradient sizes over the steps of an epoch, without allocating per step.
public final class GradientStats {
    /// Steps sampled per epoch when an epoch has more batches than this.
    public static let samplesPerEpoch = 50
    /// The weight matrices watched: the first parameter of each layer that has parameters.
    public let watched: [(layer: String, parameter: Parameter)]
    private var gradientSums: [Double]
    private var weightSums: [Double]
    private var steps = 0
    /// The latest step's values, in layer order.
    public private(set) var lastStep: [LayerGradient] = []

    public init(network: Network) {
        watched = network.layers.compactMap { layer in layer.parameters.first.map { (layer.name, $0) } }
        gradientSums = Array(repeating: 0, count: watched.count)
        weightSums = Array(repeating: 0, count: watched.count)
        lastStep.reserveCapacity(watched.count)
    }

    /// Records the gradients currently held by the watched parameters (call after backward).
    public func record() {
        lastStep.removeAll(keepingCapacity: true)
        for (i, w) in watched.enumerated() {
            let g = w.parameter.gradient.meanAbs(), v = w.parameter.value.meanAbs()
            gradientSums[i] += Double(g)
            weightSums[i] += Double(v)
            lastStep.append(LayerGradient(layer: w.layer, meanAbsGradient: g, meanAbsWeight: v))
        }
        steps += 1
    }

    /// The average since the last reset, and starts a new period.
    public func takeAverage() -> [LayerGradient] {
        defer {
            for i in gradientSums.indices { gradientSums[i] = 0; weightSums[i] = 0 }
            steps = 0
        }
        guard steps > 0 else { return lastStep }
        return watched.enumerated().map { i, w in
            LayerGradient(layer: w.layer, meanAbsGradient: Float(gradientSums[i] / Double(steps)),
                          meanAbsWeight: Float(weightSums[i] / Double(steps)))
        }
    }
}
