// TutorialText: the runner's own words (headings, hints, the lesson list, notes) in the lesson's
// language. The lessons' text lives in their files; this is only what the runner adds around it,
// so that `set lang ko` gives a learner a Korean lesson without English scaffolding around it.
// The sentences themselves are in the message catalog (Messages+en.swift, Messages+ko.swift);
// nnlab's own lessons are "레슨 N" in Korean, the course's lectures "N강".

import Foundation

/// The runner's sentences in one language.
struct TutorialText {
    let language: Language

    init(_ language: Language) { self.language = language }

    private func say(_ key: Message, _ values: Any...) -> String { key.text(values, language: language) }

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
