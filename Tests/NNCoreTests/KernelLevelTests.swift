// nnlab's own kernels: every level (scalar, AVX2, AVX-512, NEON: those this CPU has), with one
// and two threads, gives the bits of the plain reference loop: the products on awkward shapes,
// strides and alpha/beta, the elementwise kernels and the optimizer steps. And the own math is
// accurate: within 3 units in the last place of the platform's libm.

import CKernels
import Foundation
import NNCore
import Testing

private func randomArray(_ n: Int, _ g: SeededGenerator, scale: Float = 1) -> [Float] {
    (0..<max(n, 1)).map { _ in g.uniform(-scale, scale) }
}

private func bits(_ x: [Float]) -> [UInt32] { x.map(\.bitPattern) }

@Suite("Kernel levels")
struct KernelLevelTests {
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (3, 7, 17), (7, 17, 3), (17, 100, 7), (100, 511, 17), (511, 3, 100), (513, 65, 33),
        (100, 513, 511), (6, 64, 784), (13, 10, 512), (2, 1, 0),
    ]

    @Test("every level and thread count equals the reference bit for bit", arguments: [(false, false), (true, false), (false, true), (true, true)])
    func products(_ flags: (Bool, Bool)) {
        let (ta, tb) = flags
        let g = SeededGenerator(seed: 11)
        for (index, s) in Self.shapes.enumerated() {
            let pad = index % 3                                   // strided: leading dimensions beyond the width
            let lda = (ta ? s.m : s.k) + pad, ldb = (tb ? s.k : s.n) + pad, ldc = s.n + pad
            let a = randomArray((ta ? s.k : s.m) * lda, g), b = randomArray((tb ? s.n : s.k) * ldb, g)
            let c0 = randomArray(s.m * ldc, g)
            for (alpha, beta) in [(Float(1), Float(0)), (1, 1), (-1, 1), (0.5, 0.25)] {
                var want = c0
                nn_gemm_reference(ta ? 1 : 0, tb ? 1 : 0, s.m, s.n, s.k, alpha, a, lda, b, ldb, beta, &want, ldc)
                for level in Arithmetic.supportedLevels {
                    for threads in [1, 2] {
                        BLAS.threadCount = threads
                        var got = c0
                        nn_gemm_level(level.c, ta ? 1 : 0, tb ? 1 : 0, s.m, s.n, s.k, alpha, a, lda, b, ldb, beta, &got, ldc)
                        #expect(bits(got) == bits(want),
                                "\(level) \(threads) thread(s): \(s.m)x\(s.n)x\(s.k) ta \(ta) tb \(tb) alpha \(alpha) beta \(beta)")
                    }
                }
            }
        }
        BLAS.threadCount = 2
    }

    @Test("a bit comparison sees a change of summation order (the check can fail)")
    func orderMatters() {
        let g = SeededGenerator(seed: 5)
        let k = 300
        let a = randomArray(k, g), b = randomArray(k, g)
        var forward: Float = 0, backward: Float = 0
        for p in 0..<k { forward = forward.addingProduct(a[p], b[p]) }
        for p in (0..<k).reversed() { backward = backward.addingProduct(a[p], b[p]) }
        var c: [Float] = [0]
        nn_gemm(0, 0, 1, 1, k, 1, a, k, b, 1, 0, &c, 1)
        #expect(c[0].bitPattern == forward.bitPattern)
        #expect(forward.bitPattern != backward.bitPattern)
    }

    @Test("elementwise kernels and optimizer steps: every level gives the scalar bits")
    func elementwise() {
        let g = SeededGenerator(seed: 3)
        let n = 4099
        let x = randomArray(n, g, scale: 30) + [120, -120, 0, -0.0, 1e-30, -1e-30, .infinity, -.infinity]
        func run(_ level: Arithmetic.Level) -> [[UInt32]] {
            Arithmetic.withLevel(level) {
                var out: [[UInt32]] = []
                var y = x; nn_sigmoid(&y, y.count); out.append(bits(y))
                y = x; nn_tanh(&y, y.count); out.append(bits(y))
                y = x; nn_elu(&y, y.count, 1, 1); out.append(bits(y))
                y = x; nn_elu(&y, y.count, 1.6732632, 1.050701); out.append(bits(y))
                y = Array(x.prefix(4090)); nn_softmax_rows(&y, 409, 10); out.append(bits(y))
                var w = Array(x.prefix(n))
                let zeros = [Float](repeating: 0, count: n)
                var m = zeros, v = zeros, r = zeros, a = zeros, d1 = zeros, d2 = zeros
                let grad = randomArray(n, SeededGenerator(seed: 4))
                for _ in 0..<3 {
                    nn_adam(&w, grad, &m, &v, n, 0.001, 0.1, 0.001, 1e-7)
                    nn_rmsprop(&w, grad, &r, n, 0.001, 0.9, 1e-7)
                    nn_adagrad(&w, grad, &a, n, 0.01, 1e-7)
                    nn_adadelta(&w, grad, &d1, &d2, n, 1, 0.95, 1e-7)
                }
                #expect(w.allSatisfy { $0.isFinite })
                out.append(bits(w))
                out.append([nn_sum_abs(w, n).bitPattern, nn_sum_abs(w, 17).bitPattern])
                return out
            }
        }
        let reference = run(.scalar)
        for level in Arithmetic.supportedLevels where level != .scalar {
            let got = run(level)
            for (i, name) in ["sigmoid", "tanh", "elu", "selu", "softmax", "optimizers", "sum_abs"].enumerated() {
                #expect(got[i] == reference[i], "\(name) at \(level)")
            }
        }
    }
}

@Suite("Own math")
struct OwnMathTests {
    /// |a - b| in units of b's last place.
    func ulps(_ a: Float, _ b: Float) -> Float { abs(a - b) / max(b.ulp, Float.leastNormalMagnitude) }

    @Test("exp, expm1, log, tanh and sigmoid are within 3 ulp of the platform's libm")
    func accuracy() {
        var worst: [String: Float] = [:]
        for i in 0...40_000 {
            let x = -87 + Float(i) * (175 / 40_000)
            worst["exp", default: 0] = max(worst["exp", default: 0], ulps(Math.exp(x), Foundation.exp(x)))
            let small = x / 100
            worst["expm1", default: 0] = max(worst["expm1", default: 0], ulps(Math.expm1(small), Foundation.expm1(small)))
            let positive = abs(x) + 1e-30
            worst["log", default: 0] = max(worst["log", default: 0], ulps(Math.log(positive), Foundation.log(positive)))
            let t = x / 8
            worst["tanh", default: 0] = max(worst["tanh", default: 0], ulps(Math.tanh(t), Foundation.tanh(t)))
            worst["sigmoid", default: 0] = max(worst["sigmoid", default: 0], ulps(Math.sigmoid(t), 1 / (1 + Foundation.exp(-t))))
        }
        for (name, w) in worst { #expect(w <= 3, "\(name): \(w) ulp") }
        print("own math against libm, worst ulps: \(worst.sorted { $0.key < $1.key })")
    }

    @Test("limits: overflow, underflow, zero, negative and NaN")
    func limits() {
        #expect(Math.exp(89) == Float.infinity && Math.exp(-104) == 0 && Math.exp(0) == 1)
        #expect(Math.exp(-100) > 0 && Math.exp(-100) < Float.leastNormalMagnitude)   // a subnormal, not 0
        #expect(Math.log(Float(0)) == -Float.infinity && Math.log(Float(-1)).isNaN && Math.log(Float.infinity) == Float.infinity)
        #expect(Math.log(Float.leastNonzeroMagnitude) < -103)
        #expect(Math.tanh(50) == 1 && Math.tanh(-50) == -1 && Math.sigmoid(-200) == 0 && Math.sigmoid(200) == 1)
        #expect(Math.exp(Float.nan).isNaN && Math.tanh(Float.nan).isNaN)
    }

    @Test("double log, sin, cos and whole powers against the platform")
    func doublePrecision() {
        for i in 1...2_000 {
            let x = Double(i) / 2_000
            #expect(abs(Math.log(x) - Foundation.log(x)) <= 4e-16 * max(1, abs(Foundation.log(x))), "log \(x)")
            let a = Double(i) / 50 - 20
            #expect(abs(Math.sin(a) - Foundation.sin(a)) < 1e-15 && abs(Math.cos(a) - Foundation.cos(a)) < 1e-15, "sin/cos \(a)")
        }
        #expect(Math.pow(0.9, 0) == 1 && Math.pow(2, 10) == 1024)
        #expect(abs(Math.pow(0.999, 1000) - Foundation.pow(0.999, 1000)) < 1e-14)
    }
}
