// LessonParser: reads the plain lesson format of tutorials/README.md into a Lesson.
//
//   lesson: 1                       header: `key: value` lines up to the first blank line
//   title: Vanishing gradients
//   fast: epochs=300 limit=2000
//
//   # a comment for authors
//   ## A step's title               a step begins
//   Narrative text ...              paragraphs (a blank line between them)
//       seed 1                      commands: indented by four spaces (or a tab)
//       ! eval keep_prob=0.7        a command nnlab must refuse
//   expect cost < 0.1               expectations, then the measured figures
//   measured: relu: cost ...
//
//   ## Your turn: ...               an exercise ("your turn") step has no commands but
//   keep: layers 10                 constraints on the learner's recipe,
//   hint: Which activation ...      hints (revealed one at a time),
//   solution:                       and a model answer, indented like commands
//       seed 1
//   expect train_accuracy >= 1
//
// Every error names the file and the line. The parser does not check commands against the
// command table (the tests do) and runs nothing.

import Foundation
import LabCore
import LabText

/// A mistake in a lesson file, with where it is.
public struct LessonFileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public var description: String { "\(file) line \(line): \(message)" }
}

public enum LessonParser {
    static let headerKeys = ["lesson", "title", "time", "about", "fast"]

    /// Parses a lesson's text; `file` names it in errors, `slug` and `language` are stored as given.
    public static func parse(_ text: String, file: String, slug: String, language: Language) throws(LessonFileError) -> Lesson {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        func fail(_ line: Int, _ message: String) -> LessonFileError { LessonFileError(file: file, line: line, message: message) }

        // MARK: Header
        var header: [String: (value: String, line: Int)] = [:]
        var i = 0
        while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
            let line = lines[i]
            if line.hasPrefix("#") && !line.hasPrefix("## ") { i += 1; continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail(i + 1, "expected a header line `key: value` (the header ends at the first blank line)")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard headerKeys.contains(key) else {
                throw fail(i + 1, "unknown header key '\(key)'" + didYouMean(key, headerKeys) + "; the keys are \(headerKeys.joined(separator: ", "))")
            }
            guard header[key] == nil else { throw fail(i + 1, "'\(key):' is given twice") }
            header[key] = (value, i + 1)
            i += 1
        }
        guard let numberText = header["lesson"] else { throw fail(1, "the header has no `lesson: N` line") }
        guard let number = Int(numberText.value), number > 0 else {
            throw fail(numberText.line, "`lesson:` must be a positive whole number, not '\(numberText.value)'")
        }
        guard let title = header["title"]?.value, !title.isEmpty else { throw fail(1, "the header has no `title:` line") }
        var fast: FastMode?
        if let f = header["fast"] { fast = try parseFast(f.value, line: f.line, fail: fail) }

        // MARK: Steps
        var steps: [LessonStep] = []
        var paragraph: [String] = []
        var inSolution = false
        func endParagraph() {
            guard !paragraph.isEmpty, !steps.isEmpty else { paragraph = []; return }
            steps[steps.count - 1].paragraphs.append(paragraph.joined(separator: " "))
            paragraph = []
        }
        while i < lines.count {
            let raw = lines[i], number = i + 1
            i += 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { endParagraph(); continue }
            if raw.hasPrefix("## ") {
                endParagraph()
                if let last = steps.last, let problem = exerciseProblem(last) { throw fail(last.line, problem) }
                inSolution = false
                let title = String(raw.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                guard !title.isEmpty else { throw fail(number, "a step heading needs a title: `## Title`") }
                if let last = steps.last, last.paragraphs.isEmpty && last.commands.isEmpty {
                    throw fail(last.line, "step '\(last.title)' has neither text nor commands")
                }
                steps.append(LessonStep(title: title, line: number))
                continue
            }
            if raw.hasPrefix("#") { continue }
            guard !steps.isEmpty else { throw fail(number, "text before the first step; a step starts with `## Title`") }
            let s = steps.count - 1
            if raw.hasPrefix("    ") || raw.hasPrefix("\t") {
                endParagraph()
                guard steps[s].expectations.isEmpty && steps[s].measured.isEmpty else {
                    throw fail(number, "a command after the expectations of step '\(steps[s].title)'; write commands first, then `expect` lines")
                }
                var command = trimmed, refusal = false
                if command.hasPrefix("!") {
                    command = String(command.dropFirst()).trimmingCharacters(in: .whitespaces)
                    refusal = true
                    guard !command.isEmpty else { throw fail(number, "`!` must be followed by the command nnlab should refuse") }
                }
                let c = LessonCommand(text: command, line: number, expectsRefusal: refusal)
                if inSolution { steps[s].exercise?.solution.append(c) } else if steps[s].exercise != nil {
                    throw fail(number, "an exercise step gives no commands; put the model answer under `solution:`")
                } else {
                    steps[s].commands.append(c)
                }
                continue
            }
            if let (key, value) = exerciseLine(raw) {
                endParagraph()
                guard steps[s].commands.isEmpty else {
                    throw fail(number, "`\(key):` belongs to an exercise step, which gives no commands; move the commands under `solution:`")
                }
                guard steps[s].expectations.isEmpty && steps[s].measured.isEmpty && !inSolution else {
                    throw fail(number, "`\(key):` lines come before `solution:` and the `expect` lines")
                }
                if steps[s].exercise == nil { steps[s].exercise = Exercise() }
                switch key {
                case "keep":
                    do { steps[s].exercise?.constraints.append(try RecipeConstraint.parse(value)) } catch {
                        throw fail(number, error.message + (error.hint.map { " (\($0))" } ?? ""))
                    }
                case "hint":
                    guard !value.isEmpty else { throw fail(number, "an empty `hint:`") }
                    steps[s].exercise?.hints.append(value)
                default:
                    guard value.isEmpty else { throw fail(number, "`solution:` stands alone; the commands follow, indented") }
                    inSolution = true
                }
                continue
            }
            if let scope = expectationScope(of: raw) {
                endParagraph()
                let body = raw.drop(while: { $0 != " " && $0 != "\t" })
                do {
                    let e = try Expectation.parse(String(body))
                    steps[s].expectations.append(LessonExpectation(expectation: e, scope: scope, line: number))
                } catch {
                    throw fail(number, error.message + (error.hint.map { " (\($0))" } ?? ""))
                }
                continue
            }
            if raw.hasPrefix("course:") {
                endParagraph()
                let words = raw.dropFirst("course:".count).split(separator: " ").map(String.init)
                guard words.count == 2, isValidName(words[0]), let value = Double(words[1]) else {
                    throw fail(number, "write `course: RUN FIGURE`, e.g. `course: lab10_3 0.9783`")
                }
                steps[s].course.append(CourseFigure(run: words[0], value: value, line: number))
                continue
            }
            if raw.hasPrefix("measured:") {
                endParagraph()
                let text = raw.dropFirst("measured:".count).trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { throw fail(number, "an empty `measured:` line") }
                steps[s].measured.append(MeasuredLine(text: text, line: number))
                continue
            }
            if raw.hasPrefix("expect") {
                throw fail(number, "write `expect`, `expect(full)` or `expect(fast)` followed by a space and the check")
            }
            if steps[s].exercise != nil {
                throw fail(number, "text after the `keep:`/`hint:` lines of exercise step '\(steps[s].title)'; write the text first")
            }
            guard steps[s].commands.isEmpty && steps[s].expectations.isEmpty && steps[s].measured.isEmpty else {
                throw fail(number, "text after the commands of step '\(steps[s].title)'; a step is text, then commands, then `expect` lines (start a new step with `## `)")
            }
            paragraph.append(trimmed)
        }
        endParagraph()
        guard let last = steps.last else { throw fail(lines.count, "the lesson has no steps; a step starts with `## Title`") }
        if last.paragraphs.isEmpty && last.commands.isEmpty { throw fail(last.line, "step '\(last.title)' has neither text nor commands") }
        if let problem = exerciseProblem(last) { throw fail(last.line, problem) }
        return Lesson(file: file, slug: slug, language: language, number: number, title: title,
                      time: header["time"]?.value ?? "", about: header["about"]?.value ?? "", fast: fast, steps: steps)
    }

    /// `keep: layers 10`, `hint: ...`, `solution:` as (key, value); nil for any other line.
    static func exerciseLine(_ line: String) -> (String, String)? {
        for key in ["keep", "hint", "solution"] where line.hasPrefix(key + ":") {
            return (key, line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Why an exercise step is incomplete: it needs a solution and something to grade.
    static func exerciseProblem(_ step: LessonStep) -> String? {
        guard let e = step.exercise else { return nil }
        if e.solution.isEmpty { return "exercise step '\(step.title)' has no `solution:` commands; `tutorial verify` runs them to prove it can be solved" }
        if step.expectations.isEmpty { return "exercise step '\(step.title)' has no `expect` lines to grade the learner's run" }
        return nil
    }

    /// `expect`, `expect(full)`, `expect(fast)` followed by a space; nil for any other line.
    static func expectationScope(of line: String) -> ExpectationScope? {
        for (prefix, scope) in [("expect ", ExpectationScope.always), ("expect(full) ", .full), ("expect(fast) ", .fast),
                                ("expect\t", .always), ("expect(full)\t", .full), ("expect(fast)\t", .fast)]
        where line.hasPrefix(prefix) {
            return scope
        }
        return nil
    }

    /// `epochs=300 limit=2000`.
    static func parseFast(_ text: String, line: Int, fail: (Int, String) -> LessonFileError) throws(LessonFileError) -> FastMode {
        var mode = FastMode()
        for word in text.split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[1]), n > 0 else {
                throw fail(line, "`fast:` takes `epochs=N` and `limit=N` with N a positive whole number, not '\(word)'")
            }
            switch parts[0] {
            case "epochs": mode.epochs = n
            case "limit": mode.limit = n
            default: throw fail(line, "`fast:` takes `epochs=N` and `limit=N`, not '\(parts[0])='")
            }
        }
        guard mode.epochs != nil || mode.limit != nil else { throw fail(line, "`fast:` needs `epochs=N`, `limit=N` or both") }
        return mode
    }
}
