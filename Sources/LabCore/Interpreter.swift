// Interpreter: runs command lines against the command table and the lab.
//
// One place decides what a command line does: split it (`;`), parse each command, run its
// handler, and on success journal it when it changes state; on any error print what was wrong
// and how to fix it, and leave the lab as it was. Nothing a learner types can crash it.

import Foundation
import LabKit
import LabText
import NNData
import NNEngine
import NNFormats

/// Makes an interpreter over a lab of the caller's choosing (see `Interpreter.over`).
public typealias InterpreterMaker = (Lab) -> Interpreter

/// Runs command lines.
public final class Interpreter {
    public let lab: Lab
    public let parser: Parser
    /// The shell's state beside the lab: prompt, quit, typed history, the running lesson.
    public let shell = ShellState()
    /// Where the current line comes from, for error messages ("lesson.nnlab line 12").
    public var location: (file: String, line: Int)?

    /// An interpreter of `commands` over `lab`. The program hands `CommandTable.all`; the parts
    /// that run commands (replay, recovery, lessons, the quit dialog) are handed an interpreter
    /// or an `InterpreterMaker` and never name the table themselves.
    public init(lab: Lab, commands: [CommandSpec]) {
        self.lab = lab
        parser = Parser(commands: commands)
    }

    /// An interpreter of the same commands over another lab (a scratch lab for replay or recovery).
    public func over(_ other: Lab) -> Interpreter {
        Interpreter(lab: other, commands: parser.commands)
    }

    /// The longest command line accepted (64 KB): longer lines are refused before any parsing.
    public static let maxLineBytes = 65_536

    /// Runs every command of `line`; stops at the first that fails. Returns true when all succeeded.
    @discardableResult
    public func run(_ line: String) -> Bool {
        Language.$current.withValue(lab.settings.language) { runLine(line) }
    }

    private func runLine(_ line: String) -> Bool {
        let length = line.utf8.count
        guard length <= Interpreter.maxLineBytes else {
            report(ShellError(loc(.lineTooLong, NumberFormat.grouped(length), NumberFormat.grouped(Interpreter.maxLineBytes)),
                              hint: loc(.lineTooLongHint)),
                   command: String(line.prefix(40)) + "...")
            return false
        }
        let commands: [[String]]
        do { commands = try splitCommands(line) } catch {
            report(error, command: line)
            return false
        }
        for words in commands {
            do {
                // `set lang ko` takes effect from the next command of the same line.
                try Language.$current.withValue(lab.settings.language) { try execute(words) }
            } catch {
                Language.$current.withValue(lab.settings.language) { report(error, command: joinWords(words)) }
                return false
            }
            if shell.quitRequested { break }
        }
        return true
    }

    /// Parses and runs one command, journaling it when it changes state. Throws what went wrong.
    public func execute(_ words: [String]) throws {
        var (spec, invocation) = try parser.parse(words)
        guard let handler = spec.handler else { return }
        invocation.interpreter = self
        lab.discardPending()
        let before = ModelUndoStack.changesModel(invocation.path) ? lab.modelSnapshot(before: invocation.line) : nil
        do {
            try handler(lab, invocation)
        } catch {
            lab.discardPending()
            throw error
        }
        if let before { lab.results.modelUndo.push(before) }
        if spec.changesState { lab.commit(invocation.line) }
    }

    /// Prints an error: the message, then how to fix it.
    package func report(_ error: Error, command: String) {
        let (message, hint) = Interpreter.describe(error)
        let place = location.map { loc(.fileLinePlace, $0.file, $0.line) } ?? ""
        let style = lab.console.style
        lab.console.warn(style.paint(loc(.errorLabel), fg: .red) + place + message + (hint.map { "\n  " + style.dim(loc(.hintLabel)) + $0 } ?? ""))
        lab.console.record(.error(command: command, message: message, file: location?.file, line: location?.line))
    }

    /// An error's message and hint, whichever module it came from.
    package static func describe(_ error: Error) -> (String, String?) {
        switch error {
        case let e as ShellError: (e.message, e.hint)
        case let e as DataError: e.localized
        case let e as ModelError: (e.localized.message, loc(.modelHintShowOnly))
        case let e as FileWriteError: (e.localized, nil)
        case let e as FileReadError: (e.localized, nil)
        case let e as SafetensorsError: (e.localized, nil)
        case let e as OptimizerSettingError: (e.localized, nil)
        case let e as ExportError: (e.localized, nil)
        default: ("\(error)", nil)
        }
    }
}
