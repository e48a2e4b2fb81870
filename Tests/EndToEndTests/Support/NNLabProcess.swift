// NNLabProcess: starts the real nnlab binary in a pseudo-terminal, in a throwaway project folder,
// for end-to-end tests of the REPL as a learner meets it.

import Foundation
import Testing

enum NNLabProcess {
    /// The built nnlab, or nil (the tests are then skipped).
    static let path = BuiltProduct.path(of: "nnlab", environmentKey: "NNLAB_BIN")

    static let notBuiltMessage: Comment = "nnlab was not found next to the test binary (or at NNLAB_BIN): run `swift build`"

    static let prompt = "nnlab> "

    /// A fresh project folder (sessions/, tutorials/) for one test.
    static func makeProject() -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-e2e-\(UUID().uuidString)")
        for sub in ["sessions", "tutorials"] {
            try? FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return root
    }

    /// nnlab running in a pty on `project` (NNLAB_HOME, and the folder it starts in), with its first
    /// prompt shown. Its home is `project/home`, so its state (history, journals) stays in the project.
    static func start(project: URL, arguments: [String] = [], columns: UInt16 = 100,
                      waitForPrompt: Bool = true) throws -> PseudoTerminal {
        guard let path else { throw PseudoTerminalError(description: "nnlab is not built") }
        var environment = PseudoTerminal.defaultEnvironment()
        environment["NNLAB_HOME"] = project.path
        let home = project.appendingPathComponent("home")
        environment["HOME"] = home.path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent(".local/state").path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent(".local/share").path
        let terminal = try PseudoTerminal(executable: path, arguments: arguments, environment: environment, columns: columns,
                                          workingDirectory: project)
        if waitForPrompt { try terminal.waitFor(prompt, timeout: .seconds(20)) }
        return terminal
    }
}

extension PseudoTerminal {
    /// Types a command and Enter, then waits for `expected` and the next prompt.
    func command(_ line: String, expecting expected: String? = nil, timeout: Duration = .seconds(20)) throws {
        try send(line + Key.enter)
        if let expected { try waitFor(expected, timeout: timeout) }
        try waitFor(NNLabProcess.prompt, timeout: timeout)
    }
}
