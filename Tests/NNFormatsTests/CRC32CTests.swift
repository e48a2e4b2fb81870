// CRC32C: known answers from RFC 3720 (iSCSI) and the usual check string, and TFRecord's mask.

import Testing
@testable import NNFormats

@Suite struct CRC32CTests {
    @Test func checkString() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func rfc3720Vectors() {
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
    }

    @Test func rawBufferGivesTheSameChecksum() {
        let bytes: [UInt8] = Array("The quick brown fox".utf8)
        #expect(bytes.withUnsafeBytes { CRC32C.checksum($0) } == CRC32C.checksum(bytes))
    }

    @Test func maskRotatesAndAddsTheConstant() {
        #expect(CRC32C.masked(0) == 0xA282_EAD8)
        // 0xE3069283 rotated right by 15 is 0x2507C60D; plus 0xA282EAD8 (mod 2^32) is 0xC78AB0E5.
        #expect(CRC32C.masked(0xE306_9283) == 0xC78A_B0E5)
    }
}
