// Recovery: bringing back the unsaved work an earlier nnlab left in its autosave journal.
//
// At start the REPL looks at every journal in the state folder (AutosaveJournal.swift). One whose
// lock is held belongs to a running lab: left alone. One whose lab is gone (its lock free) and that
// holds nothing unsaved is removed. One with unsaved commands, written by a lab started in this
// same folder, is offered for recovery (`nnlab --recover` does it without asking); journals of labs
// started elsewhere are not asked about. This lab holds the lock of a journal while it asks and
// recovers, so a second lab starting at the same moment leaves it alone and says who has it.
// Recovering replays the base (`load NAME`) and the commands in a scratch lab with a silent console,
// up to the last command that completes, and then puts that state into the learner's lab in one go.
// The old journal is removed only once the recovered work is in this lab's own journal, so a
// recovery that fails loses nothing.

import Foundation
import LabCore
import NNFormats
#if canImport(Glibc)
import Glibc
#endif

/// What an autosave journal holds.
public struct AutosaveContents: Equatable, Sendable {
    public var pid: Int32?
    /// The folder the lab that wrote it was started in.
    public var folder: String?
    public var started: String?
    public var seed: UInt64
    /// The command that restores the saved part (`load NAME`).
    public var base: String?
    /// The unsaved commands, oldest first.
    public var commands: [String]
    /// Runs the learner stopped, by the index of their command in `commands`.
    public var stops: [Int: [StopPoint]] = [:]

    public init(pid: Int32? = nil, folder: String? = nil, started: String? = nil, seed: UInt64, base: String? = nil, commands: [String]) {
        self.pid = pid
        self.folder = folder
        self.started = started
        self.seed = seed
        self.base = base
        self.commands = commands
    }
}

/// A journal whose lab is gone, claimed by this lab (its lock held) until it is recovered, set
/// aside or released for a later start.
final class OrphanJournal {
    let url: URL
    let contents: AutosaveContents
    private var lock: JournalLock?

    init(url: URL, contents: AutosaveContents, lock: JournalLock) {
        self.url = url
        self.contents = contents
        self.lock = lock
    }

    /// Leaves it for a later start.
    func release() {
        lock?.release()
        lock = nil
    }

    /// Its work is safe elsewhere: the journal and its folder go.
    func remove() {
        AutosaveJournal.removeFolder(url.deletingLastPathComponent())
        release()
    }

    /// Set aside on purpose: its commands go to discarded.nnlab; returns where.
    func discard() -> URL? {
        let kept = AutosaveJournal.discardFile(at: url)
        remove()
        return kept
    }
}

public enum Recovery {
    /// What the journals in the state folder say, for a lab started in `paths.work`.
    struct Survey {
        /// Journals of this folder whose lab is gone, newest first, each claimed by this lab.
        var orphans: [OrphanJournal] = []
        /// Folders of other labs' orphaned journals (not claimed: left for a lab started there).
        var elsewhere: [String] = []
        /// Who holds the journals of this folder that another starting lab is recovering.
        var claimedByOthers: [JournalHolder] = []
    }

    /// Looks at every journal: claims this folder's orphans, removes empty orphans, notes the rest.
    static func survey(_ paths: LabPaths) -> Survey {
        var survey = Survey()
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: paths.journals.path)) ?? []).sorted(by: >)
        let here = paths.work.standardizedFileURL.path
        for name in folders where !name.hasPrefix(".") {
            let folder = paths.journals.appendingPathComponent(name)
            let journal = folder.appendingPathComponent(AutosaveJournal.fileName)
            switch JournalLock.claim(folder.appendingPathComponent(AutosaveJournal.lockName)) {
            case .gone:
                // A folder without a lock file is a journal being created (or a leftover without
                // a journal): only an empty one is cleared.
                if !FileManager.default.fileExists(atPath: journal.path) { rmdir(folder.path) }
            case .held(let holder):
                if let holder, holder.doing == .recovering, holder.folder == here { survey.claimedByOthers.append(holder) }
            case .claimed(let lock):
                guard let lines = try? JournalWriter.readLines(from: journal), let contents = parse(lines), !contents.commands.isEmpty else {
                    AutosaveJournal.removeFolder(folder)   // nothing unsaved: nothing to offer
                    lock.release()
                    continue
                }
                guard contents.folder.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }) == here else {
                    survey.elsewhere.append(contents.folder ?? "?")
                    lock.release()
                    continue
                }
                lock.describeHolder(JournalHolder(pid: getpid(), doing: .recovering, folder: here))
                survey.orphans.append(OrphanJournal(url: journal, contents: contents, lock: lock))
            }
        }
        return survey
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
                case "folder": contents.folder = value
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

    // MARK: - At start

    /// The REPL's start: offers to recover what labs started in this folder left unsaved (recovers
    /// the newest without asking when `recoverWithoutAsking`), then starts this lab's own autosave
    /// journal when a person is at the terminal.
    public static func start(_ interpreter: Interpreter, recoverWithoutAsking: Bool) {
        let lab = interpreter.lab, console = lab.console
        let text = RecoveryText(lab.settings.language)
        let survey = self.survey(lab.paths)
        for holder in survey.claimedByOthers { console.warn(text.claimedByOther(holder)) }
        if recoverWithoutAsking && survey.orphans.isEmpty {
            console.write(text.nothingToRecover(lab.paths.work.path))
            if !survey.elsewhere.isEmpty { console.write(text.elsewhere(Array(Set(survey.elsewhere)).sorted())) }
        }
        var recovered: OrphanJournal?
        var left = survey.orphans[...]
        asking: while let orphan = left.popFirst() {
            if recoverWithoutAsking {
                recovered = orphan
                break
            }
            guard console.isInteractive else {
                left.insert(orphan, at: left.startIndex)
                break
            }
            console.write(text.endedWithoutSaving(orphan.contents))
            while true {
                guard let reply = console.ask(text.question) else {
                    // End of input: nothing more can be asked; everything stays for `--recover`.
                    console.write(text.keptForLater)
                    left.insert(orphan, at: left.startIndex)
                    break asking
                }
                switch YesNo(reply, empty: .yes) {
                case .yes?:
                    recovered = orphan
                    break asking
                case .no?:
                    console.write(text.notRecovered(kept: orphan.discard()))
                    continue asking
                case nil:
                    console.write(text.askAgain)
                }
            }
        }
        if !left.isEmpty && recovered != nil { console.write(console.style.dim(text.moreLeft(left.count))) }
        for orphan in left { orphan.release() }
        if let orphan = recovered {
            recover(orphan.contents, into: interpreter, journal: orphan.url)
        }
        if console.isInteractive && lab.session.autosave == nil { AutosaveJournal.attach(to: lab) }
        // The recovered commands are in this lab's own journal now (or, without one, stay in the old).
        if let orphan = recovered {
            if lab.session.autosave != nil { orphan.remove() } else { orphan.release() }
        }
    }

    // MARK: - Recovering

    /// Rebuilds `contents` into the lab of `target` (running the commands in a scratch lab through
    /// the same command table): up to the last command that completes. Returns how many commands
    /// were recovered; prints what happened. On failure of the base nothing changes.
    @discardableResult
    public static func recover(_ contents: AutosaveContents, into target: Interpreter, journal: URL? = nil) -> Int {
        let lab = target.lab, console = lab.console
        let text = RecoveryText(lab.settings.language)
        let silent = RecoveryConsole(showing: console)
        let scratch = Lab(console: silent, paths: lab.paths)
        scratch.settings.language = lab.settings.language   // its errors are shown when a command fails
        scratch.shouldStop = lab.shouldStop
        scratch.reseed(contents.seed)
        let interpreter = target.over(scratch)
        if let base = contents.base {
            console.write(console.style.dim(text.recoveringBase(base)))
            guard interpreter.run(base) else {
                let kept = journal.flatMap { AutosaveJournal.discardCopy(of: $0) }
                console.warn(text.baseFailed(base, silent.warnings.last ?? "", kept: kept))
                return 0
            }
        }
        var done = 0
        if console.isInteractive { console.write(console.style.dim(text.ctrlCCutsShort)) }
        for (index, command) in contents.commands.enumerated() {
            console.write(console.style.dim(text.recoveringStep(done + 1, of: contents.commands.count, command)))
            scratch.session.plannedStops = contents.stops[index] ?? []
            defer { scratch.session.plannedStops = [] }
            guard interpreter.run(command) else {
                console.warn(text.stoppedAt(command, silent.warnings.last))
                break
            }
            done += 1
        }
        if done < contents.commands.count, let journal, let kept = AutosaveJournal.discardCopy(of: journal) {
            console.warn(text.everyCommandKept(kept))
        }
        SessionSnapshot(of: scratch).install(into: lab)
        lab.session.name = scratch.session.name
        lab.session.base = scratch.session.base
        lab.session.savedCount = scratch.session.savedCount
        lab.session.file = scratch.session.file
        lab.session.hasUnsavedWork = done > 0
        lab.session.autosave?.restart(for: lab)
        console.write(text.recovered(done, of: contents.commands.count, session: lab.session.name))
        return done
    }
}
