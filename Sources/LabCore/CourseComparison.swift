// CourseComparison: the one table that sets a learner's test accuracy beside the course's and the
// reference machine's. `runs course` fills it with lecture 10's five labs (LabCommands/CourseTable);
// a lesson step with `course:` lines fills it with the runs it trains (LessonCourseTable). Both
// say the same columns the same way: the course's figure, the reference machine's, yours, and
// yours minus the reference in percentage points (the reference ran this arithmetic; the course
// ran TensorFlow on other hardware, so only the reference can be matched exactly).

import LabKit
import LabText
import TermCharts

/// One row: a lab (or run) of the course, and the three figures for it.
package struct CourseRow: Sendable {
    /// "10-3", or the run's name in a lesson.
    package let label: String
    /// What the net is ("3 ReLU, Xavier"), when the rows are not the learner's own names.
    package let what: String?
    /// The test accuracy the course printed.
    package let course: Double
    /// The test accuracy a full run measured on the reference machine.
    package let reference: Float?
    /// The learner's run of it, with its test accuracy once evaluated.
    package let yours: (run: String, accuracy: Float?)?

    package init(label: String, what: String? = nil, course: Double, reference: Float?, yours: (run: String, accuracy: Float?)?) {
        self.label = label
        self.what = what
        self.course = course
        self.reference = reference
        self.yours = yours
    }
}

package enum CourseComparison {
    /// The table, titled `title` (a general one by default), with `note` under it.
    package static func render(_ rows: [CourseRow], title: String? = nil, note: String? = nil, style: Style) -> String {
        let withWhat = rows.contains { $0.what != nil }
        let cells = rows.map { row -> [String] in
            let yours = row.yours.map { m in
                m.accuracy.map { NumberFormat.fourDecimals($0) + (m.run == row.label ? "" : " (\(m.run))") } ?? loc(.courseNotEvaluated, m.run)
            } ?? "-"
            let difference = zip(row.yours?.accuracy, row.reference).map { points(Double($0) - Double($1)) } ?? "-"
            return [row.label] + (withWhat ? [row.what ?? ""] : [])
                + [NumberFormat.fourDecimals(Float(row.course)), row.reference.map(NumberFormat.fourDecimals) ?? "-", yours, difference]
        }
        let columns = [TableColumn(loc(.courseLab), alignment: .left)] + (withWhat ? [TableColumn(loc(.courseWhat), alignment: .left)] : [])
            + [TableColumn(loc(.courseCourse)), TableColumn(loc(.courseReference)),
               TableColumn(loc(.courseYours), alignment: .left), TableColumn(loc(.courseDifference))]
        let table = TextTable(columns: columns, rows: cells, title: (title ?? loc(.courseTableTitle)) + " · " + loc(.courseDifferenceMeans),
                              border: .minimal)
        let noteLines = note.map { $0.wrapped(to: style.width).map { style.dim($0) } } ?? []
        return ([table.render(style)] + noteLines).joined(separator: "\n")
    }

    /// A difference of accuracies in percentage points: "+0.12 pt", "-0.40 pt".
    package static func points(_ d: Double) -> String {
        let p = (d * 10_000).rounded() / 100
        return (p >= 0 ? "+" : "") + String(format: "%.2f", p) + " pt"
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
