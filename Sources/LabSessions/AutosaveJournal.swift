// AutosaveJournal: the REPL's unsaved commands on disk, each one safe as soon as it completes.
//
// Each running lab has its own journal, in a folder of its own under the state folder
// (`~/.local/state/nnlab/autosave/ID/`): `lock`, held with flock for as long as the lab runs
// (JournalLock.swift), and `journal.nnlab`, a small session script:
//
//   # nnlab autosave
//   # format: 1
//   # pid: 4242                      <- the nnlab that writes it (for people; the lock decides)
//   # folder: /home/ada/experiments  <- where that nnlab was started: only a lab started there recovers it
//   # started: 2025-06-01T10:11:12Z
//   # seed: 777                      <- the seed before the first command
//   # base: load lab-10-1            <- what restores the saved part (absent when nothing is saved)
//
//   data load xor                    <- every state-changing command since, appended and fsync'd
//   layer add dense 5 relu              (JournalWriter) as it completes
//
// `save` and `load` rewrite it (atomically) down to its new base; a clean quit removes the folder.
// After a crash, `kill -9` or a closed terminal it stays, its lock free, and the next lab started
// in the same folder offers to recover it (Recovery.swift). A write that fails (a full disk) is
// reported once; the session goes on.

import Foundation
import LabCore
import LabText
import LabKit
import NNFormats
#if canImport(Glibc)
import Glibc
#endif

/// The autosave journal of one REPL.
public final class AutosaveJournal: JournalFile {
    public static let firstLine = "# nnlab autosave"
    static let fileName = "journal.nnlab", lockName = "lock"
    /// Where it is.
    public let url: URL
    /// The folder holding it and its lock.
    var folder: URL { url.deletingLastPathComponent() }
    private var writer: JournalWriter?
    /// This lab's hold on the journal; nil once closed.
    private var lock: JournalLock?
    /// Journal entries of the lab that the file holds (base included).
    private var writtenCount = 0
    private var reportedFailure = false

    init(url: URL, lock: JournalLock?) {
        self.url = url
        self.lock = lock
    }

    /// Starts a new autosave journal of its own for `lab` and hooks it to the lab's journal.
    /// Returns nil, with a warning, when the file cannot be written.
    @discardableResult
    public static func attach(to lab: Lab) -> AutosaveJournal? {
        let id = newIdentifier()
        let folder = lab.paths.journals.appendingPathComponent(id)
        // Made under a hidden name, locked, then renamed into view: a lab surveying the journals
        // meanwhile never sees a folder without its lock.
        let hidden = lab.paths.journals.appendingPathComponent("." + id)
        let lock: JournalLock
        do throws(FileWriteError) {
            try Folder.create(hidden)
            guard case .claimed(let claimed) = JournalLock.claim(hidden.appendingPathComponent(lockName), create: true) else {
                throw FileWriteError(path: hidden.appendingPathComponent(lockName).path, step: "locking", code: errno)
            }
            guard rename(hidden.path, folder.path) == 0 else {
                throw FileWriteError(path: folder.path, step: "renaming the new journal's folder into place", code: errno)
            }
            lock = claimed
        } catch {
            unlink(hidden.appendingPathComponent(lockName).path)
            rmdir(hidden.path)
            lab.console.warn(SessionMessage.sessionNotAutosaved.text([error.localized(lab.settings.language)], language: lab.settings.language))
            return nil
        }
        lock.describeHolder(JournalHolder(pid: getpid(), doing: .started, folder: lab.paths.work.path))
        let journal = AutosaveJournal(url: folder.appendingPathComponent(fileName), lock: lock)
        lab.session.autosave = journal
        journal.restart(for: lab)
        guard journal.writer != nil else {
            lab.session.autosave = nil
            journal.remove()
            return nil
        }
        lab.session.onJournal = { [weak lab, weak journal] entry in
            guard let lab, let journal else { return }
            journal.journaled(entry, in: lab)
        }
        return journal
    }

    /// "20250601-101112-4242-a3f9": sorts by start time; the pid and a random part keep two labs
    /// started in the same second apart.
    static func newIdentifier(date: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return "\(f.string(from: date))-\(getpid())-" + String(UInt16.random(in: 0...UInt16.max), radix: 16)
    }

    /// Rewrites the file from `lab`: header, base, and the commands not covered by the base.
    public func restart(for lab: Lab) {
        writer?.close()
        writer = nil
        var lines = [AutosaveJournal.firstLine, "# format: 1", "# pid: \(getpid())", "# folder: \(lab.paths.work.path)",
                     "# started: \(SessionStore.isoDate(Date()))", "# seed: \(lab.session.journalSeed ?? lab.seed)"]
        if let base = lab.session.base { lines.append("# base: \(base)") }
        lines.append("")
        lines += lab.unsavedEntries.map(AutosaveJournal.text(of:))
        do {
            try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: url)
            writer = try JournalWriter(url: url)
            writtenCount = lab.session.journal.count
            reportedFailure = false
        } catch {
            report(error, lab: lab)
        }
    }

    /// Called with every journal entry the lab commits.
    func journaled(_ entry: JournalEntry, in lab: Lab) {
        if lab.session.journal.count <= lab.session.savedCount {
            // The journal was emptied under the saved base (a reset): nothing is saved any more.
            lab.session.base = nil
            lab.session.savedCount = 0
            lab.session.file = nil
        }
        // The first entry rewrites the header: it fixes the seed the journal starts from.
        guard let writer, lab.session.journal.count > 1, lab.session.journal.count == writtenCount + 1, lab.session.savedCount <= writtenCount else {
            restart(for: lab)
            return
        }
        do {
            try writer.append(AutosaveJournal.text(of: entry))
            writtenCount += 1
        } catch {
            report(error, lab: lab)
        }
    }

    /// An entry as the journal keeps it: the command, and under it `# stopped at epoch E batch B`
    /// for each run the learner stopped (so recovery stops there too), written in one append.
    static func text(of entry: JournalEntry) -> String {
        ([entry.command] + StopPoint.all(in: entry.figures).map { "# " + $0.figure }).joined(separator: "\n")
    }

    /// Closes and deletes the journal and its folder (a clean quit, or its work is safe elsewhere).
    public func remove() {
        writer?.close()
        writer = nil
        AutosaveJournal.removeFolder(folder)
        lock?.release()
        lock = nil
    }

    /// Stops writing and leaves the file where it is, its lock free, so the next start in this
    /// folder offers to recover it.
    public func close() {
        writer?.close()
        writer = nil
        lock?.release()
        lock = nil
    }

    /// Moves the file aside to `discarded.nnlab` in the state folder (the work was dropped on
    /// purpose, but a copy of its commands stays until the next time) and removes the journal's
    /// folder. Returns where the commands went.
    @discardableResult
    public func discard() -> URL? {
        writer?.close()
        writer = nil
        let kept = AutosaveJournal.discardFile(at: url)
        AutosaveJournal.removeFolder(folder)
        lock?.release()
        lock = nil
        return kept
    }

    /// `journal` moved to `discarded.nnlab` two folders up (the state folder); where it went, or nil.
    static func discardFile(at journal: URL) -> URL? {
        let state = journal.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let target = state.appendingPathComponent("discarded.nnlab")
        return rename(journal.path, target.path) == 0 ? target : nil
    }

    /// A copy of `journal` as `discarded.nnlab` in the state folder (the journal stays); where, or nil.
    static func discardCopy(of journal: URL) -> URL? {
        let state = journal.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let target = state.appendingPathComponent("discarded.nnlab")
        guard let bytes = FileManager.default.contents(atPath: journal.path), (try? AtomicFile.write(bytes, to: target)) != nil else { return nil }
        return target
    }

    /// Removes a journal's folder: the journal first, the lock last (a lab that opens the lock
    /// meanwhile finds it unlinked and leaves it alone).
    static func removeFolder(_ folder: URL) {
        unlink(folder.appendingPathComponent(fileName).path)
        unlink(folder.appendingPathComponent(lockName).path)
        rmdir(folder.path)
    }

    private func report(_ error: FileWriteError, lab: Lab) {
        writer?.close()
        writer = nil
        guard !reportedFailure else { return }
        reportedFailure = true
        lab.console.warn(SessionMessage.sessionAutosaveStopped.text([error.localized(lab.settings.language)], language: lab.settings.language))
    }
}
