// nnbench: how fast nnlab trains, measured against the machine's own GEMM ceiling (make bench).
//
// One run prints: the cblas_sgemm ceiling on the training step's own shapes; one epoch of the
// lecture's deep dropout model (lab 10-5: 784-512-512-512-512-10, relu, xavier, keep_prob 0.7,
// adam 0.001, batch 100) over 55,000 Fashion-MNIST training images (random pixels of the same
// shape when the Debian package is missing); data loading and REPL start-up times; and one
// machine-readable summary line. `--profile` adds where a training step's time goes.

import Foundation
import NNData
import NNEngine

let widths = [784, 512, 512, 512, 512, 10]
let batch = 100
let environment = ProcessInfo.processInfo.environment
print("nnbench: OpenBLAS threads \(BLAS.threadCount), OPENBLAS_CORETYPE=\(environment["OPENBLAS_CORETYPE"] ?? "(unset)")")

let ceiling = gemmCeiling(widths: widths, batch: batch)
print("sgemm ceiling on the training step's shapes: \(f1(ceiling)) GFLOP/s")

// Data: the real Fashion-MNIST training split (55,000 images) when installed.
let loadStart = now()
var dataName = "fashion"
var loadSeconds: Double?
let train: LabeledData
do {
    let data = try DataCatalog.load(["fashion"], context: DataLoadContext(projectDataFolder: "data", generator: SeededGenerator(seed: 1)))
    loadSeconds = now() - loadStart
    train = data.train
    print("Fashion-MNIST loaded from its .gz files in \(f3(loadSeconds!)) s (\(data.splitSummary))")
} catch {
    dataName = "random"
    train = RandomPixels(count: 55_000, seed: 1)
    print("Fashion-MNIST is not installed (\(error)); using random pixels of the same shape")
}

let result = trainingBench(data: train, batch: batch)
let weights = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
let gflops = 6 * Double(weights) * Double(train.count) / result.seconds / 1e9
print("lab 10-5 model, one epoch of \(train.count) \(dataName) samples: \(f3(result.seconds)) s (best of \(result.epochs)), "
      + "\(f1(gflops)) GFLOP/s = \(String(format: "%.2f", gflops / ceiling)) of the ceiling")

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nnlab").path
let startup = replStartup(binary: binary)
if let startup { print("REPL start-up to exit (median of 15): \(String(format: "%.0f", startup * 1000)) ms") }

print("bench model=lab10-5 samples=\(train.count) sec_per_epoch=\(f3(result.seconds)) gflops=\(f1(gflops)) "
      + "ceiling_gflops=\(f1(ceiling)) fraction=\(f3(gflops / ceiling)) peak_rss_mb=\(String(format: "%.0f", peakRSSMegabytes()))"
      + (loadSeconds.map { " data_load_sec=\(f3($0))" } ?? "") + (startup.map { " repl_startup_ms=\(String(format: "%.0f", $0 * 1000))" } ?? ""))

if CommandLine.arguments.contains("--profile") { profile(data: train, batch: batch) }
