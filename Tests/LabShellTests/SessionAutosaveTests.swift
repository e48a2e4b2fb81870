// The autosave journal and recovery: every command on disk as it completes, rebased by save,
// recovered after a crash up to the last completed command (on top of a saved session too), one
// journal per lab owned through flock (a running lab's is never offered, a crashed one is claimed
// by one lab only, a reused pid blocks nothing), and what `quit` does with unsaved work.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Autosave and recovery")
struct SessionAutosaveTests {
    /// The lines of the autosave journal `t` writes.
    func journalLines(_ t: SessionLab) throws -> [String] {
        let url = try #require(t.lab.session.autosave?.url)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The journal's commands (after the header's blank line).
    func journalCommands(_ t: SessionLab) throws -> [String] {
        let lines = try journalLines(t)
        return Array(lines.drop { !$0.isEmpty }.dropFirst()).filter { !$0.isEmpty }
    }

    /// The journal files in the project's state folder (one per lab that has not ended cleanly).
    func journalFiles(_ project: SessionProject) -> [URL] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: project.paths.journals.path)) ?? []
        return folders.map { project.paths.journals.appendingPathComponent($0).appendingPathComponent(AutosaveJournal.fileName) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// What a lab starting now in the project's folder would be offered (the claims are let go).
    func orphans(_ paths: LabPaths) -> [AutosaveContents] {
        let survey = Recovery.survey(paths)
        defer { survey.orphans.forEach { $0.release() } }
        return survey.orphans.map(\.contents)
    }

    var discarded: (SessionProject) -> URL = { $0.paths.discardedFile }

    @Test("each state-changing command is in the journal file as soon as it completes")
    func appendsAsItGoes() throws {
        let project = SessionProject()
        let t = project.lab()
        #expect(AutosaveJournal.attach(to: t.lab) != nil)
        let lines = try journalLines(t)
        #expect(lines.prefix(4) == [AutosaveJournal.firstLine, "# format: 1", "# pid: \(getpid())", "# folder: \(project.root.path)"])
        #expect(lines.contains("# seed: 777"))
        for (i, command) in xorCommands.enumerated() {
            t.run(command)
            #expect(try journalCommands(t) == Array(xorCommands.prefix(i + 1)))
        }
        t.run("model show", "help")
        #expect(try journalCommands(t) == xorCommands, "commands that change nothing are not journaled")
    }

    @Test("save rewrites the journal down to `load NAME`; later commands follow it")
    func saveRebases() throws {
        let project = SessionProject()
        let t = project.lab()
        AutosaveJournal.attach(to: t.lab)
        for c in xorCommands { t.run(c) }
        t.run("save xor")
        #expect(try journalLines(t).contains("# base: load xor"))
        #expect(try journalCommands(t).isEmpty)
        t.run("train epochs=2 batch=4")
        #expect(try journalCommands(t) == ["train epochs=2 batch=4"])
        t.run("load xor")
        #expect(try journalCommands(t).isEmpty)
    }

    @Test("after a crash the next start recovers every completed command, bit for bit")
    func recoversAfterCrash() throws {
        let project = SessionProject()
        let crashed = project.lab()
        AutosaveJournal.attach(to: crashed.lab)
        crashed.lab.reseed(21)   // as `nnlab --seed 21`
        for c in xorCommands.dropFirst() { crashed.run(c) }
        #expect(orphans(project.paths).isEmpty, "a running lab's journal is not offered")
        crashed.lab.session.autosave?.close()   // the process "died" here: its lock is gone
        guard let contents = orphans(project.paths).first else {
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
        crashed.lab.session.autosave?.close()
        let next = project.lab(interactive: true, answers: ["y"])
        Recovery.start(next.interpreter, recoverWithoutAsking: false)
        #expect(next.output.contains("2 unsaved commands after `load xor`, the last `eval test`"), "\(next.output)")
        #expect(next.lab.session.name == "xor" && next.lab.session.hasUnsavedWork && next.lab.unsavedEntries.count == 2)
        #expect(LabState(next.lab).parameters == LabState(crashed.lab).parameters)
        #expect(next.lab.session.journal == crashed.lab.session.journal)
        // The new nnlab autosaves on from there, in its own journal; the old one is gone.
        #expect(try journalLines(next).contains("# base: load xor"))
        #expect(try journalCommands(next) == ["train epochs=3 batch=4", "eval test"])
        #expect(journalFiles(project) == [next.lab.session.autosave?.url])
    }

    @Test("declining recovery keeps the commands in discarded.nnlab; a journal with nothing unsaved is removed")
    func declineAndClean() throws {
        let project = SessionProject()
        let crashed = project.lab()
        AutosaveJournal.attach(to: crashed.lab)
        crashed.run("data load xor")
        crashed.lab.session.autosave?.close()
        let next = project.lab(interactive: true, answers: ["n"])
        Recovery.start(next.interpreter, recoverWithoutAsking: false)
        #expect(next.lab.session.journal.isEmpty && next.output.contains("discarded.nnlab"))
        let kept = try String(contentsOf: discarded(project), encoding: .utf8)
        #expect(kept.contains("data load xor"))
        #expect(journalFiles(project) == [next.lab.session.autosave?.url], "only the new lab's own journal is left")
        next.lab.session.autosave?.remove()

        let saver = project.lab()
        AutosaveJournal.attach(to: saver.lab)
        saver.run("data load xor", "save clean")
        saver.lab.session.autosave?.close()
        let third = project.lab()
        Recovery.start(third.interpreter, recoverWithoutAsking: false)
        #expect(journalFiles(project).isEmpty, "a journal with nothing unsaved is removed, not offered")
    }

    @Test("recovery stops at a command that no longer works and keeps every command aside")
    func partialRecovery() throws {
        let project = SessionProject()
        let contents = AutosaveContents(seed: 1, commands: ["data load xor", "layer add dense 2 relu", "data load nosuchset", "seed 4"])
        let journal = project.paths.journals.appendingPathComponent("old").appendingPathComponent(AutosaveJournal.fileName)
        try FileManager.default.createDirectory(at: journal.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "x\n".write(to: journal, atomically: true, encoding: .utf8)
        let t = project.lab()
        #expect(Recovery.recover(contents, into: t.interpreter, journal: journal) == 2)
        #expect(t.lab.session.journal.map(\.command) == ["data load xor", "layer add dense 2 relu"])
        #expect(t.warnings.contains("recovery stopped at `data load nosuchset`"))
        #expect(FileManager.default.fileExists(atPath: discarded(project).path))
    }

    /// Writes a journal as a lab that ended without saving would have left it.
    func leaveJournal(_ project: SessionProject, id: String = "20260101-000000-1-a", pid: Int32 = 1,
                      folder: URL? = nil, commands: [String] = ["data load xor"]) throws {
        let dir = project.paths.journals.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "pid \(pid)\n".write(to: dir.appendingPathComponent(AutosaveJournal.lockName), atomically: true, encoding: .utf8)
        let lines = [AutosaveJournal.firstLine, "# format: 1", "# pid: \(pid)", "# folder: \((folder ?? project.root).path)",
                     "# started: 2026-01-01T00:00:00Z", "# seed: 5", ""] + commands
        try (lines.joined(separator: "\n") + "\n")
            .write(to: dir.appendingPathComponent(AutosaveJournal.fileName), atomically: true, encoding: .utf8)
    }

    @Test("the lock decides, not the pid: a journal naming a live process (even this one) is offered once its lock is free")
    func pidReuseDoesNotBlock() throws {
        let project = SessionProject()
        try leaveJournal(project, pid: getpid())
        try leaveJournal(project, id: "20260101-000001-1-b", pid: 1)
        let offered = orphans(project.paths)
        #expect(offered.count == 2 && offered.allSatisfy { $0.commands == ["data load xor"] && $0.seed == 5 })
        #expect(offered.first?.started == "2026-01-01T00:00:00Z" && offered.first?.folder == project.root.path)
    }

    @Test("two labs in one folder: a running lab's journal is never offered; each lab has its own")
    func twoLabsInOneFolder() throws {
        let project = SessionProject()
        let first = project.lab(interactive: true)
        Recovery.start(first.interpreter, recoverWithoutAsking: false)
        first.run("data load xor", "layer add dense 2 relu")
        let second = project.lab(interactive: true, answers: ["y"])
        Recovery.start(second.interpreter, recoverWithoutAsking: false)
        #expect(!second.output.contains("ended without saving") && second.console.answers == ["y"], "\(second.output)")
        second.run("data load xor")
        #expect(try journalCommands(first) == ["data load xor", "layer add dense 2 relu"])
        #expect(try journalCommands(second) == ["data load xor"])
        #expect(first.lab.session.autosave?.url != second.lab.session.autosave?.url)

        first.lab.session.autosave?.close()   // the first lab is killed
        let third = project.lab(interactive: true, answers: ["y"])
        Recovery.start(third.interpreter, recoverWithoutAsking: false)
        #expect(third.output.contains("2 unsaved commands, the last `layer add dense 2 relu`"), "\(third.output)")
        #expect(third.lab.session.journal.map(\.command) == ["data load xor", "layer add dense 2 relu"])
        #expect(try journalCommands(second) == ["data load xor"], "the second lab's journal is untouched")
    }

    @Test("only one lab claims a crashed journal; another starting meanwhile says who has it")
    func oneClaimant() throws {
        let project = SessionProject()
        try leaveJournal(project)
        let first = Recovery.survey(project.paths)
        #expect(first.orphans.count == 1)
        let other = project.lab(interactive: true, answers: ["y"])
        Recovery.start(other.interpreter, recoverWithoutAsking: false)
        #expect(other.lab.session.journal.isEmpty && !other.output.contains("Recover"))
        #expect(other.warnings.contains("is being recovered by another nnlab (pid \(getpid())"), "\(other.warnings)")
        first.orphans.forEach { $0.release() }
        #expect(orphans(project.paths).count == 1, "released, it is offered again")
    }

    @Test("a lab started in another folder is not asked about a journal; --recover there names the folders")
    func otherFolder() throws {
        let project = SessionProject()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-elsewhere-\(UUID().uuidString)")
        try leaveJournal(project, folder: elsewhere)
        let t = project.lab(interactive: true, answers: ["y"])
        Recovery.start(t.interpreter, recoverWithoutAsking: true)
        #expect(t.lab.session.journal.isEmpty && t.output.contains("nothing to recover") && t.output.contains(elsewhere.path))
        let there = project.paths.startedIn(elsewhere)
        #expect(orphans(there).count == 1, "still there for a lab started in its folder")
    }

    @Test("the question takes yes or no in English or Korean; anything else asks again; end of input keeps the journal")
    func answers() throws {
        #expect(["", "y", "Y", "yes", "YES", " yes ", "예", "네", "응"].allSatisfy { YesNo($0, empty: .yes) == .yes })
        #expect(["n", "No", "아니요", "아니오", "아니"].allSatisfy { YesNo($0, empty: .yes) == .no })
        #expect(["data load xor", "maybe", "yess", "ok"].allSatisfy { YesNo($0, empty: .yes) == nil })

        let project = SessionProject()
        try leaveJournal(project)
        let early = project.lab(interactive: true, answers: ["data load xor"])
        Recovery.start(early.interpreter, recoverWithoutAsking: false)
        #expect(early.output.contains("please answer y (yes) or n (no)") && early.output.contains("input ended"))
        #expect(early.lab.session.journal.isEmpty)
        early.lab.session.autosave?.remove()
        #expect(orphans(project.paths).count == 1, "kept for --recover")

        let korean = project.lab(interactive: true, answers: ["네"])
        korean.lab.settings.language = .ko
        Recovery.start(korean.interpreter, recoverWithoutAsking: false)
        #expect(korean.output.contains("저장하지 않고 끝났습니다") && korean.output.contains("명령 1개 중 1개를 되살렸습니다"), "\(korean.output)")
        #expect(korean.lab.session.journal.map(\.command) == ["data load xor"])
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
        #expect(journalFiles(project).isEmpty)

        let u = project.lab(interactive: true, answers: ["n"])
        AutosaveJournal.attach(to: u.lab)
        u.run("data load xor")
        #expect(u.run("quit") && u.interpreter.shell.quitRequested)
        #expect(journalFiles(project).isEmpty)
        #expect(FileManager.default.fileExists(atPath: discarded(project).path))
    }

    @Test("quit without unsaved work, or in a script, just quits and removes the journal")
    func quitClean() throws {
        let project = SessionProject()
        let t = project.lab(interactive: true)
        AutosaveJournal.attach(to: t.lab)
        t.run("data load xor", "save x", "quit")
        #expect(t.interpreter.shell.quitRequested && journalFiles(project).isEmpty)
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
        #expect(!(try journalLines(t)).contains("# base: load xor"))
        #expect(try journalCommands(t) == ["data load xor"])
    }
}
