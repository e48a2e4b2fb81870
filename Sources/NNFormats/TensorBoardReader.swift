// TensorBoardReader: reads the scalars back out of TensorBoard event files, the subset nnlab's
// writer produces (TensorBoardEvent.swift lists the messages). A lesson checks that what it
// logged for TensorBoard is what the run measured, and tests read the writer's files with it.
//
//   Event         { int64 step = 2; Summary summary = 5; }     other fields skipped
//   Summary       { repeated Value value = 1; }
//   Summary.Value { string tag = 1; float simple_value = 2; } histograms (field 5) skipped
//
// Not here: histograms (nothing reads them back), the framing (TFRecord).

import Foundation

/// One scalar point of an event file.
public struct ScalarPoint: Equatable, Sendable {
    public let tag: String
    public let step: Int
    public let value: Float

    public init(tag: String, step: Int, value: Float) {
        self.tag = tag
        self.step = step
        self.value = value
    }
}

public enum TensorBoardReader {
    /// A file that is not a readable event file.
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Every scalar in the event files of `runDirectory` (files named `events.out.tfevents.*`,
    /// in name order), in the order written.
    public static func scalars(inRun runDirectory: URL) throws(Malformed) -> [ScalarPoint] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runDirectory.path)) ?? [])
            .filter { $0.hasPrefix("events.out.tfevents.") }.sorted()
        var points: [ScalarPoint] = []
        for name in names {
            let url = runDirectory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { throw Malformed(message: "cannot read \(url.path)") }
            points += try scalars(inFile: [UInt8](data))
        }
        return points
    }

    /// The scalars of one event file's bytes.
    public static func scalars(inFile bytes: [UInt8]) throws(Malformed) -> [ScalarPoint] {
        let records: [[UInt8]]
        do { records = try TFRecord.records(in: bytes) } catch { throw Malformed(message: error.description) }
        var points: [ScalarPoint] = []
        for record in records {
            var step = 0
            var summaries: [ArraySlice<UInt8>] = []
            try fields(record[...]) { number, value throws(Malformed) in
                switch (number, value) {
                case (2, .varint(let v)): step = Int(Int64(bitPattern: v))
                case (5, .bytes(let b)): summaries.append(b)
                default: break
                }
            }
            for summary in summaries {
                try fields(summary) { number, value throws(Malformed) in
                    guard number == 1, case .bytes(let entry) = value else { return }
                    var tag: String?, scalar: Float?
                    try fields(entry) { n, v throws(Malformed) in
                        switch (n, v) {
                        case (1, .bytes(let b)): tag = String(decoding: b, as: UTF8.self)
                        case (2, .fixed32(let bits)): scalar = Float(bitPattern: bits)
                        default: break
                        }
                    }
                    if let tag, let scalar { points.append(ScalarPoint(tag: tag, step: step, value: scalar)) }
                }
            }
        }
        return points
    }

    // MARK: - Protocol buffer wire format

    enum WireValue {
        case varint(UInt64)
        case fixed64(UInt64)
        case fixed32(UInt32)
        case bytes(ArraySlice<UInt8>)
    }

    /// Calls `visit` with each field of a message.
    static func fields(_ message: ArraySlice<UInt8>, _ visit: (Int, WireValue) throws(Malformed) -> Void) throws(Malformed) {
        var at = message.startIndex
        func varint() throws(Malformed) -> UInt64 {
            var result: UInt64 = 0, shift: UInt64 = 0
            while at < message.endIndex {
                let byte = message[at]
                at += 1
                result |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
                guard shift < 64 else { break }
            }
            throw Malformed(message: "a varint runs past the end of its message")
        }
        func fixed(_ count: Int) throws(Malformed) -> UInt64 {
            guard message.endIndex - at >= count else { throw Malformed(message: "a fixed-size field runs past the end of its message") }
            let value = message[at..<at + count].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            at += count
            return value
        }
        while at < message.endIndex {
            let key = try varint()
            let number = Int(key >> 3)
            switch key & 7 {
            case 0: try visit(number, .varint(try varint()))
            case 1: try visit(number, .fixed64(try fixed(8)))
            case 5: try visit(number, .fixed32(UInt32(try fixed(4))))
            case 2:
                let length = Int(try varint())
                guard length >= 0, message.endIndex - at >= length else { throw Malformed(message: "a field's length runs past the end of its message") }
                let body = message[at..<at + length]
                at += length
                try visit(number, .bytes(body))
            default:
                throw Malformed(message: "unsupported wire type \(key & 7)")
            }
        }
    }
}
