// BLAS: matrix products (a BLAS-style sgemm of nnlab's own, CKernels/gemm.c), plus the two small
// bias helpers that sit beside every dense layer. Transposes are flags, never copies.
//
// Every output of a product is one FMA chain over k in ascending order, so the result is the
// same bits at every kernel level (scalar, AVX2, AVX-512, NEON) and with any number of threads.
// OpenBLAS stays out of nnlab: it sums in an order that depends on the CPU it finds.

import CKernels

public enum BLAS {
    /// `c = alpha * op(a) * op(b) + beta * c`, where `op(x)` is `x` or its transpose.
    ///
    /// Shapes: op(a) is (m x k), op(b) is (k x n), c is (m x n); `c` is resized to m rows.
    public static func gemm(_ a: Matrix, transposeA: Bool = false,
                            _ b: Matrix, transposeB: Bool = false,
                            into c: Matrix, alpha: Float = 1, beta: Float = 0) {
        let m = transposeA ? a.cols : a.rows
        let k = transposeA ? a.rows : a.cols
        let kb = transposeB ? b.cols : b.rows
        let n = transposeB ? b.rows : b.cols
        precondition(k == kb,
                     "gemm: inner sizes differ: op(a) is \(m)x\(k) (a \(a.shape)\(transposeA ? "ᵀ" : "")), op(b) is \(kb)x\(n) (b \(b.shape)\(transposeB ? "ᵀ" : ""))")
        precondition(c.cols == n && m <= c.capacity,
                     "gemm: result is \(m)x\(n) but c is \(c.shape) with capacity \(c.capacity)")
        if beta == 0 || c.rows != m { c.resize(rows: m) }
        if m == 0 || n == 0 { return }
        nn_gemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, alpha, a.data, a.cols, b.data, b.cols, beta, c.data, c.cols)
    }

    /// The same product on raw row-major storage with explicit leading dimensions, for strided
    /// views such as one time step of a sequence: c (m x n, ldc) = alpha op(a) op(b) + beta c.
    public static func gemm(m: Int, n: Int, k: Int,
                            _ a: UnsafePointer<Float>, lda: Int, transposeA: Bool = false,
                            _ b: UnsafePointer<Float>, ldb: Int, transposeB: Bool = false,
                            _ c: UnsafeMutablePointer<Float>, ldc: Int,
                            alpha: Float = 1, beta: Float = 0) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative size m=\(m) n=\(n) k=\(k)")
        if m == 0 || n == 0 { return }
        nn_gemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    /// Multiplies every element of `x` by `factor`.
    public static func scale(_ x: Matrix, by factor: Float) {
        let p = x.data
        for i in 0..<x.count { p[i] *= factor }
    }

    /// Adds the row vector `bias` (1 x n) to every row of `x` (rows x n).
    public static func addRowVector(_ bias: Matrix, to x: Matrix) {
        precondition(bias.count == x.cols, "addRowVector: bias has \(bias.count) values, rows have \(x.cols)")
        let n = x.cols, b = bias.data
        for r in 0..<x.rows {
            let row = x.data + r * n
            for j in 0..<n { row[j] += b[j] }
        }
    }

    /// `sums = beta * sums + alpha * (column sums of x)`: the bias gradient of a dense layer.
    public static func sumColumns(of x: Matrix, into sums: Matrix, alpha: Float = 1, beta: Float = 0) {
        precondition(sums.count == x.cols, "sumColumns: target has \(sums.count) values, x has \(x.cols) columns")
        let n = x.cols, s = sums.data
        if beta == 0 { s.update(repeating: 0, count: n) } else if beta != 1 { for j in 0..<n { s[j] *= beta } }
        for r in 0..<x.rows {
            let row = x.data + r * n
            if alpha == 1 { for j in 0..<n { s[j] += row[j] } } else { for j in 0..<n { s[j] += alpha * row[j] } }
        }
    }

    /// Threads the products use (NNLAB_THREADS, default the CPUs online up to 8). Results do not
    /// depend on it.
    public static var threadCount: Int {
        get { Int(nn_kernels_threads()) }
        set { nn_kernels_set_threads(Int32(newValue)) }
    }
}
