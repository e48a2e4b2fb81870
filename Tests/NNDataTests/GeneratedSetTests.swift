// Tests for the built-in and generated sets: XOR's table, TensorFlow-Playground-style 2-D sets
// (sizes, balanced classes, the geometry each promises, determinism per seed) and "hihello".

import Foundation
import NNCore
import Testing
@testable import NNData

@Suite struct GeneratedSetTests {
    func allPoints(_ d: LoadedDataSet) -> (x: [[Float]], labels: [Int32]) {
        var xs: [[Float]] = [], ls: [Int32] = []
        for split in [d.train, d.validation, d.test].compactMap({ $0 }) {
            let (x, l) = split.materialize()
            xs += (0..<split.count).map { x.row($0) }
            ls += l
        }
        return (xs, ls)
    }

    @Test func xorIsTheFourPoints() {
        let d = XORData.make()
        let (x, labels) = d.train.materialize()
        #expect(x.array == [0, 0, 0, 1, 1, 0, 1, 1] && labels == [0, 1, 1, 0])
        #expect(d.test === d.train && d.validation == nil)
        #expect(d.info.featureShape == [2] && d.info.classNames == ["0", "1"])
    }

    @Test(arguments: PointSetKind.allCases)
    func sizesSplitsAndBalancedClasses(kind: PointSetKind) throws {
        let d = try PointSets.make(kind, options: PointSetOptions(samples: 400), generator: SeededGenerator(seed: 3))
        #expect(d.train.count == 280 && d.validation?.count == 40 && d.test.count == 80)
        let (_, labels) = allPoints(d)
        #expect(labels.filter { $0 == 0 }.count == 200 && labels.filter { $0 == 1 }.count == 200)
        #expect(d.info.featureShape == [2] && d.classCount == 2)
        #expect(d.info.identity.parameters["samples"] == "400")
    }

    @Test(arguments: PointSetKind.allCases)
    func sameSeedSamePointsOtherSeedOtherPoints(kind: PointSetKind) throws {
        let options = PointSetOptions(samples: 100, noise: 0.1)
        let a = try PointSets.make(kind, options: options, generator: SeededGenerator(seed: 11))
        let b = try PointSets.make(kind, options: options, generator: SeededGenerator(seed: 11))
        let c = try PointSets.make(kind, options: options, generator: SeededGenerator(seed: 12))
        #expect(a.train.materialize().features.array == b.train.materialize().features.array)
        #expect(a.test.materialize().labels == b.test.materialize().labels)
        #expect(a.info.identity == b.info.identity)
        #expect(a.train.materialize().features.array != c.train.materialize().features.array)
        #expect(a.info.identity.parameters["seed"] != c.info.identity.parameters["seed"])
    }

    @Test func circleWithoutNoiseHasADiscInsideARing() throws {
        let d = try PointSets.make(.circle, options: PointSetOptions(samples: 500), generator: SeededGenerator(seed: 5))
        let (x, labels) = allPoints(d)
        for (p, l) in zip(x, labels) {
            let r = (p[0] * p[0] + p[1] * p[1]).squareRoot()
            if l == 0 { #expect(r <= 0.5 + 1e-6) } else { #expect(r >= 0.7 - 1e-6 && r <= 1.0 + 1e-6) }
        }
    }

    @Test func spiralArmsArePointReflectionsOfEachOther() throws {
        // Without noise, arm 2's k-th point is arm 1's k-th point turned by half a turn.
        let d = try PointSets.make(.spiral, options: PointSetOptions(samples: 200, split: SplitFractions(test: 0, validation: 0)),
                                   generator: SeededGenerator(seed: 5))
        #expect(d.test === d.train && d.train.count == 200)  // test=0: the test split is the training set
        let (features, labelArray) = d.train.materialize()
        let x = (0..<200).map { features.row($0) }, labels = labelArray
        let arm1 = Set(zip(x, labels).filter { $0.1 == 0 }.map { "\(($0.0[0] * 1000).rounded()),\(($0.0[1] * 1000).rounded())" })
        let arm2 = zip(x, labels).filter { $0.1 == 1 }.map { "\((-$0.0[0] * 1000).rounded()),\((-$0.0[1] * 1000).rounded())" }
        #expect(arm2.count == 100)
        #expect(arm2.filter { arm1.contains($0) }.count >= 98)  // rounding at exactly .5 may differ
        #expect(x.allSatisfy { abs($0[0]) <= 1 && abs($0[1]) <= 1 })
    }

    @Test func gaussianClustersSitAroundTheirCentres() throws {
        let d = try PointSets.make(.gaussian, options: PointSetOptions(samples: 600, classes: 3), generator: SeededGenerator(seed: 9))
        #expect(d.classCount == 3 && d.info.classNames == ["cluster 1", "cluster 2", "cluster 3"])
        let (x, labels) = allPoints(d)
        for c in 0..<3 {
            let members = zip(x, labels).filter { $0.1 == Int32(c) }.map(\.0)
            #expect(members.count == 200)
            let mx = members.map { $0[0] }.reduce(0, +) / 200, my = members.map { $0[1] }.reduce(0, +) / 200
            let a = 2 * Float.pi * Float(c) / 3 + Float.pi / 4
            #expect(abs(mx - 0.6 * cos(a)) < 0.05 && abs(my - 0.6 * sin(a)) < 0.05, "cluster \(c) mean (\(mx), \(my))")
        }
    }

    @Test func badOptionsAreRefused() {
        #expect(throws: DataError.badOption(dataSet: "circle", option: "samples", problem: .wholeOutOfRange(value: 2, range: 8...1_000_000))) {
            try PointSets.make(.circle, options: PointSetOptions(samples: 2), generator: SeededGenerator(seed: 1))
        }
        #expect(throws: DataError.badOption(dataSet: "spiral", option: "classes", problem: .fixedClasses(dataSet: "spiral", classes: 2))) {
            try PointSets.make(.spiral, options: PointSetOptions(classes: 3), generator: SeededGenerator(seed: 1))
        }
        #expect(throws: DataError.self) {
            try PointSets.make(.gaussian, options: PointSetOptions(noise: 2), generator: SeededGenerator(seed: 1))
        }
    }

    @Test func hihelloWindowsAreOneHotTimeMajorWithTheNextCharacterAsLabel() throws {
        let d = try CharacterSequences.make(SequenceOptions())
        #expect(d.info.classNames == ["h", "i", "e", "l", "o"])
        #expect(d.info.featureShape == [3, 5] && d.train.count == 4 && d.validation == nil)
        let (x, labels) = d.train.materialize()
        // Window 0 is "hih": h, i, h one-hot, step by step; its label is "e" (id 2).
        #expect(x.row(0) == [1, 0, 0, 0, 0,   0, 1, 0, 0, 0,   1, 0, 0, 0, 0])
        #expect(labels == [2, 3, 3, 4])  // e, l, l, o
        #expect(x.array.reduce(0, +) == 12)  // exactly one 1 per step
    }

    @Test func anyTextAndStepCountWork() throws {
        let d = try CharacterSequences.make(SequenceOptions(text: "if you want", steps: 5), name: "hihello")
        #expect(d.train.count == 6 && d.info.featureShape == [5, 10])
        #expect(d.info.classNames.contains("␣") && d.info.identity.parameters["text"] == "if you want")
        #expect(throws: DataError.self) { try CharacterSequences.make(SequenceOptions(text: "abc", steps: 3)) }
        #expect(throws: DataError.self) { try CharacterSequences.make(SequenceOptions(steps: 0)) }
    }
}
