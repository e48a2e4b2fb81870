// Recovery: bringing back the unsaved work an earlier nnlab left in its autosave journal.
//
// At start the REPL looks at `.nnlab/autosave.nnlab`. Written by a live nnlab (its pid still
// runs nnlab): leave it alone. Nothing unsaved in it: remove it. Unsaved commands: offer to
// recover them (`nnlab --recover` does it without asking). Recovering replays the base (`load
// NAME`) and the commands in a scratch lab with a silent console, up to the last command that
// completes, and then puts that state into the learner's lab in one go. The journal file is only
// replaced once the recovered state is in place, so a recovery that fails loses nothing.

import Foundation
import NNFormats
#if canImport(Glibc)
import Glibc
#endif

/// What an autosave journal holds.
public struct AutosaveContents: Equatable, Sendable {
    public var pid: Int32?
    public var started: String?
    public var seed: UInt64
    /// The command that restores the saved part (`load NAME`).
    public var base: String?
    /// The unsaved commands, oldest first.
    public var commands: [String]
    /// Runs the learner stopped, by the index of their command in `commands`.
    public var stops: [Int: [StopPoint]] = [:]
}

public enum Recovery {
    /// What the autosave journal at start says.
    public enum Finding: Equatable, Sendable {
        case none
        /// Another nnlab that is still running writes it.
        case inUse(pid: Int32)
        /// It holds no unsaved commands.
        case nothingUnsaved
        case unsaved(AutosaveContents)
    }

    /// Reads the autosave journal of `paths`.
    public static func inspect(_ paths: LabPaths) -> Finding {
        guard let lines = try? JournalWriter.readLines(from: paths.journalFile) else { return .none }
        guard let contents = parse(lines) else { return .nothingUnsaved }
        if let pid = contents.pid, pid != getpid(), isNNLab(pid) { return .inUse(pid: pid) }
        return contents.commands.isEmpty ? .nothingUnsaved : .unsaved(contents)
    }

    /// The header and commands of an autosave journal's lines; nil when it is not one.
    static func parse(_ lines: [String]) -> AutosaveContents? {
        guard lines.first == AutosaveJournal.firstLine else { return nil }
        var contents = AutosaveContents(seed: Lab.defaultSeed, commands: [])
        var inHeader = true
        for line in lines.dropFirst() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if inHeader {
                if text.isEmpty { inHeader = false; continue }
                guard text.hasPrefix("# "), let colon = text.firstIndex(of: ":") else { continue }
                let key = text[text.index(text.startIndex, offsetBy: 2)..<colon]
                let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "pid": contents.pid = Int32(value)
                case "started": contents.started = value
                case "seed": contents.seed = UInt64(value) ?? Lab.defaultSeed
                case "base": contents.base = value
                default: break
                }
            } else if !text.isEmpty && !text.hasPrefix("#") {
                contents.commands.append(text)
            } else if text.hasPrefix("# "), !contents.commands.isEmpty, let stop = StopPoint.parse(String(text.dropFirst(2))) {
                contents.stops[contents.commands.count - 1, default: []].append(stop)
            }
        }
        return contents
    }

    /// Whether process `pid` is an nnlab (not merely some process that reuses an old pid).
    static func isNNLab(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return true }
        let program = cmdline.split(separator: 0).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (program as NSString).lastPathComponent.hasPrefix("nnlab")
    }

    // MARK: - At start

    /// The REPL's start: offers to recover what the last nnlab left unsaved (recovers without
    /// asking when `recoverWithoutAsking`), then starts this session's autosave journal when a
    /// person is at the terminal.
    public static func start(_ interpreter: Interpreter, recoverWithoutAsking: Bool) {
        let lab = interpreter.lab, console = lab.console
        switch inspect(lab.paths) {
        case .none:
            if recoverWithoutAsking { console.write("nothing to recover: there is no autosave journal in \(lab.paths.state.path)") }
        case .inUse(let pid):
            console.warn("note: another nnlab (pid \(pid)) is running in this folder and autosaves here; this one will not autosave")
            return
        case .nothingUnsaved:
            unlink(lab.paths.journalFile.path)
            if recoverWithoutAsking { console.write("nothing to recover: the last session left no unsaved work") }
        case .unsaved(let contents):
            let what = "\(contents.commands.count) unsaved command\(contents.commands.count == 1 ? "" : "s")"
                + (contents.base.map { " after `\($0)`" } ?? "") + ", the last `\(contents.commands.last ?? "")`"
            var recover = recoverWithoutAsking
            if !recover {
                guard console.isInteractive else { break }
                console.write("The last nnlab here ended without saving: \(what)"
                              + (contents.started.map { " (started \($0))" } ?? "") + ".")
                let answer = console.ask("Recover it? [Y/n] ")?.trimmingCharacters(in: .whitespaces).lowercased()
                recover = answer == nil ? false : (answer!.isEmpty || answer!.hasPrefix("y"))
                if !recover {
                    let moved = AutosaveJournal.discardFile(at: lab.paths.journalFile)
                    console.write("not recovered" + (moved.map { "; its commands are kept in \($0.path) until the next time" } ?? ""))
                }
            }
            if recover { _ = self.recover(contents, into: interpreter) }
        }
        if console.isInteractive && lab.session.autosave == nil { AutosaveJournal.attach(to: lab) }
    }

    // MARK: - Recovering

    /// Rebuilds `contents` into the lab of `target` (running the commands in a scratch lab through
    /// the same command table): up to the last command that completes. Returns how many commands
    /// were recovered; prints what happened. On failure of the base nothing changes.
    @discardableResult
    public static func recover(_ contents: AutosaveContents, into target: Interpreter) -> Int {
        let lab = target.lab, console = lab.console
        let silent = RecoveryConsole(showing: console)
        let scratch = Lab(console: silent, paths: lab.paths)
        scratch.shouldStop = lab.shouldStop
        scratch.reseed(contents.seed)
        let interpreter = target.over(scratch)
        if let base = contents.base {
            console.write(console.style.dim("recovering: \(base)"))
            guard interpreter.run(base) else {
                let kept = AutosaveJournal.discardFile(at: lab.paths.journalFile)
                console.warn("cannot recover: `\(base)` failed: \(silent.warnings.last ?? "")"
                             + (kept.map { "\n  the unsaved commands are kept in \($0.path)" } ?? ""))
                return 0
            }
        }
        var done = 0
        if console.isInteractive {
            console.write(console.style.dim("(Ctrl-C cuts the command being recovered short where it is, and recovery goes on with the next)"))
        }
        for (index, command) in contents.commands.enumerated() {
            console.write(console.style.dim("recovering \(done + 1)/\(contents.commands.count): \(command)"))
            scratch.session.plannedStops = contents.stops[index] ?? []
            defer { scratch.session.plannedStops = [] }
            guard interpreter.run(command) else {
                console.warn("recovery stopped at `\(command)`: \(silent.warnings.last ?? "it failed")")
                break
            }
            done += 1
        }
        if done < contents.commands.count, let kept = AutosaveJournal.discardFile(at: lab.paths.journalFile) {
            console.warn("  every unsaved command is kept in \(kept.path)")
        }
        SessionSnapshot(of: scratch).install(into: lab)
        lab.session.name = scratch.session.name
        lab.session.base = scratch.session.base
        lab.session.savedCount = scratch.session.savedCount
        lab.session.file = scratch.session.file
        lab.session.hasUnsavedWork = done > 0
        lab.session.autosave?.restart(for: lab)
        console.write("recovered \(done) of \(contents.commands.count) command\(contents.commands.count == 1 ? "" : "s")"
                      + (lab.session.name.map { " on top of session '\($0)'" } ?? "")
                      + "; `save NAME` keeps them" + (lab.session.name == nil ? "" : " (`save` updates '\(lab.session.name!)')"))
        return done
    }
}
