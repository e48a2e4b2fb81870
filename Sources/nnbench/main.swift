// nnbench: how fast nnlab trains, measured against the machine's own GEMM ceiling.
//
// One run prints: the cblas_sgemm ceiling on the training step's own shapes; one epoch of the
// lecture's deep dropout model (lab 10-5: 784-512-512-512-512-10, relu, xavier, keep_prob 0.7,
// adam 0.001, batch 100) over 55,000 samples; and a machine-readable summary line.

import Foundation
import NNEngine

/// Random pixels shaped like MNIST (stand-in until real data is wired in).
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

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// GFLOP/s of the GEMMs one training step of `widths` runs (batch rows), best of several rounds.
func gemmCeiling(widths: [Int], batch: Int) -> Double {
    var shapes: [(m: Int, n: Int, k: Int, ta: Bool, tb: Bool)] = []
    for (i, (a, b)) in zip(widths, widths.dropFirst()).enumerated() {
        shapes.append((batch, b, a, false, false))       // forward  x W
        shapes.append((a, b, batch, true, false))        // dW = xᵀ dz
        if i > 0 { shapes.append((batch, a, b, false, true)) } // dx = dz Wᵀ (not for the first layer)
    }
    let mats = shapes.map { s in
        (Matrix(rows: s.ta ? s.k : s.m, cols: s.ta ? s.m : s.k), Matrix(rows: s.tb ? s.n : s.k, cols: s.tb ? s.k : s.n),
         Matrix(rows: s.m, cols: s.n))
    }
    let flops = Double(shapes.reduce(0) { $0 + 2 * $1.m * $1.n * $1.k })
    var best = 0.0
    for _ in 0..<5 {
        let start = now()
        let reps = 60
        for _ in 0..<reps {
            for (s, (a, b, c)) in zip(shapes, mats) { BLAS.gemm(a, transposeA: s.ta, b, transposeB: s.tb, into: c) }
        }
        best = max(best, flops * Double(reps) / (now() - start) / 1e9)
    }
    return best
}

let widths = [784, 512, 512, 512, 512, 10]
let batch = 100
print("nnbench: OpenBLAS threads \(BLAS.threadCount), OPENBLAS_CORETYPE=\(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "(unset)")")
let ceiling = gemmCeiling(widths: widths, batch: batch)
print(String(format: "sgemm ceiling on the training step's shapes: %.1f GFLOP/s", ceiling))

let samples = 55_000
let data = RandomPixels(count: samples, seed: 1)
let spec = ModelSpec.stack([
    .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
    .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
    .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
    .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
    .dense(units: 10, activation: .softmax),
], initializer: InitializerChoice(weights: .xavierUniform))
let generator = SeededGenerator(seed: 777)
let network = try Network(spec: spec, inputWidth: 784)
network.initialize(generator: generator)
let weights = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
let trainer = Trainer(network: network, optimizer: Optimizer(OptimizerSpec(.adam, learningRate: 0.001)), generator: generator)
var epochSeconds: [Double] = []
for _ in 0..<2 {
    let start = now()
    _ = trainer.train(on: data, options: TrainingOptions(epochs: 1, batchSize: batch))
    epochSeconds.append(now() - start)
}
let seconds = epochSeconds.min()!
let gflops = 6 * Double(weights) * Double(samples) / seconds / 1e9
print(String(format: "lab 10-5 model, one epoch of %d samples: %.2f s (best of %d), %.1f GFLOP/s, %.2f of the ceiling",
             samples, seconds, epochSeconds.count, gflops, gflops / ceiling))
print(String(format: "bench model=lab10-5 samples=%d sec_per_epoch=%.3f gflops=%.1f ceiling_gflops=%.1f fraction=%.3f peak_rss_mb=%.0f",
             samples, seconds, gflops, ceiling, gflops / ceiling, peakRSSMegabytes()))

// MARK: - Where the time goes (each phase added on top of the previous one, 550 batches)
func profile(network: Network, data: LabeledData, generator: SeededGenerator, samples: Int, batch: Int) {
    let x = Matrix(rows: batch, cols: 784)
    var labels = [Int32](repeating: 0, count: batch)
    let order = (0..<Int32(samples)).map { $0 }
    let params = network.parameters
    let optimizer = Optimizer(OptimizerSpec(.adam))
    optimizer.prepare(params)
    let stats = GradientStats(network: network)
    let ctx = ForwardContext(mode: .training, generator: generator)
    func phase(_ name: String, _ body: () -> Void) {
        let start = now()
        for b in 0..<(samples / batch) {
            order.withUnsafeBufferPointer { all in
                labels.withUnsafeMutableBufferPointer { lab in
                    data.fillBatch(UnsafeBufferPointer(rebasing: all[(b * batch)..<((b + 1) * batch)]), features: x, labels: lab)
                }
            }
            body()
        }
        print(String(format: "  %-28@ %.3f s", name as NSString, now() - start))
    }
    phase("fill batches") {}
    phase("+ forward") { network.forward(x, context: ctx) }
    phase("+ loss and backward") { _ = labels.withUnsafeBufferPointer { network.trainStep(x, labels: $0, context: ctx) } }
    phase("+ adam") {
        _ = labels.withUnsafeBufferPointer { network.trainStep(x, labels: $0, context: ctx) }
        optimizer.step(params)
    }
    phase("+ gradient stats") {
        _ = labels.withUnsafeBufferPointer { network.trainStep(x, labels: $0, context: ctx) }
        optimizer.step(params)
        stats.record()
    }
}
if CommandLine.arguments.contains("--profile") {
    profile(network: network, data: data, generator: generator, samples: samples, batch: batch)
}
