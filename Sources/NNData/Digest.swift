// Digest: MD5 and SHA-256 as lowercase hex, computed by swift-crypto.
//
// MD5 is only for checking files against the checksums their publishers list (MNIST's mirrors
// publish MD5s); SHA-256 fingerprints data for a session's identity. Neither hashes secrets.
// Streaming a file through them is FileDigest.swift's job.

import Crypto
import Foundation

/// Hex digests of bytes in memory.
public enum Digest {
    /// The MD5 of `bytes`: "900150983cd24fb0d6963f7d28e17f72" for "abc".
    public static func md5(_ bytes: some DataProtocol) -> String { hex(Insecure.MD5.hash(data: bytes)) }

    /// The SHA-256 of `bytes`: "ba7816bf…" for "abc".
    public static func sha256(_ bytes: some DataProtocol) -> String { hex(SHA256.hash(data: bytes)) }

    /// Lowercase hex digits of `bytes`.
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
