// LessonLibrary: the lesson files of tutorials/ (English) and tutorials/ko/ (Korean), found by
// number or name, read in the learner's language. A lesson without a translation, or whose
// translation does not match the English steps, is shown in English with a note saying so.

import Foundation
import LabCore
import LabText

/// The lessons in a folder.
public struct LessonLibrary: Sendable {
    /// tutorials/ (the English files; translations in a sub-folder per language).
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// One lesson on disk.
    public struct Entry: Sendable, Equatable {
        /// "01-vanishing-gradients".
        public let slug: String
        /// The number its file name starts with.
        public let number: Int
        public let file: URL

        /// The file in `language` ("en": the English file itself).
        func file(in language: Language, folder: URL) -> URL {
            language == .en ? file : folder.appendingPathComponent(language.rawValue).appendingPathComponent(slug + ".lesson")
        }
    }

    /// A lesson read for a learner.
    public struct Loaded: Sendable {
        public let lesson: Lesson
        /// Why the lesson is in English although another language was asked for (nil: it is not).
        public let fallbackNote: String?
    }

    /// Every lesson, by number.
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lesson") }.compactMap { name -> Entry? in
            let slug = String(name.dropLast(".lesson".count))
            guard let number = slug.split(separator: "-").first.flatMap({ Int($0) }) else { return nil }
            return Entry(slug: slug, number: number, file: folder.appendingPathComponent(name))
        }.sorted { ($0.number, $0.slug) < ($1.number, $1.slug) }
    }

    /// The lesson `reference` names: its number ("1", "01"), its file name, or a unique part of
    /// its name ("dropout").
    public func find(_ reference: String) throws(ShellError) -> Entry {
        let all = entries()
        guard !all.isEmpty else {
            throw ShellError(loc(.lessonsNoneIn, folder.path), hint: loc(.lessonsInstallHint))
        }
        let word = reference.lowercased()
        if let n = Int(word), let e = all.first(where: { $0.number == n }) { return e }
        if let e = all.first(where: { $0.slug == word || $0.slug == word + ".lesson" }) { return e }
        let matches = all.filter { $0.slug.contains(word) }
        if matches.count == 1 { return matches[0] }
        let list = all.map { "\($0.number) \($0.slug.split(separator: "-").dropFirst().joined(separator: "-"))" }
        if matches.count > 1 {
            throw ShellError(loc(.lessonMatchesSeveral, reference, matches.map(\.slug).joined(separator: ", ")), hint: loc(.lessonUseNumber))
        }
        throw ShellError(loc(.lessonNotFound, reference), hint: loc(.lessonListHint, list.joined(separator: ", ")))
    }

    /// Reads `entry` in English.
    public func english(_ entry: Entry) throws(LessonFileError) -> Lesson {
        try read(entry.file, slug: entry.slug, language: .en)
    }

    /// Reads `entry` in `language`, falling back to English (with a note in that language) when
    /// there is no translation or the translation's steps do not match the English ones.
    public func load(_ entry: Entry, language: Language) throws(LessonFileError) -> Loaded {
        let english = try english(entry)
        guard language != .en else { return Loaded(lesson: english, fallbackNote: nil) }
        let url = entry.file(in: language, folder: folder)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return Loaded(lesson: english, fallbackNote: TutorialText(language).noTranslation)
        }
        do {
            let translated = try read(url, slug: entry.slug, language: language)
            if let problem = LessonStructure.difference(english, translated, language: language) {
                return Loaded(lesson: english, fallbackNote: TutorialText(language).translationDiffers(problem))
            }
            return Loaded(lesson: translated, fallbackNote: nil)
        } catch {
            return Loaded(lesson: english, fallbackNote: TutorialText(language).translationDiffers(error.description))
        }
    }

    /// The path shown in messages: "tutorials/ko/01-vanishing-gradients.lesson".
    func displayPath(_ url: URL) -> String {
        let base = folder.lastPathComponent
        let parent = url.deletingLastPathComponent()
        func trimmed(_ u: URL) -> String { u.standardizedFileURL.path.hasSuffix("/") ? String(u.standardizedFileURL.path.dropLast()) : u.standardizedFileURL.path }
        return trimmed(parent) == trimmed(folder)
            ? "\(base)/\(url.lastPathComponent)"
            : "\(base)/\(parent.lastPathComponent)/\(url.lastPathComponent)"
    }

    private func read(_ url: URL, slug: String, language: Language) throws(LessonFileError) -> Lesson {
        let shown = displayPath(url)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LessonFileError(file: shown, line: 0, message: loc(.lessonFileUnreadable))
        }
        return try LessonParser.parse(text, file: shown, slug: slug, language: language)
    }
}

/// What must be the same in a lesson and its translation.
public enum LessonStructure {
    /// The first difference between two versions of a lesson that must match (steps, commands,
    /// expectations, header numbers, the numbers of the measured lines), or nil when they match;
    /// said in `language`.
    public static func difference(_ a: Lesson, _ b: Lesson, language: Language = Language.current) -> String? {
        func say(_ key: LessonMessage, _ values: Any...) -> String { key.text(values, language: language) }
        if a.number != b.number { return say(.lessonDiffNumber, a.number, b.number) }
        if a.fast != b.fast { return say(.lessonDiffFast) }
        if a.time.filter(\.isNumber) != b.time.filter(\.isNumber) { return say(.lessonDiffTime, a.time, b.time) }
        if a.steps.count != b.steps.count { return say(.lessonDiffStepCount, a.steps.count, b.steps.count) }
        for (i, (x, y)) in zip(a.steps, b.steps).enumerated() {
            let where_ = say(.lessonDiffWhere, i + 1, x.line, y.line)
            if x.commands.map(\.text) != y.commands.map(\.text) || x.commands.map(\.expectsRefusal) != y.commands.map(\.expectsRefusal) {
                return say(.lessonDiffCommands, where_)
            }
            if x.expectations.map(\.expectation) != y.expectations.map(\.expectation) || x.expectations.map(\.scope) != y.expectations.map(\.scope) {
                return say(.lessonDiffExpectations, where_)
            }
            if x.course.map(\.run) != y.course.map(\.run) || x.course.map(\.value) != y.course.map(\.value) {
                return say(.lessonDiffCourse, where_)
            }
            if (x.exercise == nil) != (y.exercise == nil) { return say(.lessonDiffExerciseOneLanguage, where_) }
            if let e = x.exercise, let f = y.exercise {
                if e.constraints != f.constraints { return say(.lessonDiffKeep, where_) }
                if e.hints.count != f.hints.count { return say(.lessonDiffHints, where_, e.hints.count, f.hints.count) }
                if e.solution.map(\.text) != f.solution.map(\.text) { return say(.lessonDiffSolutions, where_) }
            }
            if x.measured.map({ numbers(in: $0.text) }) != y.measured.map({ numbers(in: $0.text) }) {
                return say(.lessonDiffMeasured, where_)
            }
        }
        return nil
    }

    /// The numbers in a line, in order ("cost 0.6931 -> 0.0003" gives ["0.6931", "0.0003"]).
    static func numbers(in text: String) -> [String] {
        var out: [String] = [], current = ""
        func flush() {
            while let last = current.last, last == "." || last == "e" || last == "-" { current.removeLast() }
            if !current.isEmpty { out.append(current) }
            current = ""
        }
        for c in text {
            let digit = c.isASCII && c.isNumber
            if digit || (!current.isEmpty && (c == "." || c == "e" || (c == "-" && current.last == "e"))) {
                current.append(c)
            } else {
                flush()
            }
        }
        flush()
        return out
    }
}
