// SessionWords: the pieces of LabSessions' sentences that other modules' values are said with, in the
// learner's language: a file that cannot be read (RegularFile.Problem), a count of commands, and
// "there is no session NAME". A failed write is said by LabCore (FileErrorText).

import Foundation
import LabCore
import LabKit
import LabText

extension RegularFile.Problem {
    /// "does not exist", "is a folder, not a regular file", ...: what is wrong with a file, said after its name.
    var saying: String {
        switch self {
        case .missing: loc(.sessionProblemMissing)
        case .notRegular(let kind): loc(.sessionProblemNotRegular, kind.localized)
        case .unreadable(let message): loc(.sessionProblemUnreadable, message)
        }
    }

    /// "sessions/x.nnlab does not exist"
    func saying(about path: String) -> String { loc(.sessionPathProblem, path, saying) }
}

enum SessionWords {
    /// A recorded result ("test 0.9805", "ensemble test 0.9827") in the learner's words
    /// ("테스트 0.9805"); the file keeps its English words, which replays read.
    static func result(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        guard let value = words.popLast() else { return text }
        let said = words.map { word in
            switch word {
            case "train": loc(.splitTrain)
            case "validation": loc(.splitValidation)
            case "test": loc(.splitTest)
            case "ensemble": loc(.sessionEnsembleWord)
            default: word
            }
        }
        return (said + [value]).joined(separator: " ")
    }

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
