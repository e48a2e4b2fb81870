// Matrix: the one tensor type of nnlab. Float32, row-major, contiguous, owning its memory.
//
// A matrix can shrink and grow its row count up to the capacity it was made with, so a layer
// allocates its buffers once for the largest batch and reuses them for a smaller last batch:
// nothing is allocated inside the training loop. It is a class on purpose: layers hand the same
// buffers around by reference, never by copy.

/// A row-major Float32 matrix whose storage is allocated once and reused.
public final class Matrix {
    /// Rows in use (at most `capacity`).
    public private(set) var rows: Int
    /// Columns (fixed for the life of the matrix).
    public let cols: Int
    /// The most rows this matrix can hold without reallocating.
    public let capacity: Int
    /// The storage: `rows * cols` floats in use, `capacity * cols` allocated, 64-byte aligned.
    public let data: UnsafeMutablePointer<Float>

    /// A zero-filled `rows x cols` matrix, with room for `capacity` rows (default: `rows`).
    public init(rows: Int, cols: Int, capacity: Int? = nil) {
        let cap = capacity ?? rows
        precondition(rows >= 0 && cols >= 0 && cap >= rows,
                     "Matrix(rows: \(rows), cols: \(cols), capacity: \(cap)): sizes must be >= 0 and capacity >= rows")
        self.rows = rows
        self.cols = cols
        self.capacity = cap
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(cap * cols, 1) * MemoryLayout<Float>.stride,
                                                   alignment: 64)
        data = raw.bindMemory(to: Float.self, capacity: max(cap * cols, 1))
        data.initialize(repeating: 0, count: max(cap * cols, 1))
    }

    /// A `rows x cols` matrix holding `values` (row-major; `values.count` must be `rows * cols`).
    public convenience init(rows: Int, cols: Int, values: [Float]) {
        precondition(values.count == rows * cols,
                     "Matrix(rows: \(rows), cols: \(cols)) needs \(rows * cols) values, got \(values.count)")
        self.init(rows: rows, cols: cols)
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: values.count) }
    }

    /// A matrix from nested rows (handy in tests): `Matrix([[1, 2], [3, 4]])`.
    public convenience init(_ nested: [[Float]]) {
        let cols = nested.first?.count ?? 0
        precondition(nested.allSatisfy { $0.count == cols }, "Matrix(_:): rows have different lengths")
        self.init(rows: nested.count, cols: cols, values: nested.flatMap { $0 })
    }

    deinit { data.deallocate() }

    /// Number of elements in use.
    @inline(__always) public var count: Int { rows * cols }

    /// Uses the first `rows` rows of the allocation (no copy, no allocation).
    public func resize(rows newRows: Int) {
        precondition(newRows >= 0 && newRows <= capacity,
                     "Matrix.resize(rows: \(newRows)): capacity is \(capacity) rows of \(cols)")
        rows = newRows
    }

    @inline(__always) public subscript(row: Int, col: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && col >= 0 && col < cols,
                         "Matrix[\(row), \(col)] is outside \(rows)x\(cols)")
            return data[row * cols + col]
        }
        set {
            precondition(row >= 0 && row < rows && col >= 0 && col < cols,
                         "Matrix[\(row), \(col)] is outside \(rows)x\(cols)")
            data[row * cols + col] = newValue
        }
    }

    /// The elements in use as a buffer.
    @inline(__always) public var buffer: UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: data, count: count)
    }

    /// A copy of the elements in use, row-major.
    public var array: [Float] { Array(buffer) }

    /// One row as an array (for tests and display).
    public func row(_ r: Int) -> [Float] {
        precondition(r >= 0 && r < rows, "Matrix.row(\(r)) is outside \(rows) rows")
        return Array(UnsafeBufferPointer(start: data + r * cols, count: cols))
    }

    /// Sets every element in use to `value`.
    public func fill(_ value: Float) { data.update(repeating: value, count: count) }

    /// Copies `other` into this matrix, taking its row count (same columns, enough capacity).
    public func copy(from other: Matrix) {
        precondition(other.cols == cols && other.rows <= capacity,
                     "Matrix.copy: \(other.rows)x\(other.cols) does not fit \(capacity)x\(cols)")
        rows = other.rows
        data.update(from: other.data, count: count)
    }

    /// A new matrix with the same shape and contents.
    public func clone() -> Matrix {
        let m = Matrix(rows: rows, cols: cols)
        m.data.update(from: data, count: count)
        return m
    }

    /// `"3x4"`, for messages.
    public var shape: String { "\(rows)x\(cols)" }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        let shown = (0..<min(rows, 6)).map { r in
            (0..<min(cols, 8)).map { c in String(format4(self[r, c])) }.joined(separator: " ")
                + (cols > 8 ? " ..." : "")
        }
        return "Matrix \(shape)\n" + shown.joined(separator: "\n") + (rows > 6 ? "\n..." : "")
    }
}

/// A short fixed-point rendering without Foundation.
@usableFromInline func format4(_ x: Float) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    let scaled = (Double(x) * 10_000).rounded() / 10_000
    return String(scaled)
}
