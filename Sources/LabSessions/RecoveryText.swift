// RecoveryText: what the start of the REPL says about unsaved work a lab left behind, in English
// and Korean, and how it reads the answer to "Recover it?". The answer is a closed set: yes or
// no in either language; anything else (a command typed too early, say) asks again rather than
// being taken for an answer.

import Foundation
import LabCore
import LabText

/// An answer to a yes/no question.
enum YesNo: Equatable {
    case yes, no

    /// `text` as an answer: y, yes, n, no (any case) or the Korean words; Enter takes `empty`.
    /// Nil for anything else.
    init?(_ text: String, empty: YesNo? = nil) {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch word {
        case "": guard let empty else { return nil }; self = empty
        case "y", "yes", "예", "네", "응", "ㅇ", "그래": self = .yes
        case "n", "no", "아니오", "아니요", "아니", "아뇨", "ㄴ": self = .no
        default: return nil
        }
    }
}

/// The recovery dialog's sentences in one language (ReplayMessage's `recovery` keys). Recovery speaks
/// before any command runs, so it is handed the lab's language rather than reading the current one.
struct RecoveryText {
    let language: Language

    init(_ language: Language) { self.language = language }

    private func say(_ key: ReplayMessage, _ values: Any...) -> String { key.text(values, language: language) }

    /// "The nnlab started in /home/ada/x at 2026-12-06T03:00:00Z ended without saving: 6 unsaved commands, the last `eval test`."
    func endedWithoutSaving(_ c: AutosaveContents) -> String {
        let count = c.commands.count
        let unsaved = say(count == 1 ? .recoveryUnsavedOne : .recoveryUnsavedMany, count)
        let folder = c.folder ?? "?", when = c.started ?? "?", last = c.commands.last ?? ""
        if let base = c.base { return say(.recoveryEndedWithoutSavingOnBase, folder, when, unsaved, last, base) }
        return say(.recoveryEndedWithoutSaving, folder, when, unsaved, last)
    }

    var question: String { say(.recoveryQuestion) }

    var askAgain: String { say(.recoveryAskAgain) }

    func notRecovered(kept: URL?) -> String {
        kept.map { say(.recoveryNotRecoveredKept, $0.path) } ?? say(.recoveryNotRecovered)
    }

    var keptForLater: String { say(.recoveryKeptForLater) }

    func nothingToRecover(_ folder: String) -> String { say(.recoveryNothing, folder) }

    func elsewhere(_ folders: [String]) -> String { say(.recoveryElsewhere, folders.joined(separator: ", ")) }

    func claimedByOther(_ holder: JournalHolder) -> String { say(.recoveryClaimedByOther, holder.pid, holder.folder) }

    // MARK: - Recovering

    func recoveringBase(_ base: String) -> String { say(.recoveryBase, base) }

    var ctrlCCutsShort: String { say(.recoveryCtrlC) }

    func recoveringStep(_ index: Int, of count: Int, _ command: String) -> String { say(.recoveryStep, index, count, command) }

    func baseFailed(_ base: String, _ why: String, kept: URL?) -> String {
        kept.map { say(.recoveryBaseFailedKept, base, why, $0.path) } ?? say(.recoveryBaseFailed, base, why)
    }

    func stoppedAt(_ command: String, _ why: String?) -> String { say(.recoveryStoppedAt, command, why ?? say(.recoveryCommandFailed)) }

    func everyCommandKept(_ url: URL) -> String { say(.recoveryEveryCommandKept, url.path) }

    func recovered(_ done: Int, of count: Int, session: String?) -> String {
        if let session { return say(count == 1 ? .recoveryRecoveredOnSessionOne : .recoveryRecoveredOnSession, done, count, session) }
        return say(count == 1 ? .recoveryRecoveredOne : .recoveryRecovered, done, count)
    }

    func moreLeft(_ count: Int) -> String { say(count == 1 ? .recoveryMoreLeftOne : .recoveryMoreLeftMany, count) }
}
