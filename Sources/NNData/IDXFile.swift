// IDXFile: the IDX format of MNIST and Fashion-MNIST (LeCun's "THE IDX FILE FORMAT").
//
// Layout, all big-endian:
//   bytes 0-3   magic: 0x00 0x00, a type code (0x08 = unsigned byte), the number of dimensions
//   then        one UInt32 size per dimension (count, then rows and columns for images)
//   then        count * rows * cols bytes, row-major
// Only unsigned-byte files are read, as images (3 dimensions, magic 0x00000803) or labels
// (1 dimension, magic 0x00000801). The payload goes straight from zlib into its final buffer:
// no intermediate copy, and nothing is kept if any check fails.

import Foundation

/// Which kind of IDX file is expected.
public enum IDXKind: Sendable {
    case images, labels

    /// The magic number a file of this kind starts with.
    public var magic: UInt32 { self == .images ? 0x0000_0803 : 0x0000_0801 }
    var dimensionCount: Int { self == .images ? 3 : 1 }

    static func describe(magic: UInt32) -> String {
        magic == IDXKind.images.magic ? "images" : magic == IDXKind.labels.magic ? "labels" : "data"
    }

    /// True when `magic` is any unsigned-byte IDX magic number.
    static func isIDX(magic: UInt32) -> Bool { magic >> 8 == 0x08 && magic & 0xff > 0 }
}

/// Bytes owned by one allocation, shared read-only by every view of a data set once filled.
final class ByteStorage: @unchecked Sendable {
    let count: Int
    let base: UnsafeMutablePointer<UInt8>

    /// Uninitialized storage for `count` bytes: the caller fills all of it before sharing it.
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
    }

    convenience init(_ bytes: [UInt8]) {
        self.init(count: bytes.count)
        bytes.withUnsafeBufferPointer { if let p = $0.baseAddress { base.update(from: p, count: bytes.count) } }
    }

    deinit { base.deallocate() }

    subscript(i: Int) -> UInt8 { base[i] }
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// One IDX file read into memory: its sizes and its payload bytes.
public struct IDXFile: @unchecked Sendable {
    /// The sizes from the header: [count, rows, cols] for images, [count] for labels.
    public let dimensions: [Int]
    /// The payload, `dimensions` multiplied out bytes, without the header.
    let storage: ByteStorage

    /// Number of items (images or labels).
    public var count: Int { dimensions[0] }
    /// The payload bytes as an array (a copy; for tests and small files).
    public var bytes: [UInt8] { storage.bytes }

    /// The largest payload accepted: far above any MNIST-style set, far below a mistaken 4 GB.
    static let maximumBytes = 1 << 31

    /// Reads and checks the IDX file at `path` (raw or gzip).
    public static func read(path: String, kind: IDXKind) throws(DataError) -> IDXFile {
        let reader = try GzipReader(path: path)

        // Magic number, then one big-endian UInt32 per dimension.
        let magic = try readUInt32(reader, header: 0)
        guard magic == kind.magic else {
            throw .badMagic(path: path, found: magic, expected: kind.magic)
        }
        var dims: [Int] = []
        for d in 0..<kind.dimensionCount {
            dims.append(Int(try readUInt32(reader, header: 4 + 4 * d)))
        }
        if dims.contains(0) {
            throw .badDimensions(path: path, dimensions: dims, reason: "a size is zero")
        }
        if kind == .images && (dims[1] > 4096 || dims[2] > 4096) {
            throw .badDimensions(path: path, dimensions: dims, reason: "images larger than 4096x4096")
        }
        let (total, overflow) = dims.reduce((1, false)) { acc, d in
            let (p, o) = acc.0.multipliedReportingOverflow(by: d)
            return (p, acc.1 || o)
        }
        if overflow || total > maximumBytes {
            throw .badDimensions(path: path, dimensions: dims, reason: "more than \(maximumBytes) bytes of data")
        }

        let storage = ByteStorage(count: total)
        let got = try reader.read(into: storage.base, count: total)
        if got < total {
            throw .truncated(path: path, expectedBytes: total, foundBytes: got)
        }
        let extra = try reader.drain()
        if extra > 0 { throw .trailingBytes(path: path, extra: extra) }
        try reader.close()
        return IDXFile(dimensions: dims, storage: storage)
    }

    /// One big-endian UInt32 of the header at byte `header` (for the truncation message).
    private static func readUInt32(_ reader: GzipReader, header offset: Int) throws(DataError) -> UInt32 {
        var word: UInt32 = 0
        let n = try withUnsafeMutableBytes(of: &word) { (p) throws(DataError) -> Int in
            try reader.read(into: p.baseAddress!, count: 4)
        }
        if n == 0 && offset == 0 { throw .emptyFile(path: reader.path) }
        guard n == 4 else {
            throw .truncated(path: reader.path, expectedBytes: offset + 4, foundBytes: offset + n)
        }
        return UInt32(bigEndian: word)
    }

    /// The bytes of an IDX file holding `payload` with sizes `dimensions` (for tests and exports).
    public static func encode(kind: IDXKind, dimensions: [Int], payload: [UInt8]) -> [UInt8] {
        precondition(dimensions.count == kind.dimensionCount,
                     "IDXFile.encode: \(kind) need \(kind.dimensionCount) sizes, got \(dimensions)")
        precondition(dimensions.reduce(1, *) == payload.count,
                     "IDXFile.encode: sizes \(dimensions) need \(dimensions.reduce(1, *)) bytes, got \(payload.count)")
        var out: [UInt8] = []
        out.reserveCapacity(4 + 4 * dimensions.count + payload.count)
        func put(_ v: UInt32) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        put(kind.magic)
        for d in dimensions { put(UInt32(d)) }
        out.append(contentsOf: payload)
        return out
    }
}
