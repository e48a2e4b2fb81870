// FileWriteError: why a file could not be written, in words a learner can act on.
//
// Every writer in NNFormats (atomic files, the journal, TensorBoard logs, CSV tables) reports
// failures with this one type. The message names the path, what was being done, the OS's own error
// text, and a hint. It classifies the common causes (missing folder, read-only place, full disk) so
// the shell can react to them without parsing text.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file write: which path, which step, which OS error, and a readable message.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The broad cause, for code that wants to react (for example, offer another folder).
    public enum Cause: Equatable, Sendable {
        /// The folder that should hold the file does not exist (ENOENT).
        case folderMissing
        /// Part of the path is a file where a folder was expected (ENOTDIR), or the target is a folder (EISDIR).
        case notAFolder
        /// No permission, or a read-only file system (EACCES, EPERM, EROFS).
        case notWritable
        /// The disk or the user's quota is full (ENOSPC, EDQUOT).
        case diskFull
        /// Anything else (an I/O error, say); `code` and `osMessage` tell which.
        case other
    }

    /// The file the caller asked to write (or the folder it asked to create).
    public let path: String
    /// What was being done when it failed, e.g. "creating a temporary file in /x/sessions".
    public let step: String
    /// The errno value.
    public let code: Int32
    /// The broad cause derived from `code`.
    public let cause: Cause

    /// A failure of `step` on `path` with errno `code`.
    public init(path: String, step: String, code: Int32) {
        self.path = path
        self.step = step
        self.code = code
        self.cause = FileWriteError.cause(of: code)
    }

    /// The operating system's text for `code`, e.g. "No space left on device".
    public var osMessage: String { osErrorText(code) }

    /// "cannot write s/a.safetensors: writing the data failed (No space left on device). The disk is full; ..."
    public var description: String {
        "cannot write \(path): \(step) failed (\(osMessage)). \(hint)"
    }

    /// What the user can do about it.
    public var hint: String {
        switch cause {
        case .folderMissing: "Create the folder first, or choose a path in an existing folder."
        case .notAFolder: "Part of the path is a file, not a folder (or the target is a folder); choose another path."
        case .notWritable: "The place is read-only or not yours; choose a folder you can write to."
        case .diskFull: "The disk is full; free some space and try again. Nothing was overwritten."
        case .other: "Check the disk and the path, then try again."
        }
    }

    static func cause(of code: Int32) -> Cause {
        switch code {
        case ENOENT: .folderMissing
        case ENOTDIR, EISDIR: .notAFolder
        case EACCES, EPERM, EROFS: .notWritable
        case ENOSPC, EDQUOT: .diskFull
        default: .other
        }
    }
}
