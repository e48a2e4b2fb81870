// LessonView: how a lesson looks on screen. Paragraphs are wrapped to the terminal's width (at
// most 100 columns, a comfortable line to read); on a terminal the headings are bold and the
// commands and `backquoted` words are cyan, and through a pipe the text is plain and keeps its
// backquotes. Pure: it returns text and prints nothing.

import LabCore
import LabText
import TermCharts

enum LessonView {
    /// The widest a paragraph is set, however wide the terminal.
    static let readingWidth = 100

    /// The lesson's title, facts, summary and how the runner works; the runner's own words are
    /// in `language` (the learner's), even when the lesson itself fell back to English.
    static func intro(_ lesson: Lesson, language: Language, style: Style, note: String?) -> [String] {
        let text = TutorialText(language)
        var lines = [style.bold(style.paint(text.lessonHeading(lesson), fg: .yellow)) + " " + style.dim(text.lessonFacts(lesson))]
        if !lesson.about.isEmpty { lines += wrap(lesson.about, style: style) }
        if let note { lines += wrap(note, style: style, highlighting: false).map { style.paint($0, fg: .yellow) } }
        lines += wrap(text.howItWorks, style: style, highlighting: false).map { style.dim($0) }
        return lines
    }

    /// A step: its heading, paragraphs, commands, and what Enter will do.
    static func step(_ lesson: Lesson, index: Int, language: Language, style: Style) -> [String] {
        let text = TutorialText(language)
        let step = lesson.steps[index]
        var lines = ["", style.bold(text.stepHeading(index, of: lesson.steps.count, step.title))]
        for paragraph in step.paragraphs {
            lines.append("")
            lines += wrap(paragraph, style: style)
        }
        if let e = step.exercise {
            lines.append("")
            lines.append(style.bold(style.paint(text.yourTurn, fg: .yellow)))
            lines += e.constraints.map { "  · " + text.constraint($0) }
            lines.append("")
            lines += wrap(text.exerciseHowTo(hints: e.hints.count), style: style).map { style.dim($0) }
        } else if !step.commands.isEmpty {
            lines.append("")
            lines += step.commands.map { command($0, style: style, language: language) }
            lines.append("")
            lines += wrap(text.enterRuns(step.commands.count), style: style).map { style.dim($0) }
        } else {
            lines.append("")
            lines.append(style.dim(text.enterContinues))
        }
        return lines
    }

    /// "    seed 1", or "    ! eval keep_prob=0.7  (nnlab should refuse this one)".
    static func command(_ c: LessonCommand, style: Style, language: Language) -> String {
        guard c.expectsRefusal else { return "    " + style.paint(c.text, fg: .cyan) }
        return "    ! " + style.paint(c.text, fg: .cyan) + "  " + style.dim(TutorialText(language).refusalNote)
    }

    /// A command as it is run: the prompt, then the command.
    static func echo(_ command: String, prompt: String, style: Style) -> String {
        style.dim(prompt) + style.bold(style.paint(command, fg: .cyan))
    }

    /// `text` wrapped to the reading width, `backquoted` spans highlighted on a terminal (unless
    /// the lines will be dimmed as a whole: a highlight's reset would end the dimming).
    static func wrap(_ text: String, style: Style, indent: String = "", highlighting: Bool = true) -> [String] {
        let width = max(20, min(style.width, readingWidth) - indent.count)
        return (highlighting ? highlight(text, style: style) : text).wrapped(to: width).map { indent + $0 }
    }

    /// Paints `backquoted` spans cyan (each word on its own, so a span broken across lines stays
    /// coloured on both); plain styles keep the backquotes, which say the same thing in text.
    static func highlight(_ text: String, style: Style) -> String {
        guard style.usesColor else { return text }
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return text }
        var out = ""
        for (i, part) in parts.enumerated() {
            // An unmatched last backquote is shown as it was typed.
            if i % 2 == 1 && i == parts.count - 1 { out += "`" + part; continue }
            if i % 2 == 0 { out += part; continue }
            out += part.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : style.paint(String($0), fg: .cyan) }
                .joined(separator: " ")
        }
        return out
    }
}
