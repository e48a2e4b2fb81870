// Helpers for the session tests: labs that share one temporary project folder (a second lab is
// "the next nnlab start"), a small XOR session, and ways to look at a lab's whole state.

import Foundation
import NNCore
import NNEngine
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

/// A temporary project folder that several labs can open, removed when the folder object goes.
final class SessionProject {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-sessions-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("sessions"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var paths: LabPaths { LabPaths(root: root) }
    var sessions: URL { root.appendingPathComponent("sessions") }

    /// A new lab in this folder (as a new nnlab would be).
    func lab(interactive: Bool = false, answers: [String] = []) -> SessionLab {
        SessionLab(project: self, interactive: interactive, answers: answers)
    }

    func script(_ name: String) -> URL { sessions.appendingPathComponent(name + ".nnlab") }
    func weights(_ name: String) -> URL { sessions.appendingPathComponent(name + ".safetensors") }

    func text(_ name: String) throws -> String { try String(contentsOf: script(name), encoding: .utf8) }
    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The names in sessions/, hidden ones included (to see that no temporary file is left).
    var sessionFolderContents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []).sorted()
    }
}

/// A lab with a capturing console in a SessionProject.
final class SessionLab {
    let project: SessionProject
    let console: CapturingConsole
    let lab: Lab
    let interpreter: Interpreter

    init(project: SessionProject, interactive: Bool, answers: [String]) {
        self.project = project
        console = CapturingConsole(interactive: interactive)
        console.answers = answers
        lab = Lab(console: console, paths: project.paths)
        interpreter = Interpreter(lab: lab, commands: CommandTable.all)
    }

    /// Runs lines; true when all succeeded.
    @discardableResult
    func run(_ lines: String...) -> Bool { lines.allSatisfy { interpreter.run($0) } }

    /// Runs a line that must fail; returns the error text ("" when it succeeded).
    func failure(_ line: String) -> String {
        let before = console.warnings.count
        return interpreter.run(line) ? "" : console.warnings[before...].joined(separator: "\n")
    }

    var output: String { console.text }
    var warnings: String { console.warnings.joined(separator: "\n") }

    /// Figure lines the last journaled command recorded.
    var lastFigures: [String] { lab.session.journal.last?.figures ?? [] }
}

/// Everything of a lab's state a session restores, in comparable form.
struct LabState: Equatable {
    var journal: [JournalEntry]
    var model: ModelSpec
    var parameters: [String: [Float]]
    var optimizer: OptimizerSpec
    var seed: UInt64
    var generator: [UInt64]
    var dataCommand: String?
    var defaults: TrainingOptions
    var runs: [String]
    var sessionName: String?
    var unsaved: Bool

    init(_ lab: Lab) {
        journal = lab.session.journal
        model = lab.model
        parameters = Dictionary(uniqueKeysWithValues: (lab.network?.parameters ?? []).map { ($0.name, $0.value.array) })
        optimizer = lab.optimizerSpec
        seed = lab.seed
        generator = lab.generator.state
        dataCommand = lab.dataCommand
        defaults = lab.settings.defaults
        runs = lab.results.runs.map(\.name)
        sessionName = lab.session.name
        unsaved = lab.session.hasUnsavedWork
    }
}

/// The commands of a small XOR session (seconds to run even in a debug build).
let xorCommands = [
    "seed 3", "data load xor", "layer add dense 4 relu", "layer add dense 1 sigmoid",
    "optimizer adam lr=0.05", "train epochs=30 batch=4", "eval test",
]

extension SessionProject {
    /// A lab that ran `xorCommands` and saved them as `name`.
    @discardableResult
    func savedXOR(_ name: String = "xor") -> SessionLab {
        let t = lab()
        for c in xorCommands { precondition(t.run(c), "\(c) failed: \(t.warnings)") }
        precondition(t.run("save \(name)"), "save failed: \(t.warnings)")
        return t
    }
}
