// Sessions end to end, through the real nnlab in a pseudo-terminal: work typed at the REPL
// survives `kill -9` (the next start offers to recover it, or `--recover` does it at once), quit
// with unsaved work offers to save, and `nnlab replay` reports through its exit status.

import Foundation
import TestProcess
import Testing
#if canImport(Glibc)
import Glibc
#endif

enum NNLabBinary {
    /// The built nnlab, or nil (the tests are then skipped).
    static let path = BuiltProduct.path(of: "nnlab", environmentKey: "NNLAB_BIN")

    static let notBuiltMessage: Comment = """
        nnlab was not found next to the test binary (or at NNLAB_BIN): run `swift build`, or set NNLAB_BIN to its path
        """

    /// nnlab's REPL in a fresh pty, started in `folder` (see `project()`), at its first prompt.
    static func start(home folder: URL, arguments: [String] = [], waitForPrompt: Bool = true) throws -> PseudoTerminal {
        guard let path else { throw PseudoTerminalError(description: "nnlab is not built") }
        var environment = PseudoTerminal.defaultEnvironment()
        for (key, value) in self.environment(for: folder) { environment[key] = value }
        environment["NNLAB_HOME"] = nil
        let terminal = try PseudoTerminal(executable: path, arguments: arguments, environment: environment, columns: 100,
                                          workingDirectory: folder)
        if waitForPrompt { try terminal.waitFor(prompt) }
        return terminal
    }

    static let prompt = "nnlab> "

    /// A fresh folder to start nnlab in (with an empty sessions/), inside a temporary place that
    /// also holds the user's home (`userHome(of:)`): nothing a test runs touches the real ~.
    static func project() throws -> URL {
        let place = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-e2e-\(UUID().uuidString)")
        let url = place.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: userHome(of: url), withIntermediateDirectories: true)
        return url
    }

    /// The temporary home of a `project()` folder.
    static func userHome(of folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent("home")
    }

    /// nnlab's per-user state folder for a `project()` folder (~/.local/state/nnlab in its home).
    static func state(of folder: URL) -> URL {
        userHome(of: folder).appendingPathComponent(".local/state/nnlab")
    }

    /// Removes a `project()` folder and its home.
    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// HOME and the XDG folders pointing into the temporary home (set explicitly: the test's own
    /// environment may name others); NNLAB_HOME empty, so the install is found from the binary.
    static func environment(for folder: URL) -> [String: String] {
        let home = userHome(of: folder)
        return ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent(".local/state").path,
                "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path, "NNLAB_HOME": ""]
    }

    /// Runs nnlab with `arguments` (no terminal) in `folder` and returns its exit status and output.
    static func run(_ arguments: [String], home folder: URL) throws -> (status: Int32, output: String) {
        try runProcess(path ?? "/nonexistent", arguments, in: folder, environment: environment(for: folder))
    }
}

extension PseudoTerminal {
    /// Types `command` and Enter, waits for `output` and then for the next prompt.
    func command(_ command: String, expecting output: String) throws {
        try send(command + Key.enter)
        try waitFor(output, timeout: .seconds(30))
        try waitFor(NNLabBinary.prompt)
    }
}

@Suite("Sessions through the real nnlab", .enabled(if: NNLabBinary.path != nil, NNLabBinary.notBuiltMessage))
struct SessionRecoveryTests {
    /// Types a small XOR session and returns the line `eval test` printed.
    func typeSession(_ terminal: PseudoTerminal) throws -> String {
        try terminal.command("seed 3", expecting: "seed 3: weights")
        try terminal.command("data load xor", expecting: "xor: 4 train / 4 test")
        try terminal.command("layer add dense 4 relu", expecting: "layer 1: dense1")
        try terminal.command("layer add dense 1 sigmoid", expecting: "layer 2: dense2")
        try terminal.command("train epochs=40 batch=4", expecting: "epoch 40  cost")
        try terminal.send("eval test" + Key.enter)
        let text = try terminal.waitFor("keep_prob 1")
        try terminal.waitFor(NNLabBinary.prompt)
        return try #require(text.split(separator: "\n").last { $0.hasPrefix("test: accuracy") }.map(String.init))
    }

    /// The autosave journals left in the state folder of `folder`'s home.
    func journals(_ folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: NNLabBinary.state(of: folder).appendingPathComponent("autosave").path)) ?? []
    }

    @Test("kill -9, start again, recover: the model and its trained weights are back")
    func recoverAfterKill() throws {
        let home = try NNLabBinary.project()
        defer { NNLabBinary.remove(home) }
        let first = try NNLabBinary.start(home: home)
        let evaluation = try typeSession(first)
        kill(first.pid, SIGKILL)
        #expect(try first.waitForExit() == .signaled(SIGKILL))

        let second = try NNLabBinary.start(home: home, waitForPrompt: false)
        try second.waitFor("ended without saving: 6 unsaved commands, the last `eval test`")
        try second.waitFor("Recover it? [Y/n] ")
        try second.send("y" + Key.enter)
        try second.waitFor("recovered 6 of 6 commands", timeout: .seconds(30))
        try second.waitFor(NNLabBinary.prompt)
        try second.send("model show" + Key.enter)
        let shown = try second.waitFor("seed 3")
        #expect(shown.contains("dense 4 relu") && shown.contains("dense 1 sigmoid") && shown.contains("input: 2 features (xor)"))
        try second.waitFor(NNLabBinary.prompt)
        try second.command("eval test", expecting: evaluation)

        // Leaving without saving: asked, answered no; the journal is set aside, not left to recover.
        try second.send("quit" + Key.enter)
        try second.waitFor("Save before quitting?")
        try second.send("n" + Key.enter)
        #expect(try second.waitForExit() == .exited(0))
        #expect(journals(home).isEmpty)
        #expect(FileManager.default.fileExists(atPath: NNLabBinary.state(of: home).appendingPathComponent("discarded.nnlab").path))
    }

    @Test("nnlab --recover recovers without asking")
    func recoverFlag() throws {
        let home = try NNLabBinary.project()
        defer { NNLabBinary.remove(home) }
        let first = try NNLabBinary.start(home: home)
        let evaluation = try typeSession(first)
        kill(first.pid, SIGKILL)
        _ = try first.waitForExit()

        let second = try NNLabBinary.start(home: home, arguments: ["--recover"], waitForPrompt: false)
        try second.waitFor("recovered 6 of 6 commands", timeout: .seconds(30))
        #expect(!second.transcript.contains("Recover it?"))
        try second.waitFor(NNLabBinary.prompt)
        try second.command("eval test", expecting: evaluation)
    }

    @Test("quit with unsaved work offers to save, asks a name, saves, and leaves no journal behind")
    func quitSaves() throws {
        let home = try NNLabBinary.project()
        defer { NNLabBinary.remove(home) }
        let terminal = try NNLabBinary.start(home: home)
        try terminal.command("data load xor", expecting: "xor: 4 train")
        try terminal.send(Key.ctrlD)
        try terminal.waitFor("This session has 1 unsaved command")
        try terminal.waitFor("Save before quitting?")
        try terminal.send("y" + Key.enter)
        try terminal.waitFor("name for this session: ")
        try terminal.send("kept" + Key.enter)
        try terminal.waitFor("saved sessions/kept.nnlab")
        #expect(try terminal.waitForExit() == .exited(0))
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("sessions/kept.safetensors").path))
        #expect(journals(home).isEmpty)

        // The next start has nothing to recover.
        let next = try NNLabBinary.start(home: home)
        #expect(!next.transcript.contains("Recover"))
        try next.command("load kept", expecting: "loaded kept: 1 command")
    }

    @Test("nnlab replay exits 0 when the figures match, 1 when one was changed, 2 for a file that is not a session")
    func replayExitStatus() throws {
        let home = try NNLabBinary.project()
        defer { NNLabBinary.remove(home) }
        let made = try NNLabBinary.run(["-c", "seed 3; data load xor; layer add dense 4 relu; layer add dense 1 sigmoid; "
                                        + "train epochs=20 batch=4; eval test; save xor"], home: home)
        #expect(made.status == 0, "\(made.output)")
        let good = try NNLabBinary.run(["replay", "--fast", "--all", home.appendingPathComponent("sessions").path], home: home)
        #expect(good.status == 0 && good.output.contains("all match exactly"), "\(good.output)")

        let script = home.appendingPathComponent("sessions/xor.nnlab")
        let text = try String(contentsOf: script, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("# eval test") })
        try text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "accuracy ", with: "accuracy 0.1"))
            .write(to: script, atomically: true, encoding: .utf8)
        let changed = try NNLabBinary.run(["replay", "xor"], home: home)
        #expect(changed.status == 1 && changed.output.contains("differs"), "\(changed.output)")

        try "not a session\n".write(to: script, atomically: true, encoding: .utf8)
        let broken = try NNLabBinary.run(["replay", script.path], home: home)
        #expect(broken.status == 2 && broken.output.contains("not a session file"), "\(broken.output)")
    }
}
