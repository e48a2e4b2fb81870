// TutorialText: the runner's own words (headings, hints, the lesson list, notes) in the lesson's
// language. The lessons' text lives in their files; this is only what the runner adds around it,
// so that `set lang ko` gives a learner a Korean lesson without English scaffolding around it.
// The sentences themselves are in the message catalog (Messages+en.swift, Messages+ko.swift);
// nnlab's own lessons are "레슨 N" in Korean, the course's lectures "N강".

import Foundation
import LabCore
import LabText

/// The runner's sentences in one language.
struct TutorialText {
    let language: Language

    init(_ language: Language) { self.language = language }

    private func say(_ key: Message, _ values: Any...) -> String { key.text(values, language: language) }
    /// For the exercise sentences, still written as pairs here (not yet in the catalog).
    private var ko: Bool { language == .ko }

    // MARK: - Lesson and steps

    func lessonHeading(_ l: Lesson) -> String { say(.tutLessonHeading, l.number, l.title) }

    func lessonFacts(_ l: Lesson) -> String {
        let time = l.time.isEmpty ? "" : "\(duration(l.time)), "
        return say(.tutLessonFacts, time, l.steps.count)
    }

    var howItWorks: String { say(.tutHowItWorks) }

    /// "10 min", or "10분" in Korean.
    func duration(_ time: String) -> String {
        let number = time.replacingOccurrences(of: "min", with: "").trimmingCharacters(in: .whitespaces)
        return time.hasSuffix("min") && !number.isEmpty ? say(.tutMinutes, number) : time
    }

    func stepHeading(_ index: Int, of count: Int, _ title: String) -> String { say(.tutStepHeading, index + 1, count, title) }

    func enterRuns(_ count: Int) -> String { count == 1 ? say(.tutEnterRunsOne) : say(.tutEnterRunsMany, count) }

    var enterContinues: String { say(.tutEnterContinues) }
    var refusalNote: String { say(.tutRefusalNote) }
    var refusedAsExpected: String { say(.tutRefusedAsExpected) }
    var notRefused: String { say(.tutNotRefused) }

    func nextUp(_ index: Int, of count: Int, _ title: String) -> String { say(.tutNextUp, index + 1, count, title) }

    var lastStepRan: String { say(.tutLastStepRan) }

    func finished(_ l: Lesson, agreed: Int, checked: Int, next: Int?) -> String {
        var s = say(.tutFinished, l.number)
        if checked > 0 { s += say(.tutAgreed, agreed, checked, checked == 1 ? "" : "s") }
        s += next.map { say(.tutNextLesson, $0) } ?? say(.tutLastLesson)
        return s
    }

    var stopped: String { say(.tutStopped) }
    var commandFailed: String { say(.tutCommandFailed) }
    var referenceHeading: String { say(.tutReferenceHeading) }
    func skippedStep(_ index: Int) -> String { say(.tutSkippedStep, index + 1) }
    var atFirstStep: String { say(.tutAtFirstStep) }

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

    func catchUp(_ steps: [Int], lesson: Int) -> String {
        let numbers = steps.map { String($0 + 1) }
        let list: String
        switch language {
        case .en:
            list = numbers.count == 1 ? "step \(numbers[0])"
                : "steps " + numbers.dropLast().joined(separator: ", ") + " and " + numbers[numbers.count - 1]
        case .ko:
            list = numbers.joined(separator: ", ")
        }
        return say(.tutCatchUp, list, numbers.count == 1 ? "its" : "their", lesson)
    }

    func catchingUp(_ index: Int) -> String { say(.tutCatchingUp, index + 1) }

    // MARK: - Where

    func position(_ l: Lesson, step: Int, ran: Bool) -> String {
        let s = l.steps[step]
        return say(.tutPosition, l.number, l.title, step + 1, l.steps.count, s.title)
            + (ran ? say(.tutPositionRan) : (s.commands.isEmpty ? say(.tutPositionGoesOn) : say(.tutPositionRuns)))
    }

    // MARK: - The list

    var listHeading: String { say(.tutListHeading) }
    var columns: [String] {
        ["#", say(.tutColumnTitle), say(.tutColumnTime), say(.tutColumnSteps), say(.tutColumnProgress)]
    }
    var notStarted: String { "-" }
    var done: String { say(.tutDone) }
    func atStep(_ step: Int, of count: Int) -> String { say(.tutAtStep, step + 1, count) }
    var running: String { say(.tutRunning) }
    var listHint: String { say(.tutListHint) }
    var noLesson: String { say(.tutNoLesson) }
    var noLessonHint: String { say(.tutNoLessonHint) }

    func paused(_ l: Lesson, step: Int) -> String { say(.tutPaused, l.number, step + 1, l.steps.count) }

    // MARK: - Translations and progress

    var noTranslation: String { say(.tutNoTranslation) }
    func translationDiffers(_ problem: String) -> String { say(.tutTranslationDiffers, problem) }
    func progressNotSaved(_ problem: String) -> String { say(.tutProgressNotSaved, problem) }
    func progressUnreadable(_ path: String) -> String { say(.tutProgressUnreadable, path) }
}
