// ExerciseGrader: grades a "your turn" step against the learner's latest run. The run must
// exist, must have trained the model the lab holds now (or the learner is told to train again),
// must keep the exercise's constraints (`keep:`), and must meet the step's expectations. Each
// part that fails says which and why; the learner and `tutorial verify` get the same verdict.
//
// Not here: moving between steps and progress (TutorialRunner); running the model answer (StepRun).

import LabCore

/// The verdict on one attempt at an exercise.
struct ExerciseGrade {
    /// One line per part, "✓ ..." or "✗ ...", in the order checked.
    var lines: [(ok: Bool, text: String)] = []
    var checks: [ExpectationCheck] = []

    var solved: Bool { !lines.isEmpty && lines.allSatisfy(\.ok) }
}

enum ExerciseGrader {
    static func grade(_ step: LessonStep, lab: Lab, fast: Bool, metrics: (MetricReference) -> Float?) -> ExerciseGrade {
        let ko = lab.settings.language == .ko
        var grade = ExerciseGrade()
        guard let exercise = step.exercise else { return grade }
        guard let run = lab.results.runs.last else {
            grade.lines.append((false, ko ? "✗ 아직 학습한 실행이 없습니다. 여러분의 명령으로 모델을 만들고 `train`한 뒤 `check`하세요"
                                          : "✗ nothing has been trained yet: build your answer, `train` it, then `check`"))
            return grade
        }
        if run.comparison == nil, let model = run.model, model != lab.model {
            grade.lines.append((false, ko ? "✗ 마지막 실행 '\(run.name)' 뒤에 모델을 바꿨습니다. 바꾼 모델로 다시 `train`한 뒤 `check`하세요"
                                          : "✗ the model changed after your latest run '\(run.name)': `train` the model you have now, then `check`"))
        }
        if let model = run.model, let optimizer = run.optimizer, let data = run.dataName {
            let recipe = RecipeConstraint.Recipe(model: model, optimizer: optimizer, data: data)
            for c in exercise.constraints {
                let r = c.check(recipe, language: lab.settings.language)
                grade.lines.append((r.kept, r.message))
            }
        } else if !exercise.constraints.isEmpty {
            grade.lines.append((false, ko ? "✗ '\(run.name)' 실행의 설정을 알 수 없습니다 (저장된 세션에서 불러온 실행). 다시 `train`하세요"
                                          : "✗ run '\(run.name)' has no recorded recipe (it came from a saved session): `train` again"))
        }
        grade.checks = step.expectations(fast: fast).map { $0.expectation.check(metrics) }
        for c in grade.checks { grade.lines.append((c.agrees, c.message(language: lab.settings.language))) }
        return grade
    }
}
