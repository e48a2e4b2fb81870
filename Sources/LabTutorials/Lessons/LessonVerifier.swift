// LessonVerifier: runs lessons without a person (`nnlab tutorial verify`, `make test`). Each
// lesson gets a fresh lab; every step's commands run as a learner's Enter would run them; every
// expectation that applies is checked. One line per step, a line per lesson, a summary last.
// `fast` shortens each lesson as its `fast:` header says; `record` writes the figures of a full
// run into the lesson and its translation as `measured:` lines.
//
// Not here: the interactive runner (TutorialRunner); the command line wiring (nnlab's main).

import Foundation
import LabCore
import LabText
import TermCharts

/// Runs and checks lessons.
public struct LessonVerifier {
    public var fast = false
    /// The language whose lesson files run ("en" or "ko").
    public var language = Language.en
    /// Write the measured figures into the lesson files (full runs only).
    public var record = false
    /// Print every command and its output, not only a line per step.
    public var verbose = false
    /// Polled between batches (Ctrl-C); a stopped step ends its lesson.
    public var shouldStop: () -> Bool = { false }
    public let paths: LabPaths
    public let style: Style
    /// Where the report goes (a line at a time).
    public let output: (String) -> Void

    /// Runs each lesson's commands in a fresh lab, through the interpreter `makeInterpreter` gives.
    public let makeInterpreter: InterpreterMaker

    public init(paths: LabPaths, style: Style = .plain, makeInterpreter: @escaping InterpreterMaker,
                output: @escaping (String) -> Void) {
        self.paths = paths
        self.makeInterpreter = makeInterpreter
        self.style = style
        self.output = output
    }

    /// The outcome of a verification.
    public struct Summary: Sendable, Equatable {
        public var lessons = 0
        public var steps = 0
        public var checks = 0
        public var agreed = 0
        public var failedCommands = 0
        public var stoppedSteps = 0
        /// Lesson files that could not be read.
        public var brokenLessons = 0
        public var seconds: Double = 0

        public var succeeded: Bool {
            lessons > 0 && agreed == checks && failedCommands == 0 && stoppedSteps == 0 && brokenLessons == 0
        }
    }

    /// Verifies the lesson `reference` names, or every lesson. Everything it says, and the lessons'
    /// commands, speak `language`.
    public func run(_ reference: String? = nil) throws(ShellError) -> Summary {
        try Language.$current.withValue(language) { Result { () throws(ShellError) in try runAll(reference) } }.get()
    }

    /// A sentence of the report, in `language`.
    private func say(_ key: LessonMessage, _ values: Any...) -> String { key.text(values, language: language) }

    private func runAll(_ reference: String?) throws(ShellError) -> Summary {
        guard !(record && fast) else {
            throw ShellError(loc(.verifyRecordNotFast), hint: loc(.verifyRecordNotFastHint))
        }
        let library = LessonLibrary(folder: paths.tutorials)
        let entries = try reference.map { r throws(ShellError) in [try library.find(r)] } ?? library.entries()
        guard !entries.isEmpty else {
            throw ShellError(loc(.lessonsNoneIn, paths.tutorials.path), hint: loc(.lessonsInstallHint))
        }
        var total = Summary()
        let started = ContinuousClock.now
        for entry in entries {
            let s = verify(entry, library: library)
            total.lessons += 1
            total.steps += s.steps
            total.checks += s.checks
            total.agreed += s.agreed
            total.failedCommands += s.failedCommands
            total.stoppedSteps += s.stoppedSteps
            total.brokenLessons += s.brokenLessons
        }
        total.seconds = StepRun.seconds(since: started)
        let verdict = total.succeeded ? style.paint(say(.verifyPassed), fg: .green) : style.paint(say(.verifyFailed), fg: .red)
        var parts = [say(total.lessons == 1 ? .verifyLessonsOne : .verifyLessonsMany, total.lessons), say(.verifySteps, total.steps),
                     say(.verifyChecksAgree, total.agreed, total.checks)]
        if total.failedCommands > 0 {
            parts.append(say(total.failedCommands == 1 ? .verifyCommandsFailedOne : .verifyCommandsFailedMany, total.failedCommands))
        }
        if total.stoppedSteps > 0 { parts.append(say(.verifyStoppedCount, total.stoppedSteps)) }
        if total.brokenLessons > 0 { parts.append(say(total.brokenLessons == 1 ? .verifyUnreadableOne : .verifyUnreadableMany, total.brokenLessons)) }
        output(style.bold("verify") + " "
               + say(fast ? .verifySummaryFast : .verifySummaryFull, language, parts.joined(separator: ", "), duration(total.seconds, language), verdict))
        return total
    }

    /// Runs one lesson in a fresh lab and prints its lines.
    private func verify(_ entry: LessonLibrary.Entry, library: LessonLibrary) -> Summary {
        var summary = Summary()
        let loaded: LessonLibrary.Loaded
        do { loaded = try library.load(entry, language: language) } catch {
            output(style.paint("✗ ", fg: .red) + error.description)
            summary.brokenLessons = 1
            return summary
        }
        let lesson = loaded.lesson
        output(style.bold(say(.verifyLessonHeading, lesson.number, lesson.title)) + style.dim("  \(lesson.file)"))
        if let note = loaded.fallbackNote { output("  " + style.paint(note, fg: .yellow)) }

        let state = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let console = VerifyConsole(echo: verbose ? output : nil)
        // A scratch lab: its state and anything it saves stay in the temporary folder.
        var scratchPaths = paths.startedIn(state)
        scratchPaths.state = state
        let lab = Lab(console: console, paths: scratchPaths)
        lab.settings.language = language
        lab.shouldStop = shouldStop
        if fast { lab.settings.fast = lesson.fast }
        let interpreter = makeInterpreter(lab)
        let metrics = LessonMetrics.reader(lab)
        var figures: [[StepFigure]] = []
        let started = ContinuousClock.now
        for (i, step) in lesson.steps.enumerated() {
            let before = console.events.count, warningsBefore = console.warnings.count
            let outcome = StepRun.run(step, of: lesson, interpreter: interpreter, fast: fast, echo: verbose,
                                      prompt: "nnlab> ", metrics: metrics)
            summary.steps += 1
            // An exercise's failed constraints count as checks that did not agree.
            summary.checks += outcome.checks.count + outcome.exerciseProblems.count
            summary.agreed += outcome.checks.filter(\.agrees).count
            summary.failedCommands += outcome.failures.count
            if outcome.stopped { summary.stoppedSteps += 1 }
            figures.append(StepFigure.collect(events: Array(console.events[before...]), lab: lab, step: step, metrics: metrics))
            output(stepLine(i, of: lesson, outcome))
            for f in outcome.failures {
                output("      " + style.paint(say(.lessonFileLine, lesson.file, f.line, f.command), fg: .red))
                output("        " + f.message)
            }
            if !outcome.failures.isEmpty && !verbose {
                for w in console.warnings[warningsBefore...] where !w.hasPrefix(Message.errorLabel.text([], language: language).trimmingCharacters(in: .whitespaces)) { output("        " + w) }
            }
            for c in outcome.checks where !c.agrees { output("      " + style.paint(c.message(language: language), fg: .red)) }
            for p in outcome.exerciseProblems { output("      " + style.paint(p, fg: .red)) }
            // The lesson's own commands must build what LessonRecipe reads from them.
            for d in outcome.recipeDifferences {
                output("      " + style.paint(say(.verifyRecipeReaderDisagrees, d), fg: .red))
                summary.failedCommands += 1
            }
            if !outcome.failures.isEmpty || outcome.stopped { break }
        }
        let seconds = StepRun.seconds(since: started)
        let took = duration(seconds, language)
        output(style.dim(summary.failedCommands == 0 ? say(.verifyLessonTally, summary.agreed, summary.checks, took)
            : say(summary.failedCommands == 1 ? .verifyLessonTallyFailedOne : .verifyLessonTallyFailedMany,
                  summary.agreed, summary.checks, summary.failedCommands, took)))
        if record { recordFigures(figures, entry: entry, library: library, failed: summary.failedCommands > 0 || summary.stoppedSteps > 0) }
        return summary
    }

    /// "  3/7 ok     12.1 s  Ten thousand steps  [train_accuracy 0.5000 <= 0.75, cost 0.6931 > 0.6]"
    private func stepLine(_ index: Int, of lesson: Lesson, _ o: StepOutcome) -> String {
        let mark = o.agrees ? style.paint(say(.verifyStepOK), fg: .green) : style.paint(say(.verifyStepFail), fg: .red)
        let time = say(.durationSeconds, String(format: "%6.1f", o.seconds))
        var line = "  \(index + 1)/\(lesson.steps.count) \(mark) \(time)  \(lesson.steps[index].title)"
        if o.refusals > 0 { line += style.dim(say(.verifyRefusals, o.refusals)) }
        if lesson.steps[index].exercise != nil { line += style.dim(say(.verifyExerciseRan)) }
        if !o.checks.isEmpty { line += style.dim("  [" + o.checks.map(compact).joined(separator: "; ") + "]") }
        return line
    }

    /// "grad(1) 2.10e-06 < 4.12e-05"
    private func compact(_ c: ExpectationCheck) -> String {
        let e = c.expectation
        switch c.outcome {
        case .agrees(let a, let b), .differs(let a, let b):
            let target: String
            if case .number = e.value { target = e.valueText } else { target = "\(figureText(b)) (\(e.valueText))" }
            return "\(e.metric) \(figureText(a)) \(e.op.rawValue) \(target)"
        case .notMeasured(let m):
            return say(.verifyNotMeasured, m)
        }
    }

    /// Writes the figures into the English lesson and every translation of it.
    private func recordFigures(_ figures: [[StepFigure]], entry: LessonLibrary.Entry, library: LessonLibrary, failed: Bool) {
        guard !failed else {
            output("  " + style.paint(say(.verifyNotRecordedFailed), fg: .yellow))
            return
        }
        var files: [(URL, Language)] = [(entry.file, .en)]
        for language in Language.allCases where language != .en {
            let url = entry.file(in: language, folder: library.folder)
            if FileManager.default.fileExists(atPath: url.path) { files.append((url, language)) }
        }
        for (url, language) in files {
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                let lesson = try LessonParser.parse(text, file: library.displayPath(url), slug: entry.slug, language: language)
                guard lesson.steps.count == figures.count else {
                    output("  " + style.paint(say(.verifyNotRecordedSteps, library.displayPath(url), lesson.steps.count, figures.count), fg: .red))
                    continue
                }
                try LessonRecorder.record(figures, into: url, lesson: lesson)
                output(style.dim(say(.verifyRecorded, library.displayPath(url))))
            } catch {
                output("  " + style.paint(say(.verifyNotRecorded, library.displayPath(url), error), fg: .red))
            }
        }
    }
}

/// "2.4 s", "3 min 12 s" (in Korean "2.4초", "3분 12초").
func duration(_ seconds: Double, _ language: Language) -> String {
    seconds < 60 ? LessonMessage.durationSeconds.text([String(format: "%.1f", seconds)], language: language)
        : LessonMessage.durationMinutes.text([Int(seconds) / 60, Int(seconds) % 60], language: language)
}

/// The console of a lab under verification: keeps events and warnings, and optionally echoes
/// everything (`--verbose`).
final class VerifyConsole: Console {
    let style = Style.plain
    let isInteractive = false
    private(set) var events: [LabEvent] = []
    private(set) var warnings: [String] = []
    private let echo: ((String) -> Void)?

    init(echo: ((String) -> Void)?) { self.echo = echo }

    func write(_ text: String) { echo?(text) }
    func warn(_ text: String) {
        warnings.append(text)
        echo?(text)
    }
    func status(_ text: String) {}
    func clearStatus() {}
    func record(_ event: LabEvent) { events.append(event) }
    func ask(_ question: String) -> String? { nil }
}
