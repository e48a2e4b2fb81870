// Shared helpers for shell tests: a lab in a temporary project folder with a capturing console.

import Foundation
import LabCommands
import LabCore
import LabSessions
import LabShell
import LabTutorials

/// A lab wired to a capturing console, in a fresh temporary project folder.
final class TestLab {
    let console: CapturingConsole
    let lab: Lab
    let interpreter: Interpreter
    let root: URL

    init(interactive: Bool = false) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        console = CapturingConsole(interactive: interactive)
        lab = Lab(console: console, paths: LabPaths(root: root))
        interpreter = Interpreter(lab: lab, commands: CommandTable.all)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs lines; returns whether all succeeded.
    @discardableResult
    func run(_ lines: String...) -> Bool {
        lines.allSatisfy { interpreter.run($0) }
    }

    /// Runs a line that must fail and returns the error text.
    func failure(_ line: String) -> String {
        let before = console.warnings.count
        let ok = interpreter.run(line)
        return ok ? "" : console.warnings[before...].joined(separator: "\n")
    }

    var output: String { console.text }
}

/// An interpreter of every command over `lab`, as the program makes them.
func everyCommand(_ lab: Lab) -> Interpreter { Interpreter(lab: lab, commands: CommandTable.all) }
