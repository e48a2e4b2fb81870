// HistoryFileError: why a history file could not be read or written, in words a learner can act on.

/// A history file that could not be read or written. A missing file is not an error.
public enum HistoryFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but could not be read (permissions, a folder in its place, an I/O error).
    case unreadable(path: String, reason: String)
    /// The file (or its temporary twin) could not be written, flushed or renamed into place.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read the history file \(path): \(reason). "
                + "Check its permissions, or move it away to start with an empty history."
        case let .unwritable(path, reason):
            return "cannot save the history file \(path): \(reason). "
                + "Check that its folder exists and is writable, or choose another history file."
        }
    }
}
