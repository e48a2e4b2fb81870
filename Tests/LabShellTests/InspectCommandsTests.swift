// grads, grads plot, predict and show wrong: what they print comes from the run's recorded
// figures and the current network, they refuse clearly when there is nothing to show, and they
// never move the session's random stream.

import Testing
import NNCore
import NNEngine
import TermCharts
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials
import LabKit

@Suite("Inspecting runs: grads, predict, show wrong")
struct InspectCommandsTests {
    @Test("grads refuses before anything is trained, then charts each layer with its ratio")
    func grads() throws {
        let t = TestLab()
        t.spiralModel()
        let refusal = t.failure("grads")
        #expect(refusal.contains("nothing has been trained yet") && refusal.contains("hint: train first"))
        #expect(t.run("train epochs=2 batch=20"))
        t.console.reset()
        #expect(t.run("grads"))
        let run = try #require(t.lab.results.runs.last)
        let layers = try #require(run.result.epochs.last?.gradients)
        #expect(layers.map(\.layer) == ["dense1", "dense2", "dense3"])
        #expect(t.output.contains("averaged over epoch 2 of run1"))
        for g in layers {
            let row = try #require(t.console.lines.first { $0.hasPrefix(g.layer + " ") && $0.contains("e-") && !$0.contains("│") })
            let cells = row.split(separator: " ").map(String.init)
            #expect(cells == [g.layer, NumberFormat.scientific(Double(g.meanAbsGradient)), NumberFormat.scientific(Double(g.meanAbsWeight)),
                              NumberFormat.scientific(Double(g.ratio))], "\(row)")
        }
        // A named run, and a run that does not exist.
        #expect(t.run("grads run1"))
        #expect(t.failure("grads rn1").contains("did you mean 'run1'"))
    }

    @Test("grads plot needs two epochs and draws one series per layer")
    func gradsPlot() {
        let t = TestLab()
        t.spiralModel("train epochs=1 batch=20")
        let refusal = t.failure("grads plot")
        #expect(refusal.contains("single epoch") && refusal.contains("train more epochs"))
        #expect(t.run("train epochs=4 batch=20 as longer"))
        t.console.reset()
        #expect(t.run("grads plot"))
        #expect(t.output.contains("per layer and epoch, longer"))
        #expect(t.output.contains("dense1") && t.output.contains("dense2") && t.output.contains("dense3"))
        // One panel per layer, each on rows of its own (not lines overlaid in one chart).
        for layer in ["dense1", "dense2", "dense3"] { #expect(t.console.lines.contains { $0.hasPrefix(layer + " ") }) }
        #expect(t.output.contains("each panel spans its own decades"))
        #expect(t.run("grads plot longer"))
    }

    @Test("predict draws the image with its label, the prediction and the top probabilities")
    func predictImage() throws {
        let t = TestLab()
        t.loadTinyImages()
        #expect(t.run("layer add dense 6 relu", "layer add dense 2 softmax", "train epochs=20 batch=10"))
        let state = t.lab.generator.state
        t.console.reset()
        #expect(t.run("predict 3"))
        let data = try #require(t.lab.data)
        let p = Evaluator.predict(try #require(t.lab.network), on: data.test, indices: [3])[0]
        #expect(t.output.contains("test #3  label 1 bottom  predicted \(p.predicted) \(p.predicted == 0 ? "top" : "bottom")"))
        // Two probability lines (two classes), most probable first, 4 decimals.
        let probabilityLines = t.console.lines.filter { $0.hasPrefix("  0 top") || $0.hasPrefix("  1 bottom") }
        #expect(probabilityLines.count == 2)
        let top = p.probabilities.max()!
        #expect(probabilityLines[0].contains(NumberFormat.fourDecimals(top)))
        // The picture: 4 rows of 4 pixels drawn in shades.
        #expect(t.console.lines.prefix(4).allSatisfy { !$0.isEmpty })
        // A random example comes from the system generator: the session's stream does not move.
        #expect(t.run("predict"))
        #expect(t.lab.generator.state == state)
        let refusal = t.failure("predict 12")
        #expect(refusal.contains("there is no test example 12") && refusal.contains("0 to 11"))
    }

    @Test("predict on points shows the features and both class probabilities")
    func predictPoints() {
        let t = TestLab()
        t.spiralModel()
        #expect(t.run("predict 0"))
        #expect(t.output.contains("features  "))
        #expect(t.output.contains("arm 1") && t.output.contains("arm 2"))
        #expect(t.output.contains("has not been trained yet"))
    }

    @Test("show wrong lists exactly the misclassified test examples, in order")
    func showWrong() throws {
        let t = TestLab()
        t.loadTinyImages()
        #expect(t.run("seed 3", "layer add dense 2 softmax", "init normal stddev=2"))
        let data = try #require(t.lab.data)
        let all = Evaluator.predict(try #require(t.lab.network), on: data.test, indices: Array(0..<data.test.count))
        let wrong = all.filter { !$0.isCorrect }
        try #require(!wrong.isEmpty, "the starting weights should get some test images wrong")
        t.console.reset()
        #expect(t.run("show wrong 3"))
        #expect(t.output.contains("\(wrong.count) of 12 test examples are wrong; the first \(min(3, wrong.count)):"))
        for p in wrong.prefix(3) { #expect(t.output.contains("#\(p.index)")) }
        if wrong.count > 3 { #expect(!t.output.contains("#\(wrong[3].index) ")) }
        #expect(t.output.contains("true ") && t.output.contains("said "))
        // Points: a table instead of pictures.
        let p = TestLab()
        p.spiralModel()
        #expect(p.run("show wrong"))
        #expect(p.output.contains("example") && p.output.contains("probability"))
    }

    @Test("nothing to show without data or a model")
    func refusals() {
        let t = TestLab()
        #expect(t.failure("predict").contains("no data is loaded"))
        #expect(t.failure("show wrong").contains("no data is loaded"))
        #expect(t.run("data load xor"))
        #expect(t.failure("show wrong").contains("the model has no layers"))
    }

    @Test("colour only on a terminal: escape sequences with a colour style, none in plain text")
    func colour() {
        let lines = ["grads", "grads plot", "runs", "plot", "plot accuracy", "predict 1", "show wrong 2",
                     "sweep lr 0.01,0.1 epochs=2", "ensemble train 2 epochs=2", "ensemble eval"]
        let plain = TestLab()
        plain.loadTinyImages()
        #expect(plain.run("layer add dense 4 relu", "layer add dense 2 softmax", "train epochs=3 batch=10"))
        for line in lines { #expect(plain.run(line), "\(line)") }
        #expect(!plain.output.contains("\u{1B}["))
        let coloured = TestLab()
        coloured.console.style = Style(colors: .palette256, width: 100)
        coloured.loadTinyImages()
        #expect(coloured.run("layer add dense 4 relu", "layer add dense 2 softmax", "train epochs=3 batch=10"))
        for line in lines {
            coloured.console.reset()
            #expect(coloured.run(line), "\(line)")
            #expect(coloured.output.contains("\u{1B}["), "\(line) printed no colour")
        }
    }
}
