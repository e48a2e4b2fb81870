// A run the learner stopped (Ctrl-C) is a fact of the session: replay and recovery stop after the
// same batch and end with the same weights and figures, bit for bit.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Stopped runs")
struct StoppedRunTests {
    /// A lab that trained XOR for "a million epochs" and was stopped after `polls` batches.
    func stoppedLab(_ project: SessionProject, after polls: Int) -> SessionLab {
        let t = project.lab()
        var count = 0
        t.lab.shouldStop = { count += 1; return count == polls }
        #expect(t.run("seed 3", "data load xor", "layer add dense 4 relu", "layer add dense 1 sigmoid",
                      "train epochs=1000000 batch=1"))
        t.lab.shouldStop = { false }
        return t
    }

    @Test("the stop is recorded under the command, with epoch and batch")
    func recorded() throws {
        let project = SessionProject()
        let t = stoppedLab(project, after: 1_234)
        let stop = try #require(t.lastFigures.last.flatMap(StopPoint.parse))
        // xor has 4 training examples: 4 batches of 1 per epoch.
        #expect(stop == StopPoint(epoch: 309, batch: 2))
        #expect(AutosaveJournal.text(of: t.lab.session.journal.last!) == "train epochs=1000000 batch=1\n# stopped at epoch 309 batch 2")
    }

    @Test("replaying a saved stopped run stops at the same batch with the same weights")
    func replay() throws {
        let project = SessionProject()
        let t = stoppedLab(project, after: 777)
        #expect(t.run("eval test", "save stopped"))
        let file = try SessionFile.parse(try project.text("stopped"), file: "stopped", commands: CommandTable.all)
        let replayed = Replay.run(file, name: "stopped", console: CapturingConsole(), paths: project.paths,
                                  makeInterpreter: everyCommand)
        #expect(replayed.succeeded, "\(replayed.differing.map(\.replayed))")
        #expect(replayed.compared.allSatisfy { if case .matches = $0.verdict { true } else { false } })
        #expect(LabState(replayed.lab).parameters == LabState(t.lab).parameters)
    }

    @Test("recovering a journal with a stopped run stops there too")
    func recovery() throws {
        let project = SessionProject()
        let t = stoppedLab(project, after: 555)
        #expect(t.run("eval test"))
        let lines = [AutosaveJournal.firstLine, "# format: 1", "# seed: \(t.lab.session.journalSeed ?? 777)", ""]
            + t.lab.session.journal.map(AutosaveJournal.text(of:))
        let contents = try #require(Recovery.parse(lines.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        #expect(contents.stops[contents.commands.count - 2] == [StopPoint(epoch: 139, batch: 3)])
        let fresh = project.lab()
        #expect(Recovery.recover(contents, into: fresh.interpreter) == contents.commands.count)
        #expect(LabState(fresh.lab).parameters == LabState(t.lab).parameters)
        #expect(fresh.lab.session.journal.map(\.figures) == t.lab.session.journal.map(\.figures))
    }

    @Test("stop lines are read only in their exact form")
    func parsing() {
        #expect(StopPoint.parse("stopped at epoch 3 batch 7") == StopPoint(epoch: 3, batch: 7))
        #expect(StopPoint.parse("sgd stopped at epoch 3 batch 7") == StopPoint(run: "sgd", epoch: 3, batch: 7))
        #expect(StopPoint.parse("stopped at epoch 0 batch 7") == nil)
        #expect(StopPoint.parse("epoch 3  cost 0.1234") == nil)
        #expect(StopPoint.parse("stopped at epoch x batch 7") == nil)
    }

    /// Saves and replays `commands` after the first `polls` polls asked to stop once (the first
    /// Ctrl-C of a sweep or an ensemble: finish the running entry, then stop).
    func replayOfStopped(_ commands: [String], after polls: Int) throws -> (figures: [String], replayed: ReplayResult) {
        let project = SessionProject()
        let t = project.lab()
        var count = 0
        t.lab.shouldStop = { count += 1; return count == polls }
        for line in ["seed 3", "data load xor", "layer add dense 4 relu", "layer add dense 1 sigmoid"] + commands { #expect(t.run(line)) }
        t.lab.shouldStop = { false }
        let figures = t.lastFigures
        #expect(t.run("save stopped"))
        let file = try SessionFile.parse(try project.text("stopped"), file: "stopped", commands: CommandTable.all)
        return (figures, Replay.run(file, name: "stopped", console: CapturingConsole(), paths: project.paths,
                                    makeInterpreter: everyCommand))
    }

    @Test("a sweep stopped after its first entry replays that entry and no more")
    func stoppedSweep() throws {
        let (figures, replayed) = try replayOfStopped(["sweep lr 0.1,0.5,1 epochs=20 batch=1"], after: 5)
        #expect(figures.contains("sweep stopped after 1 of 3 entries"), "\(figures)")
        #expect(replayed.succeeded, "\(replayed.differing.map(\.replayed))")
        #expect(replayed.lab.results.runs.count == 1)
    }

    @Test("an ensemble stopped after its first member replays that member and no more")
    func stoppedEnsemble() throws {
        let (figures, replayed) = try replayOfStopped(["ensemble train 3 epochs=20 batch=1"], after: 5)
        #expect(figures.contains("ensemble stopped after 1 of 3 members"), "\(figures)")
        #expect(replayed.succeeded, "\(replayed.differing.map(\.replayed))")
        #expect(replayed.lab.results.ensemble?.members.count == 1)
    }

    @Test("entry stops read back from their figure lines")
    func entryStopParses() {
        #expect(StopPoint.parse("sweep stopped after 2 of 5 entries") == StopPoint(command: "sweep", after: 2, of: 5, noun: "entries"))
        #expect(StopPoint.entriesDone(StopPoint.all(in: ["epoch 1  cost 0.5", "ensemble stopped after 1 of 3 members"]), command: "ensemble") == 1)
        #expect(StopPoint.parse("sweep stopped after 6 of 5 entries") == nil)
    }
}
