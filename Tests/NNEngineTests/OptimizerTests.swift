// Optimizers against values worked out by hand from the published update rules (Keras 3's
// formulas and defaults): w = [1, -2], a constant gradient g = [0.5, -1], lr = 0.1, three steps.
// The expected figures were computed independently in double precision from each file's formula.

import Foundation
import Testing
import NNEngine

@Suite("Optimizers against hand-computed steps")
struct OptimizerTests {
    static let expected: [(OptimizerKind, [[Float]])] = [
        (.sgd, [[0.95, -1.9], [0.9, -1.8], [0.85, -1.7]]),
        (.momentum, [[0.95, -1.9], [0.855, -1.71], [0.7195, -1.439]]),
        (.nesterov, [[0.905, -1.81], [0.7695, -1.539], [0.59755, -1.1951]]),
        (.adagrad, [[0.9154846, -1.9046537], [0.8509349, -1.8356472], [0.7967023, -1.778851]]),
        (.rmsprop, [[0.6837729, -1.6837724], [0.4543574, -1.4543567], [0.2622628, -1.2622621]]),
        (.adadelta, [[0.9998586, -1.9998586], [0.9997154, -1.9997154], [0.9995709, -1.9995709]]),
        (.adam, [[0.9000006, -1.9000003], [0.8000011, -1.8000005], [0.7000014, -1.7000007]]),
    ]

    @Test("three steps of each optimizer", arguments: OptimizerTests.expected.map(\.0))
    func steps(_ kind: OptimizerKind) {
        let expected = Self.expected.first { $0.0 == kind }!.1
        let p = Parameter(name: "w", rows: 1, cols: 2)
        p.value.data[0] = 1; p.value.data[1] = -2
        let optimizer = Optimizer(OptimizerSpec(kind, learningRate: 0.1))
        for step in 0..<3 {
            p.gradient.data[0] = 0.5; p.gradient.data[1] = -1
            optimizer.step([p])
            for i in 0..<2 {
                #expect(abs(p.value.data[i] - expected[step][i]) < 2e-6,
                        "\(kind) step \(step + 1) w[\(i)] = \(p.value.data[i]), expected \(expected[step][i])")
            }
        }
        #expect(optimizer.stepCount == 3)
    }

    @Test("defaults follow Keras")
    func defaults() {
        #expect(OptimizerSpec(.adam).description == "adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1e-07)")
        #expect(OptimizerSpec(.sgd).learningRate == 0.01)
        #expect(OptimizerSpec(.rmsprop).value(.rho) == 0.9)
        #expect(OptimizerSpec(.adadelta).value(.rho) == 0.95)
        #expect(OptimizerSpec(.adagrad).value(.initialAccumulator) == 0.1)
    }

    @Test("settings are a closed set: a misspelt key is an error naming the known ones")
    func unknownSetting() throws {
        #expect(try OptimizerSetting(key: "initial_accumulator") == .initialAccumulator)
        let error = try #require(throws: OptimizerSettingError.self) { try OptimizerSetting(key: "epsilom") }
        #expect(error.description == "unknown optimizer setting 'epsilom'; the settings are "
                + "momentum, initial_accumulator, rho, epsilon, beta1, beta2")
        // Saved specs keep their JSON form, and a misspelt key in one does not load as 0.
        let spec = OptimizerSpec(.adam, learningRate: 0.01, settings: [.epsilon: 0.5])
        let json = try JSONEncoder().encode(spec)
        #expect(String(decoding: json, as: UTF8.self).contains(#""settings":{"epsilon":0.5}"#))
        #expect(try JSONDecoder().decode(OptimizerSpec.self, from: json) == spec)
        let typo = Data(#"{"kind":"adam","learningRate":0.01,"settings":{"epsilom":0.5}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OptimizerSpec.self, from: typo) }
    }

    @Test("a hyper-parameter setting changes the step")
    func settings() {
        let p = Parameter(name: "w", rows: 1, cols: 1)
        p.value.data[0] = 1
        p.gradient.data[0] = 1
        let o = Optimizer(OptimizerSpec(.momentum, learningRate: 0.1, settings: [.momentum: 0.5]))
        o.step([p]); o.step([p])
        // v1 = -0.1, w1 = 0.9; v2 = 0.5 * -0.1 - 0.1 = -0.15, w2 = 0.75
        #expect(abs(p.value.data[0] - 0.75) < 1e-6)
    }

    @Test("restored state continues exactly where it left off")
    func restore() {
        let p = Parameter(name: "w", rows: 1, cols: 2)
        p.value.data[0] = 1; p.value.data[1] = -2
        p.gradient.data[0] = 0.5; p.gradient.data[1] = -1
        let a = Optimizer(OptimizerSpec(.adam, learningRate: 0.1))
        a.step([p])
        // Copy the parameter and the optimizer's state after one step into a fresh optimizer.
        let q = Parameter(name: "w", rows: 1, cols: 2)
        q.value.copy(from: p.value); q.gradient.copy(from: p.gradient)
        let b = Optimizer(OptimizerSpec(.adam, learningRate: 0.1))
        b.restore(step: a.stepCount, state: a.state(of: p).mapValues { $0.clone() }, for: q)
        a.step([p]); b.step([q])
        #expect(p.value.array == q.value.array)
        #expect(abs(q.value.data[0] - 0.8000011) < 2e-6)
        #expect(Set(a.state(of: p).keys) == ["m", "v"])
    }
}
