// Histogram: TensorBoard's default limits, summary figures, bucket placement and merging.

import Testing
@testable import NNFormats

@Suite struct HistogramTests {
    @Test func defaultLimitsAreSymmetricAndSpanEveryFiniteValue() {
        let limits = Histogram.defaultLimits
        #expect(limits.count % 2 == 1)
        #expect(limits[limits.count / 2] == 0)
        #expect(limits.first == -Double.greatestFiniteMagnitude && limits.last == Double.greatestFiniteMagnitude)
        #expect(limits[limits.count / 2 + 1] == 1e-12)
        #expect(zip(limits, limits.reversed()).allSatisfy { $0 == -$1 })
        #expect(zip(limits, limits.dropFirst()).allSatisfy { $0 < $1 })
        // Positive limits below 1e20 grow by 10% each: 1e-12 * 1.1^k.
        let positive = limits.filter { $0 > 0 && $0 < 1e20 }
        #expect(positive.count == 774)   // the smallest k with 1e-12 * 1.1^k >= 1e20 is 774
        #expect(abs(positive[10] / positive[9] - 1.1) < 1e-12)
    }

    @Test func summaryFigures() {
        let h = Histogram([0.5, -1, 2, 0, 0.25])
        #expect(h.min == -1 && h.max == 2)
        #expect(h.count == 5)
        #expect(h.sum == 1.75)
        #expect(h.sumOfSquares == 0.25 + 1 + 4 + 0 + 0.0625)
        #expect(h.bucketCounts.reduce(0, +) == 5)
        #expect(h.nonFiniteCount == 0)
    }

    @Test func eachValueLandsInTheBucketWhoseRangeHoldsIt() {
        let limits = Histogram.defaultLimits
        for value in [-3.0, -1e-12, -1e-13, 0, 1e-12, 0.001, 0.7, 1, 123.4, 1e25] {
            let i = Histogram.bucket(of: value, limits: limits)
            #expect(value < limits[i], "\(value) is not below limit \(limits[i])")
            if i > 0 { #expect(limits[i - 1] <= value, "\(value) is below limit \(limits[i - 1])") }
        }
        #expect(Histogram.bucket(of: 0, limits: limits) == limits.count / 2 + 1)
    }

    @Test func emptyRunsAreMergedKeepingTheLastLimit() {
        let merged = Histogram.mergeEmptyRuns(limits: [1, 2, 3, 4, 5, 6], counts: [0, 0, 3, 0, 0, 1])
        #expect(merged.limits == [2, 3, 5, 6])
        #expect(merged.counts == [0, 3, 0, 1])

        let h = Histogram([1, 1, 1, 100])
        #expect(h.bucketCounts.reduce(0, +) == 4)
        #expect(!zip(h.bucketCounts, h.bucketCounts.dropFirst()).contains { $0 == 0 && $1 == 0 })
        #expect(h.bucketLimits.last == Double.greatestFiniteMagnitude)
        #expect(h.bucketCounts.count == 5)   // empty, {1,1,1}, empty, {100}, empty
    }

    @Test func nonFiniteValuesAreLeftOutAndCounted() {
        let h = Histogram([1, .nan, .infinity, -.infinity, 3])
        #expect(h.count == 2 && h.sum == 4 && h.min == 1 && h.max == 3)
        #expect(h.nonFiniteCount == 3)
        let none = Histogram([Float]())
        #expect(none.count == 0 && none.min == 0 && none.max == 0)
        #expect(none.bucketCounts == [0])
    }
}
