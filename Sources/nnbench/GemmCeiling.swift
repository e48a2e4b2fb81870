// The machine's own ceiling: cblas_sgemm's speed on exactly the products one training step of
// the benchmark model runs (forward x W, dW = xᵀ dz, dx = dz Wᵀ except for the first layer,
// whose input gradient nobody needs). The training figure is reported as a fraction of it.

import NNEngine

/// Best GFLOP/s over several rounds of one training step's GEMMs for layer `widths` and `batch` rows.
func gemmCeiling(widths: [Int], batch: Int) -> Double {
    var shapes: [(m: Int, n: Int, k: Int, ta: Bool, tb: Bool)] = []
    for (i, (a, b)) in zip(widths, widths.dropFirst()).enumerated() {
        shapes.append((batch, b, a, false, false))              // forward  x W
        shapes.append((a, b, batch, true, false))               // dW = xᵀ dz
        if i > 0 { shapes.append((batch, a, b, false, true)) }  // dx = dz Wᵀ
    }
    let matrices = shapes.map { s in
        (Matrix(rows: s.ta ? s.k : s.m, cols: s.ta ? s.m : s.k), Matrix(rows: s.tb ? s.n : s.k, cols: s.tb ? s.k : s.n),
         Matrix(rows: s.m, cols: s.n))
    }
    let flops = Double(shapes.reduce(0) { $0 + 2 * $1.m * $1.n * $1.k })
    var best = 0.0
    for _ in 0..<7 {
        let start = now(), reps = 60
        for _ in 0..<reps {
            for (s, (a, b, c)) in zip(shapes, matrices) { BLAS.gemm(a, transposeA: s.ta, b, transposeB: s.tb, into: c) }
        }
        best = max(best, flops * Double(reps) / (now() - start) / 1e9)
    }
    return best
}
