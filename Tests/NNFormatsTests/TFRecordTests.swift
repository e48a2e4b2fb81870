// TFRecord: framing round trips, checksums catch damage, a torn last record is dropped.

import Testing
@testable import NNFormats

@Suite struct TFRecordTests {
    @Test func frameLayout() {
        let framed = TFRecord.frame([1, 2, 3])
        #expect(framed.count == 8 + 4 + 3 + 4)
        #expect(Array(framed[0..<8]) == [3, 0, 0, 0, 0, 0, 0, 0])
        let lengthCRC = CRC32C.masked(CRC32C.checksum([3, 0, 0, 0, 0, 0, 0, 0] as [UInt8]))
        #expect(Array(framed[8..<12]) == withUnsafeBytes(of: lengthCRC.littleEndian) { Array($0) })
        #expect(Array(framed[12..<15]) == [1, 2, 3])
        let dataCRC = CRC32C.masked(CRC32C.checksum([1, 2, 3] as [UInt8]))
        #expect(Array(framed[15..<19]) == withUnsafeBytes(of: dataCRC.littleEndian) { Array($0) })
    }

    @Test func recordsRoundTrip() throws {
        let records: [[UInt8]] = [[], [7], Array(0..<200).map { UInt8($0) }]
        let stream = records.flatMap(TFRecord.frame)
        #expect(try TFRecord.records(in: stream) == records)
    }

    @Test func aTornLastRecordIsDropped() throws {
        let stream = TFRecord.frame([1, 2, 3]) + TFRecord.frame([4, 5, 6, 7])
        #expect(try TFRecord.records(in: Array(stream.dropLast(2))) == [[1, 2, 3]])
    }

    @Test func damageIsDetected() {
        var stream = TFRecord.frame([1, 2, 3])
        stream[13] ^= 0x10
        #expect(throws: TFRecord.CorruptRecord(offset: 0, part: "data")) { try TFRecord.records(in: stream) }
        var badLength = TFRecord.frame([1, 2, 3])
        badLength[0] = 2
        #expect(throws: TFRecord.CorruptRecord(offset: 0, part: "length")) { try TFRecord.records(in: badLength) }
    }
}
