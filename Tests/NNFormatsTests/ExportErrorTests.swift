// What the exporters refuse (and say why), what they make of awkward node names and paths, and
// the CSV splits they ask nnlab to write for data sets a script cannot regenerate.

import Foundation
import Testing
import TestProcess
@testable import NNFormats
import NNEngine
import LabKit

@Suite struct ExportErrorTests {
    func request(_ spec: ModelSpec, width: Int = 4, classes: Int = 3, shape: [Int]? = nil) -> ExportRequest {
        ExportRequest(model: spec, inputWidth: width, inputShape: shape, classCount: classes,
                      optimizer: OptimizerSpec(.adam), training: TrainingOptions(), weightsPath: "w.safetensors",
                      data: .xor, scriptPath: "m.py")
    }

    /// Both exporters' error for `request` (they must agree).
    func refusal(_ request: ExportRequest) -> ExportError? {
        var errors: [ExportError] = []
        do { _ = try ModelExport.keras(request) } catch { errors.append(error) }
        do { _ = try ModelExport.pytorch(request) } catch { errors.append(error) }
        return errors.count == 2 && errors[0] == errors[1] ? errors[0] : nil
    }

    @Test func softmaxLossWithoutSoftmaxOutputIsRefused() throws {
        var spec = ModelSpec.stack([.dense(units: 3, activation: .relu)])
        spec.loss = .softmaxCrossEntropy
        let error = try #require(refusal(request(spec)))
        #expect(error == .lossNeedsOutput(loss: .softmaxCrossEntropy, node: "dense1", activation: "relu", needed: "softmax"))
        #expect(error.description.contains("'dense1' ends in relu"))
        #expect(error.description.contains("Give 'dense1' a softmax activation, or use the mse loss"))
    }

    @Test func sigmoidLossAfterAMergeIsRefused() throws {
        var spec = ModelSpec(layers: [
            LayerSpec(name: "a", kind: .dense(units: 1, activation: .sigmoid)),
            LayerSpec(name: "b", kind: .dense(units: 1, activation: .sigmoid), inputs: ["input"]),
            LayerSpec(name: "sum", kind: .add, inputs: ["a", "b"]),
        ])
        spec.loss = .sigmoidCrossEntropy
        let error = try #require(refusal(request(spec, classes: 2)))
        #expect(error == .lossNeedsOutput(loss: .sigmoidCrossEntropy, node: "sum", activation: "no activation (add)",
                                          needed: "sigmoid"))
    }

    @Test func outputsThatCannotHoldTheLabelsAreRefused() throws {
        let five = ModelSpec.stack([.dense(units: 5, activation: .softmax)])
        #expect(refusal(request(five, classes: 10)) == .outputClasses(node: "dense1", units: 5, classes: 10))
        #expect(refusal(request(five, classes: 10))?.description.contains("needs 10 units") == true)
        // One softmax unit is always 1: it cannot separate two classes.
        let one = ModelSpec.stack([.dense(units: 1, activation: .softmax)])
        #expect(refusal(request(one, classes: 2)) == .outputClasses(node: "dense1", units: 1, classes: 2))
        // One sigmoid unit for two classes is the XOR lab: fine.
        #expect(throws: Never.self) { try ModelExport.keras(request(.stack([.dense(units: 1, activation: .sigmoid)]), classes: 2)) }
    }

    @Test func modelErrorsAndShapesAreReported() throws {
        let cycle = ModelSpec(layers: [
            LayerSpec(name: "a", kind: .dense(units: 3, activation: .softmax), inputs: ["b"]),
            LayerSpec(name: "b", kind: .dense(units: 3, activation: .softmax)),
        ])
        #expect(refusal(request(cycle)) == .model(.cycle(node: "a", reads: "b")))
        #expect(refusal(request(ModelSpec())) == .model(.empty))
        let fine = ModelSpec.stack([.dense(units: 3, activation: .softmax)])
        #expect(refusal(request(fine, width: 784, shape: [28, 27])) == .inputShape(shape: [28, 27], width: 784))
        #expect(refusal(request(fine, width: 784, shape: [28, 27]))?.description
            == "cannot export: the input shape 28 x 27 holds 756 numbers, but the model's input has 784")
    }

    // MARK: - Names and paths

    @Test(.enabled(if: Python.hasPython, "python3 is not installed"))
    func awkwardNamesAndPathsStayValidPython() throws {
        let spec = ModelSpec(layers: [
            LayerSpec(name: "lambda", kind: .dense(units: 4, activation: .tanh)),
            LayerSpec(name: "x", kind: .dense(units: 4, activation: .tanh)),
            LayerSpec(name: "forward", kind: .add, inputs: ["lambda", "x"]),
            LayerSpec(name: "2nd", kind: .dense(units: 3, activation: .softmax)),
        ])
        var r = request(spec)
        r.weightsPath = "my sessions/it's \"best\".safetensors"
        r.data = .csv(name: "a \\ b", train: "data/tr ain.csv", test: "data/test.csv")
        r.sessionName = "night \"run\""
        let folder = try makeTemporaryFolder()
        let keras = try ModelExport.keras(r), torch = try ModelExport.pytorch(r)
        for (name, script) in [("k.py", keras), ("t.py", torch)] {
            let url = try writeScript(script, named: name, in: folder)
            let (status, output) = try runPythonFile(["-m", "py_compile", url.path])
            #expect(status == 0, "\(name):\n\(output)")
        }
        #expect(keras.contains("os.path.abspath(__file__)), \"my sessions/it's \\\"best\\\".safetensors\")"))
        #expect(keras.contains("--weights 'my sessions/it'\\\\''s \\\"best\\\".safetensors'"))
        #expect(keras.contains("    lambda_ = layers.Dense(4, activation=\"tanh\""))
        #expect(keras.contains("name=\"lambda\")(inputs)"), "the Keras layer keeps nnlab's name")
        #expect(keras.contains("n_2nd = layers.Dense(3"))
        #expect(torch.contains("        self.forward_ = nn.Linear(") == false, "add has no module")
        #expect(torch.contains("        forward_ = lambda_ + x_\n"))
        #expect(torch.contains("(\"2nd.weight\", (4, 3), \"n_2nd.weight\", \"transposed\"),"))
    }

    @Test func identifiersAvoidKeywordsAndEachOther() {
        let names = PythonSource.identifiers(for: ["class", "class_", "a-b", "a_b", "np", "9"], avoiding: ["np"])
        #expect(names == ["class_", "class__", "a_b", "a_b_", "np_", "n_9"])
        #expect(PythonSource.string("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\x01\"")
        #expect(PythonSource.dropRate(keep: 0.7) == "0.3")
        #expect(PythonSource.dropRate(keep: 1) == "0.0")
        #expect(PythonSource.dropRate(keep: 0.35) == "0.65")
        #expect(NumberFormat.grouped(1_195_018) == "1,195,018")
        #expect(PythonSource.tuple([10]) == "(10,)")
        #expect(ExportScript.accuracyText(0.9804) == "0.9804")
        #expect(ExportScript.accuracyText(1) == "1.0000")
        #expect(ExportScript.accuracyText(0.05) == "0.0500")
    }

    // MARK: - CSV splits

    @Test func splitsAreWrittenWithExactNumbersAndALabelColumn() throws {
        let data = InMemoryData(features: Matrix(rows: 3, cols: 2, values: [0.1, -2.5, 1e-8, 3, 0.333333343, 7]),
                                labels: [2, 0, 1], classCount: 3)
        let url = try makeTemporaryFolder().appendingPathComponent("test.csv")
        try ExportData.writeSplit(data, to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "x1,x2,label\n0.1,-2.5,2\n1e-08,3.0,0\n0.33333334,7.0,1\n")
    }
}
