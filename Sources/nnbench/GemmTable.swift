// The GEMM table: nnlab's products against OpenBLAS's sgemm on exactly the shapes one training
// step of the benchmark model runs (forward x W, dW = xᵀ dz, dx = dz Wᵀ except for the first
// layer, whose input gradient nobody needs), at 1 and 2 threads, interleaved in one run.

import CKernels
import CPeak
import NNCore

/// One product of a training step: op(a) (m x k) times op(b) (k x n).
struct StepShape: Hashable {
    let m: Int, n: Int, k: Int, ta: Bool, tb: Bool
    var label: String { "\(m)x\(n)x\(k) \(ta ? "T" : "N")\(tb ? "T" : "N")" }
    var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
}

/// The products of one training step of a stack of dense layers `widths` wide, with `batch` rows.
func stepShapes(widths: [Int], batch: Int) -> [StepShape] {
    var shapes: [StepShape] = []
    for (i, (a, b)) in zip(widths, widths.dropFirst()).enumerated() {
        shapes.append(StepShape(m: batch, n: b, k: a, ta: false, tb: false))              // forward  x W
        shapes.append(StepShape(m: a, n: b, k: batch, ta: true, tb: false))               // dW = xᵀ dz
        if i > 0 { shapes.append(StepShape(m: batch, n: a, k: b, ta: false, tb: true)) }  // dx = dz Wᵀ
    }
    return shapes
}

/// Best GFLOP/s of nnlab's kernels and of OpenBLAS on `shape` with `threads` threads, alternating.
func timeShape(_ shape: StepShape, threads: Int) -> (nnlab: Double, openblas: Double) {
    let g = SeededGenerator(seed: 1)
    let a = Matrix(rows: shape.ta ? shape.k : shape.m, cols: shape.ta ? shape.m : shape.k)
    let b = Matrix(rows: shape.tb ? shape.n : shape.k, cols: shape.tb ? shape.k : shape.n)
    for i in 0..<a.count { a.data[i] = g.uniform(-1, 1) }
    for i in 0..<b.count { b.data[i] = g.uniform(-1, 1) }
    let c = Matrix(rows: shape.m, cols: shape.n)
    let reps = max(3, Int(2e9 / shape.flops))             // about 20 ms per round at 100 GF/s
    BLAS.threadCount = threads
    nn_openblas_set_threads(Int32(threads))
    var best = (nnlab: 0.0, openblas: 0.0)
    for _ in 0..<5 {
        for external in [false, true] {
            nn_gemm_set_external(external ? nn_openblas_gemm : nil)
            let start = now()
            for _ in 0..<reps { BLAS.gemm(a, transposeA: shape.ta, b, transposeB: shape.tb, into: c) }
            let gflops = shape.flops * Double(reps) / (now() - start) / 1e9
            if external { best.openblas = max(best.openblas, gflops) } else { best.nnlab = max(best.nnlab, gflops) }
        }
    }
    nn_gemm_set_external(nil)
    return best
}
