// TutorialRunner: a lesson in progress in the REPL. It shows one step at a time; Enter on an
// empty line runs the step's commands (the learner may type their own first: they go through
// the interpreter as always and do not disturb the lesson), checks the step's expectations and
// shows the figures a full run recorded. `next`, `back`, `again` and `where` move around, the
// prompt shows the lesson and step, and progress is saved after every move so the lesson can be
// picked up in a later session. The runner follows `lab.settings.language` at every step, so `set lang ko`
// switches the lesson under way to Korean.
//
// Not here: the moves between steps and the end of a lesson (TutorialRunner+Moving), checks, hints
// and the model answer (TutorialRunner+Exercises), reading lesson files (LessonLibrary), running a
// step's commands (StepRun), running lessons without a learner (LessonVerifier).

import Foundation
import LabCore
import LabText
import TermCharts

/// The lesson a learner is working through.
public final class TutorialRunner: ShellLesson {
    /// The runner is held by the shell state (`shell.tutorial`), whose interpreter holds the lab, so
    /// it holds neither in turn.
    unowned let lab: Lab
    /// The shell's state (prompt, Enter) this lesson drives; it holds the runner in turn.
    unowned let shell: ShellState
    /// The shell's interpreter, which runs the steps' commands (handed in by `tutorial start`).
    weak var interpreter: Interpreter?
    public let library: LessonLibrary
    public let entry: LessonLibrary.Entry
    /// The current step (0-based).
    public internal(set) var step: Int
    /// Whether the current step's commands have run (then Enter moves on).
    public internal(set) var stepHasRun = false
    /// Earlier steps to run again before the current one, when a lesson is picked up in a new session.
    public internal(set) var catchUp: [Int] = []
    /// False once the lesson is paused (`tutorial stop`) or finished: the lab keeps the runner so
    /// that `tutorial start` of the same lesson picks it up with the session's state, no catching up.
    public private(set) var isActive = true
    /// The lesson was walked through to its end.
    public internal(set) var isFinished = false
    /// Taken fast (`tutorial start 7 fast`): the lab's fast mode is this lesson's until it stops or ends.
    public var runsFast = false
    /// Reads the figures expectations compare.
    public var metrics: (MetricReference) -> Float?
    /// Each step's latest checks: (agreed, made).
    var checkTally: [Int: (agreed: Int, made: Int)] = [:]
    /// Steps left without their commands running or their exercise solved, and steps whose
    /// checks did not agree: the end of the lesson names them instead of saying "done".
    var skippedSteps: Set<Int> = []
    var failedSteps: Set<Int> = []
    /// A step whose checks failed (or whose exercise is unsolved) was warned about: the next
    /// `next` (or Enter) moves on.
    var warnedStep: Int?
    /// Per exercise step: hints revealed, whether the model answer was shown, whether it is solved.
    var hintsShown: [Int: Int] = [:]
    var solutionShown: Set<Int> = []
    var solvedSteps: Set<Int> = []
    /// What the latest run was when the step was shown: a different one means the learner trained.
    var runMarkerAtShow = ""
    /// The end was reached with open steps and the learner was told; the next move closes the lesson.
    var endWarned = false
    private var cache: [Language: LessonLibrary.Loaded] = [:]
    /// The lesson as read when it started (used if its file breaks while it runs).
    private let initial: LessonLibrary.Loaded
    private var notesShown: Set<Language> = []
    private var progressWarningShown = false

    init(lab: Lab, shell: ShellState, library: LessonLibrary, entry: LessonLibrary.Entry, loaded: LessonLibrary.Loaded, step: Int) {
        self.lab = lab
        self.shell = shell
        self.library = library
        self.entry = entry
        self.step = step
        initial = loaded
        cache[lab.settings.language] = loaded
        metrics = LessonMetrics.reader(lab)
    }

    // MARK: - Starting and stopping

    /// Starts (or picks up) the lesson `reference` names and shows its current step.
    public static func start(_ interpreter: Interpreter, lesson reference: String, restart: Bool) throws(ShellError) {
        let lab = interpreter.lab
        let library = LessonLibrary(folder: lab.paths.tutorials)
        let entry = try library.find(reference)
        let loaded: LessonLibrary.Loaded
        do { loaded = try library.load(entry, language: lab.settings.language) } catch {
            throw ShellError(error.description, hint: loc(.lessonFileMistakeHint))
        }
        if let latest = interpreter.shell.lessonRunner {
            // The same lesson, paused or running in this session: its data and models are here.
            if latest.entry == entry && !restart && !latest.isFinished {
                let wasActive = latest.isActive
                latest.interpreter = interpreter
                latest.install()
                latest.show(intro: !wasActive)
                latest.saveProgress(current: true)
                return
            }
            if latest.isActive { latest.saveProgress(current: false) }
        }
        let saved = TutorialProgress.load(from: lab.paths.progressFile).progress.lessons[entry.slug]
        var step = 0
        var catchUp: [Int] = []
        let steps = loaded.lesson.steps
        if !restart, let saved, !saved.finished, saved.step > 0, saved.step < steps.count {
            step = saved.step
            catchUp = (0..<step).filter { !steps[$0].commands.isEmpty }
        }
        let runner = TutorialRunner(lab: lab, shell: interpreter.shell, library: library, entry: entry, loaded: loaded, step: step)
        runner.catchUp = catchUp
        runner.interpreter = interpreter
        runner.install()
        runner.show(intro: true)
        runner.saveProgress(current: true)
    }

    /// Pauses the lesson: progress is kept, the prompt and Enter go back to normal.
    public func stop() {
        saveProgress(current: false)
        lab.console.write(text.paused(lesson, step: step))
        uninstall()
    }

    private func install() {
        isActive = true
        shell.tutorial = self
        // Enter on an empty line is no command, so nothing has bound the lab's language yet.
        shell.emptyLineAction = { [weak self] in
            guard let self else { return }
            Language.$current.withValue(self.lab.settings.language) { self.enter() }
        }
        updatePrompt()
    }

    func uninstall() {
        isActive = false
        if runsFast {
            lab.settings.fast = nil
            runsFast = false
        }
        if shell.tutorial === self {
            shell.emptyLineAction = nil
            shell.promptPrefix = nil
        }
    }

    func updatePrompt() {
        shell.promptPrefix = "[\(entry.number): \(step + 1)/\(lesson.steps.count)]"
    }

    // MARK: - The lesson in the learner's language

    /// The lesson in `lab.settings.language` (English when there is no matching translation).
    public var lesson: Lesson { loaded.lesson }

    private var loaded: LessonLibrary.Loaded {
        if let l = cache[lab.settings.language] { return l }
        // A file that broke while the lesson ran: keep what was read at the start.
        var l = (try? library.load(entry, language: lab.settings.language)) ?? initial
        if l.lesson.steps.count != initial.lesson.steps.count { l = initial }
        cache[lab.settings.language] = l
        return l
    }

    var text: TutorialText { TutorialText(lab.settings.language) }

    // MARK: - Showing and running a step

    /// Shows the current step (with the lesson's introduction first when `intro`).
    func show(intro: Bool) {
        let style = lab.console.style
        let loaded = self.loaded
        var note: String?
        if let n = loaded.fallbackNote, !notesShown.contains(lab.settings.language) {
            notesShown.insert(lab.settings.language)
            note = n
        }
        var lines: [String] = []
        if intro {
            lines += LessonView.intro(loaded.lesson, language: lab.settings.language, style: style, note: note)
        } else if let note {
            lines += LessonView.wrap(note, style: style, highlighting: false).map { style.paint($0, fg: .yellow) }
        }
        lines += LessonView.step(loaded.lesson, index: step, language: lab.settings.language, style: style)
        runMarkerAtShow = latestRunMarker
        if !catchUp.isEmpty { lines += LessonView.wrap(text.catchUp(catchUp, lesson: entry.number), style: style, highlighting: false).map { style.paint($0, fg: .yellow) } }
        lab.console.write(lines.joined(separator: "\n"))
    }

    /// Runs the current step (after any earlier steps a resumed lesson needs), checks it, shows
    /// the reference figures and what comes next.
    func runStep() {
        let l = lesson, style = lab.console.style
        guard let interpreter else {
            lab.console.warn(LessonMessage.lessonShellGone.text([], language: lab.settings.language))
            return
        }
        for i in catchUp {
            lab.console.write(style.dim(text.catchingUp(i)))
            let o = StepRun.run(l.steps[i], of: l, interpreter: interpreter, fast: lab.settings.fast != nil, echo: true, prompt: shell.prompt, metrics: metrics)
            if !o.failures.isEmpty || o.stopped { return }
            catchUp.removeFirst()
        }
        let outcome = StepRun.run(l.steps[step], of: l, interpreter: interpreter, fast: lab.settings.fast != nil,
                                  echo: true, prompt: shell.prompt, metrics: metrics)
        guard outcome.failures.isEmpty && !outcome.stopped else { return }
        stepHasRun = true
        record(outcome.agrees, checks: outcome.checks)
        if l.steps[step].exercise != nil {
            // The model answer ran: the step is done, but it was not the learner's own solution.
            lab.console.write("\n" + style.dim(outcome.agrees ? text.solutionRan : text.exerciseNotSolved))
            saveProgress(current: true, ran: step)
            return
        }
        if !outcome.agrees {
            // Said once here: the next Enter (or `next`) moves on.
            warnedStep = step
            lab.console.write(style.paint(text.stepDisagreed, fg: .yellow))
        }
        let measured = l.steps[step].measured
        if !measured.isEmpty && lab.settings.fast == nil {
            lab.console.write(style.dim(text.referenceHeading) + "\n" + measured.map { style.dim("  " + $0.text) }.joined(separator: "\n"))
        }
        let follow = step + 1 < l.steps.count ? text.nextUp(step + 1, of: l.steps.count, l.steps[step + 1].title) : text.lastStepRan
        lab.console.write("\n" + style.dim(follow))
        saveProgress(current: true, ran: step)
    }

    // MARK: - Progress

    /// Records where the learner is (and that step `ran` has run) in the progress file.
    func saveProgress(current: Bool, finished: Bool = false, ran: Int? = nil, solved: Int? = nil, revealed: Int? = nil) {
        let url = lab.paths.progressFile
        var progress = TutorialProgress.load(from: url).progress
        var state = progress.lessons[entry.slug] ?? TutorialProgress.LessonState(steps: lesson.steps.count)
        state.step = finished ? 0 : step
        state.steps = lesson.steps.count
        if let ran, !state.stepsRun.contains(ran) { state.stepsRun = (state.stepsRun + [ran]).sorted() }
        if let solved, !state.solved.contains(solved) { state.solved = (state.solved + [solved]).sorted() }
        if let revealed, !state.revealed.contains(revealed) { state.revealed = (state.revealed + [revealed]).sorted() }
        if finished { state.finished = true }
        progress.lessons[entry.slug] = state
        progress.current = current ? entry.slug : (progress.current == entry.slug ? nil : progress.current)
        do { try progress.save(to: url) } catch {
            guard !progressWarningShown else { return }
            progressWarningShown = true
            lab.console.warn(text.progressNotSaved(error.message))
        }
    }
}

extension ShellState {
    /// The lesson started last in this shell, paused or running.
    public var lessonRunner: TutorialRunner? { tutorial as? TutorialRunner }
}
