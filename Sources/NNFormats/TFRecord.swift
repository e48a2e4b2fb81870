// TFRecord: the framing TensorFlow and TensorBoard use for event files.
//
// Each record on disk is
//   uint64 length (little-endian) | uint32 masked CRC-32C of those 8 bytes |
//   length bytes of data         | uint32 masked CRC-32C of the data
// The reader here exists to check our own files in tests and to list what a run folder holds;
// it verifies both checksums and stops cleanly at a record cut short by a killed writer.

/// TFRecord framing and unframing.
public enum TFRecord {
    /// `data` framed as one record.
    public static func frame(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 16)
        let lengthBytes = withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) }
        out += lengthBytes
        appendLittleEndian(CRC32C.masked(CRC32C.checksum(lengthBytes)), to: &out)
        out += data
        appendLittleEndian(CRC32C.masked(CRC32C.checksum(data)), to: &out)
        return out
    }

    /// A record whose checksum does not match.
    public struct CorruptRecord: Error, Equatable, CustomStringConvertible {
        /// Byte offset of the record's start.
        public let offset: Int
        /// Which checksum failed: "length" or "data".
        public let part: String
        public var description: String { "TFRecord at byte \(offset): the \(part) checksum does not match" }
    }

    /// The records in `bytes`, in order. A truncated final record (a writer killed mid-write) is
    /// ignored, as TensorBoard does; a checksum mismatch throws.
    public static func records(in bytes: [UInt8]) throws(CorruptRecord) -> [[UInt8]] {
        var records: [[UInt8]] = []
        var at = 0
        while bytes.count - at >= 12 {
            let lengthBytes = bytes[at..<at + 8]
            guard readLittleEndian(bytes, at + 8) == CRC32C.masked(CRC32C.checksum(lengthBytes)) else {
                throw CorruptRecord(offset: at, part: "length")
            }
            let length = lengthBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard length <= UInt64(bytes.count - at - 16) else { break }
            let data = Array(bytes[at + 12..<at + 12 + Int(length)])
            guard readLittleEndian(bytes, at + 12 + Int(length)) == CRC32C.masked(CRC32C.checksum(data)) else {
                throw CorruptRecord(offset: at, part: "data")
            }
            records.append(data)
            at += 16 + Int(length)
        }
        return records
    }

    private static func appendLittleEndian(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    private static func readLittleEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<at + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }
}
