// CourseTable: `runs course`, the lab-10 comparison the lecture invites: for each of labs 10-1 to
// 10-5, the test accuracy the course reports, the one the shipped session recorded on the
// reference machine (sessions/lab-10-*.nnlab, this arithmetic), the learner's own run of that
// recipe in this session, and how far theirs is from the reference.
//
// A run is the learner's lab 10-N when its layers (and, for 10-2 and 10-3, its initializer) are
// those of the session; the latest such run with a test evaluation counts.

import LabCore
import LabKit
import LabText
import TermCharts

enum CourseTable {
    /// One lab of lecture 10.
    struct CourseLab: Sendable {
        let number: String
        let what: Message
        /// The course's figure (TensorFlow, the lecturer's machine), as a fraction.
        let course: Double
        /// The shipped session's figure on the reference machine.
        let reference: Double
        let matches: @Sendable (RecipeParts) -> Bool
    }

    static let hidden256 = ["dense 256 relu", "dense 256 relu", "dense 10 softmax"]
    static let deep = Array(repeating: "dense 512 relu", count: 4) + ["dense 10 softmax"]

    static let labs: [CourseLab] = [
        CourseLab(number: "10-1", what: .course101, course: 0.90, reference: 0.9002) { $0.layers == ["dense 10 softmax"] },
        CourseLab(number: "10-2", what: .course102, course: 0.94, reference: 0.9443) {
            $0.layers == hidden256 && ($0.settings["init"]?.hasPrefix("init normal") ?? false)
        },
        CourseLab(number: "10-3", what: .course103, course: 0.978, reference: 0.9805) {
            $0.layers == hidden256 && $0.settings["init"] == "init xavier"
        },
        CourseLab(number: "10-4", what: .course104, course: 0.974, reference: 0.9810) { $0.layers == deep },
        CourseLab(number: "10-5", what: .course105, course: 0.98, reference: 0.9795) {
            $0.layers.filter { $0.hasPrefix("dropout") }.count >= 1 && $0.layers.filter { !$0.hasPrefix("dropout") } == deep
        },
    ]

    /// The learner's run of `lab` with its test accuracy, if any.
    static func yours(_ lab: CourseLab, in runs: [Run]) -> (name: String, accuracy: Float?)? {
        let matching = runs.filter { lab.matches(RecipeParts($0.recipe)) }
        if let tested = matching.last(where: { $0.evaluations[.test] != nil }) {
            return (tested.name, tested.evaluations[.test]!.accuracy)
        }
        return matching.last.map { ($0.name, nil) }
    }

    static func render(_ runs: [Run], style: Style) -> String {
        let rows = labs.map { lab -> [String] in
            let mine = yours(lab, in: runs)
            let yourText = mine.map { m in m.accuracy.map { NumberFormat.fourDecimals($0) + " (\(m.name))" } ?? loc(.courseNotEvaluated, m.name) } ?? "-"
            let difference = mine?.accuracy.map { points(Double($0) - lab.reference) } ?? "-"
            return [lab.number, loc(lab.what), percent(lab.course), NumberFormat.fourDecimals(Float(lab.reference)), yourText, difference]
        }
        let table = TextTable(columns: [TableColumn(loc(.courseLab), alignment: .left), TableColumn(loc(.courseWhat), alignment: .left),
                                        TableColumn(loc(.courseCourse)), TableColumn(loc(.courseReference)),
                                        TableColumn(loc(.courseYours), alignment: .left), TableColumn(loc(.courseDifference))],
                              rows: rows, title: loc(.courseTitle) + " · " + loc(.courseDifferenceMeans), border: .minimal)
        let note = loc(.courseNote).wrapped(to: style.width).map { style.dim($0) }
        return ([table.render(style)] + note).joined(separator: "\n")
    }

    /// 0.978 -> "~97.8%".
    static func percent(_ x: Double) -> String {
        let p = x * 100
        return "~" + (p.rounded() == p ? String(Int(p)) : NumberFormat.oneDecimal(p)) + "%"
    }

    /// A difference of accuracies in percentage points: "+0.12 pt", "-0.40 pt".
    static func points(_ d: Double) -> String {
        let p = (d * 10_000).rounded() / 100
        return (p >= 0 ? "+" : "") + String(format: "%.2f", p) + " pt"
    }
}
