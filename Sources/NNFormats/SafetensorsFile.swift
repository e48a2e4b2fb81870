// SafetensorsFile: reading a .safetensors file, validated in full before any value is handed out.
//
// Layout (https://github.com/huggingface/safetensors):
//   [8 bytes: header length N, little-endian u64] [N bytes: JSON header] [data bytes]
//   header = {"NAME": {"dtype": "F32", "shape": [d0, d1, ...], "data_offsets": [begin, end]}, ...,
//             "__metadata__": {"key": "string value", ...}}
//   offsets count from the first data byte; the tensors must tile the data exactly.
//
// The file is read into memory once; tensors are views into that buffer, and `floats`/`copyFloats`
// move each F32 tensor with a single memcpy (other float types convert element by element).
// This file reads; SafetensorsWriter writes.

import Foundation
import NNCore

/// A validated safetensors file held in memory: its tensors' names, types and shapes, its metadata,
/// and their values on request.
public struct SafetensorsFile: Sendable {
    /// One tensor's header entry.
    public struct TensorInfo: Equatable, Sendable {
        /// The tensor's name (the header key).
        public let name: String
        /// Its element type (always a readable one: F32, F16, BF16 or F64).
        public let dtype: SafetensorsDType
        /// Its shape; `[]` is a scalar.
        public let shape: [Int]
        /// Its byte range within the data section (`data_offsets`).
        public let dataOffsets: Range<Int>
        /// Number of elements (the product of `shape`).
        public var count: Int { shape.reduce(1, *) }
    }

    /// The largest header accepted (the reference implementation's limit too).
    public static let headerLimit = 100_000_000

    /// The file's path as given (for messages).
    public let path: String
    /// The `__metadata__` entries (empty when the file has none).
    public let metadata: [String: String]
    /// Every tensor, in the order their bytes appear in the file.
    public let tensors: [TensorInfo]

    private let bytes: Data
    private let dataStart: Int
    private let index: [String: Int]

    /// Reads and validates the file at `url`. Throws `SafetensorsError` saying what is wrong.
    public init(contentsOf url: URL) throws(SafetensorsError) {
        let data: Data
        do {
            data = try readWholeFile(url.path)
        } catch {
            throw SafetensorsError(path: url.path, problem: .unreadable(error.osMessage))
        }
        try self.init(bytes: data, path: url.path)
    }

    /// Validates `bytes` as a safetensors file; `path` names it in messages.
    public init(bytes: Data, path: String) throws(SafetensorsError) {
        // Work on a zero-based copy-on-write value so offsets below are plain integers.
        let bytes = bytes.startIndex == 0 ? bytes : Data(bytes)
        func fail(_ problem: SafetensorsError.Problem) -> SafetensorsError {
            SafetensorsError(path: path, problem: problem)
        }

        guard bytes.count >= 8 else { throw fail(.tooShort(bytes: bytes.count)) }
        let headerLength = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength <= UInt64(SafetensorsFile.headerLimit) else {
            throw fail(.headerTooLarge(length: headerLength, limit: SafetensorsFile.headerLimit))
        }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw fail(.headerBeyondFile(length: headerLength, fileSize: bytes.count))
        }
        let dataStart = 8 + Int(headerLength)
        let dataBytes = bytes.count - dataStart

        let header: JSONValue
        switch JSONValue.parse(bytes[8..<dataStart]) {
        case .success(let value): header = value
        case .failure(let failure): throw fail(.headerNotJSON(failure.detail))
        }
        guard case .object(let entries) = header else { throw fail(.headerNotObject(header.kind)) }

        var metadata: [String: String] = [:]
        var tensors: [TensorInfo] = []
        // Sorted, so a file with several faults always reports the same one.
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            if name == "__metadata__" {
                metadata = try SafetensorsFile.parseMetadata(entry, fail: fail)
            } else {
                tensors.append(try SafetensorsFile.parseEntry(name, entry, dataBytes: dataBytes, fail: fail))
            }
        }
        tensors.sort { ($0.dataOffsets.lowerBound, $0.dataOffsets.upperBound, $0.name)
            < ($1.dataOffsets.lowerBound, $1.dataOffsets.upperBound, $1.name) }
        try SafetensorsFile.checkTiling(tensors, dataBytes: dataBytes, fail: fail)

        self.path = path
        self.metadata = metadata
        self.tensors = tensors
        self.bytes = bytes
        self.dataStart = dataStart
        self.index = Dictionary(uniqueKeysWithValues: tensors.enumerated().map { ($1.name, $0) })
    }

    // MARK: - Values

    /// The tensor named `name`, or nil.
    public func tensor(_ name: String) -> TensorInfo? { index[name].map { tensors[$0] } }

    /// The tensor's values as Floats, row-major (converted from F16/BF16/F64 if needed).
    public func floats(_ name: String) throws(SafetensorsError) -> [Float] {
        let info = try lookup(name)
        return [Float](unsafeUninitializedCapacity: info.count) { buffer, initialized in
            copy(info, into: buffer.baseAddress)
            initialized = info.count
        }
    }

    /// Copies the tensor's values into `destination`, which must hold exactly as many Floats.
    public func copyFloats(_ name: String,
                           into destination: UnsafeMutableBufferPointer<Float>) throws(SafetensorsError) {
        let info = try lookup(name)
        guard destination.count == info.count else {
            throw SafetensorsError(path: path, problem: .countMismatch(tensor: name, shape: info.shape,
                                                                       destinationCount: destination.count))
        }
        copy(info, into: destination.baseAddress)
    }

    /// The tensor as a new Matrix: shape [r, c] gives r x c, [n] gives 1 x n, [] gives 1 x 1,
    /// and [d0, d1, ...] gives d0 x (d1 * ...).
    public func matrix(_ name: String) throws(SafetensorsError) -> Matrix {
        let info = try lookup(name)
        let rows = info.shape.count >= 2 ? info.shape[0] : 1
        let cols = info.shape.count >= 2 ? info.shape.dropFirst().reduce(1, *) : info.count
        let m = Matrix(rows: rows, cols: cols)
        copy(info, into: m.data)
        return m
    }

    private func lookup(_ name: String) throws(SafetensorsError) -> TensorInfo {
        guard let info = tensor(name) else {
            throw SafetensorsError(path: path, problem: .noSuchTensor(name: name, available: tensors.map(\.name)))
        }
        return info
    }

    private func copy(_ info: TensorInfo, into destination: UnsafeMutablePointer<Float>?) {
        guard info.count > 0, let destination else { return }
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            info.dtype.convert(base + dataStart + info.dataOffsets.lowerBound, count: info.count, into: destination)
        }
    }

    // MARK: - Validation

    private static func parseMetadata(
        _ entry: JSONValue, fail: (SafetensorsError.Problem) -> SafetensorsError
    ) throws(SafetensorsError) -> [String: String] {
        guard case .object(let fields) = entry else { throw fail(.metadataNotObject(entry.kind)) }
        var metadata: [String: String] = [:]
        for (key, value) in fields {
            guard case .string(let text) = value else {
                throw fail(.metadataValueNotString(key: key, found: "\(value.kind) (\(value.brief()))"))
            }
            metadata[key] = text
        }
        return metadata
    }

    private static func parseEntry(
        _ name: String, _ entry: JSONValue, dataBytes: Int, fail: (SafetensorsError.Problem) -> SafetensorsError
    ) throws(SafetensorsError) -> TensorInfo {
        guard case .object(let fields) = entry else { throw fail(.entryNotObject(tensor: name, found: entry.kind)) }
        func field(_ key: String) throws(SafetensorsError) -> JSONValue {
            guard let value = fields[key] else { throw fail(.missingField(tensor: name, field: key)) }
            return value
        }
        func naturals(_ value: JSONValue) -> [Int]? {
            guard case .array(let items) = value else { return nil }
            var result: [Int] = []
            for item in items {
                guard case .integer(let n) = item, n >= 0 else { return nil }
                result.append(n)
            }
            return result
        }

        let dtypeValue = try field("dtype")
        guard case .string(let dtypeText) = dtypeValue else {
            throw fail(.badField(tensor: name, field: "dtype", expected: "a string such as \"F32\"",
                                 found: dtypeValue.brief()))
        }
        let shapeValue = try field("shape")
        guard let shape = naturals(shapeValue) else {
            throw fail(.badField(tensor: name, field: "shape", expected: "a list of non-negative integers",
                                 found: shapeValue.brief()))
        }
        let offsetsValue = try field("data_offsets")
        guard let offsets = naturals(offsetsValue), offsets.count == 2, offsets[0] <= offsets[1] else {
            throw fail(.badField(tensor: name, field: "data_offsets", expected: "[begin, end] with 0 <= begin <= end",
                                 found: offsetsValue.brief()))
        }

        guard let dtype = SafetensorsDType(rawValue: dtypeText) else {
            throw fail(.unknownDType(tensor: name, dtype: dtypeText))
        }
        guard dtype.isReadable else { throw fail(.unsupportedDType(tensor: name, dtype: dtypeText)) }

        var byteCount = dtype.byteSize
        for dimension in shape {
            let (product, overflow) = byteCount.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw fail(.shapeTooLarge(tensor: name, shape: shape)) }
            byteCount = product
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard end - begin == byteCount else {
            throw fail(.sizeMismatch(tensor: name, dtype: dtypeText, shape: shape, expectedBytes: byteCount,
                                     begin: begin, end: end))
        }
        guard end <= dataBytes else {
            throw fail(.offsetsOutOfRange(tensor: name, begin: begin, end: end, dataBytes: dataBytes))
        }
        return TensorInfo(name: name, dtype: dtype, shape: shape, dataOffsets: begin..<end)
    }

    /// The tensors (sorted by offset) must cover the data exactly once: no overlap, no hole, no tail.
    private static func checkTiling(
        _ tensors: [TensorInfo], dataBytes: Int, fail: (SafetensorsError.Problem) -> SafetensorsError
    ) throws(SafetensorsError) {
        var covered = 0
        var last: String?
        for tensor in tensors where !tensor.dataOffsets.isEmpty {
            let range = tensor.dataOffsets
            if range.lowerBound < covered, let last { throw fail(.overlap(first: last, second: tensor.name)) }
            if range.lowerBound > covered { throw fail(.unusedBytes(begin: covered, end: range.lowerBound)) }
            covered = range.upperBound
            last = tensor.name
        }
        if covered < dataBytes { throw fail(.unusedBytes(begin: covered, end: dataBytes)) }
    }
}
