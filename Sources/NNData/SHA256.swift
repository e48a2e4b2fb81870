// SHA256: the SHA-256 hash (FIPS 180-4), used for a data set's identity.
//
// Streaming: `update` any number of times, then `finalize`. Blocks are compressed straight from
// the caller's memory; only a partial block is buffered. Not constant-time and not meant for
// secrets: it fingerprints data files.

import Foundation

/// SHA-256 over a stream of bytes.
public struct SHA256: Sendable {
    // The state h0...h7: the first 32 bits of the fractional parts of the square roots of the
    // first eight primes (FIPS 180-4, 5.3.3).
    private var h: [UInt32] = SHA256.primes.prefix(8).map { fractionBits(Double($0).squareRoot()) }
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// Feeds `bytes` into the hash.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress, bytes.count > 0 else { return }
        var n = bytes.count
        length &+= UInt64(n)
        if !pending.isEmpty {
            let take = min(64 - pending.count, n)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: p, count: take))
            p += take; n -= take
            if pending.count < 64 { return }
            let block = pending  // a copy: compress mutates self, which owns `pending`
            pending.removeAll(keepingCapacity: true)
            block.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
        }
        if n >= 64 { compress(p, blocks: n / 64) }
        let rest = n % 64
        if rest > 0 { pending.append(contentsOf: UnsafeRawBufferPointer(start: p + (n - rest), count: rest)) }
    }

    /// Feeds `bytes` into the hash.
    public mutating func update<C: ContiguousBytes>(_ bytes: C) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest. Padding: a 1 bit, zeros to 56 mod 64 bytes, then the bit length.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let used = (pending.count + 1) % 64
        tail += [UInt8](repeating: 0, count: used <= 56 ? 56 - used : 120 - used)
        withUnsafeBytes(of: bitLength.bigEndian) { tail.append(contentsOf: $0) }
        let savedLength = length
        tail.withUnsafeBytes { update($0) }
        length = savedLength
        precondition(pending.isEmpty, "SHA256.finalize: padding left \(pending.count) bytes")
        return h.flatMap { word in withUnsafeBytes(of: word.bigEndian) { Array($0) } }
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex<C: ContiguousBytes>(_ bytes: C) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hexString(hasher.finalize())
    }

    // MARK: - Compression

    /// The round constants: the first 32 bits of the fractional parts of the cube roots of the
    /// first 64 primes (FIPS 180-4, 4.2.2).
    private static let k: [UInt32] = primes.map { fractionBits(cbrt(Double($0))) }

    static let primes: [Int] = {
        var found: [Int] = []
        var n = 2
        while found.count < 64 {
            if !found.contains(where: { n % $0 == 0 }) { found.append(n) }
            n += 1
        }
        return found
    }()

    /// Processes `blocks` 64-byte blocks starting at `p`.
    private mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
        var h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7]
        SHA256.k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for b in 0..<blocks {
                    let block = p + 64 * b
                    // Message schedule: 16 words from the block, 48 mixed from earlier ones.
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t - 15], y = w[t - 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7
                    for t in 0..<64 {
                        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ choice &+ k[t] &+ w[t]
                        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = s0 &+ majority
                        hh = g; g = f; f = e; e = d &+ t1
                        d = c; c = b; b = a; a = t1 &+ t2
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= hh
                }
            }
        }
        h = [h0, h1, h2, h3, h4, h5, h6, h7]
    }
}

@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

/// The first 32 bits after the binary point of `x`.
private func fractionBits(_ x: Double) -> UInt32 {
    UInt32((x - x.rounded(.down)) * 4_294_967_296.0)
}

/// Lowercase hex digits of `bytes`.
func hexString(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}
