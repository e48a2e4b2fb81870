// TutorialText: the runner's own words (headings, hints, the lesson list, notes), in English and
// Korean. The lessons' text lives in their files; this is only what the runner adds around it,
// so that `set lang ko` gives a learner a Korean lesson without English scaffolding around it.

import Foundation
import LabCore

/// The runner's sentences in one language.
struct TutorialText {
    let ko: Bool

    init(_ language: Language) { ko = language == .ko }

    // MARK: - Lesson and steps

    func lessonHeading(_ l: Lesson) -> String {
        ko ? "\(l.number)강 · \(l.title)" : "Lesson \(l.number) · \(l.title)"
    }

    func lessonFacts(_ l: Lesson) -> String {
        let time = l.time.isEmpty ? "" : "\(duration(l.time)), "
        return ko ? "(\(time)\(l.steps.count)단계)" : "(\(time)\(l.steps.count) steps)"
    }

    var howItWorks: String {
        ko ? "단계마다 글을 읽고, 빈 줄에서 Enter를 누르면 그 단계의 명령이 실행됩니다. 그 전에 여러분의 명령을 먼저 입력해도 됩니다. "
            + "`next`, `back`, `again`, `where`, `tutorial stop`으로 이동합니다."
           : "Read each step, then press Enter on an empty line to run its commands. You may type commands of your own first. "
            + "`next`, `back`, `again`, `where` and `tutorial stop` move around."
    }

    /// "10 min", or "10분" in Korean.
    func duration(_ time: String) -> String {
        ko ? time.replacingOccurrences(of: " min", with: "분").replacingOccurrences(of: "min", with: "분") : time
    }

    func stepHeading(_ index: Int, of count: Int, _ title: String) -> String {
        ko ? "\(index + 1)/\(count)단계 · \(title)" : "Step \(index + 1) of \(count) · \(title)"
    }

    func enterRuns(_ count: Int) -> String {
        ko ? "Enter를 누르면 위의 명령 \(count)개가 실행됩니다 (여러분의 명령을 먼저 입력해도 됩니다)."
           : "Enter runs \(count == 1 ? "this command" : "these \(count) commands") (type your own first if you like)."
    }

    var enterContinues: String {
        ko ? "Enter를 누르면 다음 단계로 갑니다." : "Enter goes on to the next step."
    }

    var refusalNote: String { ko ? "(nnlab이 거절해야 하는 명령)" : "(nnlab should refuse this one)" }

    var refusedAsExpected: String { ko ? "✓ 예상대로 거절되었습니다" : "✓ refused, as it should be" }

    var notRefused: String {
        ko ? "✗ 이 명령은 거절되어야 하는데 실행되었습니다" : "✗ this command should have been refused, but it ran"
    }

    func nextUp(_ index: Int, of count: Int, _ title: String) -> String {
        ko ? "Enter(또는 `next`): \(index + 1)/\(count)단계 · \(title)" : "Enter (or `next`): step \(index + 1) of \(count) · \(title)"
    }

    var lastStepRan: String {
        ko ? "마지막 단계였습니다. Enter를 누르면 강의를 마칩니다." : "That was the last step. Enter finishes the lesson."
    }

    func finished(_ l: Lesson, agreed: Int, checked: Int, next: Int?) -> String {
        var s = ko ? "✓ \(l.number)강을 마쳤습니다." : "✓ Lesson \(l.number) is done."
        if checked > 0 {
            s += ko ? " 여러분의 실행은 확인 \(checked)개 중 \(agreed)개에서 강의와 같았습니다."
                    : " Your runs agreed with the lecture on \(agreed) of \(checked) check\(checked == 1 ? "" : "s")."
        }
        if let next {
            s += ko ? " 다음 강은 `tutorial start \(next)`, 목록은 `tutorial`입니다." : " `tutorial start \(next)` begins the next one; `tutorial` lists them all."
        } else {
            s += ko ? " 모든 강의를 마쳤습니다. `tutorial`에서 진도를 볼 수 있습니다." : " That was the last lesson; `tutorial` shows your progress."
        }
        return s
    }

    var stopped: String {
        ko ? "중단했습니다. 이 단계의 나머지 명령은 실행되지 않았습니다. `again`으로 이 단계를 다시 실행합니다."
           : "Stopped: the rest of this step's commands did not run. `again` runs the step again."
    }

    var commandFailed: String {
        ko ? "명령 하나가 실패해서 이 단계의 나머지는 실행하지 않았습니다. 위의 오류를 고친 뒤 `again`으로 다시 실행하세요."
           : "A command failed, so the rest of this step did not run. Fix what the error above says, then `again` runs the step again."
    }

    var referenceHeading: String {
        ko ? "기준 컴퓨터에서 전체 실행으로 잰 값:" : "Measured in a full run on the reference machine:"
    }

    func skippedStep(_ index: Int) -> String {
        ko ? "(\(index + 1)단계의 명령은 실행되지 않았습니다. 뒤 단계에 필요할 수 있으니 `back`으로 돌아갈 수 있습니다.)"
           : "(step \(index + 1)'s commands did not run; later steps may need them, and `back` returns to it)"
    }

    var atFirstStep: String { ko ? "이미 첫 단계입니다." : "This is already the first step." }

    func catchUp(_ steps: [Int], lesson: Int) -> String {
        let numbers = steps.map { String($0 + 1) }
        if ko {
            return "다시 오셨군요. 이 세션에는 앞 단계(\(numbers.joined(separator: ", ")))에서 만든 데이터와 모델이 없으므로, "
                + "Enter를 누르면 그 명령들을 먼저 다시 실행한 뒤 이 단계를 실행합니다. 처음부터 하려면 `tutorial start \(lesson) restart`."
        }
        let list = numbers.count == 1 ? "step \(numbers[0])"
            : "steps " + numbers.dropLast().joined(separator: ", ") + " and " + numbers[numbers.count - 1]
        return "Welcome back. This session does not have the data and models that \(list) made, so Enter first runs "
            + "\(numbers.count == 1 ? "its" : "their") commands again, then this step's. `tutorial start \(lesson) restart` begins "
            + "from the first step instead."
    }

    func catchingUp(_ index: Int) -> String {
        ko ? "── \(index + 1)단계를 다시 실행합니다 ──" : "── running step \(index + 1) again ──"
    }

    // MARK: - Where

    func position(_ l: Lesson, step: Int, ran: Bool) -> String {
        let s = l.steps[step]
        if ko {
            return "\(l.number)강 \(l.title): \(l.steps.count)단계 중 \(step + 1)단계, \(s.title). "
                + (ran ? "명령을 실행했습니다. Enter를 누르면 다음으로 갑니다." : (s.commands.isEmpty ? "Enter를 누르면 다음으로 갑니다." : "Enter를 누르면 명령이 실행됩니다."))
        }
        return "Lesson \(l.number), \(l.title): step \(step + 1) of \(l.steps.count), \(s.title). "
            + (ran ? "Its commands have run; Enter goes on." : (s.commands.isEmpty ? "Enter goes on." : "Enter runs its commands."))
    }

    // MARK: - The list

    var listHeading: String { ko ? "강의" : "Lessons" }
    var columns: [String] { ko ? ["#", "제목", "시간", "단계", "진도"] : ["#", "title", "time", "steps", "progress"] }
    var notStarted: String { ko ? "-" : "-" }
    var done: String { ko ? "✓ 마침" : "✓ done" }
    func atStep(_ step: Int, of count: Int) -> String { ko ? "\(count)단계 중 \(step + 1)" : "step \(step + 1) of \(count)" }
    var running: String { ko ? " (진행 중)" : " (running)" }
    var listHint: String {
        ko ? "`tutorial start 1`로 시작합니다. 멈춘 곳에서 이어지며, `restart`를 붙이면 처음부터 합니다."
           : "`tutorial start 1` begins lesson 1 (or picks it up where you stopped; add `restart` to begin afresh)."
    }
    var noLesson: String { ko ? "진행 중인 강의가 없습니다" : "no lesson is running" }
    var noLessonHint: String {
        ko ? "`tutorial`이 강의 목록을 보여 주고, `tutorial start 1`이 첫 강의를 시작합니다"
           : "`tutorial` lists the lessons; `tutorial start 1` begins the first"
    }

    func paused(_ l: Lesson, step: Int) -> String {
        ko ? "\(l.number)강을 \(l.steps.count)단계 중 \(step + 1)단계에서 멈췄습니다. `tutorial start \(l.number)`로 이어서 할 수 있습니다."
           : "Lesson \(l.number) paused at step \(step + 1) of \(l.steps.count); `tutorial start \(l.number)` picks it up again."
    }

    // MARK: - Translations and progress

    var noTranslation: String {
        ko ? "이 강의는 아직 한국어로 옮겨지지 않아 영어로 보여 드립니다." : "This lesson has no translation yet, so it is shown in English."
    }

    func translationDiffers(_ problem: String) -> String {
        ko ? "이 강의의 한국어 파일이 영어 원문과 맞지 않아 영어로 보여 드립니다 (\(problem))."
           : "This lesson's translation does not match the English lesson, so it is shown in English (\(problem))."
    }

    func progressNotSaved(_ problem: String) -> String {
        ko ? "참고: 진도를 저장하지 못했습니다 (\(problem))" : "note: could not save tutorial progress (\(problem))"
    }

    func progressUnreadable(_ path: String) -> String {
        ko ? "참고: \(path)의 진도를 읽을 수 없어 새로 시작합니다" : "note: cannot read the tutorial progress in \(path); starting afresh"
    }
}
