// SeededGenerator: the only source of randomness in nnlab.
//
// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64 as its authors recommend.
// Every random draw (weight init, shuffling, dropout masks, RBM sampling, generated data sets)
// takes a generator as an argument; nothing reads global state, so one seed and one list of
// commands give bit-identical weights. The full state can be saved and restored.

import Foundation

/// A small, fast, seedable generator (xoshiro256**) with uniform and normal draws.
public final class SeededGenerator: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The seed this generator started from (for display and session headers).
    public let seed: UInt64

    /// A generator whose 256-bit state is expanded from `seed` by SplitMix64.
    public init(seed: UInt64) {
        self.seed = seed
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// The four state words (to save a session exactly where it stands).
    public var state: [UInt64] {
        get { [s0, s1, s2, s3] }
        set {
            precondition(newValue.count == 4 && newValue.contains { $0 != 0 },
                         "SeededGenerator.state needs four words, not all zero (got \(newValue))")
            s0 = newValue[0]; s1 = newValue[1]; s2 = newValue[2]; s3 = newValue[3]
        }
    }

    /// A new generator whose stream is independent of this one's (for ensemble members, data).
    public func fork() -> SeededGenerator {
        SeededGenerator(seed: next())
    }

    @inline(__always) public func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Fills `out` with the next `out.count` outputs, exactly as that many `next()` calls would,
    /// keeping the state in registers (dropout draws hundreds of thousands per batch).
    public func fill(_ out: UnsafeMutableBufferPointer<UInt64>) {
        var a = s0, b = s1, c = s2, d = s3
        for i in 0..<out.count {
            out[i] = rotl(b &* 5, 7) &* 9
            let t = b << 17
            c ^= a; d ^= b; b ^= c; a ^= d
            c ^= t
            d = rotl(d, 45)
        }
        s0 = a; s1 = b; s2 = c; s3 = d
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 24 random bits (every Float in the grid is equally likely).
    @inline(__always) public func uniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform in [low, high).
    @inline(__always) public func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * uniform()
    }

    /// Uniform in (0, 1] with 53 bits, for logarithms.
    @inline(__always) private func openUniform() -> Double {
        (Double(next() >> 11) + 1) * 0x1p-53
    }

    /// Standard normal N(0, 1) by Marsaglia's polar method: a point uniform in the unit disc,
    /// u * sqrt(-2 log(s) / s) with s = u² + v². One draw per call (the spare is not kept, so the
    /// state is just the four words); the logarithm is nnlab's own (the same bits everywhere).
    public func normal() -> Float {
        while true {
            let u = 2 * openUniform() - 1, v = 2 * openUniform() - 1
            let s = u * u + v * v
            if s < 1 && s > 0 { return Float(u * (-2 * Math.log(s) / s).squareRoot()) }
        }
    }

    /// N(mean, stddev²).
    public func normal(mean: Float, stddev: Float) -> Float { mean + stddev * normal() }

    /// N(0, stddev²) redrawn until it lies within two standard deviations (as TensorFlow's
    /// truncated_normal): the result never exceeds 2 * stddev in magnitude.
    public func truncatedNormal(stddev: Float) -> Float {
        while true {
            let z = normal()
            if abs(z) <= 2 { return stddev * z }
        }
    }

    /// A uniformly random index in 0..<n.
    public func index(below n: Int) -> Int {
        precondition(n > 0, "index(below: \(n)): n must be positive")
        return Int(bounded(UInt64(n)))
    }

    /// Unbiased integer in 0..<n (Lemire's multiply-and-reject method).
    @inline(__always) private func bounded(_ n: UInt64) -> UInt64 {
        var m = next().multipliedFullWidth(by: n)
        if m.low < n {
            let threshold = (0 &- n) % n
            while m.low < threshold { m = next().multipliedFullWidth(by: n) }
        }
        return m.high
    }

    /// Fisher-Yates shuffle in place (the trainer's per-epoch reshuffle).
    public func shuffle(_ values: UnsafeMutableBufferPointer<Int32>) {
        var i = values.count - 1
        while i > 0 {
            let j = Int(bounded(UInt64(i + 1)))
            values.swapAt(i, j)
            i -= 1
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood), used only to expand a 64-bit seed into xoshiro's state.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
