// SafetensorsWriter: building a .safetensors file from named Float32 tensors and string metadata.
//
// Output layout: 8-byte little-endian header length N, then N bytes of JSON (padded with spaces so
// the data starts at a multiple of 8), then every tensor's little-endian F32 values back to back.
// The header is Codable values encoded by JSONEncoder with sorted keys (so "__metadata__" comes
// before nnlab's lowercase tensor names); the data follows the order the tensors were added. One
// model always gives byte-identical files. nnlab stores its model specification as JSON text in
// one metadata entry; metadata values are strings by the format's rule. Writing goes through
// AtomicFile. This file writes; SafetensorsFile reads.

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
        var header: [String: HeaderEntry] = [:]
        if !metadata.isEmpty { header["__metadata__"] = .metadata(metadata) }
        for entry in entries {
            header[entry.name] = .tensor(TensorEntry(dtype: "F32", shape: entry.shape,
                                                     dataOffsets: [entry.offsets.lowerBound, entry.offsets.upperBound]))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and arrays of them always encode.
        let json = (try? encoder.encode(header)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
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

// MARK: - Header values

/// One value of the header object: the metadata strings, or where a tensor's bytes are.
private enum HeaderEntry: Encodable {
    case metadata([String: String])
    case tensor(TensorEntry)

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .metadata(let values): try container.encode(values)
        case .tensor(let entry): try container.encode(entry)
        }
    }
}

/// `{"data_offsets":[0,24],"dtype":"F32","shape":[2,3]}`: offsets are relative to the data start.
private struct TensorEntry: Encodable {
    let dtype: String
    let shape: [Int]
    let dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
        case dtype, shape
        case dataOffsets = "data_offsets"
    }
}
