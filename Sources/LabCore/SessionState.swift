// SessionState: the lab's session as it will be saved: the journal of state-changing commands
// that built the lab, its name, whether there is unsaved work, and where the journal stands against
// the files: the seed the journal started from (a session file's header seed), how many journal entries
// are already saved in `sessions/NAME` (the autosave journal's base), the parts of a loaded session
// file that the lab does not hold (hand-written notes, the fast variant and its figures), and the
// autosave journal while the REPL runs one. It holds no model state: see Lab for that.

import Foundation
import LabKit
import NNFormats

/// The lab's bookkeeping about saved sessions and the autosave journal.
public struct SessionState {
    /// State-changing commands that succeeded, with the figures they produced.
    public internal(set) var journal: [JournalEntry] = []
    /// Figures the running command has produced so far (moved into the journal when it succeeds).
    var pendingFigures: [String] = []
    /// Whether there is work not yet saved.
    public var hasUnsavedWork = false
    /// The session's name once saved or loaded.
    public var name: String?
    /// Called with each journal entry as it is added (the autosave journal file).
    public var onJournal: ((JournalEntry) -> Void)?
    /// The seed in effect when the journal's first entry was made: replays start from it.
    public var journalSeed: UInt64?
    /// The command that restores the saved part of the journal (`load NAME`), nil when nothing is saved.
    public var base: String?
    /// Journal entries covered by `base` (the first `savedCount` entries).
    public var savedCount = 0
    /// The session file last loaded, saved or replayed, for what the journal does not hold.
    public var file: SessionFile?
    /// The autosave journal (the REPL attaches one; scripts and tests run without).
    public var autosave: (any JournalFile)?
    /// Writes a whole file atomically; tests swap it to simulate a full disk or a read-only folder.
    public var writeFile: @Sendable (Data, URL) throws(FileWriteError) -> Void = { data, url throws(FileWriteError) in
        try AtomicFile.write(data, to: url)
    }

    /// Stops a replay or a recovery must repeat in the command it is running (StopPoint.swift):
    /// a run named here stops after the recorded batch, as the learner's Ctrl-C stopped it.
    public var plannedStops: [StopPoint] = []

    public init() {}
}

/// The file a running lab journals into as it goes (LabSessions' AutosaveJournal), so that a crash
/// loses at most the command in flight. The lab only holds it; the sessions module opens and ends it.
public protocol JournalFile: AnyObject {
    /// Where the journal is written.
    var url: URL { get }
    /// Starts the file again from the lab's saved base (after `save` or `load`).
    func restart(for lab: Lab)
    /// Deletes the file (the work is saved or was never worth keeping).
    func remove()
    /// Closes the file and leaves it for recovery.
    func close()
    /// Moves the file aside (work dropped on purpose); returns where it went.
    @discardableResult func discard() -> URL?
}
