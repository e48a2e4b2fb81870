// Lesson: one parsed lesson file, as tutorials/README.md defines it. A header (number, title,
// time, one-line summary, how a fast run shortens it), then steps; each step has a title,
// paragraphs of narrative, the commands Enter runs, the expectations checked afterwards, and the
// figures a full run recorded on the reference machine.
//
// This is data only: reading the file is LessonParser's job, running it TutorialRunner's and
// LessonVerifier's. Every element keeps its line number so that errors, and `--record` (which
// rewrites the measured lines), can point into the file.

import LabCore
import LabText

/// A parsed lesson.
public struct Lesson: Sendable, Equatable {
    /// The file it came from, as shown in messages ("tutorials/01-vanishing-gradients.lesson").
    public var file: String
    /// "01-vanishing-gradients": the file name without `.lesson`, the same in every language.
    public var slug: String
    /// "en" or "ko".
    public var language: Language
    public var number: Int
    public var title: String
    /// How long it takes ("10 min").
    public var time: String
    /// One line for the lesson list.
    public var about: String
    /// How `tutorial verify --fast` shortens it (nil: it runs in full even then).
    public var fast: FastMode?
    public var steps: [LessonStep]

    /// Every command of every step, in order.
    public var allCommands: [LessonCommand] { steps.flatMap(\.commands) }
}

/// One step: what the learner reads, runs and should see.
public struct LessonStep: Sendable, Equatable {
    public var title: String
    /// The line of its `## ` heading.
    public var line: Int
    /// Narrative paragraphs, each one string (the file's line breaks inside a paragraph are spaces).
    public var paragraphs: [String] = []
    public var commands: [LessonCommand] = []
    public var expectations: [LessonExpectation] = []
    public var measured: [MeasuredLine] = []
    /// Set for a "your turn" step: it gives no commands; the learner finds their own, and the
    /// expectations (with the exercise's constraints) grade the learner's latest run.
    public var exercise: Exercise?
    /// `course: RUN FIGURE` lines: the course's printed test accuracy for a run the lesson
    /// trains; the step ends with a table of course / reference machine / yours.
    public var course: [CourseFigure] = []

    public init(title: String, line: Int) {
        self.title = title
        self.line = line
    }

    /// The expectations that apply to a full run (`fast` false) or a fast one.
    public func expectations(fast: Bool) -> [LessonExpectation] {
        expectations.filter { $0.scope.applies(fast: fast) }
    }
}

/// What a "your turn" step adds: rules the learner's recipe must keep, hints revealed one at a
/// time, and a model answer (`solution:`) that `solution` shows and `tutorial verify` runs.
public struct Exercise: Sendable, Equatable {
    public var constraints: [RecipeConstraint] = []
    /// One sentence each, in the order `hint` reveals them.
    public var hints: [String] = []
    public var solution: [LessonCommand] = []

    public init() {}
}

/// A command line of a step, run as if the learner had typed it.
public struct LessonCommand: Sendable, Equatable {
    /// The command as typed, without the `! ` mark.
    public var text: String
    public var line: Int
    /// Written `! command`: nnlab must refuse it (the refusal is the lesson).
    public var expectsRefusal: Bool

    public init(text: String, line: Int, expectsRefusal: Bool = false) {
        self.text = text
        self.line = line
        self.expectsRefusal = expectsRefusal
    }
}

/// When an expectation is checked.
public enum ExpectationScope: String, Sendable, Equatable {
    /// `expect`: in every run.
    case always
    /// `expect(full)`: only when the lesson runs in full (a learner's run, or verify without --fast).
    case full
    /// `expect(fast)`: only in a shortened run (`tutorial verify --fast`).
    case fast

    public func applies(fast isFast: Bool) -> Bool {
        switch self {
        case .always: true
        case .full: !isFast
        case .fast: isFast
        }
    }
}

/// An `expect` line of a step.
public struct LessonExpectation: Sendable, Equatable {
    public var expectation: Expectation
    public var scope: ExpectationScope
    public var line: Int
}

/// A `course:` line: what the course printed for one of the lesson's runs.
public struct CourseFigure: Sendable, Equatable {
    public var run: String
    public var value: Double
    public var line: Int
}

/// A `measured:` line: what a full run produced on the machine the lessons were checked on.
public struct MeasuredLine: Sendable, Equatable {
    /// The text after `measured:`.
    public var text: String
    public var line: Int
}
