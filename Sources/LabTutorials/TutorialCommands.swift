// tutorial, next, back, again, where: the lessons in the REPL. `tutorial` lists them with the
// learner's progress; `tutorial start N` begins or picks one up; the moves work as top-level
// commands (`next`) and as `tutorial next`. `tutorial verify` runs lessons without a person,
// as `nnlab tutorial verify` does on the command line.

import Foundation
import LabCore
import LabText
import TermCharts

package enum TutorialCommands {
    static let moves: [CommandSpec] = [
        CommandSpec("next", aliases: ["n"], group: .lessons, summary: "Show the lesson's next step",
                    details: "Moves on even when the current step's commands have not run (Enter runs them first).",
                    handler: { lab, inv in try runner(lab, inv).next() }),
        CommandSpec("back", group: .lessons, summary: "Go back one step of the lesson",
                    details: "The step is shown again; Enter runs its commands again.",
                    handler: { lab, inv in try runner(lab, inv).back() }),
        CommandSpec("again", group: .lessons, summary: "Run the current step's commands again",
                    details: "Useful after changing something yourself, or after Ctrl-C stopped a step.",
                    handler: { lab, inv in try runner(lab, inv).again() }),
        CommandSpec("where", group: .lessons, summary: "Which lesson and step you are at, and every step's title",
                    handler: { lab, inv in try runner(lab, inv).showWhere() }),
        CommandSpec("check", group: .lessons, summary: "Grade your latest run against the current step",
                    details: "On a \"your turn\" exercise: checks your latest run against the goal and the rules the exercise "
                        + "keeps (e.g. still ten layers, the same data), saying which part failed and why. On an ordinary step: "
                        + "checks the step's expectations against what you ran yourself, saying first where your model, "
                        + "optimizer or data differ from the lesson's. Enter on an empty line does the same on an exercise.",
                    handler: { lab, inv in _ = try runner(lab, inv).check() }),
        CommandSpec("hint", group: .lessons, summary: "The exercise's next hint, one at a time",
                    handler: { lab, inv in try runner(lab, inv).hint() }),
        CommandSpec("solution", group: .lessons, summary: "Show a model answer to the exercise (Enter then runs it)",
                    details: "Your progress records that the answer was shown. Enter on an empty line runs it and grades the result.",
                    handler: { lab, inv in try runner(lab, inv).solution() }),
    ]

    package static let commands: [CommandSpec] = [
        CommandSpec("tutorial", aliases: ["lesson", "lessons"], group: .lessons,
                    summary: "The lessons of lecture 10, with your progress",
                    details: "`tutorial` lists the lessons. `tutorial start 1` begins lesson 1, or picks it up where you "
                        + "stopped (`restart` begins afresh). Each step shows its text and commands; Enter on an empty line "
                        + "runs them, and you may type your own commands first. `next`, `back`, `again` and `where` move "
                        + "around; `tutorial stop` pauses. `set lang ko` shows the lessons in Korean.",
                    examples: ["tutorial", "tutorial start 1", "tutorial start dropout", "tutorial stop", "tutorial verify 2 fast"],
                    subcommands: [
                        CommandSpec("start", group: .lessons, summary: "Begin a lesson (or pick it up where you stopped)",
                                    details: "With `fast` the lesson trains shorter (fewer epochs and examples, as its `fast:` header "
                                        + "says): quicker, with figures a little off the full run's.",
                                    examples: ["tutorial start 1", "tutorial start initialization", "tutorial start 3 restart",
                                               "tutorial start 7 fast"],
                                    arguments: [lesson.spec, restart.spec, fast.spec],
                                    handler: start),
                        CommandSpec("stop", group: .lessons, summary: "Pause the lesson (your progress is kept)",
                                    handler: { lab, inv in try runner(lab, inv).stop() }),
                        CommandSpec("verify", group: .lessons, summary: "Run lessons without a person and check every expectation",
                                    details: "Each lesson runs in a fresh lab (your session is not touched), prints a line per step "
                                        + "and a summary. `fast` shortens each lesson as its `fast:` header says.",
                                    examples: ["tutorial verify 1 fast", "tutorial verify fast"],
                                    arguments: [anyLesson.spec, fast.spec],
                                    handler: verify),
                    ] + moves.map { CommandSpec($0.name, group: .lessons, summary: $0.summary, details: $0.details,
                                                hidden: true, handler: $0.handler) },
                    handler: { lab, inv in list(lab, running: inv.interpreter?.shell.lessonRunner) }),
    ] + moves

    // MARK: - Arguments

    static let lesson = TypedArgument<String>.positional("lesson", completion: .lessons, "the lesson's number or a word of its name")
    static let anyLesson = TypedArgument<String>.positional("lesson", required: false, default: "every lesson", completion: .lessons,
                                                            "the lesson's number or a word of its name")
    static let restart = TypedFlag.named("restart", "begin at the first step even if you stopped further on")
    static let fast = TypedFlag.named("fast", "fewer epochs and examples, as each lesson declares")

    /// The running lesson, or an error saying how to start one. Its steps run through the
    /// interpreter running this command.
    static func runner(_ lab: Lab, _ inv: Invocation) throws(ShellError) -> TutorialRunner {
        let interpreter = try inv.runningInterpreter()
        guard let runner = interpreter.shell.lessonRunner, runner.isActive else {
            let t = TutorialText(lab.settings.language)
            throw ShellError(t.noLesson, hint: t.noLessonHint)
        }
        runner.interpreter = interpreter
        return runner
    }

    /// `tutorial start LESSON [restart] [fast]`: a fast lesson sets the lab's fast mode while it runs.
    static func start(_ lab: Lab, _ inv: Invocation) throws {
        let interpreter = try inv.runningInterpreter()
        lab.settings.fast = nil
        if let previous = interpreter.shell.lessonRunner { previous.runsFast = false }
        try TutorialRunner.start(interpreter, lesson: inv.required(lesson), restart: inv[restart])
        guard inv[fast], let runner = interpreter.shell.lessonRunner else { return }
        guard let mode = runner.lesson.fast else {
            lab.console.write(lab.console.style.dim(loc(.lessonHasNoFast, runner.lesson.number)))
            return
        }
        lab.settings.fast = mode
        runner.runsFast = true
        let limits = [mode.epochs.map { loc(.fastEpochs, $0) }, mode.limit.map { loc(.fastExamples, $0) }].compactMap { $0 }
        lab.console.write(lab.console.style.dim(loc(.lessonRunsFast, limits.joined(separator: ", "), runner.lesson.number)))
    }

    /// The table of lessons: number, title, time, steps and progress.
    static func list(_ lab: Lab, running latest: TutorialRunner?) {
        let library = LessonLibrary(folder: lab.paths.tutorials)
        let entries = library.entries()
        let t = TutorialText(lab.settings.language), style = lab.console.style
        guard !entries.isEmpty else {
            lab.console.warn(loc(.lessonsNoneInWarning, lab.paths.tutorials.path))
            return
        }
        let progress = TutorialProgress.load(from: lab.paths.progressFile).progress
        var rows: [[String]] = []
        for entry in entries {
            guard let lesson = try? library.load(entry, language: lab.settings.language).lesson else {
                rows.append([String(entry.number), entry.slug, "", "", loc(.lessonUnreadableRow)])
                continue
            }
            var state = "-"
            if let s = progress.lessons[entry.slug] {
                let at = t.atStep(min(s.step, lesson.steps.count - 1), of: lesson.steps.count)
                state = s.finished ? (s.step > 0 ? t.done + ", " + at : t.done) : at
            }
            if let running = latest, running.isActive, running.entry == entry {
                state = t.atStep(running.step, of: lesson.steps.count) + t.running
            }
            rows.append([String(lesson.number), lesson.title, t.duration(lesson.time),
                         String(lesson.steps.count), state])
        }
        let columns = t.columns.enumerated().map { i, title in
            TableColumn(title, alignment: i == 0 || i == 3 ? .right : .left)
        }
        lab.console.write(TextTable(columns: columns, rows: rows, title: t.listHeading, border: .minimal).render(style))
        lab.console.write(style.dim(t.listHint))
    }

    /// `tutorial verify [LESSON] [fast]` in the REPL: fresh labs, the report on this console.
    static func verify(_ lab: Lab, _ inv: Invocation) throws {
        let interpreter = try inv.runningInterpreter()
        var verifier = LessonVerifier(paths: lab.paths, style: lab.console.style, makeInterpreter: interpreter.over) { [unowned lab] in lab.console.write($0) }
        verifier.fast = inv[fast]
        verifier.language = lab.settings.language
        let summary = try verifier.run(inv[anyLesson])
        if !summary.succeeded {
            throw ShellError(loc(.verifySomeFailed), hint: loc(.verifySomeFailedHint))
        }
    }
}
