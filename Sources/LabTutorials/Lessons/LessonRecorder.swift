// LessonRecorder: writes the figures of a full run into a lesson file as `measured:` lines
// (`nnlab tutorial verify --record`). Each step's old measured lines are replaced by the new ones,
// placed right after the step's last command or expectation; every other line of the file stays
// exactly as it was. The English file and its translation get the same numbers, each in its
// own words.

import Foundation
import LabCore
import LabKit
import LabText
import NNFormats

enum LessonRecorder {
    /// `text` (the file `lesson` was parsed from) with step i's measured lines replaced by
    /// `measured[i]` (steps without commands or expectations get none).
    static func rewrite(_ text: String, lesson: Lesson, measured: [[String]]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trailingNewline = lines.last == ""
        if trailingNewline { lines.removeLast() }
        let old = Set(lesson.steps.flatMap { $0.measured.map(\.line) })
        var after: [Int: [String]] = [:]    // 1-based line -> measured lines to put after it
        for (i, step) in lesson.steps.enumerated() where i < measured.count && !measured[i].isEmpty {
            let anchor = max(step.commands.last?.line ?? 0, step.expectations.last?.line ?? 0)
            guard anchor > 0 else { continue }
            after[anchor, default: []] += measured[i].map { "measured: " + $0 }
        }
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            let number = i + 1
            if !old.contains(number) { out.append(line) }
            if let added = after[number] {
                // A step whose last command is followed directly by its measured lines gets a blank
                // line between, as expectations have.
                if lesson.steps.contains(where: { $0.commands.last?.line == number && $0.expectations.isEmpty }) { out.append("") }
                out += added
            }
        }
        // A removed block may leave two blank lines together: lessons keep one.
        var cleaned: [String] = []
        for line in out where !(line.isEmpty && cleaned.last == "") { cleaned.append(line) }
        return cleaned.joined(separator: "\n") + (trailingNewline ? "\n" : "")
    }

    /// Rewrites the lesson at `url` (parsed as `lesson`) with `figures`, atomically.
    static func record(_ figures: [[StepFigure]], into url: URL, lesson: Lesson) throws(ShellError) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ShellError(loc(.recordCannotRead, url.path))
        }
        let measured = figures.map { $0.map { $0.text(language: lesson.language) } }
        do { try AtomicFile.write(rewrite(text, lesson: lesson, measured: measured), to: url) } catch {
            throw ShellError(error.localized)
        }
    }
}
