// MD5: the MD5 hash (RFC 1321), because MNIST's published checksums are MD5.
//
// MD5 is broken for security; here it only checks that a downloaded or copied file is the one
// the checksum table names. SHA-256 (SHA256.swift) is what identifies data sets.

import Foundation

/// MD5 over a stream of bytes.
public struct MD5: Sendable {
    private var a0: UInt32 = 0x6745_2301
    private var b0: UInt32 = 0xefcd_ab89
    private var c0: UInt32 = 0x98ba_dcfe
    private var d0: UInt32 = 0x1032_5476
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

    /// The 16-byte digest. Padding as SHA-256's, but the bit length is little-endian.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let used = (pending.count + 1) % 64
        tail += [UInt8](repeating: 0, count: used <= 56 ? 56 - used : 120 - used)
        withUnsafeBytes(of: bitLength.littleEndian) { tail.append(contentsOf: $0) }
        tail.withUnsafeBytes { update($0) }
        precondition(pending.isEmpty, "MD5.finalize: padding left \(pending.count) bytes")
        return [a0, b0, c0, d0].flatMap { word in withUnsafeBytes(of: word.littleEndian) { Array($0) } }
    }

    /// The digest of `bytes` as 32 lowercase hex digits.
    public static func hex<C: ContiguousBytes>(_ bytes: C) -> String {
        var hasher = MD5()
        hasher.update(bytes)
        return hexString(hasher.finalize())
    }

    // MARK: - Compression

    /// K[i] = floor(|sin(i + 1)| * 2^32), as RFC 1321 defines the table.
    private static let k: [UInt32] = (0..<64).map { UInt32(abs(sin(Double($0 + 1))) * 4_294_967_296.0) }

    /// Left-rotation amounts: four per round, each repeated over the round's 16 steps.
    private static let shifts: [UInt32] = [[7, 12, 17, 22], [5, 9, 14, 20], [4, 11, 16, 23], [6, 10, 15, 21]]
        .flatMap { round in (0..<4).flatMap { _ in round } }

    private mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
        var a0 = self.a0, b0 = self.b0, c0 = self.c0, d0 = self.d0
        MD5.k.withUnsafeBufferPointer { k in
            MD5.shifts.withUnsafeBufferPointer { s in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { m in
                    for blk in 0..<blocks {
                        let block = p + 64 * blk
                        for t in 0..<16 {
                            m[t] = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
                        }
                        var a = a0, b = b0, c = c0, d = d0
                        // One step: a new value from the round's function f and message word g,
                        // then the four registers rotate.
                        @inline(__always) func step(_ f: UInt32, _ g: Int, _ i: Int) {
                            let sum = a &+ f &+ k[i] &+ m[g]
                            let rotated = (sum << s[i]) | (sum >> (32 - s[i]))
                            a = d; d = c; c = b
                            b = b &+ rotated
                        }
                        for i in 0..<16 { step((b & c) | (~b & d), i, i) }
                        for i in 16..<32 { step((d & b) | (~d & c), (5 * i + 1) & 15, i) }
                        for i in 32..<48 { step(b ^ c ^ d, (3 * i + 5) & 15, i) }
                        for i in 48..<64 { step(c ^ (b | ~d), (7 * i) & 15, i) }
                        a0 &+= a; b0 &+= b; c0 &+= c; d0 &+= d
                    }
                }
            }
        }
        self.a0 = a0; self.b0 = b0; self.c0 = c0; self.d0 = d0
    }
}
