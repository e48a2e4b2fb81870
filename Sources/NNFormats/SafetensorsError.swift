// SafetensorsError: every reason a .safetensors file is refused, each with a message that names
// the file, the tensor and the numbers involved.
//
// The reader validates the whole header before handing out a single value, so a learner loading a
// damaged or foreign file gets one clear sentence instead of garbage weights.

/// A safetensors file that cannot be used, and why.
public struct SafetensorsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the caller named it.
    public let path: String
    /// What is wrong.
    public let problem: Problem

    /// The file `path` is refused for `problem`.
    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// What is wrong with the file (or the request).
    public enum Problem: Equatable, Sendable {
        /// The OS could not read the file (missing, a folder, no permission); the OS text.
        case unreadable(String)
        /// Fewer than the 8 bytes that hold the header length.
        case tooShort(bytes: Int)
        /// The header length is beyond what any real file uses (the first 8 bytes are not a length).
        case headerTooLarge(length: UInt64, limit: Int)
        /// The header length reaches past the end of the file.
        case headerBeyondFile(length: UInt64, fileSize: Int)
        /// The header bytes are not JSON; the parser's detail.
        case headerNotJSON(String)
        /// The header is JSON but not an object; what it is instead.
        case headerNotObject(String)
        /// A tensor's entry is not an object; what it is instead.
        case entryNotObject(tensor: String, found: String)
        /// A tensor's entry lacks `dtype`, `shape` or `data_offsets`.
        case missingField(tensor: String, field: String)
        /// A tensor's field has the wrong form: the field, what it must be, what it is.
        case badField(tensor: String, field: String, expected: String, found: String)
        /// A dtype that is not in the safetensors specification.
        case unknownDType(tensor: String, dtype: String)
        /// A known dtype nnlab does not read (integers, booleans, 8-bit floats).
        case unsupportedDType(tensor: String, dtype: String)
        /// The shape's element count overflows.
        case shapeTooLarge(tensor: String, shape: [Int])
        /// `data_offsets` cover a different number of bytes than shape x dtype size.
        case sizeMismatch(tensor: String, dtype: String, shape: [Int], expectedBytes: Int, begin: Int, end: Int)
        /// `data_offsets` reach past the end of the data.
        case offsetsOutOfRange(tensor: String, begin: Int, end: Int, dataBytes: Int)
        /// Two tensors share bytes.
        case overlap(first: String, second: String)
        /// Bytes of the data belong to no tensor (the reference implementation refuses these too).
        case unusedBytes(begin: Int, end: Int)
        /// `__metadata__` is not an object; what it is instead.
        case metadataNotObject(String)
        /// A metadata value is not a string; the key and what it is instead.
        case metadataValueNotString(key: String, found: String)
        /// The caller asked for a tensor the file does not hold.
        case noSuchTensor(name: String, available: [String])
        /// The caller's destination holds a different number of values than the tensor.
        case countMismatch(tensor: String, shape: [Int], destinationCount: Int)
    }

    /// One sentence: the file, what is wrong, and (where it helps) what to do.
    public var description: String { "\(path): \(problem.explanation)" }
}

extension SafetensorsError.Problem {
    /// The problem in words (without the file name).
    public var explanation: String {
        switch self {
        case .unreadable(let os):
            return "cannot read the file (\(os))"
        case .tooShort(let bytes):
            return "the file is only \(bytes) bytes; a safetensors file starts with an 8-byte header length. "
                + "It is truncated or not a safetensors file."
        case .headerTooLarge(let length, let limit):
            return "the header length reads as \(length) bytes, above the \(limit)-byte limit; "
                + "this is not a safetensors file, or its first 8 bytes are damaged."
        case .headerBeyondFile(let length, let fileSize):
            return "the header length (\(length) bytes) reaches past the end of the file (\(fileSize) bytes); "
                + "the file is truncated or not a safetensors file."
        case .headerNotJSON(let detail):
            return "the header is not valid JSON (\(detail))."
        case .headerNotObject(let found):
            return "the header is \(found), not a JSON object of tensor entries."
        case .entryNotObject(let tensor, let found):
            return "tensor \"\(tensor)\": the entry is \(found), not an object with dtype, shape and data_offsets."
        case .missingField(let tensor, let field):
            return "tensor \"\(tensor)\" has no \"\(field)\" field."
        case .badField(let tensor, let field, let expected, let found):
            return "tensor \"\(tensor)\": \"\(field)\" must be \(expected), found \(found)."
        case .unknownDType(let tensor, let dtype):
            return "tensor \"\(tensor)\" has dtype \"\(dtype)\", which is not a safetensors dtype."
        case .unsupportedDType(let tensor, let dtype):
            let readable = SafetensorsDType.readable.map(\.rawValue).joined(separator: ", ")
            return "tensor \"\(tensor)\" has dtype \(dtype); nnlab reads only floating-point tensors (\(readable))."
        case .shapeTooLarge(let tensor, let shape):
            return "tensor \"\(tensor)\": shape \(shape) has more elements than can be addressed."
        case .sizeMismatch(let tensor, let dtype, let shape, let expectedBytes, let begin, let end):
            return "tensor \"\(tensor)\": shape \(shape) of \(dtype) needs \(expectedBytes) bytes, "
                + "but data_offsets [\(begin), \(end)] cover \(end - begin)."
        case .offsetsOutOfRange(let tensor, let begin, let end, let dataBytes):
            return "tensor \"\(tensor)\": data_offsets [\(begin), \(end)] reach past the end of the data "
                + "(\(dataBytes) bytes after the header); the file is truncated or its header is wrong."
        case .overlap(let first, let second):
            return "tensors \"\(first)\" and \"\(second)\" overlap in the data; the header's offsets are wrong."
        case .unusedBytes(let begin, let end):
            return "data bytes \(begin)..<\(end) belong to no tensor; the header's offsets are wrong "
                + "or the file has extra bytes."
        case .metadataNotObject(let found):
            return "\"__metadata__\" is \(found), not an object of string values."
        case .metadataValueNotString(let key, let found):
            return "metadata \"\(key)\" is \(found); safetensors metadata values must be strings."
        case .noSuchTensor(let name, let available):
            let shown = available.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            return "no tensor named \"\(name)\"; the file holds \(available.isEmpty ? "none" : shown)"
                + (available.count > 12 ? ", ..." : "") + "."
        case .countMismatch(let tensor, let shape, let destinationCount):
            return "tensor \"\(tensor)\" has shape \(shape), which does not fit a destination of "
                + "\(destinationCount) values."
        }
    }
}
