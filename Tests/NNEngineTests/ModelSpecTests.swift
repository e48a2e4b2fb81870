// The graph of a model: shapes, parameter counts and refusals that name the node at fault.
import Foundation

import Testing
import NNEngine

@Suite("Model specification")
struct ModelSpecTests {
    @Test("the lab's 784-512x4-10 dropout model has 1,195,018 parameters")
    func labModel() throws {
        let spec = ModelSpec.stack([
            .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
            .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
            .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
            .dense(units: 512, activation: .relu), .dropout(keepProb: 0.7),
            .dense(units: 10, activation: .softmax),
        ])
        let nodes = try spec.resolve(inputWidth: 784)
        let total = nodes.map(\.parameterCount).reduce(0, +)
        #expect(total == 1_195_018) // 784·512 + 512 + 3 (512·512 + 512) + 512·10 + 10
        #expect(nodes.map(\.spec.name) == ["dense1", "dropout1", "dense2", "dropout2", "dense3", "dropout3", "dense4", "dropout4", "dense5"])
        #expect(spec.effectiveLoss == .softmaxCrossEntropy)
    }

    @Test("maxout holds k times the weights")
    func maxout() throws {
        let nodes = try ModelSpec.stack([.dense(units: 4, activation: .maxout(pieces: 3)), .dense(units: 2, activation: .softmax)])
            .resolve(inputWidth: 5)
        #expect(nodes[0].parameterCount == 5 * 12 + 12)
        #expect(nodes[0].outputWidth == 4)
    }

    @Test("refusals name the node", arguments: [
        (ModelSpec(layers: [LayerSpec(name: "a", kind: .dense(units: 3, activation: .relu), inputs: ["b"]),
                            LayerSpec(name: "b", kind: .dense(units: 3, activation: .relu))]),
         "'a' reads 'b', which comes after it: that would be a cycle"),
        (ModelSpec(layers: [LayerSpec(name: "a", kind: .dense(units: 3, activation: .relu), inputs: ["zz"])]),
         "'a' reads 'zz', but there is no such node"),
        (ModelSpec(layers: [LayerSpec(name: "a", kind: .dense(units: 3, activation: .relu)),
                            LayerSpec(name: "b", kind: .dense(units: 4, activation: .relu), inputs: ["input"]),
                            LayerSpec(name: "s", kind: .add, inputs: ["a", "b"])]),
         "'s' adds inputs of different widths: a is 3, b is 4"),
        (ModelSpec(layers: [LayerSpec(name: "a", kind: .dense(units: 3, activation: .relu)),
                            LayerSpec(name: "b", kind: .dense(units: 4, activation: .relu), inputs: ["input"])]),
         "'a' leads nowhere"),
        (ModelSpec(layers: [LayerSpec(name: "a", kind: .dense(units: 0, activation: .relu))]), "'a': units 0 must be"),
        (ModelSpec(layers: [LayerSpec(name: "d", kind: .dropout(keepProb: 1.5))]), "'d': keep_prob 1.5 must be at least 0.000001 and at most 1"),
        (ModelSpec(layers: [LayerSpec(name: "r", kind: .rnn(units: 3, steps: 5, sequences: false))]), "cannot be cut into 5 equal time steps"),
        (ModelSpec(layers: [LayerSpec(name: "a", kind: .dense(units: 3, activation: .relu)),
                            LayerSpec(name: "a", kind: .dense(units: 3, activation: .relu))]), "a node named 'a' exists already"),
    ])
    func refusals(_ spec: ModelSpec, _ message: String) {
        #expect(throws: ModelError.self) { try spec.resolve(inputWidth: 8) }
        do {
            _ = try spec.resolve(inputWidth: 8)
        } catch {
            #expect(error.description.contains(message), "got: \(error.description)")
        }
    }

    @Test("spec round-trips through JSON")
    func codable() throws {
        let spec = ModelSpec(layers: [
            LayerSpec(name: "h1", kind: .dense(units: 8, activation: .leakyReLU(alpha: 0.1)), initializer: InitializerChoice(weights: .heNormal)),
            LayerSpec(name: "r", kind: .lstm(units: 4, steps: 2, sequences: false), inputs: ["input"]),
            LayerSpec(name: "m", kind: .concat, inputs: ["h1", "r"]),
        ], initializer: InitializerChoice(weights: .rbm(epochs: 2, learningRate: 0.05)), loss: .meanSquaredError)
        let data = try JSONEncoder().encode(spec)
        #expect(try JSONDecoder().decode(ModelSpec.self, from: data) == spec)
    }

    @Test("adopting parameters keeps what matching layers learned")
    func adopt() throws {
        let small = try makeNetwork(.stack([.dense(units: 4, activation: .relu), .dense(units: 2, activation: .softmax)]), inputWidth: 3)
        var bigger = small.spec
        bigger.layers.insert(LayerSpec(name: "dropout1", kind: .dropout(keepProb: 0.5)), at: 1)
        let net = try Network(spec: bigger, inputWidth: 3)
        let copied = net.adoptParameters(from: small)
        #expect(copied == ["dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias"])
        #expect(net.parameters[0].value.array == small.parameters[0].value.array)
    }
}
