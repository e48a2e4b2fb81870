// LabeledData: what the engine needs from a data set, and nothing more.
//
// The engine trains on batches of examples with integer class labels. Data sets keep their
// features however they like (MNIST keeps pixels as UInt8) and convert one batch at a time into
// a Float matrix the trainer owns, so the full data set is never held as Float32.

/// A fixed collection of examples, each a row of `featureCount` numbers and a class label.
public protocol LabeledData: AnyObject {
    /// Number of examples.
    var count: Int { get }
    /// Numbers per example (784 for MNIST).
    var featureCount: Int { get }
    /// Number of classes; labels lie in `0..<classCount`.
    var classCount: Int { get }
    /// The label of example `index`.
    func label(_ index: Int) -> Int
    /// Writes the examples named by `indices` into the first `indices.count` rows of `features`
    /// (resizing it to that many rows) and their labels into `labels`. Must not allocate.
    func fillBatch(_ indices: UnsafeBufferPointer<Int32>, features: Matrix,
                   labels: UnsafeMutableBufferPointer<Int32>)
}

extension LabeledData {
    /// All examples as one Float matrix and a label array (for small sets and tests).
    public func materialize() -> (features: Matrix, labels: [Int32]) {
        let x = Matrix(rows: count, cols: featureCount)
        var labels = [Int32](repeating: 0, count: count)
        let indices = (0..<Int32(count)).map { $0 }
        indices.withUnsafeBufferPointer { idx in
            labels.withUnsafeMutableBufferPointer { fillBatch(idx, features: x, labels: $0) }
        }
        return (x, labels)
    }
}

/// Examples held in memory as Float32 rows: the XOR table, generated 2-D sets, CSV tables,
/// and test fixtures.
public final class InMemoryData: LabeledData {
    public let features: Matrix
    public let labels: [Int32]
    public let classCount: Int

    /// `features` has one example per row; `labels[i]` is row i's class in `0..<classCount`.
    public init(features: Matrix, labels: [Int32], classCount: Int? = nil) {
        precondition(features.rows == labels.count,
                     "InMemoryData: \(features.rows) rows but \(labels.count) labels")
        precondition(labels.allSatisfy { $0 >= 0 }, "InMemoryData: labels must be >= 0")
        self.features = features
        self.labels = labels
        self.classCount = classCount ?? Int((labels.max() ?? 0) + 1)
    }

    public var count: Int { labels.count }
    public var featureCount: Int { features.cols }
    public func label(_ index: Int) -> Int { Int(labels[index]) }

    public func fillBatch(_ indices: UnsafeBufferPointer<Int32>, features out: Matrix,
                          labels outLabels: UnsafeMutableBufferPointer<Int32>) {
        precondition(out.cols == featureCount && indices.count <= out.capacity && indices.count <= outLabels.count,
                     "fillBatch: \(indices.count) examples of \(featureCount) do not fit \(out.capacity)x\(out.cols)")
        out.resize(rows: indices.count)
        let n = featureCount
        for (r, i) in indices.enumerated() {
            (out.data + r * n).update(from: features.data + Int(i) * n, count: n)
            outLabels[r] = labels[Int(i)]
        }
    }

    /// The examples named by `indices`, copied (used for splits and subsets).
    public func subset(_ indices: [Int]) -> InMemoryData {
        let x = Matrix(rows: indices.count, cols: featureCount)
        for (r, i) in indices.enumerated() {
            (x.data + r * featureCount).update(from: features.data + i * featureCount, count: featureCount)
        }
        return InMemoryData(features: x, labels: indices.map { labels[$0] }, classCount: classCount)
    }
}

/// A view of some examples of another data set, by index, without copying them.
public final class DataSubset: LabeledData {
    public let base: LabeledData
    public let indices: [Int32]

    public init(_ base: LabeledData, indices: [Int32]) {
        precondition(indices.allSatisfy { $0 >= 0 && Int($0) < base.count },
                     "DataSubset: an index is outside 0..<\(base.count)")
        self.base = base
        self.indices = indices
    }

    /// Examples `range` of `base`.
    public convenience init(_ base: LabeledData, range: Range<Int>) {
        self.init(base, indices: range.map { Int32($0) })
    }

    public var count: Int { indices.count }
    public var featureCount: Int { base.featureCount }
    public var classCount: Int { base.classCount }
    public func label(_ index: Int) -> Int { base.label(Int(indices[index])) }

    public func fillBatch(_ batch: UnsafeBufferPointer<Int32>, features: Matrix,
                          labels: UnsafeMutableBufferPointer<Int32>) {
        // Map through our indices into a small stack of reused scratch space.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: batch.count) { mapped in
            for (k, i) in batch.enumerated() { mapped[k] = indices[Int(i)] }
            base.fillBatch(UnsafeBufferPointer(mapped), features: features, labels: labels)
        }
    }
}
