// The runner's "your turn" side: `check` grades the learner's own run (an exercise against its
// expectations and constraints; an ordinary step against its expectations, telling first where
// the learner's recipe differs from the lesson's), `hint` reveals an exercise's hints one at a
// time, and `solution` shows the model answer, which Enter then runs.

import LabCore
import Foundation

extension TutorialRunner {
    /// `check` (and Enter or `next` on an exercise): grades the learner's latest run against the
    /// current step. Returns whether it passed.
    @discardableResult
    public func check() -> Bool {
        let l = lesson, s = l.steps[step], style = lab.console.style
        let fast = lab.settings.fast != nil
        if s.exercise != nil {
            lab.console.write(style.dim(text.checkingExercise))
            let grade = ExerciseGrader.grade(s, lab: lab, fast: fast, metrics: metrics)
            for line in grade.lines { lab.console.write("  " + style.paint(line.text, fg: line.ok ? .green : .red)) }
            record(grade.solved, checks: grade.checks)
            if grade.solved {
                solvedSteps.insert(step)
                skippedSteps.remove(step)
                let follow = step + 1 < l.steps.count ? text.nextUp(step + 1, of: l.steps.count, l.steps[step + 1].title) : text.lastStepRan
                lab.console.write("\n" + style.paint(solutionShown.contains(step) ? text.solvedAfterSolution : text.exerciseSolved, fg: .green)
                                  + "\n" + style.dim(follow))
                saveProgress(current: true, ran: step, solved: step)
            } else if hintsShown[step, default: 0] < s.exercise!.hints.count {
                lab.console.write(style.dim(text.hintAvailable))
            }
            return grade.solved
        }
        let checks = s.expectations(fast: fast).map { $0.expectation.check(metrics) }
        guard !checks.isEmpty else {
            lab.console.write(text.nothingToCheck)
            return true
        }
        let differences = LessonRecipe.assumed(by: l, through: step).differences(from: lab, at: step)
        for d in differences { lab.console.write("  " + style.paint(d, fg: .yellow)) }
        if !differences.isEmpty { lab.console.write("  " + style.dim(text.judgedAsVariant)) }
        for c in checks {
            lab.console.write("  " + style.paint(c.message(language: lab.settings.language, variant: !differences.isEmpty),
                                                 fg: c.agrees ? .green : .red))
        }
        let agrees = checks.allSatisfy(\.agrees)
        record(agrees, checks: checks)
        return agrees
    }

    /// `hint`: the exercise's next hint (all shown so far, the new one last).
    public func hint() {
        let style = lab.console.style
        guard let e = lesson.steps[step].exercise else {
            lab.console.write(text.notAnExercise)
            return
        }
        let shown = min(hintsShown[step, default: 0] + 1, e.hints.count)
        hintsShown[step] = shown
        guard shown > 0 else {
            lab.console.write(text.noHints)
            return
        }
        var lines: [String] = []
        for (i, h) in e.hints.prefix(shown).enumerated() {
            let line = LessonView.wrap(text.hint(i + 1, of: e.hints.count, h), style: style)
            lines += i + 1 == shown ? line : line.map(style.dim)
        }
        if shown == e.hints.count { lines.append(style.dim(text.lastHint)) }
        lab.console.write(lines.joined(separator: "\n"))
    }

    /// `solution`: shows the model answer; Enter then runs it.
    public func solution() {
        let style = lab.console.style
        guard let e = lesson.steps[step].exercise else {
            lab.console.write(text.notAnExercise)
            return
        }
        solutionShown.insert(step)
        var lines = [style.bold(text.solutionHeading)]
        lines += e.solution.map { "    " + style.paint($0.text, fg: .cyan) }
        lines.append(style.dim(text.solutionRuns(e.solution.count)))
        lab.console.write(lines.joined(separator: "\n"))
        saveProgress(current: true, revealed: step)
    }

    /// Notes a step's latest verdict for the lesson's summary.
    func record(_ agrees: Bool, checks: [ExpectationCheck]) {
        checkTally[step] = (checks.filter(\.agrees).count, checks.count)
        if agrees { failedSteps.remove(step) } else { failedSteps.insert(step) }
    }

    /// Changes whenever a run is trained (or replaced).
    var latestRunMarker: String {
        guard let r = lab.results.runs.last else { return "" }
        return "\(lab.results.runs.count)|\(r.name)|\(r.result.batchCosts.count)|\(r.result.batchCosts.last ?? 0)"
    }
}
