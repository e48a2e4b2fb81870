// Tests for MD5 and SHA-256 (swift-crypto behind Digest and FileDigest) against the published test
// vectors (RFC 1321, FIPS 180-2 examples), and for files hashed in chunks.

import Foundation
import Testing
@testable import NNData

@Suite struct DigestTests {
    @Test func md5MatchesRFC1321Vectors() {
        let vectors: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
             "d174ab98d277d9f5a5611c2c9f419d9f"),
            (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (text, expected) in vectors {
            #expect(Digest.md5(Array(text.utf8)) == expected, "MD5(\"\(text)\")")
        }
        #expect(Digest.md5([UInt8](repeating: 0x61, count: 1_000_000)) == "7707d6ae4e027c70eea2a935c2296f21")
    }

    @Test func sha256MatchesFIPSVectors() {
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ]
        for (text, expected) in vectors {
            #expect(Digest.sha256(Array(text.utf8)) == expected, "SHA256(\"\(text)\")")
        }
        #expect(Digest.sha256([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func fileDigestReadsTheFileAsStored() throws {
        let folder = try TempFolder()
        let bytes = [UInt8](repeating: 0x61, count: 3 << 20)  // three 1 MB chunks
        let path = folder.write("a.bin", bytes)
        let digest = try FileDigest.of(path: path)
        #expect(digest.md5 == Digest.md5(bytes))
        #expect(digest.sha256 == Digest.sha256(bytes))
        #expect(throws: DataError.self) { try FileDigest.of(path: folder.path("missing.bin")) }
    }
}
