// ProtobufWriter: the few protocol-buffer encodings TensorBoard's Event messages need, by hand.
//
// Wire format (https://protobuf.dev/programming-guides/encoding/): every field is a key
// `(field_number << 3) | wire_type` as a varint, then its value:
//   wire type 0 varint    int64 (two's complement, so negatives take 10 bytes), bool
//   wire type 1 64-bit    double, little-endian
//   wire type 2 length    string, bytes, embedded message, packed repeated scalars
//   wire type 5 32-bit    float, little-endian
// This is an encoder only, for the messages in TensorBoardEvent.swift; it knows no schemas.

/// Appends protocol-buffer fields to a byte array.
struct ProtobufWriter {
    /// The encoded message so far.
    private(set) var bytes: [UInt8] = []

    private enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    /// A base-128 varint: 7 bits per byte, least significant first, high bit set on all but the last.
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private mutating func key(_ field: Int, _ type: WireType) {
        precondition(field > 0 && field < 1 << 29, "ProtobufWriter: field number \(field) is out of range")
        varint(UInt64(field) << 3 | type.rawValue)
    }

    private mutating func littleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// An int64 field (wire type 0).
    mutating func int64(_ field: Int, _ value: Int64) {
        key(field, .varint)
        varint(UInt64(bitPattern: value))
    }

    /// A double field (wire type 1).
    mutating func double(_ field: Int, _ value: Double) {
        key(field, .fixed64)
        littleEndian(value.bitPattern)
    }

    /// A float field (wire type 5).
    mutating func float(_ field: Int, _ value: Float) {
        key(field, .fixed32)
        littleEndian(value.bitPattern)
    }

    /// A string field, UTF-8 (wire type 2).
    mutating func string(_ field: Int, _ value: String) {
        lengthDelimited(field, Array(value.utf8))
    }

    /// An embedded message field (wire type 2).
    mutating func message(_ field: Int, _ message: ProtobufWriter) {
        lengthDelimited(field, message.bytes)
    }

    /// A packed repeated double field: one key, the byte length, then the doubles back to back.
    mutating func packedDoubles(_ field: Int, _ values: [Double]) {
        key(field, .lengthDelimited)
        varint(UInt64(values.count * 8))
        bytes.reserveCapacity(bytes.count + values.count * 8)
        for value in values { littleEndian(value.bitPattern) }
    }

    private mutating func lengthDelimited(_ field: Int, _ payload: [UInt8]) {
        key(field, .lengthDelimited)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }
}
