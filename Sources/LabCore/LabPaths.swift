// LabPaths: where the lab finds and keeps its files, following the conventions of git, sqlite3
// and python:
//   work       the folder nnlab was started in: `save`, `export`, `plot ... svg FILE`, csv, sweep
//              and TensorBoard outputs land here (sessions in ./sessions)
//   root       the install: its tutorials/ and example sessions/ are read, never written (unless
//              nnlab was started in that very folder, as `make test` does in a checkout)
//   state      per-user state: REPL history, autosave journals, tutorial progress
//              ($XDG_STATE_HOME/nnlab, default ~/.local/state/nnlab)
//   data       where data sets are fetched once ($XDG_DATA_HOME/nnlab, or a checkout's data/)
// How the install is found from the environment and the binary's place is in LabPlaces.swift.

import Foundation

/// Where the lab keeps its files.
public struct LabPaths: Sendable {
    /// The install (or checkout) holding the shipped tutorials/ and example sessions/.
    public var root: URL
    /// The folder nnlab was started in: what the learner names or saves lands here.
    public var work: URL
    /// Saved sessions: `work/sessions`, created by the first `save`.
    public var sessions: URL
    /// The shipped example sessions (`root/sessions`): read after `sessions`, never written.
    public var examples: URL
    /// Lesson files.
    public var tutorials: URL
    /// Data sets fetched once (data/mnist).
    public var data: URL
    /// An explicit data folder (`--data-dir` or NNLAB_DATA), searched first.
    public var dataOverride: URL?
    /// Per-user state: history, autosave journals, tutorial progress.
    public var state: URL

    /// A lab whose install is `root`. Started in `work` (default: `root` itself, as a lab started
    /// in its checkout is); `state` and `data` default to folders inside `root` (tests use these).
    public init(root: URL, state: URL? = nil, dataOverride: URL? = nil, work: URL? = nil, data: URL? = nil) {
        self.root = root
        self.work = work ?? root
        sessions = self.work.appendingPathComponent("sessions")
        examples = root.appendingPathComponent("sessions")
        tutorials = root.appendingPathComponent("tutorials")
        self.data = data ?? root.appendingPathComponent("data")
        self.dataOverride = dataOverride
        self.state = state ?? root.appendingPathComponent(".nnlab")
    }

    public var historyFile: URL { state.appendingPathComponent("history") }
    /// One folder per running lab's autosave journal (see AutosaveJournal).
    public var journals: URL { state.appendingPathComponent("autosave") }
    /// Where work dropped on purpose is kept until the next time.
    public var discardedFile: URL { state.appendingPathComponent("discarded.nnlab") }
    public var progressFile: URL { state.appendingPathComponent("tutorial-progress.json") }

    /// Whether the examples are a folder of their own (false when nnlab was started in the install).
    public var examplesApart: Bool {
        examples.standardizedFileURL.path != sessions.standardizedFileURL.path
    }

    /// The same install and state for a lab started in `folder` (its own sessions/).
    public func startedIn(_ folder: URL) -> LabPaths {
        var paths = self
        paths.work = folder
        paths.sessions = folder.appendingPathComponent("sessions")
        return paths
    }

    /// `url` as the learner should read it: relative to the folder nnlab was started in when
    /// inside it ("sessions/x.nnlab"), else its full path.
    public func shown(_ url: URL) -> String {
        let base = work.standardizedFileURL.path, path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
