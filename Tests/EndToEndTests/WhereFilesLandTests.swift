// Where nnlab reads and writes, through the real binary started from a folder of the user's own
// (no tutorials/ there) with HOME in a temporary place: saves, exports, charts, CSV and TensorBoard
// logs land in that folder; state goes to the XDG folders in HOME; lessons and example sessions come
// from the install and are never written; an installed copy (`make install` into a temporary
// prefix) works from anywhere; two labs in one folder keep their own journals.

import Foundation
import TestProcess
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The checkout these tests belong to (for `make install` and its shipped files).
private let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every file under `folder`, relative to it, sorted.
private func files(under folder: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var found: [String] = []
    while let path = walker.nextObject() as? String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
            found.append(path)
        }
    }
    return found.sorted()
}

@Suite("Where files land", .enabled(if: NNLabBinary.path != nil, NNLabBinary.notBuiltMessage))
struct WhereFilesLandTests {
    @Test("everything the learner names or saves lands in the folder nnlab was started in; nothing in the checkout")
    func outputsLandHere() throws {
        let folder = try NNLabBinary.project()
        defer { NNLabBinary.remove(folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sessions"))   // save creates it
        let examplesBefore = files(under: checkout.appendingPathComponent("sessions"))
        let made = try NNLabBinary.run(["-c", "tensorboard logs; seed 3; data load xor; layer add dense 4 relu; layer add dense 1 sigmoid; "
                                        + "train epochs=20 batch=4; sweep lr 0.1,0.5 epochs=3 batch=4; save mine; export csv runs.csv; "
                                        + "export keras k.py; export pytorch t.py; plot cost svg=cost.svg png=cost.png; sessions"],
                                       home: folder)
        #expect(made.status == 0, "\(made.output)")
        let here = files(under: folder)
        for expected in ["sessions/mine.nnlab", "sessions/mine.safetensors", "runs.csv", "k.py", "t.py", "cost.svg", "cost.png"] {
            #expect(here.contains(expected), "\(expected) is not in the folder nnlab was started in: \(here)")
        }
        #expect(here.contains { $0.hasPrefix("logs/run1/") } && here.contains { $0.hasPrefix("logs/0.5/") },
                "TensorBoard logs of the run and the sweep: \(here)")
        #expect(made.output.contains("saved sessions/mine.nnlab"), "\(made.output)")
        #expect(files(under: checkout.appendingPathComponent("sessions")) == examplesBefore, "the checkout's sessions/ is untouched")
        #expect(!FileManager.default.fileExists(atPath: NNLabBinary.userHome(of: folder).appendingPathComponent(".nnlab").path))
    }

    @Test("the exported script finds its weights from any folder it is run in",
          .enabled(if: (try? runPython3(["-c", "import numpy, safetensors"]).status) == 0, "python3 with numpy and safetensors"))
    func exportedScriptRunsAnywhere() throws {
        let folder = try NNLabBinary.project()
        defer { NNLabBinary.remove(folder) }
        let made = try NNLabBinary.run(["-c", "data load xor; layer add dense 4 relu; layer add dense 1 sigmoid; train epochs=5 batch=4; "
                                        + "save xs; export keras k.py; export keras beside.py"], home: folder)
        #expect(made.status == 0, "\(made.output)")
        for script in ["k.py", "beside.py"] {
            // From the file system's root: no relative path of the lab's folder can work by accident.
            let checked = try runPython3([folder.appendingPathComponent(script).path, "--check-weights"], in: URL(fileURLWithPath: "/"))
            #expect(checked.status == 0 && checked.output.contains("tensors fit"), "\(script): \(checked.output)")
        }
    }

    @Test("REPL history, the autosave journal and tutorial progress go to $XDG_STATE_HOME/nnlab (~/.local/state/nnlab by default)")
    func stateInHome() throws {
        let folder = try NNLabBinary.project()
        defer { NNLabBinary.remove(folder) }
        let terminal = try NNLabBinary.start(home: folder)
        try terminal.command("data load xor", expecting: "xor: 4 train")
        let state = NNLabBinary.state(of: folder)
        let journals = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("autosave").path)
        #expect(journals.count == 1)
        let journal = try String(contentsOf: state.appendingPathComponent("autosave/\(journals[0])/journal.nnlab"), encoding: .utf8)
        #expect(journal.contains("# folder: \(folder.path)") && journal.contains("data load xor"))
        try terminal.send("quit force" + Key.enter)
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("history").path))

        let lesson = try NNLabBinary.run(["-c", "tutorial start 1; tutorial stop"], home: folder)
        #expect(lesson.status == 0 && lesson.output.contains("Lesson 1 paused"), "\(lesson.output)")
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("tutorial-progress.json").path))
        #expect(!files(under: folder).contains { !$0.hasPrefix("sessions/") }, "nothing but sessions/ in the folder: \(files(under: folder))")
    }

    @Test("an installed copy lists the lessons, loads and evaluates an example, saves into the current folder; uninstall removes it")
    func installedCopy() throws {
        let folder = try NNLabBinary.project()
        defer { NNLabBinary.remove(folder) }
        let prefix = folder.deletingLastPathComponent().appendingPathComponent("prefix")
        // `-o release`: the binary under test is built already; install copies it.
        let installed = try runProcess("/usr/bin/env", ["make", "--no-print-directory", "-C", checkout.path, "-o", "release", "install",
                                                        "PREFIX=\(prefix.path)", "NNLAB=\(NNLabBinary.path ?? "")"])
        try #require(installed.status == 0, "\(installed.output)")
        let binary = prefix.appendingPathComponent("bin/nnlab").path
        let share = prefix.appendingPathComponent("share/nnlab")
        let shipped = files(under: share)
        #expect(shipped.contains("tutorials/01-vanishing-gradients.lesson") && shipped.contains("sessions/xor-relu.nnlab"))

        let run = try runProcess(binary, ["-c", "tutorial; load xor-relu; eval test; save xor-relu; sessions"], in: folder,
                                 environment: NNLabBinary.environment(for: folder))
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Vanishing gradients") && run.output.contains("Optimizers compared"), "\(run.output)")
        #expect(run.output.contains("example session, from \(share.path)/sessions/xor-relu.nnlab"), "\(run.output)")
        #expect(run.output.contains("test: accuracy 1.0000"), "\(run.output)")
        #expect(run.output.contains("saved sessions/xor-relu.nnlab"), "\(run.output)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/xor-relu.safetensors").path))
        #expect(files(under: share) == shipped, "the install is never written")

        // Now ./sessions has its own xor-relu: it comes first, and says so.
        let again = try runProcess(binary, ["-c", "load xor-relu"], in: folder, environment: NNLabBinary.environment(for: folder))
        #expect(again.output.contains("from sessions/xor-relu.nnlab"), "\(again.output)")

        let removed = try runProcess("/usr/bin/env", ["make", "--no-print-directory", "-C", checkout.path, "uninstall", "PREFIX=\(prefix.path)"])
        #expect(removed.status == 0, "\(removed.output)")
        #expect(files(under: prefix).isEmpty, "\(files(under: prefix))")
    }

    @Test("two labs in one folder: no false recovery question; after kill -9 of one, its work is recoverable")
    func twoLabs() throws {
        let folder = try NNLabBinary.project()
        defer { NNLabBinary.remove(folder) }
        let first = try NNLabBinary.start(home: folder)
        try first.command("data load xor", expecting: "xor: 4 train")
        try first.command("layer add dense 3 relu", expecting: "layer 1: dense1")

        let second = try NNLabBinary.start(home: folder)
        #expect(!second.transcript.contains("Recover"), "\(second.transcript)")
        try second.command("data load xor", expecting: "xor: 4 train")

        kill(first.pid, SIGKILL)
        #expect(try first.waitForExit() == .signaled(SIGKILL))

        let third = try NNLabBinary.start(home: folder, waitForPrompt: false)
        try third.waitFor("ended without saving: 2 unsaved commands, the last `layer add dense 3 relu`")
        try third.waitFor("Recover it? [Y/n] ")
        try third.send("data load xor" + Key.enter)   // typed too early: not an answer
        try third.waitFor("please answer y (yes) or n (no)")
        try third.send("yes" + Key.enter)
        try third.waitFor("recovered 2 of 2 commands", timeout: .seconds(30))
        try third.waitFor(NNLabBinary.prompt)
        try third.command("model show", expecting: "dense 3 relu")

        // The second lab goes on with its own journal, and quits cleanly.
        try second.command("layer add dense 1 sigmoid", expecting: "layer 1: dense1")
        try second.send("quit force" + Key.enter)
        #expect(try second.waitForExit() == .exited(0))
        try third.send("quit force" + Key.enter)
        #expect(try third.waitForExit() == .exited(0))
        let left = (try? FileManager.default.contentsOfDirectory(atPath: NNLabBinary.state(of: folder).appendingPathComponent("autosave").path)) ?? []
        #expect(left.isEmpty, "\(left)")
    }
}
