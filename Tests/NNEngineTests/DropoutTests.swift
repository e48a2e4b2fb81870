// Dropout: inverted scaling keeps the mean; inference is the identity.

import Testing
import NNEngine

@Suite("Dropout")
struct DropoutTests {
    @Test("keeps about keep_prob of the units and preserves the mean in training", arguments: [Float(0.5), 0.7, 0.9])
    func training(_ keep: Float) {
        let layer = Dropout(name: "d", width: 1000, keepProb: keep)
        let x = Matrix(rows: 100, cols: 1000)
        x.fill(2)
        let y = layer.forward([x], context: ForwardContext(mode: .training, generator: SeededGenerator(seed: 5)))
        let kept = y.array.filter { $0 != 0 }
        let fraction = Float(kept.count) / Float(y.count)
        #expect(abs(fraction - keep) < 0.01, "kept \(fraction), keep_prob \(keep)")
        #expect(kept.allSatisfy { abs($0 - 2 / keep) < 1e-5 })
        let mean = y.array.reduce(0, +) / Float(y.count)
        #expect(abs(mean - 2) < 0.03, "mean \(mean)")
    }

    @Test("is the identity in inference, whatever keep_prob")
    func inference() {
        let layer = Dropout(name: "d", width: 7, keepProb: 0.5)
        let x = randomMatrix(3, 7, seed: 2)
        let y = layer.forward([x], context: ForwardContext(mode: .inference, generator: SeededGenerator(seed: 5),
                                                           keepProbOverride: 0.3))
        #expect(y.array == x.array)
    }

    @Test("keep_prob override applies in training")
    func override() {
        let layer = Dropout(name: "d", width: 1000, keepProb: 0.5)
        let x = Matrix(rows: 10, cols: 1000)
        x.fill(1)
        let y = layer.forward([x], context: ForwardContext(mode: .training, generator: SeededGenerator(seed: 5),
                                                           keepProbOverride: 1))
        #expect(y.array.allSatisfy { $0 == 1 })
    }

    @Test("the same generator state gives the same mask")
    func reproducible() {
        let layer = Dropout(name: "d", width: 50, keepProb: 0.5)
        let x = randomMatrix(4, 50, seed: 2)
        let a = layer.forward([x], context: ForwardContext(mode: .training, generator: SeededGenerator(seed: 8))).array
        let b = layer.forward([x], context: ForwardContext(mode: .training, generator: SeededGenerator(seed: 8))).array
        let c = layer.forward([x], context: ForwardContext(mode: .training, generator: SeededGenerator(seed: 9))).array
        #expect(a == b)
        #expect(a != c)
    }
}
