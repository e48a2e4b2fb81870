// nnbench: how fast nnlab trains, against OpenBLAS on the same work and against the machine's FMA
// peak, all measured in this one run (make bench). The VM is noisy, so everything compared is
// measured interleaved and reported as ratios.
//
// It prints: the kernel level and the FMA peak from registers (1 and 2 threads); a GEMM table of
// one training step's shapes (nnlab vs OpenBLAS, GF/s, 1 and 2 threads); one epoch of lab 10-5
// (784-512-512-512-512-10, relu, dropout 0.7, Adam, batch 100, 55,000 Fashion-MNIST images; random
// pixels of the same shape when the Debian package is missing) on nnlab's kernels and with
// OpenBLAS's sgemm in the same loop; data loading, REPL start-up, peak memory; and one
// machine-readable summary line. `--profile` adds where a training step's time goes; `--profile-only`
// prints only that.

import CKernels
import CPeak
import Foundation
import NNData
import NNEngine

let widths = [784, 512, 512, 512, 512, 10]
let batch = 100
let environment = ProcessInfo.processInfo.environment
print("nnbench: \(Arithmetic.summary); OPENBLAS_CORETYPE=\(environment["OPENBLAS_CORETYPE"] ?? "(unset)")")

let level = Arithmetic.level
let peak1 = nn_fma_peak_gflops(Int32(level.c.rawValue), 1), peak2 = nn_fma_peak_gflops(Int32(level.c.rawValue), 2)
print("FMA peak from registers (\(level.rawValue)): \(f1(peak1)) GF/s on 1 thread, \(f1(peak2)) on 2")

// `--profile-only`: just where one epoch's time goes (quicker while tuning).
if CommandLine.arguments.contains("--profile-only") {
    let data = (try? DataCatalog.load(["fashion"], context: DataLoadContext(projectDataFolder: "data", generator: SeededGenerator(seed: 1))))?.train
    profile(data: data ?? RandomPixels(count: 55_000, seed: 1), batch: batch)
    exit(0)
}

// MARK: - The GEMM table
let shapes = stepShapes(widths: widths, batch: batch)
print("\none training step's products, GF/s (best of 5, nnlab and OpenBLAS alternating):")
print("  shape             nnlab 1t  OpenBLAS 1t   ratio    nnlab 2t  OpenBLAS 2t   ratio")
var seen = Set<StepShape>()
for shape in shapes where seen.insert(shape).inserted {
    let one = timeShape(shape, threads: 1), two = timeShape(shape, threads: 2)
    print("  " + shape.label.padding(toLength: 16, withPad: " ", startingAt: 0)
          + [one.nnlab, one.openblas].map { pad(f1($0), 10) }.joined() + pad(String(format: "%.2fx", one.nnlab / one.openblas), 9)
          + [two.nnlab, two.openblas].map { pad(f1($0), 11) }.joined() + pad(String(format: "%.2fx", two.nnlab / two.openblas), 9))
}

// MARK: - Data
let loadStart = now()
var dataName = "fashion"
var loadSeconds: Double?
let train: LabeledData
do {
    let data = try DataCatalog.load(["fashion"], context: DataLoadContext(projectDataFolder: "data", generator: SeededGenerator(seed: 1)))
    loadSeconds = now() - loadStart
    train = data.train
    print("\nFashion-MNIST loaded from its .gz files in \(f3(loadSeconds!)) s (\(data.splitSummary))")
} catch {
    dataName = "random"
    train = RandomPixels(count: 55_000, seed: 1)
    print("\nFashion-MNIST is not installed (\(error)); using random pixels of the same shape")
}

// MARK: - The epoch, nnlab's kernels against OpenBLAS's sgemm in the same training loop
let weights = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
let epochFlops = 6 * Double(weights) * Double(train.count)
print("lab 10-5 model, one epoch of \(train.count) \(dataName) samples (\(f1(epochFlops / 1e9)) GFLOP of products), best of 2:")
var epoch: [Int: (nnlab: Double, openblas: Double)] = [:]
for threads in [1, 2] {
    BLAS.threadCount = threads
    nn_openblas_set_threads(Int32(threads))
    let result = epochBench(data: train, batch: batch, rounds: 2)
    epoch[threads] = result
    let peak = threads == 1 ? peak1 : peak2
    print("  \(threads) thread\(threads == 1 ? " " : "s"): nnlab \(f3(result.nnlab)) s (products at \(f3(epochFlops / result.nnlab / 1e9 / peak)) "
          + "of the peak), OpenBLAS \(f3(result.openblas)) s: nnlab is \(String(format: "%.2f", result.openblas / result.nnlab))x as fast")
}
BLAS.threadCount = Int(nn_kernels_threads())

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nnlab").path
let startup = replStartup(binary: binary)
if let startup { print("REPL start-up to exit (median of 15): \(String(format: "%.0f", startup * 1000)) ms") }

let e1 = epoch[1]!, e2 = epoch[2]!
print("bench model=lab10-5 samples=\(train.count) kernels=\(level.rawValue) arithmetic=\(Arithmetic.name)"
      + " sec_per_epoch=\(f3(e2.nnlab)) openblas_sec_per_epoch=\(f3(e2.openblas)) speedup=\(String(format: "%.2f", e2.openblas / e2.nnlab))"
      + " sec_per_epoch_1t=\(f3(e1.nnlab)) openblas_sec_per_epoch_1t=\(f3(e1.openblas)) speedup_1t=\(String(format: "%.2f", e1.openblas / e1.nnlab))"
      + " peak_gflops=\(f1(peak2)) peak_gflops_1t=\(f1(peak1))"
      + " fraction_of_peak=\(f3(epochFlops / e2.nnlab / 1e9 / peak2)) fraction_of_peak_1t=\(f3(epochFlops / e1.nnlab / 1e9 / peak1))"
      + " peak_rss_mb=\(String(format: "%.0f", peakRSSMegabytes()))"
      + (loadSeconds.map { " data_load_sec=\(f3($0))" } ?? "") + (startup.map { " repl_startup_ms=\(String(format: "%.0f", $0 * 1000))" } ?? ""))

if CommandLine.arguments.contains("--profile") { profile(data: train, batch: batch) }

func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
