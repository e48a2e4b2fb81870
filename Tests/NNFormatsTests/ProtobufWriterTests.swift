// ProtobufWriter: byte-exact encodings, checked against the examples in the protobuf encoding guide
// and by hand.

import Testing
@testable import NNFormats

@Suite struct ProtobufWriterTests {
    @Test func varints() {
        func encoded(_ value: UInt64) -> [UInt8] {
            var writer = ProtobufWriter()
            writer.varint(value)
            return writer.bytes
        }
        #expect(encoded(0) == [0x00])
        #expect(encoded(1) == [0x01])
        #expect(encoded(127) == [0x7F])
        #expect(encoded(128) == [0x80, 0x01])
        #expect(encoded(150) == [0x96, 0x01])
        #expect(encoded(300) == [0xAC, 0x02])
        #expect(encoded(.max) == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    }

    @Test func integerFields() {
        var writer = ProtobufWriter()
        writer.int64(1, 150)   // the guide's first example: 08 96 01
        #expect(writer.bytes == [0x08, 0x96, 0x01])

        var negative = ProtobufWriter()
        negative.int64(2, -1)  // two's complement: ten bytes
        #expect(negative.bytes == [0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x01])
    }

    @Test func stringAndMessageFields() {
        var writer = ProtobufWriter()
        writer.string(2, "testing")   // the guide: 12 07 74 65 73 74 69 6e 67
        #expect(writer.bytes == [0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6E, 0x67])

        var inner = ProtobufWriter()
        inner.int64(1, 150)
        var outer = ProtobufWriter()
        outer.message(3, inner)       // the guide: 1a 03 08 96 01
        #expect(outer.bytes == [0x1A, 0x03, 0x08, 0x96, 0x01])
    }

    @Test func fixedWidthFields() {
        var writer = ProtobufWriter()
        writer.double(1, 1.0)   // key 09, then 0x3FF0000000000000 little-endian
        writer.float(2, 1.0)    // key 15, then 0x3F800000 little-endian
        #expect(writer.bytes == [0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x15, 0, 0, 0x80, 0x3F])
    }

    @Test func packedDoubles() {
        var writer = ProtobufWriter()
        writer.packedDoubles(6, [1.0, -2.0])   // key 32 (6 << 3 | 2), length 16, then the doubles
        #expect(writer.bytes == [0x32, 0x10,
                                 0, 0, 0, 0, 0, 0, 0xF0, 0x3F,
                                 0, 0, 0, 0, 0, 0, 0x00, 0xC0])
        var empty = ProtobufWriter()
        empty.packedDoubles(7, [])
        #expect(empty.bytes == [0x3A, 0x00])
    }

    @Test func fileVersionEventBytes() {
        let bytes = TensorBoardEvent.fileVersionEvent(wallTime: 0.5)
        #expect(bytes == [0x09, 0, 0, 0, 0, 0, 0, 0xE0, 0x3F, 0x1A, 13] + Array("brain.Event:2".utf8))
    }
}
