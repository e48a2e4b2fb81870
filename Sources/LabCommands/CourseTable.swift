// CourseTable: `runs course`, the lab-10 comparison the lecture invites: for each of labs 10-1 to
// 10-5, the test accuracy the course printed, the one the shipped session recorded on the
// reference machine (sessions/lab-10-*.nnlab, this arithmetic), and the learner's own run of that
// recipe in this session, drawn by LabCore's CourseComparison like a lesson's `course:` table.
// Tests hold these figures to the shipped sessions and to lesson 7's `course:` lines.
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
        /// The course's printed test accuracy (TensorFlow, the lecturer's machine).
        let course: Double
        /// The shipped session's figure on the reference machine.
        let reference: Double
        let matches: @Sendable (RecipeParts) -> Bool
    }

    static let hidden256 = ["dense 256 relu", "dense 256 relu", "dense 10 softmax"]
    static let deep = Array(repeating: "dense 512 relu", count: 4) + ["dense 10 softmax"]

    static let labs: [CourseLab] = [
        CourseLab(number: "10-1", what: .course101, course: 0.9035, reference: 0.9002) { $0.layers == ["dense 10 softmax"] },
        CourseLab(number: "10-2", what: .course102, course: 0.9455, reference: 0.9443) {
            $0.layers == hidden256 && ($0.settings["init"]?.hasPrefix("init normal") ?? false)
        },
        CourseLab(number: "10-3", what: .course103, course: 0.9783, reference: 0.9805) {
            $0.layers == hidden256 && $0.settings["init"] == "init xavier"
        },
        CourseLab(number: "10-4", what: .course104, course: 0.9742, reference: 0.9810) { $0.layers == deep },
        CourseLab(number: "10-5", what: .course105, course: 0.9804, reference: 0.9795) {
            $0.layers.filter { $0.hasPrefix("dropout") }.count >= 1 && $0.layers.filter { !$0.hasPrefix("dropout") } == deep
        },
    ]

    /// The learner's run of `lab` with its test accuracy, if any.
    static func yours(_ lab: CourseLab, in runs: [Run]) -> (run: String, accuracy: Float?)? {
        let matching = runs.filter { lab.matches(RecipeParts($0.recipe)) }
        if let tested = matching.last(where: { $0.evaluations[.test] != nil }) {
            return (tested.name, tested.evaluations[.test]!.accuracy)
        }
        return matching.last.map { ($0.name, nil) }
    }

    static func render(_ runs: [Run], style: Style) -> String {
        let rows = labs.map { lab in
            CourseRow(label: lab.number, what: loc(lab.what), course: lab.course, reference: Float(lab.reference), yours: yours(lab, in: runs))
        }
        return CourseComparison.render(rows, title: loc(.courseTitle), note: loc(.courseNote), style: style)
    }
}
