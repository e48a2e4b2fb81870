// runs, run names, the lesson metrics and ensembles: the figures come from what was trained and
// evaluated, and each command says plainly when there is nothing to show.

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

@Suite("Comparing runs: runs, metrics, ensembles")
struct CompareRunsTests {
    @Test("a new run with an existing name replaces the old one, with a note")
    func replacement() {
        let t = TestLab()
        t.spiralModel("train epochs=1 as a", "train epochs=1")
        #expect(t.lab.results.runs.map(\.name) == ["a", "run2"])
        t.console.reset()
        #expect(t.run("train epochs=2 as a"))
        #expect(t.lab.results.runs.map(\.name) == ["run2", "a"])
        #expect(t.lab.results.runs[1].result.epochs.count == 2)
        #expect(t.output.contains("note: the new run 'a' replaces the earlier run of that name"))
        // Default names skip names in use.
        #expect(t.run("train epochs=1"))
        #expect(t.lab.results.runs.last?.name == "run3")
    }

    @Test("runs lists every run with its figures and marks the best")
    func runsTable() {
        let t = TestLab()
        #expect(t.run("runs"))
        #expect(t.output.contains("no runs yet"))
        t.spiralModel("train epochs=2 batch=20 as first", "eval", "train epochs=1 batch=100 as second")
        t.console.reset()
        #expect(t.run("runs"))
        let first = t.lab.results.runs[0]
        let row = t.console.lines.first { $0.hasPrefix("first ") } ?? ""
        #expect(row.contains(NumberFormat.fourDecimals(first.result.epochs[1].cost)))
        #expect(row.contains(NumberFormat.fourDecimals(first.evaluations[.test]!.accuracy)) && row.contains(" test "))
        #expect(row.hasSuffix(first.recipe) || row.hasSuffix("…"))                   // the whole recipe comes last, cut if need be
        // What differs between the two runs (their batch size) comes right after the name.
        #expect(row.hasPrefix("first   batch 20"))
        #expect(t.output.contains("*"))                      // best values are marked without colour
        #expect(t.console.lines.first { $0.hasPrefix("second ") }?.contains("-") == true)   // not evaluated
    }

    @Test("metrics read the recorded figures; unknown or unmeasured ones are nil")
    func metrics() throws {
        let t = TestLab()
        t.spiralModel()
        #expect(metric("cost", run: nil, lab: t.lab) == nil)
        t.run("train epochs=3 batch=20 as relu", "eval")
        let run = t.lab.results.runs[0]
        #expect(metric("cost", run: nil, lab: t.lab) == run.result.epochs[2].cost)
        #expect(metric("first_cost", run: nil, lab: t.lab) == run.result.epochs[0].cost)
        #expect(metric("train_accuracy", run: nil, lab: t.lab) == run.result.epochs[2].trainAccuracy)
        #expect(metric("validation_accuracy", run: nil, lab: t.lab) == run.result.epochs[2].validationAccuracy)
        let e = try #require(t.lab.results.lastEvaluation?.evaluation)
        #expect(metric("eval_accuracy", run: nil, lab: t.lab) == e.accuracy)
        #expect(metric("eval_cost", run: nil, lab: t.lab) == e.cost)
        #expect(metric("gap", run: nil, lab: t.lab) == run.result.epochs[2].trainAccuracy - e.accuracy)
        let grads = run.result.epochs[2].gradients
        #expect(metric("grad(1)", run: nil, lab: t.lab) == grads[0].meanAbsGradient)
        #expect(metric("grad(-1)", run: nil, lab: t.lab) == grads[2].meanAbsGradient)
        #expect(metric("grad( 2 )", run: nil, lab: t.lab) == grads[1].meanAbsGradient)
        #expect(metric("grad(4)", run: nil, lab: t.lab) == nil && metric("grad(0)", run: nil, lab: t.lab) == nil)
        #expect(metric("ensemble_accuracy", run: nil, lab: t.lab) == nil)
        #expect(metric("loss", run: nil, lab: t.lab) == nil)
        // A named sweep entry has its own figures, including its own test evaluation.
        t.run("sweep lr 0.01 epochs=2 batch=40")
        let entry = try CompareCommands.run(named: "0.01", in: t.lab)
        #expect(metric("cost", run: entry, lab: t.lab) == entry.result.epochs[1].cost)
        #expect(metric("eval_accuracy", run: entry, lab: t.lab) == entry.evaluations[.test]!.accuracy)
        #expect(metric("eval_accuracy", run: t.lab.results.runs[0], lab: t.lab) == e.accuracy)
        #expect(gradientLayerNumber("grad(-2)") == -2 && gradientLayerNumber("gradient") == nil)
    }

    @Test("ensemble members are the runs a learner would train by hand from seed + i")
    func ensembleMembers() throws {
        let t = TestLab()
        t.spiralModel()
        #expect(t.failure("ensemble eval").contains("there is no ensemble yet"))
        #expect(t.run("ensemble train 3 epochs=2 batch=40"))
        let ensemble = try #require(t.lab.results.ensemble)
        #expect(ensemble.seeds == [777, 778, 779])
        #expect(t.lab.results.runs.map(\.name) == ["member1", "member2", "member3"])
        #expect(t.lab.results.runs.allSatisfy { $0.comparison == "ensemble" && $0.evaluations[.test] != nil })
        for (i, seed) in [777, 779].enumerated() {
            let byHand = TestLab()
            byHand.spiralModel("seed \(seed)", "model reset", "train epochs=2 batch=40")
            let member = t.lab.results.runs[i == 0 ? 0 : 2]
            #expect(member.result.batchCosts == byHand.lab.results.runs[0].result.batchCosts, "seed \(seed)")
        }
        // Different seeds, different members.
        #expect(t.lab.results.runs[0].result.batchCosts != t.lab.results.runs[1].result.batchCosts)
        let figures = try #require(t.lab.session.journal.last?.figures)
        #expect(figures.count == 3 && figures[0].hasPrefix("member1 seed 777  cost "))
    }

    @Test("ensemble eval reports members, the average and the gains")
    func ensembleEval() throws {
        let t = TestLab()
        t.run("data load gaussian classes=3 noise=0.3", "layer add dense 8 relu", "layer add dense 3 softmax")
        #expect(t.run("ensemble train 4 epochs=3 batch=20", "ensemble eval"))
        let e = try #require(t.lab.results.lastEnsembleEvaluation)
        #expect(e.memberAccuracies == t.lab.results.runs.map { $0.evaluations[.test]!.accuracy })
        // The ensemble's accuracy is that of the members' summed probabilities.
        let test = try #require(t.lab.data?.test)
        let members = try #require(t.lab.results.ensemble?.members).map { Evaluator.probabilities($0, on: test) }
        let correct = (0..<test.count).filter { r in
            let sums = (0..<3).map { k in members.reduce(Float(0)) { $0 + $1[r, k] } }
            return sums.indices.max { sums[$0] < sums[$1] } == test.label(r)
        }.count
        #expect(e.accuracy == Float(correct) / Float(test.count))
        #expect(metric("ensemble_accuracy", run: nil, lab: t.lab) == e.accuracy)
        #expect(metric("best_member", run: nil, lab: t.lab) == e.memberAccuracies.max())
        #expect(metric("ensemble_gain", run: nil, lab: t.lab) == e.accuracy - e.memberAccuracies.max()!)
        let figures = try #require(t.lab.session.journal.last?.figures)
        #expect(figures.last == "ensemble test accuracy \(NumberFormat.fourDecimals(e.accuracy))  best member \(NumberFormat.fourDecimals(e.bestMember))  "
                + "gain over best \(EnsembleCommands.signed(e.gainOverBest))  gain over mean \(EnsembleCommands.signed(e.gainOverMean))")
        #expect(t.output.contains("ensemble of 4 on test"))
        #expect(t.console.events.contains(.ensemble(e)))
        // The learner's own network is untouched by the members' training.
        #expect(!t.lab.results.runs.contains { $0.comparison == nil })
    }

    @Test("ensemble eval refuses an ensemble trained on other data")
    func ensembleOtherData() {
        let t = TestLab()
        t.spiralModel("ensemble train 2 epochs=1")
        t.loadTinyImages()
        t.run("model new", "layer add dense 2 softmax")
        let refusal = t.failure("ensemble eval")
        #expect(refusal.contains("trained on other data") && refusal.contains("ensemble train"))
    }

    @Test("Ctrl-C during an ensemble keeps the members trained so far")
    func ensembleInterrupt() throws {
        let t = TestLab()
        t.spiralModel()
        var polls = 0
        t.lab.shouldStop = { polls += 1; return polls == 2 }
        #expect(t.run("ensemble train 3 epochs=1 batch=40"))
        #expect(t.lab.results.ensemble?.members.count == 1)
        #expect(t.lab.session.journal.last?.figures.last == "ensemble stopped after 1 of 3 members")
        #expect(t.run("ensemble eval"))
    }

    @Test("a model whose output cannot hold the labels is refused by every command that runs it")
    func outputTooNarrow() {
        let t = TestLab()
        t.run("data load spiral", "layer add dense 4 relu", "layer add dense 1 softmax")
        for line in ["train epochs=1", "eval", "sweep lr 0.1,0.01", "ensemble train 2", "predict 0", "show wrong"] {
            let refusal = t.failure(line)
            #expect(refusal.contains("the output layer 'dense2' has 1 unit, but spiral has 2 classes"), "\(line): \(refusal)")
            #expect(refusal.contains("layer replace 2 dense 2 softmax"), "\(line)")
        }
        #expect(t.lab.results.runs.isEmpty)
        #expect(t.run("layer replace 2 dense 1 sigmoid", "train epochs=1"))
    }

    @Test("TAB completion offers the new commands' words and the session's runs")
    func completion() {
        let t = TestLab()
        t.spiralModel("train epochs=1 as relu", "train epochs=1 as tanh")
        let c = CommandCompleter(commands: CommandTable.all, names: LabNames(lab: t.lab, commands: CommandTable.all).provider)
        #expect(c.complete("plot ").candidates.starts(with: ["cost", "accuracy", "validation", "boundary"]))
        #expect(c.complete("plot cost r").candidates == ["relu"])
        #expect(c.complete("plot cost relu l").candidates == ["log"])
        #expect(c.complete("sweep ").candidates.starts(with: ["init", "activation", "optimizer", "keep_prob", "lr", "batch"]))
        #expect(c.complete("sweep activation re").candidates == ["relu"])
        #expect(c.complete("ensemble ").candidates == ["train", "eval"])
        #expect(c.complete("export ").candidates == ["csv", "keras", "pytorch"])
        #expect(c.complete("grads ").candidates.contains("plot") && c.complete("grads ").candidates.contains("tanh"))
        #expect(c.complete("show ").candidates == ["wrong"])
    }
}
