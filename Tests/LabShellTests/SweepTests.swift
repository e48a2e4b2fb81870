// sweep: each entry is exactly the run a learner would get by hand from the same seed, the
// learner's model and settings are untouched afterwards, every value is checked before anything
// trains, and Ctrl-C keeps the entries finished so far.

import Testing
import NNCore
import NNEngine
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials
import LabKit

@Suite("sweep")
struct SweepTests {
    /// Every parameter value of the lab's network, in order.
    func weights(_ lab: Lab) -> [[Float]] { lab.network?.parameters.map(\.value.array) ?? [] }

    @Test("an entry equals `seed N; init X; train` typed by hand")
    func entryEqualsHandRun() throws {
        let swept = TestLab()
        swept.spiralModel()
        #expect(swept.run("sweep init he,xavier epochs=3 batch=20"))
        let byHand = TestLab()
        byHand.spiralModel("seed 777", "init he", "train epochs=3 batch=20 as he")
        let a = try CompareCommands.run(named: "he", in: swept.lab), b = try CompareCommands.run(named: "he", in: byHand.lab)
        #expect(a.result.epochs.map(\.cost) == b.result.epochs.map(\.cost))
        #expect(a.result.batchCosts == b.result.batchCosts)
        #expect(a.result.epochs.map(\.validationAccuracy) == b.result.epochs.map(\.validationAccuracy))
        // The test figure is a real evaluation of that network.
        byHand.run("eval test")
        #expect(a.evaluations[.test]?.accuracy == byHand.lab.results.lastEvaluation?.evaluation.accuracy)
        #expect(a.comparison == "sweep init" && a.recipe.contains("init he"))
    }

    @Test("the learner's model, weights, optimizer, defaults and random stream are as before")
    func restores() throws {
        let t = TestLab()
        t.spiralModel("optimizer momentum lr=0.05", "set epochs=2 batch=40", "init 2 he", "train epochs=1 as mine")
        let model = t.lab.model, optimizer = t.lab.optimizerSpec, defaults = t.lab.settings.defaults
        let before = weights(t.lab), state = t.lab.generator.state
        #expect(t.run("sweep activation sigmoid,tanh"))
        #expect(t.run("sweep optimizer sgd,adam epochs=1"))
        #expect(t.lab.model == model && t.lab.optimizerSpec == optimizer && t.lab.settings.defaults == defaults)
        #expect(weights(t.lab) == before)
        #expect(t.lab.generator.state == state)
        // The entries did change what they were meant to.
        let tanh = try CompareCommands.run(named: "tanh", in: t.lab)
        #expect(tanh.recipe.hasPrefix("dense 8 tanh, dense 8 tanh, dense 2 softmax"))
        let sgd = try CompareCommands.run(named: "sgd", in: t.lab)
        #expect(sgd.recipe.contains("sgd lr 0.01") && sgd.options.epochs == 1)
        // `eval` still credits the learner's own run, not the last sweep entry.
        #expect(t.run("eval"))
        #expect(try CompareCommands.run(named: "mine", in: t.lab).lastEvaluatedSplit == .test)
        #expect(try CompareCommands.run(named: "adam", in: t.lab).lastEvaluatedSplit == .test)
    }

    @Test("table, chart and figures; entries become runs, replacing runs of the same name")
    func output() throws {
        let t = TestLab()
        t.spiralModel("layer insert 2 dropout 0.5", "train epochs=1 as 1")
        t.console.reset()
        #expect(t.run("sweep keep_prob 0.5,1 epochs=2 batch=40"))
        #expect(t.lab.results.runs.map(\.name) == ["0.5", "1"])          // "1" replaced the earlier run
        #expect(t.output.contains("note: the new run '1' replaces the earlier run of that name"))
        #expect(t.output.contains("keep_prob     cost") || t.output.contains("keep_prob"))
        #expect(t.output.contains("validation accuracy per epoch: sweep keep_prob"))
        #expect(t.output.contains("the chart shows validation accuracy"))
        // The keep_prob=1 entry trained without dropout, and its recipe says so.
        #expect(try CompareCommands.run(named: "1", in: t.lab).recipe.contains("dropout 1;") == false)
        #expect(try CompareCommands.run(named: "1", in: t.lab).recipe.contains("dropout 1,"))
        let figures = try #require(t.lab.session.journal.last).figures
        #expect(figures.count == 2)
        let half = try CompareCommands.run(named: "0.5", in: t.lab)
        #expect(half.recipe.contains("dropout 0.5") && !half.recipe.contains("keep_prob"))
        #expect(figures[0] == "sweep 0.5  cost \(NumberFormat.fourDecimals(half.result.epochs[1].cost))  train \(NumberFormat.fourDecimals(half.result.epochs[1].trainAccuracy))"
                + "  validation \(NumberFormat.fourDecimals(half.result.epochs[1].validationAccuracy!))  test \(NumberFormat.fourDecimals(half.evaluations[.test]!.accuracy))")
        #expect(half.options.keepProb == 0.5 && half.options.epochs == 2 && half.options.batchSize == 40)
        #expect(t.lab.session.journal.last?.command == "sweep keep_prob 0.5,1 epochs=2 batch=40")
    }

    @Test("every value is checked before anything trains; a refusal changes nothing")
    func refusals() {
        let t = TestLab()
        t.spiralModel()
        let journal = t.lab.session.journal.count
        let cases: [(String, String)] = [
            ("sweep init zeros,hee", "unknown initializer 'hee' (did you mean 'he'?)"),
            ("sweep activation relu,sigmod", "did you mean 'sigmoid'"),
            ("sweep optimizer adam,adamw", "unknown optimizer 'adamw'"),
            ("sweep lr 0.1,fast", "lr 'fast' must be a number"),
            ("sweep lr 0.1,0.1", "'0.1' is listed twice"),
            ("sweep lr 0.1,,0.01", "value 2 of '0.1,,0.01' is empty"),
            ("sweep batch 10,0", "batch '0' must be a whole number"),
            ("sweep keep_prob 0.5,1", "no dropout layer"),
            ("sweep momentum 0.9", "SETTING 'momentum' is not one of init, activation, optimizer, keep_prob, lr, batch"),
        ]
        for (line, message) in cases {
            let text = t.failure(line)
            #expect(text.contains(message), "\(line): \(text)")
            #expect(text.contains("hint:"), "\(line): \(text)")
        }
        #expect(t.lab.results.runs.isEmpty && t.lab.session.journal.count == journal)
        let flat = TestLab()
        flat.run("data load spiral", "layer add dense 2 softmax")
        #expect(flat.failure("sweep activation relu,tanh").contains("no hidden dense layer"))
    }

    @Test("Ctrl-C finishes the current entry and stops; a second press cuts it short")
    func interrupt() throws {
        let t = TestLab()
        t.spiralModel()
        var polls = 0
        t.lab.shouldStop = { polls += 1; return polls == 3 }
        #expect(t.run("sweep lr 0.1,0.01,0.001 epochs=2 batch=40"))
        #expect(t.lab.results.runs.map(\.name) == ["0.1"])
        #expect(t.lab.results.runs[0].result.outcome == .completed && t.lab.results.runs[0].result.epochs.count == 2)
        #expect(t.output.contains("stopping after this entry"))
        #expect(t.lab.session.journal.last?.figures.last == "sweep stopped after 1 of 3 entries")

        let u = TestLab()
        u.spiralModel()
        var count = 0
        u.lab.shouldStop = { count += 1; return count == 2 || count == 4 }
        #expect(u.run("sweep lr 0.1,0.01 epochs=2 batch=40"))
        #expect(u.lab.results.runs.map(\.name) == ["0.1"])
        #expect(u.lab.results.runs[0].result.outcome == .stopped(epoch: 1, batch: 4))
        #expect(u.output.contains("(stopped)"))
    }

    @Test("rbm entries are pre-trained like `init rbm` before training")
    func rbm() throws {
        let swept = TestLab()
        swept.spiralModel("set batch=40")
        #expect(swept.run("sweep init rbm,xavier epochs=1"))
        let byHand = TestLab()
        byHand.spiralModel("set batch=40", "seed 777", "init rbm", "train epochs=1 as rbm")
        let a = try CompareCommands.run(named: "rbm", in: swept.lab), b = try CompareCommands.run(named: "rbm", in: byHand.lab)
        #expect(a.result.batchCosts == b.result.batchCosts)
        #expect(a.result.batchCosts != (try CompareCommands.run(named: "xavier", in: swept.lab)).result.batchCosts)
    }
}
