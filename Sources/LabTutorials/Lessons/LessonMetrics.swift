// LessonMetrics: where a lesson's expectations read their figures. One line joins the lesson
// checks to RunMetrics (the figures `runs`, `plot` and `sweep` use too), so a lesson can never
// measure a run differently from the rest of the shell.

import LabCore

enum LessonMetrics {
    /// Reads `cost`, `run(relu).train_accuracy`, `grad(1)`... from the lab; nil when not measured
    /// (including a run name the session does not have).
    static func reader(_ lab: Lab) -> (MetricReference) -> Float? {
        { [unowned lab] ref in
            guard let name = ref.run else { return metric(ref.name, run: nil, lab: lab) }
            guard let run = lab.results.runs.last(where: { $0.name == name }) else { return nil }
            return metric(ref.name, run: run, lab: lab)
        }
    }
}
