// SessionWords: the pieces of LabSessions' sentences that other modules' values are said with, in the
// learner's language: a failed write (LabKit's FileWriteError, which knows no languages), a file
// that cannot be read (RegularFile.Problem), a count of commands, and "there is no session NAME".

import Foundation
import LabCore
import LabKit
import LabText

extension FileWriteError {
    /// "cannot write PATH: STEP failed (OS TEXT). HINT" in `language`. The Korean sentence leaves
    /// out the step (LabKit names it in English words for the log); the OS's own text is quoted.
    package func saying(_ language: Language = Language.current) -> String {
        SessionMessage.sessionCannotWrite.text([path, step, osMessage, advice(language)], language: language)
    }

    /// What the learner can do about it, by cause.
    package func advice(_ language: Language = Language.current) -> String {
        let key: SessionMessage = switch cause {
        case .folderMissing: .sessionWriteFolderMissing
        case .notAFolder: .sessionWriteNotAFolder
        case .notWritable: .sessionWriteNotWritable
        case .diskFull: .sessionWriteDiskFull
        case .other: .sessionWriteOther
        }
        return key.text([], language: language)
    }
}

extension RegularFile.Problem {
    /// "does not exist", "is a folder, not a regular file", ...: what is wrong with a file, said after its name.
    var saying: String {
        switch self {
        case .missing: loc(.sessionProblemMissing)
        case .notRegular(let kind): loc(.sessionProblemNotRegular, kind)
        case .unreadable(let message): loc(.sessionProblemUnreadable, message)
        }
    }

    /// "sessions/x.nnlab does not exist"
    func saying(about path: String) -> String { loc(.sessionPathProblem, path, saying) }
}

enum SessionWords {
    /// "1 command", "5 commands"
    static func commands(_ count: Int) -> String { loc(count == 1 ? .sessionCommandOne : .sessionCommandMany, count) }

    /// "there is no session 'x' in sessions/ (did you mean 'y'?)", with its hint.
    static func noSession(_ name: String, _ lab: Lab) -> ShellError {
        let known = lab.savedSessionNames()
        let suggestion = didYouMean(name, known)
        return ShellError(lab.paths.examplesApart ? loc(.sessionNotFoundAnywhere, name, suggestion) : loc(.sessionNotFound, name, suggestion),
                          hint: known.isEmpty ? loc(.sessionSaveOneHint) : loc(.sessionListHint))
    }
}
