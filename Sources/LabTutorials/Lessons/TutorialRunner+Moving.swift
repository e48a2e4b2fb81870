// The runner's moves: Enter on an empty line, `next`, `back`, `again` and `where`, and the end of
// a lesson, which is not called done while steps are open (failed or skipped): it names them once,
// and the next move closes the lesson as it is.

import LabCore

extension TutorialRunner {
    /// Enter on an empty line: run the step's commands, or go on when they have run (or there are
    /// none). On an exercise: check the learner's run (or run the model answer once it was shown).
    public func enter() {
        let s = lesson.steps[step]
        if s.exercise != nil {
            if solvedSteps.contains(step) { advance(skipping: false) }
            else if solutionShown.contains(step) && !stepHasRun { runStep() }
            else { check() }
            return
        }
        if stepHasRun && failedSteps.contains(step) && warnedStep != step {
            warnedStep = step
            lab.console.write(lab.console.style.paint(text.stepDisagreed, fg: .yellow))
            return
        }
        if stepHasRun || s.commands.isEmpty { advance(skipping: false) } else { runStep() }
    }

    /// `next`: the next step. An exercise, or a step whose commands the learner replaced with
    /// their own run, is checked first; when it does not pass, a second `next` moves on anyway.
    public func next() {
        let s = lesson.steps[step]
        if s.exercise != nil, !solvedSteps.contains(step) {
            if warnedStep == step { skippedSteps.insert(step); advance(skipping: false); return }
            if !check() {
                warnedStep = step
                lab.console.write(lab.console.style.paint(text.exerciseNotSolved, fg: .yellow))
                return
            }
        } else if !stepHasRun && !s.commands.isEmpty {
            if warnedStep != step, !s.expectations.isEmpty, latestRunMarker != runMarkerAtShow {
                lab.console.write(lab.console.style.dim(text.checkingOwnRun))
                if !check() {
                    warnedStep = step
                    lab.console.write(lab.console.style.paint(text.ownRunDisagreed, fg: .yellow))
                    return
                }
                advance(skipping: false)
                return
            }
            skippedSteps.insert(step)
            advance(skipping: warnedStep != step)
            return
        }
        advance(skipping: false)
    }

    /// `back`: the previous step, ready to run again.
    public func back() {
        guard step > 0 else {
            lab.console.write(text.atFirstStep)
            show(intro: false)
            return
        }
        step -= 1
        stepHasRun = false
        catchUp.removeAll { $0 >= step }
        updatePrompt()
        show(intro: false)
        saveProgress(current: true)
    }

    /// `again`: run the current step's commands again (or show it again when it has none).
    public func again() {
        if lesson.steps[step].commands.isEmpty { show(intro: false) } else { runStep() }
    }

    /// `where`: the lesson, the step, and every step's title with what has run.
    public func showWhere() {
        let l = lesson, style = lab.console.style
        let ran = Set(TutorialProgress.load(from: lab.paths.progressFile).progress.lessons[entry.slug]?.stepsRun ?? [])
        var lines = LessonView.wrap(text.position(l, step: step, ran: stepHasRun), style: style)
        for (i, s) in l.steps.enumerated() {
            let mark = i == step ? "▸" : (ran.contains(i) ? "✓" : " ")
            let line = "  \(mark) \(i + 1). \(s.title)"
            lines.append(i == step ? style.bold(line) : line)
        }
        lab.console.write(lines.joined(separator: "\n"))
    }

    func advance(skipping: Bool) {
        if skipping { lab.console.write(lab.console.style.dim(text.skippedStep(step))) }
        warnedStep = nil
        guard step + 1 < lesson.steps.count else {
            finish()
            return
        }
        step += 1
        stepHasRun = false
        catchUp.removeAll { $0 >= step }
        updatePrompt()
        show(intro: false)
        saveProgress(current: true)
    }

    /// The end of the lesson. With steps still open (failed or skipped) it names them and stays
    /// at the last step once; the next Enter closes the lesson without calling it done.
    func finish() {
        let tally = checkTally.values.reduce((agreed: 0, made: 0)) { ($0.agreed + $1.agreed, $0.made + $1.made) }
        let later = library.entries().first { $0.number > entry.number }?.number
        let style = lab.console.style
        let failed = failedSteps.subtracting(solvedSteps).sorted()
        let skipped = skippedSteps.subtracting(solvedSteps).subtracting(failedSteps).sorted()
        let open = !failed.isEmpty || !skipped.isEmpty
        let message = open
            ? text.reachedEnd(lesson, failed: failed, skipped: skipped, agreed: tally.agreed, checked: tally.made)
                + (endWarned ? "" : " " + text.enterClosesAnyway)
            : text.finished(lesson, agreed: tally.agreed, checked: tally.made, next: later)
        lab.console.write("\n" + LessonView.wrap(message, style: style, highlighting: false)
            .map { style.paint($0, fg: open ? .yellow : .green) }.joined(separator: "\n"))
        if open && !endWarned {
            endWarned = true
            return
        }
        saveProgress(current: false, finished: !open)
        isFinished = true
        uninstall()
    }
}
