// Arithmetic: which of nnlab's kernel levels runs, and the name of the arithmetic they share.
//
// The contract (README, "The same numbers everywhere"): every figure nnlab computes is a function
// of the commands, the seed and the data bytes alone: the same bits on any x86-64 CPU with FMA
// (AVX2 or AVX-512), on ARM64, and with any number of threads. The levels differ in speed only.
// Sessions record `Arithmetic.name`; a replay under the same name must match exactly.

import CKernels

/// nnlab's arithmetic: its name, and the kernel level computing it on this machine.
public enum Arithmetic {
    /// Written into session headers (`arithmetic: nnlab-1`). Changes whenever any kernel's
    /// rounding changes, so a replay knows whether to expect identical bits.
    public static let name: String = NN_ARITHMETIC

    /// A kernel level: the instruction set the products and elementwise loops run on.
    public enum Level: String, CaseIterable, Sendable {
        case scalar, avx2, avx512, neon

        /// The level's value in CKernels (for calls such as `nn_gemm_level`).
        public var c: nn_level {
            switch self {
            case .scalar: NN_LEVEL_SCALAR
            case .avx2: NN_LEVEL_AVX2
            case .avx512: NN_LEVEL_AVX512
            case .neon: NN_LEVEL_NEON
            }
        }

        /// Whether this CPU can run the level.
        public var isSupported: Bool { nn_kernels_supported(c) != 0 }
    }

    /// The level in use: the best this CPU has, or NNLAB_KERNELS's.
    public static var level: Level {
        switch nn_kernels_level() {
        case NN_LEVEL_AVX2: .avx2
        case NN_LEVEL_AVX512: .avx512
        case NN_LEVEL_NEON: .neon
        default: .scalar
        }
    }

    /// Levels this CPU can run, slowest first.
    public static var supportedLevels: [Level] { Level.allCases.filter(\.isSupported) }

    /// Why NNLAB_KERNELS could not be honoured (an unknown name, or a level this CPU lacks); nil when fine.
    public static var startupError: String? { nn_kernels_error().map { String(cString: $0) } }

    /// Runs `body` at `level` (tests, the benchmark), restoring the previous level afterwards.
    public static func withLevel<T>(_ level: Level, _ body: () throws -> T) rethrows -> T {
        let previous = nn_kernels_level()
        precondition(nn_kernels_set_level(level.c) != 0, "Arithmetic.withLevel: this CPU cannot run \(level)")
        defer { nn_kernels_set_level(previous) }
        return try body()
    }

    /// One line for `--version` and the benchmark: `kernels: avx512, 2 threads, arithmetic nnlab-1`.
    public static var summary: String {
        "kernels: \(level.rawValue), \(BLAS.threadCount) thread\(BLAS.threadCount == 1 ? "" : "s"), arithmetic \(name)"
    }
}

/// Deterministic one-value math (CKernels/nnmath.h): the same bits on every machine, unlike libm.
public enum Math {
    @inline(__always) public static func exp(_ x: Float) -> Float { nn_expf(x) }
    @inline(__always) public static func expm1(_ x: Float) -> Float { nn_expm1f(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { nn_logf(x) }
    @inline(__always) public static func tanh(_ x: Float) -> Float { nn_tanhf(x) }
    @inline(__always) public static func sigmoid(_ x: Float) -> Float { nn_sigmoidf(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { nn_log(x) }
    @inline(__always) public static func sin(_ x: Double) -> Double { nn_sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { nn_cos(x) }
    /// base^n for a whole n >= 0 (repeated squaring: a fixed sequence of products).
    @inline(__always) public static func pow(_ base: Double, _ n: Int) -> Double { nn_powi(base, n) }
}
