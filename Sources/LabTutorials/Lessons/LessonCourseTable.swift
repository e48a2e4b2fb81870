// LessonCourseTable: the table a lesson step ends with when it has `course:` lines: for each run, the
// test accuracy the course printed, the one a full run measured on the reference machine (read
// from the lesson's own `measured:` lines), the learner's, and the learner's difference from the
// course, from the lesson's own figures (`runs course` gives the same comparison for any session).

import LabCore
import LabKit
import LabText
import TermCharts

enum LessonCourseTable {
    /// The rendered table, or nil when the step has no `course:` lines.
    static func render(_ step: LessonStep, of lesson: Lesson, metrics: (MetricReference) -> Float?,
                       language: Language, style: Style) -> String? {
        guard !step.course.isEmpty else { return nil }
        func say(_ key: LessonMessage) -> String { key.text([], language: language) }
        let rows = step.course.map { c -> [String] in
            let reference = referenceFigure(c.run, in: lesson).map(NumberFormat.fourDecimals) ?? "-"
            let yours = metrics(MetricReference("eval_accuracy", run: c.run))
            let difference = yours.map { ($0 >= Float(c.value) ? "+" : "") + NumberFormat.fourDecimals($0 - Float(c.value)) } ?? "-"
            return [c.run, NumberFormat.fourDecimals(Float(c.value)), reference, yours.map(NumberFormat.fourDecimals) ?? say(.courseTableNone), difference]
        }
        let titles = [say(.courseTableRun), say(.courseTableCourse), say(.courseTableReference), say(.courseTableYours),
                      say(.courseTableDifference)]
        let columns = titles.enumerated().map { TableColumn($1, alignment: $0 == 0 ? .left : .right) }
        let title = say(.courseTableTitle)
        return TextTable(columns: columns, rows: rows, title: title, border: .minimal).render(style)
    }

    /// The test accuracy the `measured:` lines record for `run`: the `eval test:` line of the step
    /// whose commands train it (`as RUN`).
    static func referenceFigure(_ run: String, in lesson: Lesson) -> Float? {
        guard let step = lesson.steps.first(where: { s in s.commands.contains { $0.text.hasSuffix(" as \(run)") } }) else { return nil }
        guard let line = step.measured.first(where: { $0.text.hasPrefix("eval test:") }) else { return nil }
        return LessonStructure.numbers(in: line.text).first.flatMap { Float($0) }
    }
}
