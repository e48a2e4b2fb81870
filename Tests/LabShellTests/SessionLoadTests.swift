// `load`: everything restored without training, training continuing bit for bit, data checked
// against its saved identity, and every kind of damage refused with the lab left as it was.

import Foundation
import NNFormats
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Loading sessions")
struct SessionLoadTests {
    @Test("load restores model, weights, optimizer, seed, generator, defaults, runs and journal; eval repeats the saved figures")
    func restoresEverything() throws {
        let project = SessionProject()
        let saved = project.savedXOR()
        saved.run("set batch=4")
        saved.run("save xor")
        let t = project.lab()
        #expect(t.run("load xor"), "\(t.warnings)")
        #expect(LabState(t.lab) == LabState(saved.lab))
        #expect(t.lab.session.journal == saved.lab.session.journal)
        #expect(t.output.contains("loaded xor: 8 commands"))
        #expect(t.run("eval test"))
        #expect(t.lastFigures == saved.lab.session.journal[6].figures)
        #expect(!t.warnings.contains("not been trained"))
    }

    @Test("training after load continues exactly where the saved session stood")
    func continuesExactly() throws {
        let project = SessionProject()
        let a = project.savedXOR()
        let b = project.lab()
        #expect(b.run("load xor"))
        for t in [a, b] { #expect(t.run("train epochs=5 batch=4", "layer insert 2 dropout 0.9", "train epochs=3 batch=4 keep_prob=0.8", "eval test")) }
        #expect(a.lab.session.journal.suffix(4).map(\.figures) == b.lab.session.journal.suffix(4).map(\.figures))
        #expect(LabState(a.lab).parameters == LabState(b.lab).parameters)
        #expect(a.lab.generator.state == b.lab.generator.state)
        #expect(b.lab.results.runs.map(\.name) == ["run1", "run2", "run3"])
    }

    @Test("the header's seed is the one the journal started from (nnlab --seed N)")
    func startingSeed() throws {
        let project = SessionProject()
        let t = project.lab()
        t.lab.reseed(42)
        t.run("data load xor", "layer add dense 2 sigmoid", "train epochs=3 batch=4", "seed 9", "train epochs=2 batch=4", "save seeded")
        let file = try SessionFile.parse(try project.text("seeded"), file: "seeded", commands: CommandTable.all)
        #expect(file.header.seed == 42)
        let replayed = Replay.run(file, name: "seeded", console: CapturingConsole(), paths: project.paths,
                                  makeInterpreter: { Interpreter(lab: $0, commands: CommandTable.all) })
        #expect(replayed.succeeded && replayed.compared.count == 2)
    }

    @Test("runs come back with their epochs; a long run is thinned, keeping the first and last epochs")
    func runsSurvive() throws {
        let project = SessionProject()
        let a = project.lab()
        #expect(a.run("data load xor", "layer add dense 3 relu", "layer add dense 1 sigmoid", "train epochs=5 batch=4 as short",
                      "train epochs=450 batch=4 as long", "save runs"))
        let b = project.lab()
        #expect(b.run("load runs"))
        let short = try #require(b.lab.results.runs.first), long = try #require(b.lab.results.runs.last)
        #expect(b.lab.results.runs.map(\.name) == ["short", "long"])
        #expect(short.result.epochs.map(\.cost) == a.lab.results.runs[0].result.epochs.map(\.cost))
        #expect(short.result.epochs.map(\.gradients) == a.lab.results.runs[0].result.epochs.map(\.gradients))
        #expect(long.result.epochs.count == RunRecord.epochLimit)
        #expect(long.result.epochs.first?.epoch == 1 && long.result.epochs.last?.epoch == 450)
        #expect(long.result.epochs.filter { !$0.gradients.isEmpty }.count == RunRecord.gradientEpochLimit)
        #expect(long.result.batchCosts.count == 450 && long.result.batchCosts.last == a.lab.results.runs[1].result.batchCosts.last)
        // A loaded run's name is taken like any other: a new run of that name replaces it.
        #expect(b.run("train epochs=1 batch=4 as long"))
        #expect(b.output.contains("replaces the earlier run of that name") && b.lab.results.runs.count == 2)
    }

    // MARK: - Refusals

    /// Runs `load NAME` in a lab holding other work and checks that it fails without changing it.
    /// The error of `load NAME mismatched` (the weights files these tests damage are not the ones
    /// saved; `mismatched` gets past the digest to the check each test is about).
    func refusedLoad(_ project: SessionProject, _ name: String = "xor") -> String {
        let t = project.lab()
        t.run("seed 5", "data load xor", "layer add dense 3 tanh", "layer add dense 1 sigmoid", "train epochs=2 batch=4")
        let before = LabState(t.lab)
        let error = t.failure("load \(name) mismatched")
        #expect(!error.isEmpty, "load \(name) succeeded")
        #expect(LabState(t.lab) == before, "a refused load changed the lab")
        return error
    }

    @Test("a missing session is refused, with the closest name")
    func missing() {
        let project = SessionProject()
        project.savedXOR("xor-one")
        let error = refusedLoad(project, "xor-on")
        #expect(error.contains("there is no session 'xor-on'") && error.contains("did you mean 'xor-one'"))
    }

    @Test("a truncated, corrupt or newer .nnlab is refused with the line and its text")
    func damagedScript() throws {
        let project = SessionProject()
        project.savedXOR()
        let text = try project.text("xor")
        try String(text.prefix(text.count * 2 / 3)).write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(refusedLoad(project).contains("cut short"))
        try text.replacingOccurrences(of: "layer add dense 4 relu", with: "layer add dense 4 rleu")
            .write(to: project.script("xor"), atomically: true, encoding: .utf8)
        let corrupt = refusedLoad(project)
        #expect(corrupt.contains("sessions/xor.nnlab line 15 (`layer add dense 4 rleu`)") && corrupt.contains("rleu"), "\(corrupt)")
        try text.replacingOccurrences(of: "# format: 1", with: "# format: 9").write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(refusedLoad(project).contains("format 9 by a newer nnlab"))
    }

    @Test("a missing weights file is refused")
    func missingWeights() throws {
        let project = SessionProject()
        project.savedXOR()
        try FileManager.default.removeItem(at: project.weights("xor"))
        #expect(refusedLoad(project).contains("sessions/xor.safetensors is missing"))
    }

    /// Rewrites xor.safetensors with its header text edited (same length, so offsets stay right).
    func editHeader(_ project: SessionProject, _ old: String, _ new: String) throws {
        var bytes = try project.bytes(project.weights("xor"))
        let length = Int(bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        var header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        let range = try #require(header.range(of: old), "\(old) not in the header")
        header.replaceSubrange(range, with: new)
        precondition(header.utf8.count == length)
        bytes.replaceSubrange(8..<(8 + length), with: Data(header.utf8))
        try bytes.write(to: project.weights("xor"))
    }

    /// Rewrites xor.safetensors from its tensors and metadata, changed by `change`.
    func rebuild(_ project: SessionProject, _ change: (inout [String: String], inout [(String, [Int], [Float])]) -> Void) throws {
        let file = try SafetensorsFile(contentsOf: project.weights("xor"))
        var metadata = file.metadata
        var tensors = try file.tensors.map { ($0.name, $0.shape, try file.floats($0.name)) }
        change(&metadata, &tensors)
        var writer = SafetensorsWriter(metadata: metadata)
        for (name, shape, values) in tensors { writer.add(name, shape: shape, values: values) }
        try writer.write(to: project.weights("xor"))
    }

    @Test("a damaged safetensors layout is refused: header length, JSON, offsets, dtype")
    func damagedLayout() throws {
        let project = SessionProject()
        project.savedXOR()
        let good = try project.bytes(project.weights("xor"))
        func restore() throws { try good.write(to: project.weights("xor")) }

        var huge = good
        huge.replaceSubrange(0..<8, with: [0, 0, 0, 0, 0, 1, 0, 0])
        try huge.write(to: project.weights("xor"))
        #expect(refusedLoad(project).contains("header length"))

        var notJSON = good
        notJSON[8] = UInt8(ascii: "x")
        try notJSON.write(to: project.weights("xor"))
        #expect(refusedLoad(project).contains("not valid JSON"))

        try good.prefix(good.count - 4).write(to: project.weights("xor"))
        #expect(refusedLoad(project).contains("reach past the end of the data"))

        try restore()
        try editHeader(project, "\"dtype\":\"F32\"", "\"dtype\":\"I32\"")
        #expect(refusedLoad(project).contains("nnlab reads only floating-point tensors"))
    }

    @Test("tensors that do not fit the model are refused by name: shape, missing, extra")
    func notFitting() throws {
        let project = SessionProject()
        project.savedXOR()
        let good = try project.bytes(project.weights("xor"))
        try editHeader(project, "\"shape\":[2,4]", "\"shape\":[4,2]")
        #expect(refusedLoad(project).contains("tensor \"dense1.weight\" has shape [4, 2], but the model needs [2, 4]"))

        try good.write(to: project.weights("xor"))
        try rebuild(project) { _, tensors in tensors.removeAll { $0.0 == "dense2.bias" } }
        #expect(refusedLoad(project).contains("has no tensor \"dense2.bias\""))

        try good.write(to: project.weights("xor"))
        try rebuild(project) { _, tensors in tensors.append(("dense3.weight", [1, 1], [0.5])) }
        #expect(refusedLoad(project).contains("\"dense3.weight\" [1, 1] that the model has no place for"))

        try good.write(to: project.weights("xor"))
        try rebuild(project) { _, tensors in tensors.removeAll { $0.0 == "optimizer.dense2.bias.v" } }
        #expect(refusedLoad(project).contains("optimizer.dense2.bias.v"))
    }

    @Test("damaged or newer metadata is refused, naming the key")
    func damagedMetadata() throws {
        let project = SessionProject()
        project.savedXOR()
        let good = try project.bytes(project.weights("xor"))
        try rebuild(project) { meta, _ in meta["nnlab.model"] = "{\"layers\": oops" }
        #expect(refusedLoad(project).contains("the metadata \"nnlab.model\" is not valid"))
        try good.write(to: project.weights("xor"))
        try rebuild(project) { meta, _ in meta["nnlab.generator"] = "1 2 3" }
        #expect(refusedLoad(project).contains("\"nnlab.generator\" must be four hexadecimal words"))
        try good.write(to: project.weights("xor"))
        try rebuild(project) { meta, _ in meta["nnlab.format"] = "7" }
        #expect(refusedLoad(project).contains("weights format 7 by a newer nnlab"))
        try good.write(to: project.weights("xor"))
        try rebuild(project) { meta, _ in meta["nnlab.model"] = nil }
        #expect(refusedLoad(project).contains("no \"nnlab.model\" metadata"))
    }

    @Test("a weights file that is not the one saved is refused; `mismatched` loads it (when it fits) with a note")
    func otherWeightsFile() throws {
        let project = SessionProject()
        project.savedXOR()
        try rebuild(project) { _, tensors in
            for i in tensors.indices where tensors[i].0 == "dense2.bias" { tensors[i].2 = [0.25] }
        }
        let t = project.lab()
        let refused = t.failure("load xor")
        #expect(refused.contains("is not the weights file sessions/xor.nnlab saved") && refused.contains("`load xor mismatched`"), "\(refused)")
        #expect(t.lab.network == nil)
        #expect(t.run("load xor mismatched"))
        #expect(t.warnings.contains("loaded anyway"))
        #expect(t.lab.network?.layers[1].parameters[1].value.array == [0.25])
    }

    // MARK: - Data

    func writeCSV(_ url: URL, rows: Int = 30, columns: Int = 2, shift: Float = 0) throws {
        var lines = [(1...columns).map { "x\($0)" }.joined(separator: ",") + ",y"]
        for i in 0..<rows {
            let x = (0..<columns).map { Float((i * 7 + $0 * 3) % 11) / 10 + shift }
            lines.append(x.map { String($0) }.joined(separator: ",") + ",\(i % 2)")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("a session saved on other data loads with a warning naming both identities")
    func otherData() throws {
        let project = SessionProject()
        let csv = project.root.appendingPathComponent("points.csv")
        try writeCSV(csv)
        let a = project.lab()
        #expect(a.run("data load csv \(csv.path) label=y", "layer add dense 2 softmax", "train epochs=2 batch=5", "save pts"))
        try writeCSV(csv, shift: 0.5)
        let b = project.lab()
        #expect(b.run("load pts"))
        #expect(b.warnings.contains("saved with other data") && b.warnings.contains("saved:  csv")
                && b.warnings.contains("loaded: csv") && b.warnings.contains("table:"), "\(b.warnings)")

        try writeCSV(csv, columns: 3)
        let error = refusedLoad(project, "pts")
        #expect(error.contains("saved for 2 inputs, but the data has 3 features"))
    }

    @Test("data drawn from the session seed (spiral) is drawn again the same, so eval repeats exactly")
    func generatedData() throws {
        let project = SessionProject()
        let a = project.lab()
        #expect(a.run("seed 11", "data load spiral samples=60", "layer add dense 8 relu", "layer add dense 2 softmax",
                      "train epochs=3 batch=10", "eval test", "save spiral"))
        let b = project.lab()
        #expect(b.run("load spiral", "eval test"))
        #expect(!b.warnings.contains("other data"), "\(b.warnings)")
        #expect(b.lab.data?.info.identity == a.lab.data?.info.identity)
        #expect(b.lastFigures == a.lab.session.journal[5].figures)
    }

    @Test("with unsaved work at a terminal, load asks first; no keeps everything")
    func asksBeforeReplacing() throws {
        let project = SessionProject()
        project.savedXOR()
        let t = project.lab(interactive: true, answers: ["n"])
        t.run("data load xor", "layer add dense 2 relu")
        let before = LabState(t.lab)
        #expect(t.run("load xor"))
        #expect(t.output.contains("nothing changed") && LabState(t.lab) == before)
        t.console.answers = ["y"]
        #expect(t.run("load xor") && t.lab.session.name == "xor")
    }

    @Test("a damaged weights file does not stop `sessions` or other sessions from loading")
    func othersStillLoad() throws {
        let project = SessionProject()
        project.savedXOR()
        project.savedXOR("other")
        try Data("junk".utf8).write(to: project.weights("xor"))
        #expect(refusedLoad(project).contains("only 4 bytes"))
        #expect(project.lab().run("load other", "sessions"))
    }
}
