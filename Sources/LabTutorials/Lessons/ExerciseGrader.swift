// ExerciseGrader: grades a "your turn" step against the learner's latest run. The run must
// exist, must have trained the model the lab holds now (or the learner is told to train again),
// must keep the exercise's constraints (`keep:`), and must meet the step's expectations. Each
// part that fails says which and why; the learner and `tutorial verify` get the same verdict.
//
// Not here: moving between steps and progress (TutorialRunner); running the model answer (StepRun).

import LabCore
import LabText

/// The verdict on one attempt at an exercise.
struct ExerciseGrade {
    /// One line per part, "✓ ..." or "✗ ...", in the order checked.
    var lines: [(ok: Bool, text: String)] = []
    var checks: [ExpectationCheck] = []

    var solved: Bool { !lines.isEmpty && lines.allSatisfy(\.ok) }
}

enum ExerciseGrader {
    static func grade(_ step: LessonStep, lab: Lab, fast: Bool, metrics: (MetricReference) -> Float?) -> ExerciseGrade {
        let language = lab.settings.language
        func say(_ key: LessonMessage, _ values: Any...) -> String { key.text(values, language: language) }
        var grade = ExerciseGrade()
        guard let exercise = step.exercise else { return grade }
        guard let run = lab.results.runs.last else {
            grade.lines.append((false, say(.exerciseNothingTrained)))
            return grade
        }
        if run.comparison == nil, let model = run.model, model != lab.model {
            grade.lines.append((false, say(.exerciseModelChanged, run.name)))
        }
        if let model = run.model, let optimizer = run.optimizer, let data = run.dataName {
            let recipe = RecipeConstraint.Recipe(model: model, optimizer: optimizer, data: data)
            for c in exercise.constraints {
                let r = c.check(recipe, language: language)
                grade.lines.append((r.kept, r.message))
            }
        } else if !exercise.constraints.isEmpty {
            grade.lines.append((false, say(.exerciseNoRecipe, run.name)))
        }
        grade.checks = step.expectations(fast: fast).map { $0.expectation.check(metrics) }
        for c in grade.checks { grade.lines.append((c.agrees, c.message(language: language))) }
        return grade
    }
}
