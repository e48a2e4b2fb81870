// SessionState+Saved: where the lab's journal stands against the session files on disk.

import LabCore

extension Lab {
    /// Marks the journal as saved in (or loaded from) `name`, and starts the autosave journal again
    /// from there: a crash from now on recovers by `load NAME` plus whatever follows.
    package func markSaved(as name: String, file: SessionFile) {
        session.name = name
        session.hasUnsavedWork = false
        session.base = "load \(name)"
        session.savedCount = session.journal.count
        session.file = file
        session.autosave?.restart(for: self)
    }

    /// The journal entries not covered by the saved base (what the autosave journal holds).
    package var unsavedEntries: ArraySlice<JournalEntry> {
        session.journal.dropFirst(min(session.savedCount, session.journal.count))
    }
}
