// SafetensorsWriter: building a .safetensors file from named Float32 tensors and string metadata.
//
// Output layout: 8-byte little-endian header length N, then N bytes of JSON (padded with spaces so
// the data starts at a multiple of 8), then every tensor's little-endian F32 values back to back.
// The header lists "__metadata__" first (keys sorted), then the tensors in the order they were
// added, and the data follows that same order, so one model always gives byte-identical files.
// nnlab stores its model specification as JSON text in one metadata entry; metadata values are
// strings by the format's rule. Writing goes through AtomicFile. This file writes; SafetensorsFile reads.

import Foundation
import LabKit
import NNCore

/// Collects named F32 tensors and metadata, then encodes or atomically writes a safetensors file.
public struct SafetensorsWriter: Sendable {
    private struct Entry: Sendable {
        let name: String
        let shape: [Int]
        let offsets: Range<Int>
    }

    /// String metadata stored under `__metadata__`.
    public var metadata: [String: String]
    private var entries: [Entry] = []
    private var names: Set<String> = []
    private var payload = Data()

    /// An empty file with the given metadata.
    public init(metadata: [String: String] = [:]) {
        self.metadata = metadata
    }

    /// The tensor names added so far, in file order.
    public var tensorNames: [String] { entries.map(\.name) }

    /// Adds a tensor of `shape` holding `values` (row-major; count must equal the shape's product).
    public mutating func add(_ name: String, shape: [Int], values: [Float]) {
        values.withUnsafeBufferPointer { add(name, shape: shape, buffer: $0) }
    }

    /// Adds the elements in use of `matrix`, with shape `[rows, cols]` unless `shape` is given
    /// (its product must equal `matrix.count`; use `[n]` to store a 1 x n bias as a vector).
    public mutating func add(_ name: String, matrix: Matrix, shape: [Int]? = nil) {
        add(name, shape: shape ?? [matrix.rows, matrix.cols], buffer: UnsafeBufferPointer(matrix.buffer))
    }

    /// Adds a tensor of `shape` copied from `buffer`.
    public mutating func add(_ name: String, shape: [Int], buffer: UnsafeBufferPointer<Float>) {
        precondition(name != "__metadata__" && !names.contains(name),
                     "SafetensorsWriter.add: tensor name \"\(name)\" is reserved or already used")
        precondition(shape.allSatisfy { $0 >= 0 } && shape.reduce(1, *) == buffer.count,
                     "SafetensorsWriter.add(\"\(name)\"): shape \(shape) needs \(shape.reduce(1, *)) values, "
                        + "got \(buffer.count)")
        let begin = payload.count
        #if _endian(little)
        payload.append(UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress)?
            .assumingMemoryBound(to: UInt8.self), count: buffer.count * 4))
        #else
        for value in buffer { withUnsafeBytes(of: value.bitPattern.littleEndian) { payload.append(contentsOf: $0) } }
        #endif
        entries.append(Entry(name: name, shape: shape, offsets: begin..<payload.count))
        names.insert(name)
    }

    // MARK: - Output

    /// The JSON header, padded with spaces to a multiple of 8 bytes.
    public func headerJSON() -> String {
        var parts: [String] = []
        if !metadata.isEmpty {
            let fields = metadata.sorted { $0.key < $1.key }
                .map { "\(jsonString($0.key)):\(jsonString($0.value))" }
            parts.append("\"__metadata__\":{\(fields.joined(separator: ","))}")
        }
        for entry in entries {
            let shape = entry.shape.map(String.init).joined(separator: ",")
            parts.append("\(jsonString(entry.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],"
                + "\"data_offsets\":[\(entry.offsets.lowerBound),\(entry.offsets.upperBound)]}")
        }
        let json = "{" + parts.joined(separator: ",") + "}"
        let padding = (8 - json.utf8.count % 8) % 8
        return json + String(repeating: " ", count: padding)
    }

    /// The complete file: header length, header, data.
    public func encoded() -> Data {
        let header = Data(headerJSON().utf8)
        var file = Data(capacity: 8 + header.count + payload.count)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(header)
        file.append(payload)
        return file
    }

    /// Writes the file to `url` atomically (the old file, if any, stays intact on failure).
    public func write(to url: URL) throws(FileWriteError) {
        try AtomicFile.write(encoded(), to: url)
    }
}

/// `text` as a JSON string literal: quotes, backslashes and control characters escaped; other
/// characters (including non-ASCII) kept as UTF-8, which JSON allows.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
