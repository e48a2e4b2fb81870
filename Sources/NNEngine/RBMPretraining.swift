// RBM pre-training: Hinton's 2006 cure for deep nets that would not train (lecture 10, part 2).
//
// Each dense layer but the output one, in order, is treated as a restricted Boltzmann machine
// whose visible units are the layer's inputs (the data for the first layer, the previous
// pre-trained layers' activations after that) and whose hidden units are the layer's outputs.
// Contrastive divergence with one Gibbs step (CD-1) per mini-batch (B = batch, V = visible,
// H = hidden; W is the layer's V x H weight matrix, b its bias, c a visible bias used only here):
//   h0 = σ(v0 W + b)                 hidden probabilities for the data
//   hs ~ Bernoulli(h0)               a sample, drawn from the session's generator
//   v1 = σ(hs Wᵀ + c)                the reconstruction (linear instead of σ when inputs leave [0, 1])
//   h1 = σ(v1 W + b)
//   W += lr (v0ᵀ h0 - v1ᵀ h1) / B,   b += lr mean(h0 - h1),   c += lr mean(v0 - v1)
// The weights left behind are the starting point for ordinary training ("fine-tuning").

/// One layer's reconstruction error after one epoch of pre-training.
public struct RBMEpochReport: Sendable, Equatable {
    public let layer: String
    public let epoch: Int
    /// Mean squared difference between the inputs and their reconstructions.
    public let reconstructionError: Float
}

public struct RBMPretraining {
    public var epochs: Int
    public var learningRate: Float
    public var batchSize: Int

    public init(epochs: Int = 1, learningRate: Float = 0.1, batchSize: Int = 100) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.batchSize = batchSize
    }

    /// Pre-trains every dense layer except the output node, in order, on `data`. Returns one report
    /// per layer and epoch. Stops early (keeping what is done) when `shouldStop` returns true.
    @discardableResult
    public func run(on network: Network, data: LabeledData, generator: SeededGenerator,
                    shouldStop: () -> Bool = { false },
                    onEpoch: (RBMEpochReport) -> Void = { _ in }) -> [RBMEpochReport] {
        var reports: [RBMEpochReport] = []
        let last = network.layers.count - 1
        for (index, layer) in network.layers.enumerated() where index < last {
            guard let dense = layer as? Dense else { continue }
            for epoch in 1...max(epochs, 1) {
                let error = trainEpoch(dense, index: index, network: network, data: data, generator: generator,
                                       shouldStop: shouldStop)
                let report = RBMEpochReport(layer: dense.name, epoch: epoch, reconstructionError: error)
                reports.append(report)
                onEpoch(report)
                if shouldStop() { return reports }
            }
        }
        return reports
    }

    /// One epoch of CD-1 for one layer; returns the mean reconstruction error.
    func trainEpoch(_ layer: Dense, index: Int, network: Network, data: LabeledData, generator g: SeededGenerator,
                    shouldStop: () -> Bool) -> Float {
        let n = data.count, b = min(batchSize, max(n, 1))
        let V = layer.inputWidth, H = layer.units * layer.activation.piecesPerUnit
        let x = Matrix(rows: b, cols: data.featureCount)
        var labels = [Int32](repeating: 0, count: b)
        var order = (0..<Int32(n)).map { $0 }
        order.withUnsafeMutableBufferPointer { g.shuffle($0) }
        let h0 = Matrix(rows: b, cols: H), hs = Matrix(rows: b, cols: H), h1 = Matrix(rows: b, cols: H)
        let v1 = Matrix(rows: b, cols: V)
        let visibleBias = Matrix(rows: 1, cols: V)
        let positive = Matrix(rows: V, cols: H), colH = Matrix(rows: 1, cols: H), colV = Matrix(rows: 1, cols: V)
        let context = ForwardContext(mode: .inference, generator: g)
        let W = layer.weight.value, bias = layer.bias.value
        var errorSum: Double = 0
        var bounded: Bool?
        var start = 0
        while start < n {
            let end = min(start + b, n), rows = end - start
            let v0 = order.withUnsafeBufferPointer { all in
                labels.withUnsafeMutableBufferPointer { lab in
                    data.fillBatch(UnsafeBufferPointer(rebasing: all[start..<end]), features: x, labels: lab)
                    return network.input(ofNode: index, for: x, context: context)
                }
            }
            // Inputs within [0, 1] (pixels, sigmoid outputs) get sigmoid visible units; others linear.
            if bounded == nil { bounded = (0..<v0.count).allSatisfy { v0.data[$0] >= 0 && v0.data[$0] <= 1 } }
            hidden(v0, W, bias, into: h0)
            hs.resize(rows: rows)
            for i in 0..<hs.count { hs.data[i] = g.uniform() < h0.data[i] ? 1 : 0 }
            BLAS.gemm(hs, W, transposeB: true, into: v1)
            BLAS.addRowVector(visibleBias, to: v1)
            if bounded == true { for i in 0..<v1.count { v1.data[i] = Activation.sigmoidValue(v1.data[i]) } }
            hidden(v1, W, bias, into: h1)
            // W += lr/B (v0ᵀ h0 - v1ᵀ h1)
            let step = learningRate / Float(rows)
            BLAS.gemm(v0, transposeA: true, h0, into: positive)
            BLAS.gemm(v1, transposeA: true, h1, into: positive, alpha: -1, beta: 1)
            for i in 0..<W.count { W.data[i] += step * positive.data[i] }
            BLAS.sumColumns(of: h0, into: colH)
            BLAS.sumColumns(of: h1, into: colH, alpha: -1, beta: 1)
            for j in 0..<H { bias.data[j] += step * colH.data[j] }
            BLAS.sumColumns(of: v0, into: colV)
            BLAS.sumColumns(of: v1, into: colV, alpha: -1, beta: 1)
            for j in 0..<V { visibleBias.data[j] += step * colV.data[j] }
            var e: Double = 0
            for i in 0..<v0.count { let d = v0.data[i] - v1.data[i]; e += Double(d * d) }
            errorSum += e / Double(V)
            start = end
            if shouldStop() { break }
        }
        return Float(errorSum / Double(max(start, 1)))
    }

    /// h = σ(v W + b)
    private func hidden(_ v: Matrix, _ W: Matrix, _ b: Matrix, into h: Matrix) {
        BLAS.gemm(v, W, into: h)
        BLAS.addRowVector(b, to: h)
        for i in 0..<h.count { h.data[i] = Activation.sigmoidValue(h.data[i]) }
    }
}
