// One size check wherever a model's size becomes known: layers added before the data, data loaded
// under big layers, an ensemble of copies, a session's metadata. Each refused with the lab's one
// message and the lab left as it was.

import Foundation
import Testing
import NNEngine
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Model size check")
struct ModelSizeTests {
    @Test("two 100,000-unit layers are refused before any data says the input width")
    func layersBeforeData() {
        let t = TestLab()
        #expect(t.run("layer add dense 100000 relu"))
        let error = t.failure("layer add dense 100000 relu")
        #expect(error.contains("10,000,300,000 weights") && error.contains("more than the lab's limit of 50,000,000"), "\(error)")
        #expect(t.lab.model.layers.count == 1)
    }

    @Test("two 8,000-unit layers are refused at the second, not after data arrives (64 million weights)")
    func eightThousand() {
        let t = TestLab()
        #expect(t.run("layer add dense 8000 relu"))
        let refused = t.failure("layer add dense 8000 relu")
        #expect(refused.contains("64,024,000 weights") && refused.contains("more than the lab's limit"), "\(refused)")
        #expect(t.run("layer add dense 2 softmax", "data load xor"))
    }

    @Test("a model that only overflows on its data is refused at data load, with nothing loaded")
    func overflowOnData() throws {
        let t = TestLab()
        let csv = t.root.appendingPathComponent("wide.csv")
        // 600 features: 600 x 100,000 = 60 million weights in the first layer.
        let header = (0..<600).map { "f\($0)" }.joined(separator: ",") + ",label"
        let row = (0..<600).map { _ in "0" }.joined(separator: ",")
        let rows = (0..<20).map { row + ",\($0 % 2)" }.joined(separator: "\n")
        try (header + "\n" + rows + "\n").write(to: csv, atomically: true, encoding: .utf8)
        #expect(t.run("layer add dense 100000 relu", "layer add dense 2 softmax"))
        let error = t.failure("data load csv \(csv.path) label=label")
        #expect(error.contains("60,") && error.contains("more than the lab's limit"), "\(error)")
        #expect(t.lab.data == nil && t.lab.network == nil)
    }

    @Test("a model too large to count in 64 bits is refused, not wrapped")
    func overflow() throws {
        var spec = ModelSpecBuilder.wideConcat(levels: 70)
        spec.layers.append(.init(name: "out", kind: .dense(units: 2, activation: .softmax)))
        #expect(throws: ShellError.self) { try Lab.checkSize(spec, inputWidth: 1_000) }
    }

    @Test("an ensemble of copies counts every member")
    func ensemble() {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 3000 relu", "layer add dense 3000 relu", "layer add dense 2 softmax"))
        let error = t.failure("ensemble train 10 epochs=1")
        #expect(error.contains("10 copies of that model") && error.contains("more than the lab's limit"), "\(error)")
        #expect(t.lab.results.runs.isEmpty)
    }
}

/// Models built directly (not through commands) for the size tests.
enum ModelSpecBuilder {
    /// A chain of `concat(x, x)` nodes: the width doubles at each level (2^levels overflows past 63).
    static func wideConcat(levels: Int) -> ModelSpec {
        var layers: [LayerSpec] = [LayerSpec(name: "c0", kind: .dense(units: 4, activation: .relu))]
        for i in 1...levels {
            layers.append(LayerSpec(name: "c\(i)", kind: .concat, inputs: ["c\(i - 1)", "c\(i - 1)"]))
        }
        return ModelSpec(layers: layers)
    }
}
