// The autosave journal and recovery: every command on disk as it completes, rebased by save,
// recovered after a crash up to the last completed command (on top of a saved session too), and
// what `quit` does with unsaved work.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabTutorials

@Suite("Autosave and recovery")
struct SessionAutosaveTests {
    func journalLines(_ project: SessionProject) throws -> [String] {
        try String(contentsOf: project.paths.journalFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The journal's commands (after the header's blank line).
    func journalCommands(_ project: SessionProject) throws -> [String] {
        let lines = try journalLines(project)
        return Array(lines.drop { !$0.isEmpty }.dropFirst()).filter { !$0.isEmpty }
    }

    @Test("each state-changing command is in the journal file as soon as it completes")
    func appendsAsItGoes() throws {
        let project = SessionProject()
        let t = project.lab()
        #expect(AutosaveJournal.attach(to: t.lab) != nil)
        let lines = try journalLines(project)
        #expect(lines.prefix(3) == [AutosaveJournal.firstLine, "# format: 1", "# pid: \(getpid())"])
        #expect(lines.contains("# seed: 777"))
        for (i, command) in xorCommands.enumerated() {
            t.run(command)
            #expect(try journalCommands(project) == Array(xorCommands.prefix(i + 1)))
        }
        t.run("model show", "help")
        #expect(try journalCommands(project) == xorCommands, "commands that change nothing are not journaled")
    }

    @Test("save rewrites the journal down to `load NAME`; later commands follow it")
    func saveRebases() throws {
        let project = SessionProject()
        let t = project.lab()
        AutosaveJournal.attach(to: t.lab)
        for c in xorCommands { t.run(c) }
        t.run("save xor")
        #expect(try journalLines(project).contains("# base: load xor"))
        #expect(try journalCommands(project).isEmpty)
        t.run("train epochs=2 batch=4")
        #expect(try journalCommands(project) == ["train epochs=2 batch=4"])
        t.run("load xor")
        #expect(try journalCommands(project).isEmpty)
    }

    @Test("after a crash the next start recovers every completed command, bit for bit")
    func recoversAfterCrash() throws {
        let project = SessionProject()
        let crashed = project.lab()
        AutosaveJournal.attach(to: crashed.lab)
        crashed.lab.reseed(21)   // as `nnlab --seed 21`
        for c in xorCommands.dropFirst() { crashed.run(c) }
        // No quit: the process "died" here.
        guard case .unsaved(let contents) = Recovery.inspect(project.paths) else {
            Issue.record("the journal shows no unsaved work"); return
        }
        #expect(contents.seed == 21 && contents.base == nil && contents.commands == Array(xorCommands.dropFirst()))
        let next = project.lab()
        #expect(Recovery.recover(contents, into: next.interpreter) == 6)
        #expect(next.output.contains("recovered 6 of 6 commands"))
        var expected = LabState(crashed.lab)
        expected.unsaved = true
        #expect(LabState(next.lab) == expected)
    }

    @Test("recovery on top of a saved session restores the session and the commands after it")
    func recoversOnTopOfSave() throws {
        let project = SessionProject()
        let crashed = project.lab()
        AutosaveJournal.attach(to: crashed.lab)
        for c in xorCommands { crashed.run(c) }
        crashed.run("save xor", "train epochs=3 batch=4", "eval test")
        let next = project.lab(interactive: true, answers: ["y"])
        Recovery.start(next.interpreter, recoverWithoutAsking: false)
        #expect(next.output.contains("2 unsaved commands after `load xor`, the last `eval test`"), "\(next.output)")
        #expect(next.lab.session.name == "xor" && next.lab.session.hasUnsavedWork && next.lab.unsavedEntries.count == 2)
        #expect(LabState(next.lab).parameters == LabState(crashed.lab).parameters)
        #expect(next.lab.session.journal == crashed.lab.session.journal)
        // The new nnlab autosaves on from there.
        #expect(try journalLines(project).contains("# base: load xor"))
        #expect(try journalCommands(project) == ["train epochs=3 batch=4", "eval test"])
    }

    @Test("declining recovery keeps the commands in discarded.nnlab; a journal with nothing unsaved is removed")
    func declineAndClean() throws {
        let project = SessionProject()
        let crashed = project.lab()
        AutosaveJournal.attach(to: crashed.lab)
        crashed.run("data load xor")
        let next = project.lab(interactive: true, answers: ["n"])
        Recovery.start(next.interpreter, recoverWithoutAsking: false)
        #expect(next.lab.session.journal.isEmpty && next.output.contains("discarded.nnlab"))
        let kept = try String(contentsOf: project.paths.state.appendingPathComponent("discarded.nnlab"), encoding: .utf8)
        #expect(kept.contains("data load xor"))

        let saver = project.lab()
        AutosaveJournal.attach(to: saver.lab)
        saver.run("data load xor", "save clean")
        let third = project.lab()
        Recovery.start(third.interpreter, recoverWithoutAsking: false)
        #expect(!FileManager.default.fileExists(atPath: project.paths.journalFile.path))
    }

    @Test("recovery stops at a command that no longer works and keeps every command aside")
    func partialRecovery() throws {
        let project = SessionProject()
        let contents = AutosaveContents(pid: nil, started: nil, seed: 1,
                                        base: nil, commands: ["data load xor", "layer add dense 2 relu", "data load nosuchset", "seed 4"])
        try FileManager.default.createDirectory(at: project.paths.state, withIntermediateDirectories: true)
        try "x\n".write(to: project.paths.journalFile, atomically: true, encoding: .utf8)
        let t = project.lab()
        #expect(Recovery.recover(contents, into: t.interpreter) == 2)
        #expect(t.lab.session.journal.map(\.command) == ["data load xor", "layer add dense 2 relu"])
        #expect(t.warnings.contains("recovery stopped at `data load nosuchset`"))
        #expect(FileManager.default.fileExists(atPath: project.paths.state.appendingPathComponent("discarded.nnlab").path))
    }

    @Test("a journal left by a process that is not nnlab is stale and offered for recovery")
    func stalePid() throws {
        let project = SessionProject()
        try FileManager.default.createDirectory(at: project.paths.state, withIntermediateDirectories: true)
        try "\(AutosaveJournal.firstLine)\n# format: 1\n# pid: 1\n# seed: 5\n\ndata load xor\n"
            .write(to: project.paths.journalFile, atomically: true, encoding: .utf8)
        #expect(Recovery.inspect(project.paths) == .unsaved(AutosaveContents(pid: 1, started: nil, seed: 5, base: nil, commands: ["data load xor"])))
    }

    @Test("quit with unsaved work offers to save: Enter stays, n quits keeping a copy, y saves")
    func quitOffersToSave() throws {
        let project = SessionProject()
        let t = project.lab(interactive: true, answers: [""])
        AutosaveJournal.attach(to: t.lab)
        t.run("data load xor", "layer add dense 1 sigmoid")
        #expect(t.run("quit"))
        #expect(!t.interpreter.shell.quitRequested && t.output.contains("This session has 2 unsaved commands"))

        t.console.answers = ["y", "kept"]
        #expect(t.run("quit"))
        #expect(t.interpreter.shell.quitRequested && t.lab.session.name == "kept")
        #expect(FileManager.default.fileExists(atPath: project.script("kept").path))
        #expect(!FileManager.default.fileExists(atPath: project.paths.journalFile.path))

        let u = project.lab(interactive: true, answers: ["n"])
        AutosaveJournal.attach(to: u.lab)
        u.run("data load xor")
        #expect(u.run("quit") && u.interpreter.shell.quitRequested)
        #expect(!FileManager.default.fileExists(atPath: project.paths.journalFile.path))
        #expect(FileManager.default.fileExists(atPath: project.paths.state.appendingPathComponent("discarded.nnlab").path))
    }

    @Test("quit without unsaved work, or in a script, just quits and removes the journal")
    func quitClean() throws {
        let project = SessionProject()
        let t = project.lab(interactive: true)
        AutosaveJournal.attach(to: t.lab)
        t.run("data load xor", "save x", "quit")
        #expect(t.interpreter.shell.quitRequested && !FileManager.default.fileExists(atPath: project.paths.journalFile.path))
        let s = project.lab()
        s.run("data load xor", "quit")
        #expect(s.interpreter.shell.quitRequested)
    }

    @Test("after a reset the saved base no longer applies")
    func resetDropsBase() throws {
        let project = SessionProject()
        project.savedXOR()
        let t = project.lab()
        AutosaveJournal.attach(to: t.lab)
        t.run("load xor")
        t.lab.reset()
        t.run("data load xor")
        #expect(!(try journalLines(project)).contains("# base: load xor"))
        #expect(try journalCommands(project) == ["data load xor"])
    }
}
