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
        ko ? "레슨 \(l.number) · \(l.title)" : "Lesson \(l.number) · \(l.title)"
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
        ko ? "마지막 단계였습니다. Enter를 누르면 레슨을 마칩니다." : "That was the last step. Enter finishes the lesson."
    }

    func finished(_ l: Lesson, agreed: Int, checked: Int, next: Int?) -> String {
        var s = ko ? "✓ 이 레슨(레슨 \(l.number))을 마쳤습니다." : "✓ Lesson \(l.number) is done."
        if checked > 0 {
            s += ko ? " 여러분의 실행은 확인 \(checked)개 중 \(agreed)개에서 강의와 같았습니다."
                    : " Your runs agreed with the lecture on \(agreed) of \(checked) check\(checked == 1 ? "" : "s")."
        }
        if let next {
            s += ko ? " 다음 레슨은 `tutorial start \(next)`, 목록은 `tutorial`입니다." : " `tutorial start \(next)` begins the next one; `tutorial` lists them all."
        } else {
            s += ko ? " 모든 레슨을 마쳤습니다. `tutorial`에서 진도를 볼 수 있습니다." : " That was the last lesson; `tutorial` shows your progress."
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

    var judgedAsVariant: String {
        ko ? "그래서 아래 확인은 강의의 실행이 아니라 여러분의 변형으로 판단합니다."
           : "So the checks below judge your own variant, not the lecture's run."
    }

    // MARK: - Exercises and checks

    var yourTurn: String { ko ? "여러분 차례입니다. 명령은 직접 찾아서 입력하세요. 지켜야 할 것:" : "Your turn: no commands are given; type your own. Keep:" }

    func constraint(_ c: RecipeConstraint) -> String {
        switch c {
        case .layers(let n): ko ? "가중치가 있는 층 \(n)개 (층을 빼거나 더하지 않기)" : "\(n) layers with weights (remove none, add none)"
        case .hidden(let a): ko ? "은닉층은 모두 \(a)" : "every hidden layer \(a)"
        case .data(let d): ko ? "같은 데이터 (\(d))" : "the same data (\(d))"
        case .optimizer(let o): ko ? "옵티마이저 \(o.rawValue) (학습률은 바꿔도 됩니다)" : "the \(o.rawValue) optimizer (its learning rate may change)"
        case .initializer(let i): ko ? "초기화 \(i)" : "the \(i) initializer"
        case .noDropout: ko ? "드롭아웃 없이" : "no dropout"
        }
    }

    func exerciseHowTo(hints: Int) -> String {
        ko ? "학습시킨 뒤 `check`(또는 빈 줄에서 Enter)를 입력하면 마지막 실행을 채점합니다. `hint`는 힌트를 하나씩(\(hints)개) 보여 주고, `solution`은 모범 답안을 보여 줍니다(그 뒤 Enter를 누르면 실행됩니다)."
           : "Train, then `check` (or Enter on an empty line) grades your latest run. `hint` reveals a hint at a time (\(hints) in all); `solution` shows a model answer (Enter then runs it)."
    }

    var checkingExercise: String { ko ? "── 여러분의 마지막 실행을 채점합니다 ──" : "── grading your latest run ──" }
    var exerciseSolved: String { ko ? "✓ 풀었습니다! 여러분의 방법으로 목표에 닿았습니다." : "✓ Solved, with your own recipe." }
    var solvedAfterSolution: String { ko ? "✓ 통과했습니다 (모범 답안을 본 뒤에)." : "✓ Passed (after seeing the model answer)." }
    var solutionRan: String { ko ? "모범 답안을 실행했습니다. 다른 방법도 직접 시도해 보고 `check`해 보세요. Enter를 누르면 다음 단계로 갑니다." : "The model answer ran. Try a recipe of your own too and `check` it; Enter goes on." }
    var hintAvailable: String { ko ? "막혔다면 `hint`를 입력하세요." : "Stuck? `hint` gives a hint." }
    var exerciseNotSolved: String {
        ko ? "아직 풀리지 않았습니다. 고쳐서 다시 `check`하거나, `hint`, `solution`을 써 보세요. `next`를 한 번 더 입력하면 이 연습을 건너뜁니다."
           : "Not solved yet: change your recipe and `check` again, or ask for a `hint` or the `solution`. `next` once more skips this exercise."
    }
    var checkingOwnRun: String {
        ko ? "이 단계의 명령 대신 여러분이 직접 학습시켰으므로, 그 실행을 이 단계의 기대값으로 확인합니다:"
           : "You trained on your own instead of running this step's commands, so your run is checked against this step:"
    }
    var ownRunDisagreed: String {
        ko ? "여러분의 실행은 이 단계의 확인을 통과하지 못했습니다. Enter는 이 단계의 명령을 실행하고, `next`를 한 번 더 입력하면 그대로 넘어갑니다."
           : "Your run did not pass this step's checks. Enter runs the step's commands; `next` once more moves on as it is."
    }
    var stepDisagreed: String {
        ko ? "이 단계의 확인 중 맞지 않는 것이 있습니다. `again`으로 다시 해 보거나, Enter(또는 `next`)를 한 번 더 눌러 넘어가세요."
           : "Some of this step's checks did not agree: `again` retries it; Enter (or `next`) once more moves on."
    }
    var nothingToCheck: String { ko ? "이 단계에는 확인할 것이 없습니다." : "This step has nothing to check." }
    var notAnExercise: String {
        ko ? "이 단계는 연습 문제가 아닙니다. 위에 보이는 명령이 이 단계의 답입니다."
           : "This step is not an exercise: its commands, shown above, are the answer."
    }
    var noHints: String { ko ? "이 연습에는 힌트가 없습니다. `solution`이 모범 답안을 보여 줍니다." : "This exercise has no hints; `solution` shows a model answer." }
    func hint(_ i: Int, of n: Int, _ h: String) -> String { ko ? "힌트 \(i)/\(n): \(h)" : "Hint \(i) of \(n): \(h)" }
    var lastHint: String { ko ? "힌트는 여기까지입니다. `solution`이 모범 답안을 보여 줍니다." : "That was the last hint; `solution` shows a model answer." }
    var solutionHeading: String { ko ? "모범 답안:" : "A model answer:" }
    func solutionRuns(_ n: Int) -> String {
        ko ? "빈 줄에서 Enter를 누르면 이 명령 \(n)개가 실행되고 채점됩니다."
           : "Enter on an empty line runs \(n == 1 ? "it" : "these \(n) commands") and grades the result."
    }

    func reachedEnd(_ l: Lesson, failed: [Int], skipped: [Int], agreed: Int, checked: Int) -> String {
        func list(_ xs: [Int]) -> String { xs.map { String($0 + 1) }.joined(separator: ", ") }
        var parts: [String] = []
        if ko {
            if !failed.isEmpty { parts.append("확인이 맞지 않은 단계: \(list(failed))") }
            if !skipped.isEmpty { parts.append("건너뛴 단계: \(list(skipped))") }
            return "레슨 \(l.number)의 끝에 왔지만 아직 마치지는 않았습니다. " + parts.joined(separator: ", ") + ". "
                + (checked > 0 ? "확인 \(checked)개 중 \(agreed)개가 맞았습니다. " : "")
                + "`tutorial start \(l.number)`로 이어서 하고, `back`으로 그 단계에 돌아가세요."
        }
        if !failed.isEmpty { parts.append("step\(failed.count == 1 ? "" : "s") \(list(failed)) did not pass \(failed.count == 1 ? "its" : "their") checks") }
        if !skipped.isEmpty { parts.append("step\(skipped.count == 1 ? "" : "s") \(list(skipped)) \(skipped.count == 1 ? "was" : "were") skipped") }
        return "You reached the end of lesson \(l.number), but it is not done yet: " + parts.joined(separator: "; ") + ". "
            + (checked > 0 ? "\(agreed) of \(checked) checks agreed. " : "")
            + "`back` returns to a step; `tutorial start \(l.number)` picks the lesson up later."
    }

    var enterClosesAnyway: String {
        ko ? "Enter를 한 번 더 누르면 이대로 레슨을 닫습니다 (마친 것으로 기록되지는 않습니다)."
           : "Enter once more closes the lesson as it is (it is not recorded as done)."
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
            return "레슨 \(l.number) \(l.title): \(l.steps.count)단계 중 \(step + 1)단계, \(s.title). "
                + (ran ? "명령을 실행했습니다. Enter를 누르면 다음으로 갑니다." : (s.commands.isEmpty ? "Enter를 누르면 다음으로 갑니다." : "Enter를 누르면 명령이 실행됩니다."))
        }
        return "Lesson \(l.number), \(l.title): step \(step + 1) of \(l.steps.count), \(s.title). "
            + (ran ? "Its commands have run; Enter goes on." : (s.commands.isEmpty ? "Enter goes on." : "Enter runs its commands."))
    }

    // MARK: - The list

    var listHeading: String { ko ? "레슨" : "Lessons" }
    var columns: [String] { ko ? ["#", "제목", "시간", "단계", "진도"] : ["#", "title", "time", "steps", "progress"] }
    var notStarted: String { ko ? "-" : "-" }
    var done: String { ko ? "✓ 마침" : "✓ done" }
    func atStep(_ step: Int, of count: Int) -> String { ko ? "\(count)단계 중 \(step + 1)" : "step \(step + 1) of \(count)" }
    var running: String { ko ? " (진행 중)" : " (running)" }
    var listHint: String {
        ko ? "`tutorial start 1`로 시작합니다. 멈춘 곳에서 이어지며, `restart`를 붙이면 처음부터 합니다."
           : "`tutorial start 1` begins lesson 1 (or picks it up where you stopped; add `restart` to begin afresh)."
    }
    var noLesson: String { ko ? "진행 중인 레슨이 없습니다" : "no lesson is running" }
    var noLessonHint: String {
        ko ? "`tutorial`은 레슨 목록을 보여 주고, `tutorial start 1`은 첫 레슨을 시작합니다"
           : "`tutorial` lists the lessons; `tutorial start 1` begins the first"
    }

    func paused(_ l: Lesson, step: Int) -> String {
        ko ? "이 레슨(레슨 \(l.number))을 \(l.steps.count)단계 중 \(step + 1)단계에서 멈췄습니다. `tutorial start \(l.number)`로 이어서 할 수 있습니다."
           : "Lesson \(l.number) paused at step \(step + 1) of \(l.steps.count); `tutorial start \(l.number)` picks it up again."
    }

    // MARK: - Translations and progress

    var noTranslation: String {
        ko ? "이 레슨은 아직 한국어로 옮겨지지 않아 영어로 보여 드립니다." : "This lesson has no translation yet, so it is shown in English."
    }

    func translationDiffers(_ problem: String) -> String {
        ko ? "이 레슨의 한국어 파일이 영어 원문과 맞지 않아 영어로 보여 드립니다 (\(problem))."
           : "This lesson's translation does not match the English lesson, so it is shown in English (\(problem))."
    }

    func progressNotSaved(_ problem: String) -> String {
        ko ? "참고: 진도를 저장하지 못했습니다 (\(problem))" : "note: could not save tutorial progress (\(problem))"
    }

    func progressUnreadable(_ path: String) -> String {
        ko ? "참고: \(path)의 진도를 읽을 수 없어 새로 시작합니다" : "note: cannot read the tutorial progress in \(path); starting afresh"
    }
}
