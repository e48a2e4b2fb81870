// The exported scripts run in the real frameworks: small engine networks with random weights are
// written as a session would, the scripts evaluate them on a CSV split the test writes, and their
// predictions must equal the engine's Evaluator (probabilities within 1e-5). Also runs each
// script's training section for a couple of epochs. Skipped when PyTorch or Keras 3 is not
// installed (they are large; CI does not install them): python3 -m pip install torch tensorflow

import Foundation
import Testing
import TestProcess
@testable import NNFormats
import NNEngine

enum Frameworks {
    static let hasTorch = pythonCanImport("torch")
    static let hasKeras = pythonCanImport("keras") && ((try? runPython("import keras, sys; sys.exit(keras.__version__ < '3')"))?.status == 0)
}

/// A small model and the data it is compared on.
struct FrameworkCase: Sendable, CustomTestStringConvertible {
    let name: String
    let spec: ModelSpec
    let inputWidth: Int
    let classes: Int
    let optimizer: OptimizerSpec
    var testDescription: String { name }

    static let dense = FrameworkCase(   // the 4-8-3 net
        name: "dense", spec: .stack([.dense(units: 8, activation: .relu), .dropout(keepProb: 0.8),
                                     .dense(units: 3, activation: .softmax)]),
        inputWidth: 4, classes: 3, optimizer: OptimizerSpec(.adam))
    static let rnn = FrameworkCase(     // 4 steps of 3 numbers
        name: "rnn", spec: .stack([.rnn(units: 5, steps: 4, sequences: false), .dense(units: 3, activation: .softmax)]),
        inputWidth: 12, classes: 3, optimizer: OptimizerSpec(.rmsprop))
    static let lstm = FrameworkCase(    // 3 steps of 4 numbers, every step's state, then an elu layer
        name: "lstm", spec: .stack([.lstm(units: 4, steps: 3, sequences: true), .dense(units: 6, activation: .elu(alpha: 0.7)),
                                    .dense(units: 3, activation: .softmax)]),
        inputWidth: 12, classes: 3, optimizer: OptimizerSpec(.adagrad))
    static let graph = FrameworkCase(   // maxout + leaky paths, added, concatenated with the input
        name: "graph", spec: ModelSpec(layers: [
            LayerSpec(name: "m", kind: .dense(units: 6, activation: .maxout(pieces: 3))),
            LayerSpec(name: "l", kind: .dense(units: 6, activation: .leakyReLU(alpha: 0.2)), inputs: ["input"]),
            LayerSpec(name: "s", kind: .add, inputs: ["m", "l"]),
            LayerSpec(name: "c", kind: .concat, inputs: ["s", "input"]),
            LayerSpec(name: "a", kind: .activation(.selu)),
            LayerSpec(name: "out", kind: .dense(units: 3, activation: .softmax)),
        ]),
        inputWidth: 4, classes: 3, optimizer: OptimizerSpec(.nesterov))
    static let binary = FrameworkCase(  // one sigmoid unit, two classes
        name: "binary", spec: .stack([.dense(units: 5, activation: .tanh), .dense(units: 1, activation: .sigmoid)]),
        inputWidth: 4, classes: 2, optimizer: OptimizerSpec(.sgd, learningRate: 0.5))
    static let regression = FrameworkCase( // linear outputs with mse against one-hot rows
        name: "mse", spec: {
            var s = ModelSpec.stack([.dense(units: 7, activation: .sigmoid), .dense(units: 3, activation: .linear)])
            s.loss = .meanSquaredError
            return s
        }(),
        inputWidth: 4, classes: 3, optimizer: OptimizerSpec(.adadelta, learningRate: 1))

    static let all = [dense, rnn, lstm, graph, binary, regression]
}

@Suite struct ExportFrameworkTests {
    struct Run {
        let output: String
        let network: Network
        let data: InMemoryData
        let predictions: [[Double]]   // label, predicted, outputs...
    }

    /// Builds the case's network (random weights), writes weights and CSV splits, exports, and runs
    /// the script with `arguments`.
    func run(_ c: FrameworkCase, _ framework: String, arguments: [String] = []) throws -> Run {
        let folder = try makeTemporaryFolder()
        let g = SeededGenerator(seed: 11)
        let rows = 60
        let x = Matrix(rows: rows, cols: c.inputWidth, values: (0..<(rows * c.inputWidth)).map { _ in g.uniform(-2, 2) })
        let data = InMemoryData(features: x, labels: (0..<rows).map { _ in Int32(g.index(below: c.classes)) },
                                classCount: c.classes)
        let train = folder.appendingPathComponent("train.csv"), test = folder.appendingPathComponent("test.csv")
        try ExportData.writeSplit(data, to: train)
        try ExportData.writeSplit(data, to: test)
        let network = try Network(spec: c.spec, inputWidth: c.inputWidth)
        network.initialize(generator: SeededGenerator(seed: 5))
        for p in network.parameters where p.name.hasSuffix(".bias") {   // nonzero biases, so they count
            for i in 0..<p.count { p.value.data[i] = g.uniform(-0.5, 0.5) }
        }
        let weights = folder.appendingPathComponent("\(c.name).safetensors")
        try writeWeights(of: network, to: weights)
        let request = ExportRequest(model: c.spec, inputWidth: c.inputWidth, classCount: c.classes, optimizer: c.optimizer,
                                    training: TrainingOptions(epochs: 2, batchSize: 16), weightsPath: weights.path,
                                    data: .csv(name: "random", train: train.path, test: test.path), scriptPath: "s.py")
        let script = try framework == "keras" ? ModelExport.keras(request) : ModelExport.pytorch(request)
        let url = try writeScript(script, named: "\(c.name)_\(framework).py", in: folder)
        let predictions = folder.appendingPathComponent("predictions.csv")
        let (status, output) = try runPythonFile([url.path, "--predictions", predictions.path] + arguments,
                                                 environment: ["CUDA_VISIBLE_DEVICES": ""])
        #expect(status == 0, "\(c.name) \(framework) failed:\n\(output)")
        let text = (try? String(contentsOf: predictions, encoding: .utf8)) ?? ""
        let table = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        return Run(output: output, network: network, data: data, predictions: table)
    }

    /// The script's predictions against the engine's Evaluator on the same weights and data.
    func compare(_ c: FrameworkCase, _ framework: String) throws {
        let r = try run(c, framework)
        let expected = Evaluator.probabilities(r.network, on: r.data)
        let evaluation = Evaluator.evaluate(r.network, on: r.data)
        try #require(r.predictions.count == r.data.count, "\(r.output)")
        var worst = 0.0
        for (i, row) in r.predictions.enumerated() {
            let engine = expected.row(i)
            try #require(row.count == 2 + engine.count, "row \(i): \(row)")
            let predicted = engine.withUnsafeBufferPointer { Loss.predictedClass($0.baseAddress!, count: engine.count) }
            #expect(Int(row[0]) == r.data.label(i))
            #expect(Int(row[1]) == predicted, "\(c.name) \(framework) row \(i): \(row) vs engine \(engine)")
            for (a, b) in zip(row.dropFirst(2), engine) { worst = max(worst, abs(a - Double(b))) }
        }
        #expect(worst <= 1e-5, "\(c.name) \(framework): largest probability difference \(worst)")
        let accuracy = ExportScript.accuracyText(evaluation.accuracy)
        #expect(r.output.contains("test accuracy: \(accuracy)"), "engine says \(accuracy):\n\(r.output)")
    }

    @Test(.enabled(if: Frameworks.hasTorch, "PyTorch is not installed: python3 -m pip install torch"),
          arguments: FrameworkCase.all)
    func pytorchPredictsAsTheEngine(_ c: FrameworkCase) throws { try compare(c, "pytorch") }

    @Test(.enabled(if: Frameworks.hasKeras, "Keras 3 is not installed: python3 -m pip install tensorflow"),
          arguments: FrameworkCase.all)
    func kerasPredictsAsTheEngine(_ c: FrameworkCase) throws { try compare(c, "keras") }

    @Test(.enabled(if: Frameworks.hasTorch, "PyTorch is not installed: python3 -m pip install torch"),
          arguments: [FrameworkCase.dense, .lstm, .binary])
    func pytorchTrainingSectionRuns(_ c: FrameworkCase) throws {
        let r = try run(c, "pytorch", arguments: ["--train"])
        #expect(r.output.contains("epoch 2/2: cost "), "\(r.output)")
        let fresh = try run(c, "pytorch", arguments: ["--train", "--fresh", "--epochs", "1"])
        #expect(fresh.output.contains("epoch 1/1: cost ") && fresh.output.contains("test accuracy: "), "\(fresh.output)")
    }

    @Test(.enabled(if: Frameworks.hasKeras, "Keras 3 is not installed: python3 -m pip install tensorflow"),
          arguments: [FrameworkCase.dense, .lstm, .binary])
    func kerasTrainingSectionRuns(_ c: FrameworkCase) throws {
        let r = try run(c, "keras", arguments: ["--train"])
        #expect(r.output.contains("Epoch 2/2"), "\(r.output)")
        let fresh = try run(c, "keras", arguments: ["--train", "--fresh", "--epochs", "1"])
        // (Keras prints no "Epoch 1/1" header for a single epoch, only its figures.)
        #expect(fresh.output.contains("/step - ") && fresh.output.contains("loss: ") && fresh.output.contains("test accuracy: "),
                "\(fresh.output)")
    }
}
