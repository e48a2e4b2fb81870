// Never crash, never mix, through the real nnlab: a save killed at every write, fsync and rename
// leaves a pair that loads as the old or the new session; a stopped run replays and recovers to
// the same batch; a FIFO in sessions/ does not hang; the hostile lines of issue 15 get a clear
// error in every mode (REPL in a pty, piped input, `-c`, `run` script) and change nothing.

import Foundation
import TestProcess
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs nnlab with a time limit; a run past it is killed and reported as `timedOut`.
func runLimited(_ arguments: [String], home: URL, input: String? = nil, environment: [String: String] = [:],
                limit: TimeInterval = 60) throws -> (status: Int32, signaled: Bool, timedOut: Bool, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: NNLabBinary.path ?? "/nonexistent")
    process.arguments = arguments
    // Started in `home` (a `NNLabBinary.project()` folder), with HOME and the XDG folders in its
    // temporary home: saves land in home/sessions, journals in that home's state folder.
    process.environment = ProcessInfo.processInfo.environment
        .merging(NNLabBinary.environment(for: home).merging(environment) { $1 }) { $1 }
    process.currentDirectoryURL = home
    let out = home.appendingPathComponent(".out-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    let handle = try FileHandle(forWritingTo: out)
    process.standardOutput = handle
    process.standardError = handle
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(limit)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    let timedOut = process.isRunning
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try handle.close()
    let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(at: out)
    return (process.terminationStatus, process.terminationReason == .uncaughtSignal, timedOut, text)
}

@Suite("Never crash, never mix", .enabled(if: NNLabBinary.path != nil, NNLabBinary.notBuiltMessage))
struct NeverCrashTests {
    static let build = "seed 3; data load xor; layer add dense 3 relu; layer add dense 2 softmax; train epochs=5 batch=4"
    static let rebuild = "load torn; layer replace 1 dense 8 relu; train epochs=5 batch=4; save torn force"

    @Test("a save killed at every write, fsync and rename leaves the old pair or the new one, never a mixture")
    func killedSaves() throws {
        let base = try NNLabBinary.project()
        defer { NNLabBinary.remove(base) }
        let made = try runLimited(["-c", Self.build + "; save torn"], home: base)
        #expect(made.status == 0, "\(made.output)")
        var step = 1, sawOld = false, sawNew = false
        while step < 60 {
            let home = try NNLabBinary.project()
            defer { NNLabBinary.remove(home) }
            for file in ["torn.nnlab", "torn.safetensors"] {
                try FileManager.default.copyItem(at: base.appendingPathComponent("sessions/" + file),
                                                 to: home.appendingPathComponent("sessions/" + file))
            }
            let killed = try runLimited(["-c", Self.rebuild], home: home, environment: ["NNLAB_KILL_AT_SAVE_STEP": String(step)])
            let loaded = try runLimited(["-c", "load torn; model show"], home: home)
            #expect(loaded.status == 0, "step \(step): \(loaded.output)")
            let old = loaded.output.contains("dense 3 relu"), new = loaded.output.contains("dense 8 relu")
            #expect(old != new, "step \(step): \(loaded.output)")
            sawOld = sawOld || old
            sawNew = sawNew || new
            // No leftovers once a lab has started again.
            let hidden = try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("sessions").path)
                .filter { $0.hasPrefix(".") }
            #expect(hidden.isEmpty, "step \(step): \(hidden)")
            if !killed.signaled { break }   // the save ran to its end: every step was tried
            step += 1
        }
        #expect(step > 5 && step < 60 && sawOld && sawNew)
    }

    @Test("a FIFO in sessions/ does not hang `sessions`, `load` or `replay --all`")
    func fifo() throws {
        let home = try NNLabBinary.project()
        defer { NNLabBinary.remove(home) }
        #expect(mkfifo(home.appendingPathComponent("sessions/X.nnlab").path, 0o644) == 0)
        let listed = try runLimited(["-c", "sessions"], home: home, limit: 20)
        #expect(!listed.timedOut && listed.status == 0 && listed.output.contains("FIFO"), "\(listed.output)")
        let loaded = try runLimited(["-c", "load X"], home: home, limit: 20)
        #expect(!loaded.timedOut && loaded.status == 1 && loaded.output.contains("not a regular file"), "\(loaded.output)")
        let replayed = try runLimited(["replay", "--all", home.appendingPathComponent("sessions").path], home: home, limit: 20)
        #expect(!replayed.timedOut && !replayed.signaled, "\(replayed.output)")
    }

    /// Lines that crashed, hung or were misread before (in order: the state they leave matters).
    static let hostile = [
        "layer add dense 100000 relu", "layer add dense 100000 relu", "layer add dense 100000 relu", "data load xor",
        "model new", "layer add dense 8000 relu", "layer add dense 8000 relu",
        "train lr=0x10", "train lr=1e-320", "layer add dropout 1e-45", "optimizer adam beta1=1", "seed 18446744073709551615",
        "layer add dense " + String(repeating: "9", count: 100_000),
    ]
    /// Those refused even on a fresh lab.
    static let refusedAlone = hostile.filter { !["data load xor", "model new", "layer add dense 100000 relu", "layer add dense 8000 relu"].contains($0) }

    typealias Outcome = (status: Int32, signaled: Bool, timedOut: Bool, output: String)

    func expectAnswered(_ r: Outcome, _ mode: String, error: Bool = true) {
        #expect(!r.signaled && !r.timedOut && r.status < 128, "\(mode): \(r.output.suffix(500))")
        if error { #expect(r.output.contains("error:"), "\(mode): \(r.output.suffix(300))") }
        #expect(!r.output.contains("Fatal error"), "\(mode)")
    }

    @Test("the hostile lines get an error and leave the lab as it was: -c, piped, run script, REPL")
    func hostileEverywhere() throws {
        let home = try NNLabBinary.project()
        defer { NNLabBinary.remove(home) }
        // -c: each refused line on its own, then the whole list (stops at the first failure, exit 1).
        for line in Self.refusedAlone {
            let r = try runLimited(["-c", line + "; model show"], home: home)
            expectAnswered(r, "-c \(line.prefix(40))")
            #expect(r.status == 1, "\(line.prefix(40))")
        }
        // Piped: every line, then the state: the 8000-unit layer once, no dropout, the data loaded once.
        let piped = try runLimited([], home: home, input: Self.hostile.joined(separator: "\n") + "\nmodel show\n")
        expectAnswered(piped, "pipe")
        #expect(piped.output.contains("dense 8000 relu") && !piped.output.contains("dropout"), "pipe: \(piped.output.suffix(800))")
        // A script run with `run` (stops at the first failing line, as scripts do).
        let script = home.appendingPathComponent("hostile.txt")
        try (Self.hostile.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        expectAnswered(try runLimited(["run", script.path], home: home), "run")
        // The REPL in a pty: each line answered and the prompt back, then the same state as piped.
        let terminal = try NNLabBinary.start(home: home)
        for line in Self.hostile.dropLast() {
            try terminal.send(line + Key.enter)
            try terminal.waitFor(NNLabBinary.prompt, timeout: .seconds(30))
        }
        #expect(terminal.transcript.contains("error:") && !terminal.transcript.contains("Fatal error"))
        try terminal.send("model show" + Key.enter)
        let shown = try terminal.waitFor(NNLabBinary.prompt)
        #expect(shown.contains("dense 8000 relu") && !shown.contains("dropout"), "\(shown)")
        try terminal.send("quit force" + Key.enter)
        #expect(try terminal.waitForExit(timeout: .seconds(20)) == .exited(0))
    }

    @Test("Ctrl-C in a million-epoch run: replay and --recover stop at the same batch with the same figures")
    func stoppedRun() throws {
        let home = try NNLabBinary.project()
        defer { NNLabBinary.remove(home) }
        let terminal = try NNLabBinary.start(home: home)
        try terminal.command("seed 3; data load xor; layer add dense 4 relu; layer add dense 1 sigmoid", expecting: "layer 2: dense2")
        try terminal.send("train epochs=1000000 batch=1" + Key.enter)
        try terminal.waitFor("training ", timeout: .seconds(20))
        usleep(1_500_000)
        try terminal.send(Key.ctrlC)
        let stopped = try terminal.waitFor("the model keeps what it learned so far", timeout: .seconds(20))
        #expect(stopped.contains("stopped after batch"))
        try terminal.waitFor(NNLabBinary.prompt)
        try terminal.send("eval test" + Key.enter)
        let evaluation = try terminal.waitFor("keep_prob 1", timeout: .seconds(20))
        try terminal.waitFor(NNLabBinary.prompt)
        let line = try #require(evaluation.split(separator: "\n").last { $0.hasPrefix("test: accuracy") }.map(String.init))
        try terminal.command("save stopsess", expecting: "saved sessions/stopsess.nnlab")
        kill(terminal.pid, SIGKILL)
        _ = try terminal.waitForExit()

        let replayed = try runLimited(["replay", "stopsess"], home: home, limit: 60)
        #expect(replayed.status == 0 && replayed.output.contains("all match exactly"), "\(replayed.output.suffix(800))")

        // The same again, killed before saving: recovery stops at the same batch.
        let second = try NNLabBinary.start(home: home)
        try second.command("seed 3; data load xor; layer add dense 4 relu; layer add dense 1 sigmoid", expecting: "layer 2: dense2")
        try second.send("train epochs=1000000 batch=1" + Key.enter)
        try second.waitFor("training ", timeout: .seconds(20))
        usleep(1_000_000)
        try second.send(Key.ctrlC)
        try second.waitFor("the model keeps what it learned so far", timeout: .seconds(20))
        try second.waitFor(NNLabBinary.prompt)
        try second.send("eval test" + Key.enter)
        let before = try second.waitFor("keep_prob 1", timeout: .seconds(20))
        try second.waitFor(NNLabBinary.prompt)
        let beforeLine = try #require(before.split(separator: "\n").last { $0.hasPrefix("test: accuracy") }.map(String.init))
        kill(second.pid, SIGKILL)
        _ = try second.waitForExit()
        let recovered = try runLimited(["--recover", "-c", "eval test"], home: home, limit: 60)
        #expect(recovered.status == 0 && recovered.output.contains("recovered 6 of 6"), "\(recovered.output.suffix(800))")
        #expect(recovered.output.contains(beforeLine), "\(beforeLine) / \(recovered.output.suffix(400))")
        _ = line
    }
}
