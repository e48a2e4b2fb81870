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

/// The recovery dialog's sentences in one language.
struct RecoveryText {
    package let ko: Bool

    init(_ language: Language) { ko = language == .ko }

    /// "The nnlab started in /home/ada/x at 2026-12-06T03:00:00Z ended without saving: 6 unsaved commands, the last `eval test`."
    func endedWithoutSaving(_ c: AutosaveContents) -> String {
        let count = c.commands.count
        let last = c.commands.last ?? ""
        let when = c.started ?? "?"
        if ko {
            return "\(c.folder ?? "?")에서 \(when)에 시작한 nnlab이 저장하지 않고 끝났습니다: 저장하지 않은 명령 \(count)개"
                + (c.base.map { " (`\($0)` 다음)" } ?? "") + ", 마지막은 `\(last)`."
        }
        return "The nnlab started in \(c.folder ?? "?") at \(when) ended without saving: \(count) unsaved command\(count == 1 ? "" : "s")"
            + (c.base.map { " after `\($0)`" } ?? "") + ", the last `\(last)`."
    }

    var question: String { ko ? "되살릴까요? [Y/n] (예/아니요) " : "Recover it? [Y/n] " }

    var askAgain: String {
        ko ? "y(예) 또는 n(아니요)로 답해 주세요. Enter는 예입니다."
           : "please answer y (yes) or n (no); Enter means yes"
    }

    func notRecovered(kept: URL?) -> String {
        if ko { return "되살리지 않았습니다" + (kept.map { "; 그 명령들은 다음 번까지 \($0.path)에 남아 있습니다" } ?? "") }
        return "not recovered" + (kept.map { "; its commands are kept in \($0.path) until the next time" } ?? "")
    }

    var keptForLater: String {
        ko ? "입력이 끝났습니다: 저장하지 않은 작업은 그대로 두었습니다 (`nnlab --recover`로 되살립니다)"
           : "input ended: the unsaved work is kept (`nnlab --recover` recovers it)"
    }

    func nothingToRecover(_ folder: String) -> String {
        ko ? "되살릴 것이 없습니다: \(folder)에서 시작해 저장하지 않고 끝난 nnlab이 없습니다"
           : "nothing to recover: no nnlab started in \(folder) ended without saving"
    }

    func elsewhere(_ folders: [String]) -> String {
        ko ? "다른 폴더에서 시작한 nnlab의 저장하지 않은 작업이 있습니다 (그 폴더에서 `nnlab --recover`): " + folders.joined(separator: ", ")
           : "unsaved work of nnlabs started in other folders (run `nnlab --recover` there): " + folders.joined(separator: ", ")
    }

    func claimedByOther(_ holder: String) -> String {
        ko ? "참고: 여기서 끝난 nnlab의 저장하지 않은 작업은 다른 nnlab(\(holder))이 되살리는 중입니다"
           : "note: the unsaved work of an nnlab that ended here is being recovered by another nnlab (\(holder))"
    }

    // MARK: - Recovering

    func recoveringBase(_ base: String) -> String { ko ? "되살리는 중: \(base)" : "recovering: \(base)" }

    var ctrlCCutsShort: String {
        ko ? "(Ctrl-C는 되살리는 중인 명령을 그 자리에서 끝내고, 다음 명령으로 넘어갑니다)"
            : "(Ctrl-C cuts the command being recovered short where it is, and recovery goes on with the next)"
    }

    func recoveringStep(_ index: Int, of count: Int, _ command: String) -> String {
        ko ? "되살리는 중 \(index)/\(count): \(command)" : "recovering \(index)/\(count): \(command)"
    }

    func baseFailed(_ base: String, _ why: String, kept: URL?) -> String {
        if ko { return "되살릴 수 없습니다: `\(base)`이(가) 실패했습니다: \(why)" + (kept.map { "\n  저장하지 않은 명령은 \($0.path)에 남겨 두었습니다" } ?? "") }
        return "cannot recover: `\(base)` failed: \(why)" + (kept.map { "\n  the unsaved commands are kept in \($0.path)" } ?? "")
    }

    func stoppedAt(_ command: String, _ why: String) -> String {
        ko ? "`\(command)`에서 되살리기를 멈췄습니다: \(why)" : "recovery stopped at `\(command)`: \(why)"
    }

    func everyCommandKept(_ url: URL) -> String {
        ko ? "  저장하지 않은 명령은 모두 \(url.path)에 남겨 두었습니다" : "  every unsaved command is kept in \(url.path)"
    }

    func recovered(_ done: Int, of count: Int, session: String?) -> String {
        if ko {
            return "명령 \(count)개 중 \(done)개를 되살렸습니다" + (session.map { " (세션 '\($0)' 위에)" } ?? "")
                + "; `save NAME`으로 보관합니다" + (session.map { " (`save`는 '\($0)'을(를) 갱신합니다)" } ?? "")
        }
        return "recovered \(done) of \(count) command\(count == 1 ? "" : "s")" + (session.map { " on top of session '\($0)'" } ?? "")
            + "; `save NAME` keeps them" + (session.map { " (`save` updates '\($0)')" } ?? "")
    }

    func moreLeft(_ count: Int) -> String {
        ko ? "저장하지 않고 끝난 nnlab이 \(count)개 더 있습니다: 다음 시작 때 다시 묻습니다"
           : "\(count) more nnlab\(count == 1 ? "" : "s") ended here without saving: the next start asks again"
    }
}
