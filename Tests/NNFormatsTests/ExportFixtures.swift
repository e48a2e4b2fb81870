// The models the export tests use: the lab's MNIST net and one of each kind of graph the
// exporters must handle, plus helpers that write an engine network's weights as the session
// would and run a generated script.

import Foundation
import TestProcess
import Testing
@testable import NNFormats
import NNEngine

/// One model to export, with everything a request needs.
struct ExportFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let spec: ModelSpec
    let inputWidth: Int
    let inputShape: [Int]?
    let classCount: Int
    let optimizer: OptimizerSpec
    let data: ExportData

    var testDescription: String { name }

    func request(script: String = "model.py", weights: String = "sessions/lab.safetensors",
                 accuracy: Float? = nil, data: ExportData? = nil) -> ExportRequest {
        ExportRequest(model: spec, inputWidth: inputWidth, inputShape: inputShape, classCount: classCount,
                      optimizer: optimizer, training: TrainingOptions(epochs: 15, batchSize: 100),
                      weightsPath: weights, data: data ?? self.data, scriptPath: script, sessionName: name,
                      testAccuracy: accuracy, date: Date(timeIntervalSince1970: 1_750_000_000))
    }

    /// The engine's network for this model, weights drawn from `seed`.
    func network(seed: UInt64 = 7) throws -> Network {
        let network = try Network(spec: spec, inputWidth: inputWidth)
        network.initialize(generator: SeededGenerator(seed: seed))
        return network
    }

    static func dense(_ units: Int, _ activation: Activation) -> LayerSpec.Kind { .dense(units: units, activation: activation) }

    /// Lecture 10's best MNIST net: 784-512x4-10, relu, dropout keep_prob 0.7, Xavier, Adam.
    static let lab = ExportFixture(
        name: "lab10",
        spec: .stack([dense(512, .relu), .dropout(keepProb: 0.7), dense(512, .relu), .dropout(keepProb: 0.7),
                      dense(512, .relu), .dropout(keepProb: 0.7), dense(512, .relu), .dropout(keepProb: 0.7),
                      dense(10, .softmax)], initializer: .standard),
        inputWidth: 784, inputShape: [28, 28], classCount: 10, optimizer: OptimizerSpec(.adam), data: .mnist())

    /// Maxout, leaky ReLU (alpha 0.1), ELU (alpha 0.5), SELU with LeCun, He on one layer; RMSProp.
    static let activations: ExportFixture = {
        var spec = ModelSpec.stack([dense(64, .maxout(pieces: 3)), dense(32, .leakyReLU(alpha: 0.1)),
                                    dense(32, .elu(alpha: 0.5)), dense(16, .selu), dense(10, .softmax)])
        spec.layers[1].initializer = InitializerChoice(weights: .heNormal, biases: .constant(0.1))
        spec.layers[3].initializer = InitializerChoice(weights: .lecunNormal, biases: .xavierUniform)
        return ExportFixture(name: "activations", spec: spec, inputWidth: 784, inputShape: [28, 28], classCount: 10,
                             optimizer: OptimizerSpec(.rmsprop, learningRate: 0.002), data: .fashionMNIST())
    }()

    /// A skip connection: out = softmax(dense(h1 + h2(h1))); momentum.
    static let skip = ExportFixture(
        name: "skip",
        spec: ModelSpec(layers: [
            LayerSpec(name: "h1", kind: dense(64, .relu)),
            LayerSpec(name: "h2", kind: dense(64, .relu)),
            LayerSpec(name: "sum", kind: .add, inputs: ["h1", "h2"]),
            LayerSpec(name: "out", kind: dense(10, .softmax)),
        ], initializer: InitializerChoice(weights: .heUniform)),
        inputWidth: 784, inputShape: [28, 28], classCount: 10,
        optimizer: OptimizerSpec(.momentum, learningRate: 0.05, settings: [.momentum: 0.8]), data: .mnist())

    /// Split and merge: two paths from the input, concatenated, an activation node; Nesterov.
    static let merge = ExportFixture(
        name: "merge",
        spec: ModelSpec(layers: [
            LayerSpec(name: "left", kind: dense(32, .tanh), inputs: ["input"]),
            LayerSpec(name: "right", kind: dense(16, .sigmoid), inputs: ["input"],
                      initializer: InitializerChoice(weights: .normal(stddev: 0.05))),
            LayerSpec(name: "both", kind: .concat, inputs: ["left", "right"]),
            LayerSpec(name: "act", kind: .activation(.leakyReLU(alpha: 0.01))),
            LayerSpec(name: "class", kind: dense(10, .softmax)),
        ], initializer: InitializerChoice(weights: .xavierNormal)),
        inputWidth: 784, inputShape: [28, 28], classCount: 10,
        optimizer: OptimizerSpec(.nesterov), data: .mnist())

    /// An RNN reading MNIST row by row, one returning every step into a second; Adadelta.
    static let rnn = ExportFixture(
        name: "rnn",
        spec: .stack([.rnn(units: 16, steps: 28, sequences: true), .rnn(units: 24, steps: 28, sequences: false),
                      dense(10, .softmax)]),
        inputWidth: 784, inputShape: [28, 28], classCount: 10,
        optimizer: OptimizerSpec(.adadelta, learningRate: 1), data: .mnist())

    /// An LSTM reading MNIST row by row; Adagrad.
    static let lstm = ExportFixture(
        name: "lstm",
        spec: .stack([.lstm(units: 32, steps: 28, sequences: false), .dropout(keepProb: 0.8), dense(10, .softmax)],
                     initializer: InitializerChoice(weights: .truncatedNormal(stddev: 0.1))),
        inputWidth: 784, inputShape: [28, 28], classCount: 10,
        optimizer: OptimizerSpec(.adagrad), data: .mnist())

    /// The XOR lab: 2-2-1 sigmoid with a binary output; plain SGD.
    static let xor = ExportFixture(
        name: "xor",
        spec: .stack([dense(2, .sigmoid), dense(1, .sigmoid)], initializer: InitializerChoice(weights: .uniform(limit: 1))),
        inputWidth: 2, inputShape: nil, classCount: 2, optimizer: OptimizerSpec(.sgd, learningRate: 0.1), data: .xor)

    static let all: [ExportFixture] = [lab, activations, skip, merge, rnn, lstm, xor]
}

/// Writes `network`'s parameters as a session's weights file: each parameter under its engine
/// name with its [rows, cols] shape (or biases as vectors when `vectorBiases`).
func writeWeights(of network: Network, to url: URL, vectorBiases: Bool = false,
                  skip: Set<String> = [], reshape: [String: [Int]] = [:]) throws {
    var writer = SafetensorsWriter(metadata: ["format": "pt"])
    for p in network.parameters where !skip.contains(p.name) {
        let isBias = p.name.hasSuffix(".bias")
        writer.add(p.name, matrix: p.value, shape: reshape[p.name] ?? (vectorBiases && isBias ? [p.value.count] : nil))
    }
    try writer.write(to: url)
}

/// Runs `python3 ARGS...` and returns its exit status and combined output.
func runPythonFile(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    try runPython3(arguments, environment: environment)
}

/// Writes `script` into `folder` as `name` and returns its URL.
func writeScript(_ script: String, named name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(script.utf8).write(to: url)
    return url
}
