// NN LEGO in the shell: named layers, skips, splits and merges, recurrent layers; what `layer`
// prints while a graph is being built, what `model show` draws, and that the graphs train.

import Testing
import NNEngine
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Graphs in the shell: skip, split and merge, recurrent layers")
struct InspectGraphTests {
    @Test("replacing one branch of a split keeps what it reads")
    func replaceKeepsInputs() throws {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 relu as a", "layer add dense 4 tanh as b from input",
                      "layer add concat a b as m", "layer add dense 2 softmax", "layer replace b dense 8 tanh"))
        #expect(t.lab.model.layers[1].inputs == ["input"])
        #expect(t.lab.network?.nodes[2].inputWidths == [4, 8])
        // Told otherwise, it reads what it is told.
        #expect(t.run("layer replace b dense 4 tanh from a"))
        #expect(t.lab.model.layers[1].inputs == ["a"])
    }

    @Test("sizes are shown while a split is still open, with a note until it is merged")
    func openSplit() {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 relu as a"))
        t.console.reset()
        #expect(t.run("layer add dense 3 tanh as b from input"))
        #expect(t.output.contains("layer 2: b  dense 3 tanh  (2 -> 3, 9 parameters)"))
        #expect(t.output.contains("note: 'a' does not reach the output yet"))
        t.console.reset()
        #expect(t.run("layer add concat a b as m"))
        #expect(t.output.contains("(4+3 -> 7)") && !t.output.contains("note:"))
        #expect(t.run("layer add dense 2 softmax", "train epochs=1"))
    }

    @Test("model show joins only boxes that read each other")
    func drawing() {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 relu as a", "layer add dense 4 tanh as b from input",
                      "layer add add a b as r", "layer add dense 2 softmax"))
        let picture = GraphDrawing.draw(t.lab.model, nodes: t.lab.network?.nodes, style: .plain).split(separator: "\n").map(String.init)
        let intoB = picture.firstIndex { $0.contains("b: dense 4 tanh") }! - 2
        #expect(picture[intoB] == "    ◀─ input")            // b reads the input, not a: no bar from a's box
        let intoR = picture.firstIndex { $0.contains("r: add") }! - 2
        #expect(picture[intoR] == "  │ ◀─ a + b")             // r reads b (just above) and a
        #expect(picture[0] == "input  ──▶ b")
        #expect(picture.contains { $0.contains("a: dense 4 relu → 4, 12 params") && $0.hasSuffix("──▶ r") })
    }

    @Test("a deep net with skips every two layers builds, draws and trains")
    func skipNet() throws {
        let t = TestLab()
        var lines = ["data load spiral", "layer add dense 8 relu as h0"]
        for block in 1...3 {
            let input = block == 1 ? "h0" : "r\(block - 1)"
            lines += ["layer add dense 8 relu as b\(block)a from \(input)", "layer add dense 8 relu as b\(block)b",
                      "layer add add \(input) b\(block)b as r\(block)"]
        }
        lines += ["layer add dense 2 softmax", "train epochs=2 batch=40", "model show"]
        for line in lines { #expect(t.run(line), "\(line): \(t.console.warnings)") }
        let net = try #require(t.lab.network)
        #expect(net.nodes.count == 11)
        #expect(net.nodes[3].spec.name == "r1" && net.nodes[3].inputIndices == [0, 2])
        #expect(t.lab.results.runs[0].result.epochs.count == 2)
        #expect(t.output.contains("◀─ h0 + b1b") && t.output.contains("◀─ r2 + b3b"))
    }

    @Test("recurrent layers read the rows of an image as time steps and train")
    func recurrent() throws {
        let t = TestLab()
        t.loadTinyImages()
        #expect(t.run("layer add rnn 5", "layer add dense 2 softmax"))
        #expect(t.lab.model.layers[0].kind == .rnn(units: 5, steps: 4, sequences: false))
        #expect(t.output.contains("rnn 5 steps=4  (16 -> 5, 50 parameters)"))      // 4·5 + 5·5 + 5
        #expect(t.run("layer replace 1 lstm 3 sequences", "train epochs=2 batch=10"))
        #expect(t.lab.network?.nodes[0].outputWidth == 12)
        let refusal = t.failure("layer add rnn 4 steps=5")
        #expect(refusal.contains("cannot be cut into 5 equal time steps"))
    }
}
