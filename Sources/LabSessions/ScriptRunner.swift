// ScriptRunner: runs a file of commands, as `nnlab run FILE` does (and `replay` builds on).
//
// Lines run in order with the file and line number attached to any error. Blank lines and
// `#` comments are skipped. By default the first failing line stops the run; with keepGoing
// every line runs and every failure is reported.

import Foundation
import LabCore

/// The outcome of running a script.
public struct ScriptResult: Sendable, Equatable {
    /// Line numbers (1-based) that failed.
    public var failedLines: [Int] = []
    /// Lines that ran.
    public var linesRun = 0
    public var succeeded: Bool { failedLines.isEmpty }
}

public enum ScriptRunner {
    /// Runs `text` (the contents of `file`) line by line through `interpreter`.
    @discardableResult
    public static func run(_ text: String, file: String, interpreter: Interpreter, keepGoing: Bool = false) -> ScriptResult {
        var result = ScriptResult()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            interpreter.location = (file, i + 1)
            defer { interpreter.location = nil }
            result.linesRun += 1
            if !interpreter.run(line) {
                result.failedLines.append(i + 1)
                if !keepGoing { break }
            }
            if interpreter.shell.quitRequested { break }
        }
        return result
    }
}
