// LabPaths: where the lab keeps its files: the project folder (sessions/, tutorials/, data/) and
// the per-user state folder (.nnlab/: history, autosave journal, tutorial progress).

import Foundation

/// Where the lab keeps its files.
public struct LabPaths: Sendable {
    /// The project folder (sessions/, tutorials/, data/ are inside).
    public var root: URL
    /// Saved sessions.
    public var sessions: URL
    /// Lesson files.
    public var tutorials: URL
    /// Data sets fetched once (data/mnist).
    public var data: URL
    /// An explicit data folder (`--data-dir` or NNLAB_DATA), searched first.
    public var dataOverride: URL?
    /// Per-user state: history, autosave journal, tutorial progress.
    public var state: URL

    public init(root: URL, state: URL? = nil, dataOverride: URL? = nil) {
        self.root = root
        sessions = root.appendingPathComponent("sessions")
        tutorials = root.appendingPathComponent("tutorials")
        data = root.appendingPathComponent("data")
        self.dataOverride = dataOverride
        self.state = state ?? root.appendingPathComponent(".nnlab")
    }

    public var historyFile: URL { state.appendingPathComponent("history") }
    public var journalFile: URL { state.appendingPathComponent("autosave.nnlab") }
    public var progressFile: URL { state.appendingPathComponent("tutorial-progress.json") }
}
