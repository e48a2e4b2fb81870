// DataSplit: shuffling a table of examples into train / validation / test, from a seed.
//
// Used by the CSV reader and the generated 2-D sets (MNIST-style sets come pre-split). The
// permutation is drawn from a generator forked off the session's, and the fork's seed goes
// into the identity, so the same seed always gives the same split. Fractions are checked by
// the option parser; this file only computes sizes and indices.

import NNCore

/// How a table is split: fractions of the rows held out for test and validation.
public struct SplitFractions: Equatable, Sendable {
    /// Fraction of rows for the test split (0 means: test on the training rows).
    public var test: Double
    /// Fraction of rows for the validation split (0 means: no validation split).
    public var validation: Double

    public init(test: Double, validation: Double) {
        self.test = test
        self.validation = validation
    }

    /// A reason the fractions cannot work, or nil when they are fine.
    var problem: SplitProblem? {
        if !(0..<1).contains(test) { return .test(test) }
        if !(0..<1).contains(validation) { return .validation(validation) }
        if test + validation >= 1 { return .noTrainingRows(test: test, validation: validation) }
        return nil
    }

    /// Rows in (train, validation, test) for `n` rows; a nonzero fraction keeps at least one row.
    public func sizes(of n: Int) -> (train: Int, validation: Int, test: Int) {
        func held(_ f: Double) -> Int { f > 0 ? max(1, Int((Double(n) * f).rounded())) : 0 }
        let t = held(test), v = held(validation)
        return (n - t - v, v, t)
    }
}

/// Indices of the rows in each split, in shuffled order.
struct SplitIndices {
    var train: [Int]
    var validation: [Int]
    var test: [Int]

    /// Shuffles 0..<n with `generator` and cuts it: test first, then validation, then train.
    init(count n: Int, fractions: SplitFractions, generator: SeededGenerator) {
        var order = (0..<Int32(n)).map { $0 }
        order.withUnsafeMutableBufferPointer { generator.shuffle($0) }
        let sizes = fractions.sizes(of: n)
        let all = order.map(Int.init)
        test = Array(all[0..<sizes.test])
        validation = Array(all[sizes.test..<sizes.test + sizes.validation])
        train = Array(all[(sizes.test + sizes.validation)...])
    }

    /// The three splits of `data` (test falls back to train when it is empty).
    func apply(to data: InMemoryData) -> (train: InMemoryData, validation: InMemoryData?, test: InMemoryData) {
        let trainSet = data.subset(train)
        let validationSet = validation.isEmpty ? nil : data.subset(validation)
        let testSet = test.isEmpty ? trainSet : data.subset(test)
        return (trainSet, validationSet, testSet)
    }
}

/// Short decimal for identities and messages: 0.2 -> "0.2", 1.0 -> "1".
func decimal(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}
