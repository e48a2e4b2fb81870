// StepRun: runs one step of a lesson, for a learner (TutorialRunner) and without one
// (LessonVerifier) alike: each command exactly as if typed, errors pointing at the lesson's file
// and line; `!` commands must be refused; the expectations are checked afterwards and said in
// plain words. The first failing command, or Ctrl-C, ends the step early.

import Foundation
import LabCore
import LabText

/// A command of a step that did not do what the lesson says.
public struct StepFailure: Sendable, Equatable {
    public let line: Int
    public let command: String
    /// nnlab's error, or why a command that should have been refused is a failure.
    public let message: String
}

/// What happened when a step ran.
public struct StepOutcome: Sendable {
    public var commandsRun = 0
    /// `!` commands refused, as they should be.
    public var refusals = 0
    public var failures: [StepFailure] = []
    /// The expectations that apply, checked (empty when a command failed or the step was stopped).
    public var checks: [ExpectationCheck] = []
    /// Ctrl-C stopped a command; the rest of the step did not run.
    public var stopped = false
    /// Where the lab differs from what the lesson builds up to this step (the checks were then
    /// judged as the learner's own variant).
    public var recipeDifferences: [String] = []
    /// An exercise's parts that failed besides its expectations (constraints, no run, a stale run).
    public var exerciseProblems: [String] = []
    public var seconds: Double = 0

    /// Every command did what the lesson says and every check agreed.
    public var agrees: Bool { failures.isEmpty && !stopped && checks.allSatisfy(\.agrees) && exerciseProblems.isEmpty }
}

enum StepRun {
    /// Runs `step` of `lesson` through `interpreter`. `fast` picks the expectations that apply;
    /// `echo` prints each command before it runs, with `prompt`; `metrics` reads figures for the checks.
    /// An exercise step runs its model answer (`solution:`) and is graded as the learner's answer would be.
    static func run(_ step: LessonStep, of lesson: Lesson, interpreter: Interpreter, fast: Bool,
                    echo: Bool, prompt: String, metrics: (MetricReference) -> Float?) -> StepOutcome {
        let started = ContinuousClock.now
        var runnable = step
        if let e = step.exercise { runnable.commands = e.solution }
        var outcome = runCommands(runnable, of: lesson, interpreter: interpreter, fast: fast, echo: echo, prompt: prompt, metrics: metrics)
        outcome.seconds = seconds(since: started)
        return outcome
    }

    private static func runCommands(_ step: LessonStep, of lesson: Lesson, interpreter: Interpreter, fast: Bool,
                                    echo: Bool, prompt: String, metrics: (MetricReference) -> Float?) -> StepOutcome {
        let lab = interpreter.lab
        let console = lab.console, style = console.style
        let text = TutorialText(lab.settings.language)
        var outcome = StepOutcome()

        // Notice Ctrl-C during this step, while still letting the trainer see it.
        let interrupted = Flag()
        let original = lab.shouldStop
        lab.shouldStop = { if original() { interrupted.isSet = true; return true }; return false }
        defer {
            lab.shouldStop = original
            interpreter.location = nil
        }

        for command in step.commands {
            if echo {
                // Under a fast mode, the command as it really runs (FastEcho.swift).
                let run = lab.settings.fast.map { $0.asRun(command.text, defaultEpochs: lab.settings.defaults.epochs) } ?? command.text
                console.write(LessonView.echo(run, prompt: prompt, style: style)
                              + (run == command.text ? "" : style.dim("   " + loc(.fastWritten, command.text))))
            }
            interpreter.location = (lesson.file, command.line)
            outcome.commandsRun += 1
            let error = execute(command.text, interpreter: interpreter, reportErrors: true)
            switch (error, command.expectsRefusal) {
            case (nil, false):
                break
            case (.some, true):
                outcome.refusals += 1
                console.write("  " + style.paint(text.refusedAsExpected, fg: .green))
            case (nil, true):
                console.write("  " + style.paint(text.notRefused, fg: .red))
                outcome.failures.append(StepFailure(line: command.line, command: command.text, message: LessonMessage.stepRanNotRefused.text([], language: lab.settings.language)))
            case (let e?, false):
                outcome.failures.append(StepFailure(line: command.line, command: command.text, message: e))
            }
            if interrupted.isSet {
                outcome.stopped = true
                console.write(style.paint(text.stopped, fg: .yellow))
                return outcome
            }
            if !outcome.failures.isEmpty && !command.expectsRefusal {
                console.write(style.paint(text.commandFailed, fg: .yellow))
                return outcome
            }
        }
        if step.exercise != nil {
            let grade = ExerciseGrader.grade(step, lab: lab, fast: fast, metrics: metrics)
            outcome.checks = grade.checks
            let checkTexts = Set(grade.checks.map { $0.message(language: lab.settings.language) })
            outcome.exerciseProblems = grade.lines.filter { !$0.ok && !checkTexts.contains($0.text) }.map { $0.text }
            for line in grade.lines { console.write("  " + style.paint(line.text, fg: line.ok ? .green : .red)) }
            return outcome
        }
        if let index = lesson.steps.firstIndex(where: { $0.line == step.line }) {
            outcome.recipeDifferences = LessonRecipe.assumed(by: lesson, through: index).differences(from: lab, at: index)
        }
        let variant = !outcome.recipeDifferences.isEmpty
        if variant {
            for d in outcome.recipeDifferences { console.write("  " + style.paint(d, fg: .yellow)) }
            console.write("  " + style.dim(text.judgedAsVariant))
        }
        outcome.checks = step.expectations(fast: fast).map { $0.expectation.check(metrics) }
        for check in outcome.checks {
            let message = check.message(language: lab.settings.language, variant: variant)
            console.write("  " + style.paint(message, fg: check.agrees ? .green : .red))
        }
        if let table = LessonCourseTable.render(step, of: lesson, metrics: metrics, language: lab.settings.language, style: style) {
            console.write(table)
        }
        return outcome
    }

    /// Runs one lesson line (it may hold several commands separated by `;`); returns nnlab's
    /// error message, or nil when everything succeeded. Each command speaks the lab's language, as
    /// when typed (`set lang ko` in a lesson takes effect from the next command).
    static func execute(_ line: String, interpreter: Interpreter, reportErrors: Bool) -> String? {
        let lab = interpreter.lab
        return Language.$current.withValue(lab.settings.language) { executeLine(line, interpreter: interpreter, reportErrors: reportErrors) }
    }

    private static func executeLine(_ line: String, interpreter: Interpreter, reportErrors: Bool) -> String? {
        let lab = interpreter.lab
        let commands: [[String]]
        do { commands = try splitCommands(line) } catch {
            if reportErrors { interpreter.report(error, command: line) }
            return error.message
        }
        for words in commands {
            do {
                try Language.$current.withValue(lab.settings.language) { try interpreter.execute(words) }
            } catch {
                return Language.$current.withValue(lab.settings.language) {
                    if reportErrors { interpreter.report(error, command: joinWords(words)) }
                    let (message, hint) = Interpreter.describe(error)
                    return message + (hint.map { loc(.stepErrorHint, $0) } ?? "")
                }
            }
        }
        return nil
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// A yes/no set from inside a closure.
final class Flag {
    var isSet = false
}
