// save, load, sessions, replay, and what `quit` does with unsaved work.
//
// A session is saved as sessions/NAME.nnlab (the commands, with their figures) beside
// sessions/NAME.safetensors (the weights and everything needed to continue exactly): see
// SessionFile, SessionWeights and SessionStore. None of these commands is journaled: they act on
// the session as a whole.

import Foundation
import LabCommands
import LabCore
import LabKit
import LabText
import NNFormats
import TermCharts

package enum SessionCommands {
    package static let commands: [CommandSpec] = [
        CommandSpec("save", group: .sessions, summary: "Save the session as sessions/NAME.nnlab and NAME.safetensors",
                    details: "The .nnlab file is the session as a script (every command that changed the lab, with the figures "
                        + "it produced as comments); the .safetensors file holds the weights, the optimizer's state and the "
                        + "generator, so `load` continues exactly. Without NAME the session's own name is used. Replacing "
                        + "another session asks first (`force` replaces without asking, as scripts need). `compact` leaves the "
                        + "optimizer's state out (a third of the size for Adam; training after `load` restarts the optimizer).",
                    examples: ["save lab-10-1", "save", "save lab-10-1 force", "save mnist-try compact"],
                    arguments: [newName.spec, replaceExisting.spec, compact.spec], handler: save),
        CommandSpec("load", group: .sessions, summary: "Load a saved session: model, weights, optimizer, data and seed",
                    details: "Restores everything the session saved without training again: `eval` right after gives the "
                        + "figures it recorded. The data is loaded again with the session's own `data load` words and "
                        + "checked against what it was (file sizes and SHA-256). The files are checked completely first: "
                        + "a damaged session changes nothing.",
                    examples: ["load lab-10-1"],
                    arguments: [savedName.spec, dropUnsaved.spec, mismatchedWeights.spec], handler: load),
        CommandSpec("sessions", group: .sessions, summary: "The saved sessions: date, model, data and the last recorded result",
                    examples: ["sessions"], handler: { lab, inv in list(lab, commands: try inv.runningInterpreter().parser.commands) }),
        CommandSpec("replay", group: .sessions, summary: "Run a saved session again from scratch and compare every figure",
                    details: "Starts from a fresh lab and the session's seed, runs its commands, and for every training and "
                        + "evaluation prints the recorded and the replayed figures with \"matches\" or the largest difference. "
                        + "On the same build and machine they match exactly; elsewhere they agree within "
                        + "\(Replay.number(FigureComparison.defaultTolerance)) (BLAS may add in another order). `step` waits "
                        + "for Enter before each command, like a tutorial. `fast` runs the session's fast variant (fewer "
                        + "epochs, fewer examples) against its own figures. A full replay that agrees leaves its lab in "
                        + "place of yours; `record` writes the replayed figures into the file (and, when full, the weights).",
                    examples: ["replay lab-10-1", "replay xor-relu step", "replay lab-10-5 fast"],
                    arguments: [savedName.spec, step.spec, fast.spec, recordFigures.spec, dropUnsaved.spec], handler: replay),
    ]

    // MARK: - Arguments

    /// `save [NAME]`: a new or the session's own name.
    static let newName = TypedArgument<String>.positional("name", required: false, default: "the session's name",
                                                          completion: .sessionNames, "letters, digits, '-', '_', '.'")
    /// `load NAME`, `replay NAME`: a saved session.
    static let savedName = TypedArgument<String>.positional("name", completion: .sessionNames, "a saved session (see `sessions`)")
    static let replaceExisting = TypedFlag.named("force", "replace an existing session without asking")
    static let dropUnsaved = TypedFlag.named("force", "drop unsaved work without asking")
    static let mismatchedWeights = TypedFlag.named("mismatched", "load a weights file that is not the one the session saved (it must fit the model)")
    static let compact = TypedFlag.named("compact", "leave out the optimizer's state")
    static let step = TypedFlag.named("step", "one command at a time: Enter runs the next, q stops")
    static let fast = TypedFlag.named("fast", "the session's fast variant, compared with its fast figures")
    static let recordFigures = TypedFlag.named("record", "write the replayed figures into the session file")

    /// The name a handler was given, or an error (the parser requires it, so this does not happen).
    private static func given(_ inv: Invocation, _ argument: TypedArgument<String>) throws(ShellError) -> String {
        guard let name = inv[argument] else { throw ShellError(loc(.sessionNeedsName, inv.commandName), hint: loc(.sessionSeeSessions)) }
        return try SessionStore.checkName(name)
    }

    // MARK: - save

    static func save(_ lab: Lab, _ inv: Invocation) throws {
        var name: String
        if let given = inv[newName] {
            name = try SessionStore.checkName(given)
        } else if let own = lab.session.name {
            name = own
        } else if lab.console.isInteractive, let typed = lab.console.ask(loc(.nameForSession))?.trimmingCharacters(in: .whitespaces),
                  !typed.isEmpty {
            name = try SessionStore.checkName(typed)
        } else {
            throw ShellError(loc(.sessionHasNoName), hint: loc(.sessionNameItHint))
        }
        guard !lab.session.journal.isEmpty else {
            throw ShellError(loc(.sessionNothingToSave), hint: loc(.sessionBuildFirstHint))
        }
        if name != lab.session.name, SessionStore.exists(name, in: lab.paths.sessions), !inv[replaceExisting] {
            let question = loc(.sessionExistsReplace, name, savedDate(name, lab).map { loc(.savedOn, $0) } ?? "")
            guard lab.console.isInteractive else {
                throw ShellError(loc(.sessionExistsAlready, name), hint: loc(.sessionForceReplacesHint, name))
            }
            guard isYes(lab.console.ask(question)) else {
                lab.console.write(loc(.notSavedUnchanged, name))
                return
            }
        }
        let file = try SessionStore.save(lab, as: name, withOptimizerState: !inv[compact])
        lab.markSaved(as: name, file: file)
        let bytes = file.header.weights?.bytes ?? 0
        let (script, weights) = SessionStore.files(name, in: lab.paths.sessions)
        lab.console.write(loc(.sessionSaved, lab.paths.shown(script), SessionWords.commands(lab.session.journal.count),
                              lab.paths.shown(weights), sizeText(bytes)))
    }

    static func savedDate(_ name: String, _ lab: Lab) -> String? {
        SessionStore.list(in: lab.paths.sessions).first { $0.name == name }?.header?.saved
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes < 10_000 ? loc(.sessionBytes, NumberFormat.grouped(bytes)) : (bytes < 10_000_000 ? "\(NumberFormat.grouped(bytes / 1000)) KB" : "\(NumberFormat.oneDecimal(Double(bytes) / 1e6)) MB")
    }

    // MARK: - load

    static func load(_ lab: Lab, _ inv: Invocation) throws {
        let name = try given(inv, savedName)
        guard confirmReplacing(lab, inv, doing: "load \(name)") else { return }
        guard let found = SessionPlaces.find(name, paths: lab.paths) else { throw SessionWords.noSession(name, lab) }
        let loaded = try SessionLoader.read(found.script, for: lab, commands: try inv.runningInterpreter().parser.commands,
                                            acceptingOtherWeights: inv[mismatchedWeights])
        for warning in loaded.warnings { lab.console.warn(warning) }
        loaded.snapshot.install(into: lab)
        lab.markSaved(as: name, file: loaded.file)
        let h = loaded.file.header
        let commands = SessionWords.commands(lab.session.journal.count)
        lab.console.write(h.saved.map { loc(.sessionLoadedOn, name, commands, $0) } ?? loc(.sessionLoaded, name, commands))
        lab.console.write(lab.console.style.dim(SessionPlaces.origin(found, paths: lab.paths, language: lab.settings.language)))
        let model = h.model ?? SessionStore.modelSummary(lab), data = h.data ?? loc(.sessionNone)
        lab.console.write(lab.console.style.dim(h.best.map { loc(.sessionLoadedSummaryBest, model, data, SessionWords.result($0)) }
                                                ?? loc(.sessionLoadedSummary, model, data)))
    }

    /// With unsaved work at a terminal, asks before replacing the session; true to go on.
    static func confirmReplacing(_ lab: Lab, _ inv: Invocation, doing what: String) -> Bool {
        guard lab.session.hasUnsavedWork, lab.console.isInteractive, !inv[dropUnsaved] else { return true }
        let count = lab.unsavedEntries.count
        if isYes(lab.console.ask(loc(.replacesSessionGoOn, what, count, count == 1 ? "" : "s"))) { return true }
        lab.console.write(loc(.nothingChanged))
        return false
    }

    // MARK: - sessions

    static func list(_ lab: Lab, commands: [CommandSpec]) {
        let paths = lab.paths
        let own = SessionStore.list(in: paths.sessions)
        let examples = paths.examplesApart ? SessionStore.list(in: paths.examples).filter { e in !own.contains { $0.name == e.name } } : []
        if own.isEmpty {
            lab.console.write(loc(.sessionListEmpty, paths.sessions.path))
        } else {
            if !examples.isEmpty { lab.console.write(loc(.sessionListYours, paths.shown(paths.sessions))) }
            lab.console.write(table(own, in: paths.sessions, lab, commands: commands))
        }
        if !examples.isEmpty {
            lab.console.write(loc(.sessionListExamples, paths.examples.path))
            lab.console.write(table(examples, in: paths.examples, lab, commands: commands))
        }
        guard !own.isEmpty || !examples.isEmpty else { return }
        lab.console.write(lab.console.style.dim(loc(.sessionsHint)))
    }

    private static func table(_ listed: [SessionStore.Listed], in folder: URL, _ lab: Lab, commands: [CommandSpec]) -> String {
        let rows = listed.map { s -> [String] in
            guard let h = s.header else { return [s.name, "", loc(.sessionListUnreadable, s.problem ?? "?"), "", ""] }
            let shape = h.model.map { String($0.prefix { $0 != ";" }) } ?? ""
            return [s.name + (s.name == lab.session.name ? " *" : ""), h.saved.map { String($0.prefix(10)) } ?? "",
                    shape, h.data ?? loc(.sessionNone), lastResult(of: s.name, in: folder, commands: commands).map(SessionWords.result) ?? ""]
        }
        let table = TextTable(columns: [TableColumn(loc(.sessionsSession), alignment: .left), TableColumn(loc(.sessionsSaved), alignment: .left),
                                        TableColumn(loc(.sessionsModel), alignment: .left), TableColumn(loc(.sessionsData), alignment: .left),
                                        TableColumn(loc(.sessionsLastResult), alignment: .left)],
                              rows: rows, border: .minimal)
        return table.render(lab.console.style)
    }

    /// The session's own last figure, read from its commands' recorded figures (not the header,
    /// which an older nnlab may have written before the session changed): the last evaluation
    /// ("test 0.9805"), else the last epoch's validation or training accuracy.
    static func lastResult(of name: String, in folder: URL, commands: [CommandSpec]) -> String? {
        let url = SessionStore.files(name, in: folder).script
        guard let bytes = RegularFile.contents(url),
              let file = try? SessionFile.parse(bytes, file: url.lastPathComponent, commands: commands) else { return nil }
        for figure in file.entries.flatMap(\.figures).reversed().map(FigureLine.init) {
            let words = figure.text.split(separator: " ")
            // "eval test  accuracy 0.9805" -> "test 0.9805"; "ensemble test accuracy 0.9827" -> "ensemble test 0.9827".
            if let at = words.firstIndex(of: "accuracy"), at > 0, let a = figure.value(after: "accuracy") {
                return words[(words.first == "eval" ? 1 : 0)..<at].joined(separator: " ") + " " + NumberFormat.fourDecimals(Float(a))
            }
            if words.first == "epoch" {
                if let v = figure.value(after: "validation") { return "validation " + NumberFormat.fourDecimals(Float(v)) }
                if let t = figure.value(after: "train") { return "train " + NumberFormat.fourDecimals(Float(t)) }
            }
        }
        return nil
    }

    // MARK: - replay

    static func replay(_ lab: Lab, _ inv: Invocation) throws {
        let name = try given(inv, savedName)
        guard let found = SessionPlaces.find(name, paths: lab.paths),
              let bytes = RegularFile.contents(found.script) else { throw SessionWords.noSession(name, lab) }
        let file: SessionFile
        let commands = try inv.runningInterpreter().parser.commands
        do { file = try SessionFile.parse(bytes, file: lab.paths.shown(found.script), commands: commands) } catch { throw error.shellError }
        if inv[recordFigures] && found.source == .example {
            throw ShellError(loc(.replayExampleNotRewritten, name, found.script.path), hint: loc(.replayCopyExampleHint, name))
        }
        lab.console.write(lab.console.style.dim(loc(.replayingFrom, name, SessionPlaces.origin(found, paths: lab.paths, language: lab.settings.language))))
        let fast = inv[Self.fast]
        if !fast { guard confirmReplacing(lab, inv, doing: "replay \(name)") else { return } }
        let interpreter = try inv.runningInterpreter()
        let result = Replay.run(file, name: name, console: lab.console, paths: lab.paths,
                                options: ReplayOptions(step: inv[step], fast: fast), shouldStop: lab.shouldStop,
                                makeInterpreter: interpreter.over)
        if let line = result.failedLine {
            throw ShellError(loc(.replayStopped, name, line), hint: loc(.replayLabUnchanged))
        }
        var kept = file
        if inv[recordFigures] {
            kept = try record(result, file: file, name: name, folder: found.script.deletingLastPathComponent(), fast: fast)
            lab.console.write(loc(fast ? .replayRecordedFastFile : .replayRecordedFile, "sessions/\(name).nnlab"))
        } else if !result.succeeded {
            throw ShellError(loc(.replayFiguresDiffer, name), hint: loc(.replayFiguresDifferHint, name))
        }
        guard !fast else {
            lab.console.write(lab.console.style.dim(loc(.replayFastIsCheck)))
            return
        }
        SessionSnapshot(of: result.lab).install(into: lab)
        if result.stoppedEarly {
            lab.session.name = nil
            lab.session.hasUnsavedWork = !lab.session.journal.isEmpty
            lab.session.base = nil
            lab.session.savedCount = 0
            lab.session.file = kept
            lab.session.autosave?.restart(for: lab)
            lab.console.write(loc(.replayHoldsUpTo, name))
        } else {
            lab.markSaved(as: name, file: kept)
            lab.console.write(lab.console.style.dim(loc(.replayHoldsSession, name)))
        }
    }

    /// Writes the replayed figures into the session (fast: the `#fast` lines only; full: the
    /// figures and the weights, as `save` would, with the optimizer's state only if the old
    /// weights file had it). Returns the session file as written.
    @discardableResult
    static func record(_ result: ReplayResult, file: SessionFile, name: String, folder: URL, fast: Bool) throws(ShellError) -> SessionFile {
        guard result.failedLine == nil, !result.stoppedEarly else {
            throw ShellError(loc(.replayOnlyFullRecorded), hint: loc(.replayRunAgainHint))
        }
        if fast {
            var updated = file
            let replayed = result.lab.session.journal
            guard replayed.count == updated.entries.count else {
                throw ShellError(loc(.replayJournaledCount, replayed.count, updated.entries.count), hint: loc(.replayJournaledCountHint))
            }
            for i in updated.entries.indices { updated.entries[i].fastFigures = replayed[i].figures }
            do { try result.lab.session.writeFile(Data(updated.render().utf8), SessionStore.files(name, in: folder).script) } catch {
                throw ShellError(loc(.replayCannotRecord, error.localized), hint: loc(.replayFileUnchangedHint))
            }
            return updated
        }
        let weights = SessionStore.files(name, in: folder).weights
        let hadState = (try? SafetensorsFile(contentsOf: weights))?.tensors.contains { $0.name.hasPrefix(SessionWeights.slotPrefix) } ?? true
        result.lab.session.file = file
        return try SessionStore.save(result.lab, as: name, in: folder, withOptimizerState: hadState)
    }
}

extension Lab {
    /// Ends the session after `quit` (or Ctrl-D). With unsaved work at a terminal, offers to save
    /// it first; `force` (and piped input) quits without asking. A clean quit removes the autosave
    /// journal; dropping unsaved work keeps its commands in the state folder's discarded.nnlab.
    /// `interpreter` (the shell's) runs the dialog's `save`.
    public func requestQuit(force: Bool, interpreter: Interpreter) throws {
        guard session.hasUnsavedWork, !session.journal.isEmpty else {
            session.autosave?.remove()
            interpreter.shell.quitRequested = true
            return
        }
        if force || !console.isInteractive {
            if let kept = session.autosave?.discard() {
                console.write(console.style.dim(loc(.droppedUnsaved, kept.path)))
            }
            interpreter.shell.quitRequested = true
            return
        }
        let count = unsavedEntries.count
        console.write(loc(.unsavedCommands, count, unsavedEntries.last.map { loc(.unsavedLast, $0.command) } ?? "", count == 1 ? "" : "s"))
        guard let reply = console.ask(loc(.saveBeforeQuitting, session.name.map { loc(.saveAsName, $0) } ?? "")) else {
            // The input ended at the question (Ctrl-D, or a closed pipe): nothing more can be asked,
            // so leave, keeping the autosave journal for the next start to recover.
            session.autosave?.close()
            console.write(loc(.inputEndedNotSaved) + (session.autosave == nil ? "" : loc(.recoverNext)))
            interpreter.shell.quitRequested = true
            return
        }
        if isNo(reply) {
            let kept = session.autosave?.discard()
            console.write(kept.map { loc(.notSavedKept, $0.path) } ?? loc(.notSaved))
            interpreter.shell.quitRequested = true
        } else if isYes(reply) {
            if interpreter.run("save") && !session.hasUnsavedWork {
                session.autosave?.remove()
                interpreter.shell.quitRequested = true
            }
        } else {
            console.write(loc(.stillHere))
        }
    }
}
