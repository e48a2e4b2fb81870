// Histogram: a distribution of values in TensorBoard's HistogramProto form.
//
// TensorBoard stores a histogram as min, max, count, sum, sum of squares, and a list of buckets,
// each an upper limit and a count: bucket i holds values v with limit[i-1] <= v < limit[i] (the
// first bucket starts at -infinity). Its default limits, used here too, grow by 10% per bucket:
// 0, then +-1e-12, +-1.1e-12, ... up to +-1e20, then +-Double.greatestFiniteMagnitude (about 1,550
// limits). That resolves a weight of 1e-3 and a gradient of 1e-9 equally well. Runs of empty buckets
// are merged into one empty bucket (keeping the run's last limit), as TensorFlow writes them, so a
// histogram of 400,000 weights costs a few kilobytes (only the decades it spans), not 25 KB.
// NaN and infinite values are left out of every figure and counted in `nonFiniteCount`.

/// A histogram of Float values, ready to be written as a TensorBoard HistogramProto.
public struct Histogram: Equatable, Sendable {
    /// The smallest value (0 when there are none).
    public var min: Double
    /// The largest value (0 when there are none).
    public var max: Double
    /// How many values were counted.
    public var count: Double
    /// Their sum.
    public var sum: Double
    /// The sum of their squares.
    public var sumOfSquares: Double
    /// Bucket upper limits, increasing (empty runs merged).
    public var bucketLimits: [Double]
    /// Values per bucket, parallel to `bucketLimits`.
    public var bucketCounts: [Double]
    /// NaN and infinite values seen and left out.
    public var nonFiniteCount: Int

    /// TensorBoard's default bucket limits (see the file header).
    public static let defaultLimits: [Double] = {
        var positive: [Double] = []
        var limit = 1e-12
        while limit < 1e20 {
            positive.append(limit)
            limit *= 1.1
        }
        positive.append(Double.greatestFiniteMagnitude)
        return positive.reversed().map { -$0 } + [0] + positive
    }()

    /// The histogram of `values` over `limits` (increasing; the last should be +greatestFiniteMagnitude
    /// so every finite value has a bucket).
    public init(_ values: UnsafeBufferPointer<Float>, limits: [Double] = Histogram.defaultLimits) {
        precondition(!limits.isEmpty && zip(limits, limits.dropFirst()).allSatisfy { $0 < $1 },
                     "Histogram: bucket limits must be non-empty and increasing")
        var counts = [Double](repeating: 0, count: limits.count)
        var low = Double.infinity, high = -Double.infinity
        var total = 0.0, sum = 0.0, squares = 0.0
        var nonFinite = 0
        for value in values {
            guard value.isFinite else {
                nonFinite += 1
                continue
            }
            let v = Double(value)
            low = Swift.min(low, v)
            high = Swift.max(high, v)
            total += 1
            sum += v
            squares += v * v
            counts[Histogram.bucket(of: v, limits: limits)] += 1
        }
        self.min = total > 0 ? low : 0
        self.max = total > 0 ? high : 0
        self.count = total
        self.sum = sum
        self.sumOfSquares = squares
        self.nonFiniteCount = nonFinite
        (bucketLimits, bucketCounts) = Histogram.mergeEmptyRuns(limits: limits, counts: counts)
    }

    /// The histogram of `values`.
    public init(_ values: [Float], limits: [Double] = Histogram.defaultLimits) {
        self = values.withUnsafeBufferPointer { Histogram($0, limits: limits) }
    }

    /// The index of the first limit above `value` (the last bucket if none is).
    static func bucket(of value: Double, limits: [Double]) -> Int {
        var low = 0, high = limits.count - 1
        while low < high {
            let middle = (low + high) / 2
            if limits[middle] > value { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Replaces every run of empty buckets by one empty bucket ending at the run's last limit.
    static func mergeEmptyRuns(limits: [Double], counts: [Double]) -> (limits: [Double], counts: [Double]) {
        var outLimits: [Double] = [], outCounts: [Double] = []
        for (limit, count) in zip(limits, counts) {
            if count == 0, let last = outCounts.last, last == 0 {
                outLimits[outLimits.count - 1] = limit
            } else {
                outLimits.append(limit)
                outCounts.append(count)
            }
        }
        return (outLimits, outCounts)
    }

    /// The HistogramProto message: min=1, max=2, num=3, sum=4, sum_squares=5 (doubles),
    /// bucket_limit=6 and bucket=7 (packed doubles).
    func protobuf() -> ProtobufWriter {
        var proto = ProtobufWriter()
        proto.double(1, min)
        proto.double(2, max)
        proto.double(3, count)
        proto.double(4, sum)
        proto.double(5, sumOfSquares)
        proto.packedDoubles(6, bucketLimits)
        proto.packedDoubles(7, bucketCounts)
        return proto
    }
}
