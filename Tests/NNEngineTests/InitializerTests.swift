// Initializers against their formulas: mean and variance of large draws, truncation, symmetry.

import Testing
import NNEngine

@Suite("Initializers")
struct InitializerTests {
    static let fanIn = 400, fanOut = 300

    /// Mean and variance of a fanIn x fanOut draw.
    func moments(_ initializer: Initializer, seed: UInt64 = 3) -> (mean: Double, variance: Double, maxAbs: Float) {
        let w = Matrix(rows: Self.fanIn, cols: Self.fanOut)
        initializer.fill(w, fanIn: Self.fanIn, fanOut: Self.fanOut, generator: SeededGenerator(seed: seed))
        let values = w.array.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance, w.array.map(abs).max() ?? 0)
    }

    @Test("variance matches the formula", arguments: [
        Initializer.normal(stddev: 0.01), .normal(stddev: 1), .truncatedNormal(stddev: 0.1), .uniform(limit: 0.5),
        .xavierUniform, .xavierNormal, .heNormal, .heUniform, .lecunNormal,
    ])
    func variance(_ initializer: Initializer) throws {
        let (mean, variance, _) = moments(initializer)
        let expected = Double(try #require(initializer.variance(fanIn: Self.fanIn, fanOut: Self.fanOut)))
        let n = Double(Self.fanIn * Self.fanOut)
        // 120,000 draws: the sample variance is within a few percent, the mean within a few
        // standard errors of zero.
        #expect(abs(variance / expected - 1) < 0.03, "\(initializer.description): variance \(variance), formula \(expected)")
        #expect(abs(mean) < 5 * (expected / n).squareRoot(), "\(initializer.description): mean \(mean)")
    }

    @Test("formulas by name")
    func formulas() {
        #expect(Initializer.xavierUniform.variance(fanIn: 784, fanOut: 256) == 2 / Float(784 + 256))
        #expect(Initializer.heNormal.variance(fanIn: 784, fanOut: 256) == 2 / Float(784))
        #expect(Initializer.lecunNormal.variance(fanIn: 100, fanOut: 1) == 0.01)
    }

    @Test("truncated normal never leaves two standard deviations")
    func truncation() {
        let (_, _, maxAbs) = moments(.truncatedNormal(stddev: 0.1))
        #expect(maxAbs <= 0.2)
        #expect(maxAbs > 0.19) // and it does reach close to the edge
        let (_, _, heMax) = moments(.heNormal)
        #expect(heMax <= 2 * (2 / Float(Self.fanIn)).squareRoot() / 0.87962566 + 1e-6)
    }

    @Test("uniform limits are respected")
    func uniformLimit() {
        let limit = (6 / Float(Self.fanIn + Self.fanOut)).squareRoot()
        #expect(moments(.xavierUniform).maxAbs <= limit)
    }

    @Test("zeros and constants")
    func constants() {
        #expect(moments(.zeros).maxAbs == 0)
        let w = Matrix(rows: 2, cols: 2)
        Initializer.constant(0.3).fill(w, fanIn: 2, fanOut: 2, generator: SeededGenerator(seed: 1))
        #expect(w.array == [0.3, 0.3, 0.3, 0.3])
    }

    @Test("all-zero weights stay symmetric: every unit of a layer stays identical")
    func zerosSymmetry() throws {
        for activation in [Activation.sigmoid, .tanh, .relu] {
            let spec = ModelSpec.stack([.dense(units: 4, activation: activation), .dense(units: 4, activation: activation),
                                        .dense(units: 1, activation: .sigmoid)],
                                       initializer: InitializerChoice(weights: .zeros))
            let (accuracy, _, net) = try trainXOR(spec, steps: 200, lr: 0.5, seed: 1)
            for layer in net.layers.dropLast() {
                let w = try #require(layer.parameters.first).value
                for r in 0..<w.rows {
                    let row = w.row(r)
                    #expect(row.allSatisfy { $0 == row[0] }, "\(activation.name) \(layer.name) row \(r): \(row)")
                }
            }
            #expect(accuracy <= 0.75, "\(activation.name): zeros should not solve XOR, got \(accuracy)")
        }
    }
}
