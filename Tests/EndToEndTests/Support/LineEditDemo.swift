// LineEditDemo: starts Sources/lineedit-demo in a pseudo-terminal for the editor's end-to-end tests.
//
// The demo echoes each line it reads as `read: [LINE] scalars=N`, so tests assert what the editor
// returned rather than how libedit chose to redraw the screen.

import Foundation
import Testing

enum LineEditDemo {
    /// The built demo, or nil (the tests are then skipped with `notBuiltMessage`).
    static let path = BuiltProduct.path(of: "lineedit-demo", environmentKey: "LINEEDIT_DEMO_BIN")

    static let notBuiltMessage: Comment = """
        lineedit-demo was not found next to the test binary (or at LINEEDIT_DEMO_BIN): \
        run `swift build --product lineedit-demo`, or set LINEEDIT_DEMO_BIN to its path
        """

    static let prompt = "nnlab> "

    /// The demo running in a fresh 80x24 pty, with its first prompt already shown.
    /// `extraEnvironment` is added to the default pty environment; a nil value removes a variable.
    static func start(_ extraEnvironment: [String: String?] = [:], columns: UInt16 = 80) throws -> PseudoTerminal {
        guard let path else { throw PseudoTerminalError(description: "lineedit-demo is not built") }
        var environment = PseudoTerminal.defaultEnvironment()
        for (name, value) in extraEnvironment { environment[name] = value }
        let terminal = try PseudoTerminal(executable: path, environment: environment, columns: columns)
        try terminal.waitFor(prompt)
        return terminal
    }

    /// The line the demo reports for `line`.
    static func echo(_ line: String) -> String {
        "read: [\(line)] scalars=\(line.unicodeScalars.count)"
    }
}

extension PseudoTerminal {
    /// Types `keys` and Enter at the demo, waits for it to report `expected` as the line read,
    /// then for the next prompt (keys typed before the prompt would race libedit's mode switch).
    func submit(_ keys: String, expecting expected: String) throws {
        try send(keys + Key.enter)
        try waitFor(LineEditDemo.echo(expected))
        try waitFor(LineEditDemo.prompt)
    }
}
