// NNCore: the matrix, its BLAS products (every transpose combination against a plain triple loop)
// and the seeded generator's statistics and reproducibility.

import Testing
import NNCore

/// C = op(A) op(B) by the definition, in Double.
func naiveProduct(_ a: Matrix, _ ta: Bool, _ b: Matrix, _ tb: Bool) -> [Double] {
    let m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols, n = tb ? b.rows : b.cols
    var c = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s = 0.0
            for p in 0..<k {
                let x = ta ? a[p, i] : a[i, p], y = tb ? b[j, p] : b[p, j]
                s += Double(x) * Double(y)
            }
            c[i * n + j] = s
        }
    }
    return c
}

func random(_ rows: Int, _ cols: Int, _ g: SeededGenerator) -> Matrix {
    Matrix(rows: rows, cols: cols, values: (0..<(rows * cols)).map { _ in g.uniform(-1, 1) })
}

@Suite("Matrix and BLAS")
struct MatrixTests {
    @Test("gemm with every transpose flag matches the definition", arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemm(_ ta: Bool, _ tb: Bool) {
        let g = SeededGenerator(seed: 5)
        let (m, k, n) = (7, 5, 9)
        let a = ta ? random(k, m, g) : random(m, k, g)
        let b = tb ? random(n, k, g) : random(k, n, g)
        let c = Matrix(rows: m, cols: n)
        BLAS.gemm(a, transposeA: ta, b, transposeB: tb, into: c)
        let expected = naiveProduct(a, ta, b, tb)
        for i in 0..<(m * n) { #expect(abs(Double(c.data[i]) - expected[i]) < 1e-5) }
        // beta = 1 accumulates; alpha scales.
        BLAS.gemm(a, transposeA: ta, b, transposeB: tb, into: c, alpha: 2, beta: 1)
        for i in 0..<(m * n) { #expect(abs(Double(c.data[i]) - 3 * expected[i]) < 1e-4) }
    }

    @Test("strided gemm over one time step of a sequence")
    func strided() {
        let g = SeededGenerator(seed: 9)
        let x = random(4, 6, g)                   // 4 rows of 3 steps x 2 features
        let w = random(2, 3, g)
        let out = Matrix(rows: 4, cols: 3)
        BLAS.gemm(m: 4, n: 3, k: 2, x.data + 2, lda: 6, w.data, ldb: 3, out.data, ldc: 3)   // step 1
        let step = Matrix(rows: 4, cols: 2, values: (0..<4).flatMap { r in [x[r, 2], x[r, 3]] })
        let expected = naiveProduct(step, false, w, false)
        for i in 0..<12 { #expect(abs(Double(out.data[i]) - expected[i]) < 1e-5) }
    }

    @Test("rows shrink and grow within capacity without copying")
    func capacity() {
        let m = Matrix(rows: 10, cols: 3)
        let storage = m.data
        m.resize(rows: 4)
        #expect(m.count == 12 && m.data == storage)
        m.resize(rows: 10)
        #expect(m.count == 30)
    }

    @Test("bias helpers: row vector add and column sums")
    func bias() {
        let x = Matrix([[1, 2], [3, 4], [5, 6]])
        BLAS.addRowVector(Matrix([[10, 20]]), to: x)
        #expect(x.array == [11, 22, 13, 24, 15, 26])
        let s = Matrix(rows: 1, cols: 2)
        BLAS.sumColumns(of: x, into: s)
        #expect(s.array == [39, 72])
        BLAS.sumColumns(of: x, into: s, alpha: -1, beta: 1)
        #expect(s.array == [0, 0])
        #expect(Matrix([[-1, 2], [3, -4]]).meanAbs() == 2.5)
    }
}

@Suite("Seeded generator")
struct GeneratorTests {
    @Test("uniform draws fill [0, 1) evenly and reproducibly")
    func uniform() {
        let a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        let xs = (0..<100_000).map { _ in a.uniform() }
        #expect(xs == (0..<100_000).map { _ in b.uniform() })
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = xs.reduce(0, +) / 100_000
        #expect(abs(mean - 0.5) < 0.005)
        let buckets = Dictionary(grouping: xs) { Int($0 * 10) }.mapValues(\.count)
        #expect(buckets.values.allSatisfy { abs($0 - 10_000) < 500 })
    }

    @Test("bulk fill gives exactly the draws of repeated next()")
    func bulk() {
        let a = SeededGenerator(seed: 11), b = SeededGenerator(seed: 11)
        var block = [UInt64](repeating: 0, count: 257)
        block.withUnsafeMutableBufferPointer { a.fill($0) }
        #expect(block == (0..<257).map { _ in b.next() })
        #expect(a.next() == b.next())
    }

    @Test("shuffles are permutations, reproducible per seed")
    func shuffle() {
        var a = (0..<Int32(1000)).map { $0 }, b = a
        a.withUnsafeMutableBufferPointer { SeededGenerator(seed: 1).shuffle($0) }
        b.withUnsafeMutableBufferPointer { SeededGenerator(seed: 1).shuffle($0) }
        #expect(a == b)
        #expect(a.sorted() == (0..<Int32(1000)).map { $0 })
        #expect(a != (0..<Int32(1000)).map { $0 })
    }

    @Test("index(below:) is unbiased over a small range")
    func index() {
        let g = SeededGenerator(seed: 2)
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 { counts[g.index(below: 3)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    }
}
