// AutosaveJournal: the REPL's unsaved commands on disk, each one safe as soon as it completes.
//
// `.nnlab/autosave.nnlab` is a small session script:
//
//   # nnlab autosave
//   # format: 1
//   # pid: 4242                      <- the nnlab that writes it (a second nnlab leaves it alone)
//   # started: 2025-06-01T10:11:12Z
//   # seed: 777                      <- the seed before the first command
//   # base: load lab-10-1            <- what restores the saved part (absent when nothing is saved)
//
//   data load xor                    <- every state-changing command since, appended and fsync'd
//   layer add dense 5 relu              (JournalWriter) as it completes
//
// `save` and `load` rewrite it (atomically) down to its new base; a clean quit removes it. After
// a crash, `kill -9` or a closed terminal it stays, and the next start offers to recover it
// (Recovery.swift). A write that fails (a full disk) is reported once; the session goes on.

import Foundation
import LabKit
import NNFormats
#if canImport(Glibc)
import Glibc
#endif

/// The autosave journal of one REPL.
public final class AutosaveJournal {
    public static let firstLine = "# nnlab autosave"
    /// Where it is.
    public let url: URL
    private var writer: JournalWriter?
    /// Journal entries of the lab that the file holds (base included).
    private var writtenCount = 0
    private var reportedFailure = false

    init(url: URL) {
        self.url = url
    }

    /// Starts an autosave journal for `lab` (replacing any old one: recover it first) and hooks it
    /// to the lab's journal. Returns nil, with a warning, when the file cannot be written.
    @discardableResult
    public static func attach(to lab: Lab) -> AutosaveJournal? {
        let journal = AutosaveJournal(url: lab.paths.journalFile)
        do { try Folder.create(lab.paths.state) } catch {
            lab.console.warn("note: work is not autosaved: \(error.description)")
            return nil
        }
        lab.session.autosave = journal
        journal.restart(for: lab)
        guard journal.writer != nil else {
            lab.session.autosave = nil
            return nil
        }
        lab.session.onJournal = { [weak lab, weak journal] entry in
            guard let lab, let journal else { return }
            journal.journaled(entry, in: lab)
        }
        return journal
    }

    /// Rewrites the file from `lab`: header, base, and the commands not covered by the base.
    func restart(for lab: Lab) {
        writer?.close()
        writer = nil
        var lines = [AutosaveJournal.firstLine, "# format: 1", "# pid: \(getpid())",
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

    /// Closes and deletes the file (a clean quit).
    public func remove() {
        writer?.close()
        writer = nil
        unlink(url.path)
    }

    /// Moves the file aside to `discarded.nnlab` beside it (the work was dropped on purpose, but
    /// a copy of its commands stays until the next time). Returns where it went.
    @discardableResult
    /// Stops writing and leaves the file where it is, so the next start offers to recover it.
    public func close() {
        writer?.close()
        writer = nil
    }

    public func discard() -> URL? {
        writer?.close()
        writer = nil
        return AutosaveJournal.discardFile(at: url)
    }

    static func discardFile(at url: URL) -> URL? {
        let target = url.deletingLastPathComponent().appendingPathComponent("discarded.nnlab")
        return rename(url.path, target.path) == 0 ? target : nil
    }

    private func report(_ error: FileWriteError, lab: Lab) {
        writer?.close()
        writer = nil
        guard !reportedFailure else { return }
        reportedFailure = true
        lab.console.warn("note: autosave stopped: \(error.description) (`save NAME` still works)")
    }
}
