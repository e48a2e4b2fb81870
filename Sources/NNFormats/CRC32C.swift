// CRC32C: the Castagnoli CRC-32 that TFRecord files use to guard each length and each record,
// plus TensorFlow's "masked" form of it.
//
// Reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF (the iSCSI/ext4 CRC, not
// the zlib CRC-32). Table-driven, one byte per step: fast enough for event records, which are at most
// tens of kilobytes. Masking exists because a CRC stored inside data that is itself CRC'd behaves
// badly; TensorFlow rotates it right by 15 bits and adds a constant.

/// CRC-32C (Castagnoli) checksums.
public enum CRC32C {
    /// The CRC-32C of `bytes`: `checksum("123456789".utf8) == 0xE3069283`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32C of raw memory.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        checksum(bytes.bindMemory(to: UInt8.self))
    }

    /// TFRecord's masked CRC: `((crc >> 15) | (crc << 17)) &+ 0xa282ead8`.
    public static func masked(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }

    /// table[b] is the CRC register after shifting byte b through it (reflected, LSB first).
    private static let table: [UInt32] = (0..<256).map { (index: Int) -> UInt32 in
        var register = UInt32(index)
        for _ in 0..<8 {
            register = register & 1 != 0 ? (register >> 1) ^ 0x82F6_3B78 : register >> 1
        }
        return register
    }
}
