// `save`: what the two files hold, names, replacing a session (asked, forced, refused), and
// failures (a full disk, a read-only folder) that leave every saved file as it was.

import Foundation
import NNData
import NNFormats
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials
#if canImport(Glibc)
import Glibc
import LabKit
#endif

@Suite("Saving sessions")
struct SessionSaveTests {
    @Test("save writes the script with header, commands and figures, and the weights it names")
    func writesBothFiles() throws {
        let project = SessionProject()
        let t = project.savedXOR()
        #expect(t.output.contains("saved sessions/xor.nnlab (7 commands) and sessions/xor.safetensors"))
        let file = try SessionFile.parse(try project.text("xor"), file: "xor.nnlab", commands: CommandTable.all)
        #expect(file.header.seed == 3 && file.header.data == "xor" && file.header.dataIdentity?.name == "xor")
        #expect(file.header.model == "2-4-1 relu/sigmoid; xavier; adam lr 0.05")
        #expect(file.entries.map(\.command) == xorCommands)
        #expect(file.entries[5].figures.count == 30)   // 30 epochs: every one is printed and recorded
        #expect(file.entries[5].figures == t.lab.session.journal[5].figures)
        #expect(file.entries[6].figures.first?.hasPrefix("eval test  accuracy ") == true)
        #expect(file.header.best == FigureComparison.bestAccuracy(in: file.entries[6].figures))
        let weights = try project.bytes(project.weights("xor"))
        #expect(file.header.weights?.bytes == weights.count)
        #expect(file.header.weights?.sha256 == Digest.sha256(weights))
        let st = try SafetensorsFile(bytes: weights, path: "xor.safetensors")
        #expect(st.tensor("dense1.weight")?.shape == [2, 4])
        #expect(st.tensor("dense1.bias")?.shape == [4])
        #expect(st.tensor("dense2.weight")?.shape == [4, 1])
        #expect(st.tensor("optimizer.dense1.weight.m")?.shape == [2, 4])
        #expect(st.metadata["nnlab.optimizer_step"] == "30")
        #expect(st.metadata["nnlab.generator"]?.split(separator: " ").count == 4)
        #expect(try st.floats("dense1.weight") == t.lab.network?.parameters[0].value.array)
        #expect(!t.lab.session.hasUnsavedWork && t.lab.session.name == "xor")
        #expect(project.sessionFolderContents == ["xor.nnlab", "xor.safetensors"])
    }

    @Test("compact leaves the optimizer's state out")
    func compact() throws {
        let project = SessionProject()
        let t = project.lab()
        for c in xorCommands { t.run(c) }
        #expect(t.run("save small compact"))
        let st = try SafetensorsFile(contentsOf: project.weights("small"))
        #expect(st.tensors.map(\.name).sorted() == ["dense1.bias", "dense1.weight", "dense2.bias", "dense2.weight"])
    }

    @Test("save without a name reuses the session's name; without one it asks, or says how")
    func names() throws {
        let project = SessionProject()
        let t = project.savedXOR("first")
        t.run("train epochs=2 batch=4")
        #expect(t.lab.session.hasUnsavedWork)
        #expect(t.run("save"))
        #expect(try SessionFile.parse(try project.text("first"), file: "first", commands: CommandTable.all).entries.count == 8)

        let fresh = project.lab()
        fresh.run("data load xor")
        #expect(fresh.failure("save").contains("the session has no name yet"))
        let asked = project.lab(interactive: true, answers: ["typed-name"])
        asked.run("data load xor")
        #expect(asked.run("save"))
        #expect(FileManager.default.fileExists(atPath: project.script("typed-name").path))
        #expect(project.lab().failure("save empty").contains("nothing to save yet"))
    }

    @Test("names with path separators or unsafe characters are refused and nothing is written",
          arguments: ["../escape", "a/b", "a\\\\b", ".hidden", "-dash", "bad*name", "two..dots", String(repeating: "x", count: 65)])
    func unsafeNames(_ name: String) throws {
        let project = SessionProject()
        let t = project.lab()
        t.run("data load xor")
        let error = t.failure("save \"\(name)\"")
        #expect(error.contains("session name") || error.contains("too long"), "\(name): \(error)")
        #expect(project.sessionFolderContents.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("escape.nnlab").path))
        #expect(t.lab.session.hasUnsavedWork && t.lab.session.name == nil)
    }

    @Test("Korean letters and a .nnlab ending are fine in a name")
    func friendlyNames() throws {
        let project = SessionProject()
        let t = project.lab()
        t.run("data load xor")
        #expect(t.run("save 실습-1.nnlab"))
        #expect(t.lab.session.name == "실습-1")
        #expect(FileManager.default.fileExists(atPath: project.script("실습-1").path))
    }

    @Test("replacing another session: refused in scripts, asked at a terminal, done with force")
    func replacing() throws {
        let project = SessionProject()
        project.savedXOR("taken")
        let original = try project.bytes(project.script("taken"))
        let other = project.lab()
        other.run("data load xor", "layer add dense 1 sigmoid")
        let refused = other.failure("save taken")
        #expect(refused.contains("sessions/taken.nnlab exists already") && refused.contains("save taken force"))
        #expect(try project.bytes(project.script("taken")) == original)

        let no = project.lab(interactive: true, answers: ["n"])
        no.run("data load xor")
        #expect(no.run("save taken"))
        #expect(no.output.contains("not saved") && no.lab.session.hasUnsavedWork)
        #expect(try project.bytes(project.script("taken")) == original)

        let yes = project.lab(interactive: true, answers: ["y"])
        yes.run("data load xor")
        #expect(yes.run("save taken"))
        #expect(try SessionFile.parse(try project.text("taken"), file: "taken", commands: CommandTable.all).entries.count == 1)

        other.run("save taken --force")
        #expect(try SessionFile.parse(try project.text("taken"), file: "taken", commands: CommandTable.all).entries.count == 2)
    }

    /// Saves over `xor` with writes failing as `fail` says; checks that the old pair is intact.
    func failingSave(_ code: Int32, failing suffix: String) throws -> String {
        let project = SessionProject()
        project.savedXOR()
        let before = (try project.bytes(project.script("xor")), try project.bytes(project.weights("xor")))
        let t = project.lab()
        t.run("data load xor", "layer add dense 1 sigmoid", "train epochs=1 batch=4")
        t.lab.session.writeFile = { data, url throws(FileWriteError) in
            if url.lastPathComponent.hasSuffix(suffix) {
                throw FileWriteError(path: url.path, step: "writing the data", code: code)
            }
            try AtomicFile.write(data, to: url)
        }
        let error = t.failure("save xor force")
        #expect(try project.bytes(project.script("xor")) == before.0)
        #expect(try project.bytes(project.weights("xor")) == before.1)
        #expect(project.sessionFolderContents == ["xor.nnlab", "xor.safetensors"], "temporary files left behind")
        #expect(t.lab.session.hasUnsavedWork && t.lab.session.name == nil)
        #expect(project.lab().run("load xor"), "the old session no longer loads")
        return error
    }

    @Test("a full disk while writing the weights replaces nothing")
    func diskFullOnWeights() throws {
        let error = try failingSave(ENOSPC, failing: ".safetensors.partial")
        #expect(error.contains("cannot save xor in ") && error.contains("writing the data failed (No space left on device)"))
        #expect(error.contains("The disk is full") && error.contains("Nothing was overwritten"))
    }

    @Test("a read-only folder while writing the script replaces nothing (the new weights are not left behind)")
    func readOnlyOnScript() throws {
        let error = try failingSave(EROFS, failing: ".nnlab.partial")
        #expect(error.contains("(Read-only file system)") && error.contains("read-only") && error.contains("No saved file was replaced"))
    }

    @Test("a real read-only sessions/ folder is refused with a clear message", .enabled(if: geteuid() != 0, "root writes anywhere"))
    func realReadOnlyFolder() throws {
        let project = SessionProject()
        project.savedXOR()
        chmod(project.sessions.path, 0o555)
        defer { chmod(project.sessions.path, 0o755) }
        let t = project.lab()
        t.run("data load xor")
        let error = t.failure("save xor force")
        #expect(error.contains("Permission denied") && error.contains("No saved file was replaced"))
    }

    /// Runs a system command; true when it exits 0.
    static func system(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether this test run may mount a small tmpfs (root with the capability; CI containers may not).
    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-mount-probe-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard geteuid() == 0, system(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]) else { return false }
        return system(["umount", probe.path])
    }()

    @Test("a real full disk, then a real read-only file system: refused, and the saved pair stays intact",
          .enabled(if: canMount, "needs root allowed to mount a 100 KB tmpfs"))
    func realFullDiskAndReadOnly() throws {
        let project = SessionProject()
        let small = project.root.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        #expect(Self.system(["mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", small.path]))
        defer { _ = Self.system(["umount", small.path]) }
        let sessions = small.appendingPathComponent("sessions")
        let t = project.lab()
        t.run("data load xor", "layer add dense 2 sigmoid")
        try SessionStore.save(t.lab, as: "kept", in: sessions, withOptimizerState: false)
        let before = try [Data(contentsOf: sessions.appendingPathComponent("kept.nnlab")),
                          Data(contentsOf: sessions.appendingPathComponent("kept.safetensors"))]
        // 200 x 200 weights: 160 KB, more than the disk has left.
        t.run("layer add dense 200 relu", "layer add dense 200 relu", "layer add dense 2 softmax")
        #expect(throws: ShellError.self) { try SessionStore.save(t.lab, as: "kept", in: sessions) }
        do { try SessionStore.save(t.lab, as: "kept", in: sessions) } catch {
            #expect(error.message.contains("No space left on device"), "\(error)")
        }
        #expect(Self.system(["mount", "-o", "remount,ro", small.path]))
        t.run("model new", "layer add dense 2 sigmoid")
        do { try SessionStore.save(t.lab, as: "kept", in: sessions); Issue.record("saved on a read-only disk") } catch {
            #expect(error.message.contains("Read-only file system"), "\(error)")
        }
        let after = try [Data(contentsOf: sessions.appendingPathComponent("kept.nnlab")),
                         Data(contentsOf: sessions.appendingPathComponent("kept.safetensors"))]
        #expect(after == before)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []).sorted() == ["kept.nnlab", "kept.safetensors"])
    }

    @Test("sessions lists name, date, model, data and best accuracy from the headers; a damaged file is listed as such")
    func listing() throws {
        let project = SessionProject()
        project.savedXOR("b-xor")
        try "not a session\n".write(to: project.script("a-broken"), atomically: true, encoding: .utf8)
        let t = project.lab()
        #expect(t.run("sessions"))
        let lines = t.console.lines
        let row = try #require(lines.first { $0.hasPrefix("b-xor") })
        #expect(row.contains("xor") && row.contains("2-4-1 relu/sigmoid") && row.contains("test "))
        #expect(lines.contains { $0.hasPrefix("a-broken") && $0.contains("cannot be read") })
        #expect(SessionStore.compressed(["784", "512", "512", "512", "512", "10"]) == ["784", "512x4", "10"])
        #expect(SessionStore.compressed(["784", "256", "256", "10"]) == ["784", "256", "256", "10"])
        let empty = SessionProject().lab()
        empty.run("sessions")
        #expect(empty.output.contains("no saved sessions"))
    }
}
