// `replay`: a saved session run again from scratch matches its recorded figures exactly; edited
// figures are caught (within and beyond the tolerance); fast variants, step mode, recording,
// failures, and `nnlab replay`'s exit statuses.

import Foundation
import NNCore
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials
import LabKit

@Suite("Replaying sessions")
struct SessionReplayTests {
    @Test("a replay on the same build matches every recorded figure exactly, and takes the lab's place")
    func matchesExactly() throws {
        let project = SessionProject()
        let saved = project.savedXOR()
        let t = project.lab()
        t.run("data load xor")
        #expect(t.run("replay xor"), "\(t.warnings)")
        #expect(t.output.contains("line 18: train epochs=30 batch=4"))
        #expect(t.output.contains("  recorded  " + saved.lab.session.journal[5].figures.last!))
        #expect(t.output.contains("  replayed  " + saved.lab.session.journal[5].figures.last!))
        #expect(t.output.contains("matches (30 figure lines)") && t.output.contains("all match exactly"))
        #expect(LabState(t.lab) == LabState(saved.lab))
    }

    /// Replaces `old` by `new` in sessions/xor.nnlab.
    func edit(_ project: SessionProject, _ old: String, _ new: String) throws {
        let text = try project.text("xor")
        precondition(text.contains(old), old)
        try text.replacingOccurrences(of: old, with: new).write(to: project.script("xor"), atomically: true, encoding: .utf8)
    }

    /// The recorded eval line of the xor session, and the same with its cost moved by `delta`.
    func evalLine(_ project: SessionProject, costPlus delta: Float) throws -> (String, String) {
        let file = try SessionFile.parse(try project.text("xor"), file: "xor", commands: CommandTable.all)
        let line = file.entries[6].figures[0]
        let cost = try #require(FigureLine(line).value(after: "cost"))
        return (line, "eval test  accuracy " + line.split(separator: " ")[3] + "  cost " + NumberFormat.fourDecimals(Float(cost) + delta))
    }

    @Test("a figure edited beyond the tolerance is reported with the largest difference, and the lab is unchanged")
    func differs() throws {
        let project = SessionProject()
        project.savedXOR()
        let (line, edited) = try evalLine(project, costPlus: 0.0021)
        try edit(project, "# " + line, "# " + edited)
        let t = project.lab()
        t.run("data load xor", "layer add dense 3 relu")
        let before = LabState(t.lab)
        let error = t.failure("replay xor")
        #expect(t.output.contains("differs: largest difference 0.0021 in cost at eval test, where the same arithmetic owes the same bits"), "\(t.output)")
        #expect(t.output.contains("  recorded  " + edited))
        #expect(error.contains("figures differ from the recorded ones"))
        #expect(LabState(t.lab) == before)
    }

    @Test("a session from another arithmetic is compared within the tolerance, and says so")
    func withinTolerance() throws {
        let project = SessionProject()
        project.savedXOR()
        let (line, edited) = try evalLine(project, costPlus: 0.0002)
        try edit(project, "# " + line, "# " + edited)
        try edit(project, "# arithmetic: \(Arithmetic.name)\n", "# arithmetic: nnlab-0\n")
        let t = project.lab()
        #expect(t.run("replay xor"))
        #expect(t.output.contains("xor was recorded with arithmetic nnlab-0; this nnlab computes \(Arithmetic.name), "
                                  + "so figures are compared within 0.0005 (`nnlab replay --record xor` re-records them)"), "\(t.output)")
        #expect(t.output.contains("within tolerance: largest difference 0.0002 in cost at eval test"))
        #expect(t.output.contains("1 match exactly, 1 within the tolerance"))
    }

    @Test("a session recorded with this arithmetic owes the same bits: 0.0001 off differs")
    func sameArithmeticIsExact() throws {
        let project = SessionProject()
        project.savedXOR()
        let text = try project.text("xor")
        #expect(text.contains("# arithmetic: \(Arithmetic.name)\n"))
        let (line, edited) = try evalLine(project, costPlus: 0.0001)
        try edit(project, "# " + line, "# " + edited)
        let t = project.lab()
        _ = t.failure("replay xor")
        #expect(t.output.contains("differs: largest difference 0.0001 in cost at eval test, where the same arithmetic owes the same bits"),
                "\(t.output)")
        #expect(!t.output.contains("was recorded with arithmetic"))
    }

    @Test("fast: record the fast figures, then a fast replay compares with them and leaves the lab alone")
    func fastVariant() throws {
        let project = SessionProject()
        project.savedXOR()
        try edit(project, "# seed: 3\n", "# seed: 3\n# fast: epochs=4\n")
        let weights = try project.bytes(project.weights("xor"))
        let recorder = project.lab()
        #expect(recorder.run("replay xor fast record"), "\(recorder.warnings)")
        let file = try SessionFile.parse(try project.text("xor"), file: "xor", commands: CommandTable.all)
        #expect(file.entries[5].fastFigures.count == 4 && file.entries[5].fastFigures.last!.hasPrefix("epoch 4  cost"))
        #expect(file.entries[6].fastFigures.count == 1 && file.entries[5].figures.count == 30)
        #expect(try project.bytes(project.weights("xor")) == weights, "a fast record must not touch the weights")

        let t = project.lab()
        t.run("data load xor")
        let before = LabState(t.lab)
        #expect(t.run("replay xor fast"))
        #expect(t.output.contains("fast variant (epochs=4)") && t.output.contains("matches (4 figure lines)"))
        #expect(LabState(t.lab) == before)
        // The full figures are untouched and still match.
        #expect(project.lab().run("replay xor"))
    }

    @Test("step waits for Enter before each command; q stops, keeping what ran so far")
    func stepByStep() throws {
        let project = SessionProject()
        project.savedXOR()
        let t = project.lab(interactive: true, answers: ["", "", "", "q"])
        #expect(t.run("replay xor step"))
        #expect(t.output.contains("replay stopped before line 16"))
        #expect(t.lab.session.journal.map(\.command) == Array(xorCommands.prefix(3)))
        #expect(t.lab.session.name == nil && t.lab.session.hasUnsavedWork)
    }

    @Test("a command that fails stops the replay at its line, and the lab is unchanged")
    func failingCommand() throws {
        let project = SessionProject()
        project.savedXOR()
        try edit(project, "layer add dense 1 sigmoid\n", "layer add dense 1 sigmoid\nlayer add add dense1 dense2\n")
        let t = project.lab()
        t.run("data load xor")
        let before = LabState(t.lab)
        let error = t.failure("replay xor")
        #expect(error.contains("xor line 17") && error.contains("replay xor stopped: line 17 failed"), "\(error)")
        #expect(LabState(t.lab) == before)
    }

    @Test("nnlab replay: 0 when everything agrees, 1 when a figure differs, 2 when a file is not a session")
    func commandLine() throws {
        let project = SessionProject()
        project.savedXOR("a")
        project.savedXOR("b")
        let console = CapturingConsole()
        let options = ReplayOptions(quiet: true)
        #expect(ReplayCommandLine.run(targets: ["a"], folder: nil, options: options, record: false, console: console, paths: project.paths, makeInterpreter: everyCommand) == 0)
        #expect(ReplayCommandLine.run(targets: [project.script("b").path], folder: nil, options: options, record: false,
                                      console: console, paths: project.paths, makeInterpreter: everyCommand) == 0)
        #expect(ReplayCommandLine.run(targets: [], folder: project.sessions.path, options: options, record: false,
                                      console: console, paths: project.paths, makeInterpreter: everyCommand) == 0)
        #expect(console.text.contains("replayed 2 sessions") && !console.text.contains("nnlab> "))

        let text = try project.text("b")
        let figure = try #require(text.split(separator: "\n").first { $0.hasPrefix("# epoch 30") })
        let edited = String(figure).replacingOccurrences(of: "cost 0.", with: "cost 1.")
        try text.replacingOccurrences(of: figure, with: edited).write(to: project.script("b"), atomically: true, encoding: .utf8)
        #expect(ReplayCommandLine.run(targets: [], folder: project.sessions.path, options: options, record: false,
                                      console: console, paths: project.paths, makeInterpreter: everyCommand) == 1)
        #expect(console.text.contains("b  1 command(s) differ"))
        // A looser tolerance lets it pass.
        #expect(ReplayCommandLine.run(targets: ["b"], folder: nil, options: ReplayOptions(tolerance: 2, quiet: true), record: false,
                                      console: console, paths: project.paths, makeInterpreter: everyCommand) == 0)

        try "# nnlab session\n# format: 1\n\nseed 1\n".write(to: project.script("c"), atomically: true, encoding: .utf8)
        #expect(ReplayCommandLine.run(targets: ["c"], folder: nil, options: options, record: false, console: console, paths: project.paths, makeInterpreter: everyCommand) == 2)
        #expect(console.warnings.last?.contains("cut short") == true)
        #expect(ReplayCommandLine.run(targets: ["nope"], folder: nil, options: options, record: false, console: console, paths: project.paths, makeInterpreter: everyCommand) == 2)
        #expect(ReplayCommandLine.run(targets: [], folder: nil, options: options, record: false, console: console, paths: project.paths, makeInterpreter: everyCommand) == 2)
    }

    @Test("a full replay with record rewrites figures and weights, keeping notes and the fast variant")
    func recordFull() throws {
        let project = SessionProject()
        project.savedXOR()
        try edit(project, "# seed: 3\n", "# seed: 3\n# fast: epochs=2\n")
        try edit(project, "\nseed 3\n", "\n# a note for learners\nseed 3\n")
        let (line, edited) = try evalLine(project, costPlus: 0.01)
        try edit(project, "# " + line, "# " + edited)
        let console = CapturingConsole()
        #expect(ReplayCommandLine.run(targets: ["xor"], folder: nil, options: ReplayOptions(quiet: true), record: true,
                                      console: console, paths: project.paths, makeInterpreter: everyCommand) == 0)
        let file = try SessionFile.parse(try project.text("xor"), file: "xor", commands: CommandTable.all)
        #expect(file.entries[6].figures == [line])
        #expect(file.entries[0].notes == ["a note for learners"] && file.header.fast == FastMode(epochs: 2))
        #expect(project.lab().run("load xor"))
    }
}
