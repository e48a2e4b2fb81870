// A session's metadata is checked like typed input before it touches the lab, and a session's two
// files load only as the pair they were saved as.

import Foundation
import Testing
import NNCore
import NNFormats
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

/// Rewrites the weights file of session `name` with `edit` applied to its metadata (tensors kept).
func editMetadata(_ project: SessionProject, _ name: String, _ edit: (inout [String: String]) -> Void) throws {
    let url = project.weights(name)
    let file = try SafetensorsFile(bytes: try Data(contentsOf: url), path: url.path)
    var metadata = file.metadata
    edit(&metadata)
    var writer = SafetensorsWriter(metadata: metadata)
    for t in file.tensors { writer.add(t.name, shape: t.shape, values: try file.floats(t.name)) }
    try writer.encoded().write(to: url)
}

/// Replaces the first occurrence of `old` in metadata `key` (a JSON text) with `new`.
func replacing(_ key: String, _ old: String, _ new: String) -> (inout [String: String]) -> Void {
    { metadata in
        guard let text = metadata[key], let range = text.range(of: old) else { Issue.record("\(key) has no \(old)"); return }
        metadata[key] = text.replacingCharacters(in: range, with: new)
    }
}

@Suite("Session metadata and the session pair")
struct SessionMetadataTests {
    @Test("values typed input refuses are refused from metadata too, naming key and range", arguments: [
        ("nnlab.defaults", "\"batchSize\":100", "\"batchSize\":0", "batch 0"),
        ("nnlab.defaults", "\"batchSize\":100", "\"batchSize\":-5", "batch -5"),
        ("nnlab.defaults", "\"epochs\":15", "\"epochs\":0", "epochs 0"),
        ("nnlab.optimizer", "\"learningRate\":0.05", "\"learningRate\":\"nan\"", "lr nan"),
        ("nnlab.optimizer", "\"learningRate\":0.05", "\"learningRate\":\"inf\"", "lr inf"),
        ("nnlab.model", "\"units\":4", "\"units\":100000000", "units of 'dense1' 100000000"),
        ("nnlab.model", "\"units\":4", "\"units\":0", "units of 'dense1' 0"),
    ])
    func rangesFromMetadata(key: String, old: String, new: String, said: String) throws {
        let project = SessionProject()
        project.savedXOR()
        try editMetadata(project, "xor", replacing(key, old, new))
        let t = project.lab()
        let before = LabState(t.lab)
        let error = t.failure("load xor mismatched")
        #expect(error.contains(said) && error.contains(key), "\(error)")
        #expect(LabState(t.lab) == before)
    }

    @Test("a weight that is not a number is refused by tensor")
    func nanWeight() throws {
        let project = SessionProject()
        project.savedXOR()
        let url = project.weights("xor")
        let file = try SafetensorsFile(bytes: try Data(contentsOf: url), path: url.path)
        var writer = SafetensorsWriter(metadata: file.metadata)
        for t in file.tensors {
            var values = try file.floats(t.name)
            if t.name == "dense1.weight" { values[1] = .nan }
            writer.add(t.name, shape: t.shape, values: values)
        }
        try writer.encoded().write(to: url)
        let t = project.lab()
        let error = t.failure("load xor mismatched")
        #expect(error.contains("\"dense1.weight\" holds nan at index 1"), "\(error)")
        #expect(t.lab.network == nil)
    }

    @Test("weights that are not the ones saved are refused, naming both; `mismatched` loads them on purpose")
    func otherWeights() throws {
        let project = SessionProject()
        project.savedXOR("a")
        let b = project.lab()
        #expect(b.run("seed 9", "data load xor", "layer add dense 4 relu", "layer add dense 1 sigmoid", "train epochs=5 batch=4", "save b"))
        try FileManager.default.removeItem(at: project.weights("a"))
        try FileManager.default.copyItem(at: project.weights("b"), to: project.weights("a"))
        let t = project.lab()
        let error = t.failure("load a")
        #expect(error.contains("sessions/a.safetensors is not the weights file sessions/a.nnlab saved"), "\(error)")
        #expect(error.contains("`load a mismatched`"), "\(error)")
        #expect(t.lab.network == nil)
        #expect(t.run("load a mismatched"))
        #expect(t.warnings.contains("loaded anyway"))
    }

    @Test("a save cut short after its commit point is rolled forward; leftovers of an earlier one are removed")
    func rollForward() throws {
        let project = SessionProject()
        let first = project.savedXOR("torn")
        // The state between the two renames: the new script in place, the new weights still staged.
        #expect(first.run("train epochs=3 batch=4", "save torn2"))
        let staged = SessionPair.staged(project.weights("torn"))
        try FileManager.default.moveItem(at: project.weights("torn2"), to: staged)
        try FileManager.default.removeItem(at: project.script("torn"))
        try FileManager.default.moveItem(at: project.script("torn2"), to: project.script("torn"))
        // The new script names its weights file torn2.safetensors: point it at torn's.
        let text = try project.text("torn").replacingOccurrences(of: "torn2.safetensors", with: "torn.safetensors")
        try text.write(to: project.script("torn"), atomically: true, encoding: .utf8)
        let t = project.lab()
        #expect(t.run("load torn"), "\(t.warnings)")
        #expect(t.lab.results.runs.count == 2)
        #expect(!FileManager.default.fileExists(atPath: staged.path))
        // A staged script never committed is a leftover: removed at the next start.
        let leftover = SessionPair.staged(project.script("other"))
        try Data("# nnlab session\n".utf8).write(to: leftover)
        project.lab().lab.tidySavedSessions()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test("a FIFO named like a session is listed as a problem and refused by load, never opened blocking")
    func fifo() throws {
        let project = SessionProject()
        project.savedXOR("fine")
        #expect(mkfifo(project.script("pipe").path, 0o644) == 0)
        let t = project.lab()
        #expect(t.run("sessions"))
        #expect(t.output.contains("FIFO"), "\(t.output)")
        let error = t.failure("load pipe")
        #expect(error.contains("is a FIFO (named pipe), not a regular file"), "\(error)")
        #expect(t.failure("replay pipe").contains("pipe"))
    }
}
