// The training benchmark: lab 10-5's model for whole epochs, exactly as `train` runs it.

import CKernels
import CPeak
import NNEngine

/// The lecture's deep dropout model (lab 10-5).
func lab105Model() throws -> Network {
    let spec = ModelSpec.stack([
        .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
        .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
        .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
        .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
        .dense(units: 10, activation: .softmax),
    ], initializer: InitializerChoice(weights: .xavierUniform))
    return try Network(spec: spec, inputWidth: 784)
}

/// Seconds of the fastest epoch on nnlab's kernels and with OpenBLAS's sgemm in the same loop,
/// alternating (`rounds` epochs each, after one warm-up epoch each).
func epochBench(data: LabeledData, batch: Int, rounds: Int) -> (nnlab: Double, openblas: Double) {
    let generator = SeededGenerator(seed: 777)
    guard let network = try? lab105Model() else { return (.nan, .nan) }
    network.initialize(generator: generator)
    let trainer = Trainer(network: network, optimizer: Optimizer(OptimizerSpec(.adam, learningRate: 0.001)), generator: generator)
    var best = (nnlab: Double.infinity, openblas: Double.infinity)
    for round in 0...rounds {
        for external in [false, true] {
            nn_gemm_set_external(external ? nn_openblas_gemm : nil)
            let start = now()
            _ = trainer.train(on: data, options: TrainingOptions(epochs: 1, batchSize: batch))
            let seconds = now() - start
            if round == 0 { continue }                       // warm-up: caches, pages, thread pools
            if external { best.openblas = min(best.openblas, seconds) } else { best.nnlab = min(best.nnlab, seconds) }
        }
    }
    nn_gemm_set_external(nil)
    return best
}

/// Random pixels shaped like MNIST, stored as bytes and scaled per batch like the real sets.
final class RandomPixels: LabeledData {
    let pixels: [UInt8], labels: [Int32]
    let count: Int, featureCount = 784, classCount = 10
    init(count: Int, seed: UInt64) {
        let g = SeededGenerator(seed: seed)
        self.count = count
        pixels = (0..<(count * 784)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        labels = (0..<count).map { _ in Int32(g.index(below: 10)) }
    }
    func label(_ i: Int) -> Int { Int(labels[i]) }
    func fillBatch(_ indices: UnsafeBufferPointer<Int32>, features: Matrix, labels out: UnsafeMutableBufferPointer<Int32>) {
        features.resize(rows: indices.count)
        pixels.withUnsafeBufferPointer { px in
            for (r, i) in indices.enumerated() {
                let src = px.baseAddress! + Int(i) * 784, dst = features.data + r * 784
                for j in 0..<784 { dst[j] = Float(src[j]) * (1 / 255) }
                out[r] = labels[Int(i)]
            }
        }
    }
}
