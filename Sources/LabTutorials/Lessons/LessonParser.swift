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

    public var description: String { loc(.lessonFileLine, file, line, message) }
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
                throw fail(i + 1, loc(.lessonParseHeaderLine))
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard headerKeys.contains(key) else {
                throw fail(i + 1, loc(.lessonParseUnknownHeaderKey, key, didYouMean(key, headerKeys), headerKeys.joined(separator: ", ")))
            }
            guard header[key] == nil else { throw fail(i + 1, loc(.lessonParseHeaderTwice, key)) }
            header[key] = (value, i + 1)
            i += 1
        }
        guard let numberText = header["lesson"] else { throw fail(1, loc(.lessonParseNoNumber)) }
        guard let number = Int(numberText.value), number > 0 else {
            throw fail(numberText.line, loc(.lessonParseBadNumber, numberText.value))
        }
        guard let title = header["title"]?.value, !title.isEmpty else { throw fail(1, loc(.lessonParseNoTitle)) }
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
                guard !title.isEmpty else { throw fail(number, loc(.lessonParseEmptyHeading)) }
                if let last = steps.last, last.paragraphs.isEmpty && last.commands.isEmpty {
                    throw fail(last.line, loc(.lessonParseEmptyStep, last.title))
                }
                steps.append(LessonStep(title: title, line: number))
                continue
            }
            if raw.hasPrefix("#") { continue }
            guard !steps.isEmpty else { throw fail(number, loc(.lessonParseTextBeforeStep)) }
            let s = steps.count - 1
            if raw.hasPrefix("    ") || raw.hasPrefix("\t") {
                endParagraph()
                guard steps[s].expectations.isEmpty && steps[s].measured.isEmpty else {
                    throw fail(number, loc(.lessonParseCommandAfterExpect, steps[s].title))
                }
                var command = trimmed, refusal = false
                if command.hasPrefix("!") {
                    command = String(command.dropFirst()).trimmingCharacters(in: .whitespaces)
                    refusal = true
                    guard !command.isEmpty else { throw fail(number, loc(.lessonParseEmptyRefusal)) }
                }
                let c = LessonCommand(text: command, line: number, expectsRefusal: refusal)
                if inSolution { steps[s].exercise?.solution.append(c) } else if steps[s].exercise != nil {
                    throw fail(number, loc(.lessonParseExerciseCommand))
                } else {
                    steps[s].commands.append(c)
                }
                continue
            }
            if let (key, value) = exerciseLine(raw) {
                endParagraph()
                guard steps[s].commands.isEmpty else {
                    throw fail(number, loc(.lessonParseExerciseLineAfterCommands, key))
                }
                guard steps[s].expectations.isEmpty && steps[s].measured.isEmpty && !inSolution else {
                    throw fail(number, loc(.lessonParseExerciseLineOrder, key))
                }
                if steps[s].exercise == nil { steps[s].exercise = Exercise() }
                switch key {
                case "keep":
                    do { steps[s].exercise?.constraints.append(try RecipeConstraint.parse(value)) } catch {
                        throw fail(number, error.message + (error.hint.map { " (\($0))" } ?? ""))
                    }
                case "hint":
                    guard !value.isEmpty else { throw fail(number, loc(.lessonParseEmptyHint)) }
                    steps[s].exercise?.hints.append(value)
                default:
                    guard value.isEmpty else { throw fail(number, loc(.lessonParseSolutionAlone)) }
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
                    throw fail(number, loc(.lessonParseCourseLine))
                }
                steps[s].course.append(CourseFigure(run: words[0], value: value, line: number))
                continue
            }
            if raw.hasPrefix("measured:") {
                endParagraph()
                let text = raw.dropFirst("measured:".count).trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { throw fail(number, loc(.lessonParseEmptyMeasured)) }
                steps[s].measured.append(MeasuredLine(text: text, line: number))
                continue
            }
            if raw.hasPrefix("expect") {
                throw fail(number, loc(.lessonParseExpectSpace))
            }
            if steps[s].exercise != nil {
                throw fail(number, loc(.lessonParseTextAfterExercise, steps[s].title))
            }
            guard steps[s].commands.isEmpty && steps[s].expectations.isEmpty && steps[s].measured.isEmpty else {
                throw fail(number, loc(.lessonParseTextAfterCommands, steps[s].title))
            }
            paragraph.append(trimmed)
        }
        endParagraph()
        guard let last = steps.last else { throw fail(lines.count, loc(.lessonParseNoSteps)) }
        if last.paragraphs.isEmpty && last.commands.isEmpty { throw fail(last.line, loc(.lessonParseEmptyStep, last.title)) }
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
        if e.solution.isEmpty { return loc(.lessonParseNoSolution, step.title) }
        if step.expectations.isEmpty { return loc(.lessonParseNoExpect, step.title) }
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
                throw fail(line, loc(.lessonParseFastValue, word))
            }
            switch parts[0] {
            case "epochs": mode.epochs = n
            case "limit": mode.limit = n
            default: throw fail(line, loc(.lessonParseFastKey, parts[0]))
            }
        }
        guard mode.epochs != nil || mode.limit != nil else { throw fail(line, loc(.lessonParseFastEmpty)) }
        return mode
    }
}
