// TutorialText: the runner's own words (headings, hints, the lesson list, notes) in the lesson's
// language. The lessons' text lives in their files; this is only what the runner adds around it,
// so that `set lang ko` gives a learner a Korean lesson without English scaffolding around it.
// The sentences themselves are in the message catalogs (Messages+en.swift and Messages+ko.swift for
// the runner's words, LessonMessage+en.swift and LessonMessage+ko.swift for exercises and checks);
// nnlab's own lessons are "레슨 N" in Korean, the course's lectures "N강".

import Foundation
import LabCore
import LabText

/// The runner's sentences in one language.
struct TutorialText {
    let language: Language

    init(_ language: Language) { self.language = language }

    private func say(_ key: Message, _ values: Any...) -> String { key.text(values, language: language) }
    private func say(_ key: LessonMessage, _ values: Any...) -> String { key.text(values, language: language) }

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

    var judgedAsVariant: String { say(.stepJudgedAsVariant) }

    // MARK: - Exercises and checks

    var yourTurn: String { say(.exerciseYourTurn) }

    func constraint(_ c: RecipeConstraint) -> String {
        switch c {
        case .layers(let n): say(.keepLayersRule, n)
        case .hidden(let a): say(.keepHiddenRule, a)
        case .data(let d): say(.keepDataRule, d)
        case .optimizer(let o): say(.keepOptimizerRule, o.rawValue)
        case .initializer(let i): say(.keepInitializerRule, i)
        case .noDropout: say(.keepNoDropoutRule)
        }
    }

    func exerciseHowTo(hints: Int) -> String { say(.exerciseHowTo, hints) }

    var checkingExercise: String { say(.exerciseChecking) }
    var exerciseSolved: String { say(.exerciseSolved) }
    var solvedAfterSolution: String { say(.exerciseSolvedAfterSolution) }
    var solutionRan: String { say(.exerciseSolutionRan) }
    var hintAvailable: String { say(.exerciseHintAvailable) }
    var exerciseNotSolved: String { say(.exerciseNotSolved) }
    var checkingOwnRun: String { say(.stepCheckingOwnRun) }
    var ownRunDisagreed: String { say(.stepOwnRunDisagreed) }
    var stepDisagreed: String { say(.stepDisagreed) }
    var nothingToCheck: String { say(.stepNothingToCheck) }
    var notAnExercise: String { say(.exerciseNotAnExercise) }
    var noHints: String { say(.exerciseNoHints) }
    func hint(_ i: Int, of n: Int, _ h: String) -> String { say(.exerciseHint, i, n, h) }
    var lastHint: String { say(.exerciseLastHint) }
    var solutionHeading: String { say(.exerciseSolutionHeading) }
    func solutionRuns(_ n: Int) -> String { n == 1 ? say(.exerciseSolutionRunsOne) : say(.exerciseSolutionRunsMany, n) }

    /// The end reached with steps still open: which failed their checks, which were skipped.
    func reachedEnd(_ l: Lesson, failed: [Int], skipped: [Int], agreed: Int, checked: Int) -> String {
        func list(_ xs: [Int]) -> String { xs.map { String($0 + 1) }.joined(separator: ", ") }
        let failedPart = failed.isEmpty ? nil : say(failed.count == 1 ? .lessonEndFailedOne : .lessonEndFailedMany, list(failed))
        let skippedPart = skipped.isEmpty ? nil : say(skipped.count == 1 ? .lessonEndSkippedOne : .lessonEndSkippedMany, list(skipped))
        let open: String
        switch (failedPart, skippedPart) {
        case let (f?, s?): open = say(.lessonEndFailedAndSkipped, f, s)
        case let (f?, nil): open = f
        case let (nil, s?): open = s
        case (nil, nil): open = ""
        }
        return say(.lessonEndOpen, l.number, open, checked > 0 ? say(.lessonEndAgreed, agreed, checked) : "")
    }

    var enterClosesAnyway: String { say(.lessonEnterClosesAnyway) }

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
