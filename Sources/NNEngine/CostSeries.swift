// CostSeries: a run's per-batch costs in memory bounded by a constant, not by the run's length.
//
// While a run has at most `capacity` batches, every batch's cost is kept as it was. When the series
// fills up, neighbouring points merge pairwise (each point becomes the mean of twice as many
// batches), so `train epochs=1000000 batch=1` keeps at most `capacity` points and a chart drawn
// from them still shows the whole run. The costs of the batches that do not yet fill a block are
// held as a running sum. Everything is deterministic: the same costs give the same points.
//
// Not here: per-epoch figures (EpochReport) and the chart itself (PlotCommand).

/// The costs of a run's batches, as means of blocks of `blockSize` consecutive batches.
public struct CostSeries: Sendable, Equatable {
    /// Points kept before neighbours merge (even): 32,768 Floats, 128 KB per run at most.
    public static let defaultCapacity = 32_768

    public let capacity: Int
    /// Batches per point (1 until the run outgrows `capacity`; then 2, 4, 8...).
    public private(set) var blockSize = 1
    /// The mean cost of each complete block, in order.
    public private(set) var means: [Float] = []
    /// Batches recorded, including those of the block not yet complete.
    public private(set) var batchCount = 0
    private var pendingSum: Double = 0
    private var pendingCount = 0

    public init(capacity: Int = CostSeries.defaultCapacity) {
        precondition(capacity >= 2 && capacity % 2 == 0, "CostSeries: capacity \(capacity) must be even and at least 2")
        self.capacity = capacity
    }

    /// A series restored from saved points (each the mean of `blockSize` batches).
    public init(means: [Float], blockSize: Int, capacity: Int = CostSeries.defaultCapacity) {
        self.init(capacity: max(capacity, means.count + means.count % 2))
        self.blockSize = max(1, blockSize)
        self.means = means
        batchCount = means.count * self.blockSize
    }

    /// Adds one batch's cost.
    public mutating func append(_ cost: Float) {
        batchCount += 1
        pendingSum += Double(cost)
        pendingCount += 1
        guard pendingCount == blockSize else { return }
        means.append(Float(pendingSum / Double(blockSize)))
        pendingSum = 0
        pendingCount = 0
        if means.count == capacity { mergePairs() }
    }

    /// Halves the points: each new point is the mean of two neighbours (of equal block size).
    private mutating func mergePairs() {
        means = stride(from: 0, to: means.count - 1, by: 2).map { Float((Double(means[$0]) + Double(means[$0 + 1])) / 2) }
        blockSize *= 2
    }

    /// At most `limit` points (merging pairs as often as needed), for saving.
    public func downsampled(toAtMost limit: Int) -> CostSeries {
        var copy = self
        while copy.means.count > max(limit, 1), copy.means.count >= 2 {
            if copy.means.count % 2 == 1 { copy.means.removeLast() }
            copy.mergePairs()
        }
        copy.pendingSum = 0
        copy.pendingCount = 0
        copy.batchCount = copy.means.count * copy.blockSize
        return copy
    }

    /// Means of consecutive blocks of `every` batches, at x = the block's last batch number; nil when
    /// `every` is not a multiple of `blockSize` (the batches inside a block are no longer known).
    public func blocks(of every: Int) -> [(x: Double, y: Double)]? {
        guard every > 0, every % blockSize == 0 else { return nil }
        let group = every / blockSize
        return stride(from: 0, to: means.count - group + 1, by: group).map { start in
            let sum = means[start..<(start + group)].reduce(0.0) { $0 + Double($1) }
            return (Double((start + group) * blockSize), sum / Double(group))
        }
    }

    /// Batches covered by complete blocks.
    public var coveredBatches: Int { means.count * blockSize }
}
