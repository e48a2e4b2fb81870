// LessonCourseTable: the table a lesson step ends with when it has `course:` lines: for each run, the
// test accuracy the course printed, the one a full run measured on the reference machine (read
// from the lesson's own `measured:` lines) and the learner's, drawn by LabCore's CourseComparison,
// the same table as `runs course`.

import LabCore
import LabKit
import LabText
import TermCharts

enum LessonCourseTable {
    /// The rendered table, or nil when the step has no `course:` lines.
    static func render(_ step: LessonStep, of lesson: Lesson, metrics: (MetricReference) -> Float?,
                       language: Language, style: Style) -> String? {
        guard !step.course.isEmpty else { return nil }
        let rows = step.course.map { c in
            let yours = metrics(MetricReference("eval_accuracy", run: c.run))
            return CourseRow(label: c.run, course: c.value, reference: referenceFigure(c.run, in: lesson), yours: yours.map { (c.run, $0) })
        }
        return Language.$current.withValue(language) { CourseComparison.render(rows, style: style) }
    }

    /// The test accuracy the `measured:` lines record for `run`: the `eval test:` line of the step
    /// whose commands train it (`as RUN`).
    static func referenceFigure(_ run: String, in lesson: Lesson) -> Float? {
        guard let step = lesson.steps.first(where: { s in s.commands.contains { $0.text.hasSuffix(" as \(run)") } }) else { return nil }
        guard let line = step.measured.first(where: { $0.text.hasPrefix("eval test:") }) else { return nil }
        return LessonStructure.numbers(in: line.text).first.flatMap { Float($0) }
    }
}
