// The real lessons in tutorials/: every file parses, every translation matches its English
// lesson step for step, and every command parses against the command table, so a renamed
// command or option breaks the build, not a learner's lesson. (Running them end to end is
// `nnlab tutorial verify --fast`, in `make test`.)

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("The lesson files")
struct TutorialLessonFilesTests {
    /// The repository's tutorials/ folder.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tutorials")
    let library = LessonLibrary(folder: folder)

    @Test("there are eight lessons, numbered 1 to 8, each with a fast header and a Korean translation")
    func inventory() throws {
        let entries = library.entries()
        #expect(entries.map(\.number) == Array(1...8))
        for entry in entries {
            let lesson = try library.english(entry)
            #expect(lesson.number == entry.number, "\(entry.slug): header says lesson \(lesson.number)")
            #expect(lesson.fast != nil, "\(entry.slug) has no fast: header, so CI would run it in full")
            #expect(!lesson.time.isEmpty && !lesson.about.isEmpty, "\(entry.slug) needs time: and about:")
            let ko = try library.load(entry, language: .ko)
            #expect(ko.fallbackNote == nil, "\(entry.slug): \(ko.fallbackNote ?? "")")
            #expect(ko.lesson.language == .ko)
        }
    }

    @Test("every translation has the same steps, commands, expectations, header numbers and measured figures")
    func translationsMatch() throws {
        for entry in library.entries() {
            let en = try library.english(entry)
            let url = Self.folder.appendingPathComponent("ko").appendingPathComponent(entry.slug + ".lesson")
            let ko = try LessonParser.parse(try String(contentsOf: url, encoding: .utf8), file: "ko/\(entry.slug)", slug: entry.slug, language: .ko)
            #expect(LessonStructure.difference(en, ko) == nil, "\(entry.slug): \(LessonStructure.difference(en, ko) ?? "")")
            #expect(en.steps.map(\.measured.count) == ko.steps.map(\.measured.count), "\(entry.slug): measured lines")
            // The prose is translated, not copied.
            for (a, b) in zip(en.steps, ko.steps) where !a.paragraphs.isEmpty {
                #expect(a.title != b.title || a.paragraphs != b.paragraphs, "\(entry.slug): step '\(a.title)' is not translated")
            }
        }
    }

    @Test("every command parses against the command table; `!` lines name a real command")
    func commandsParse() throws {
        let parser = Parser(commands: CommandTable.all)
        for entry in library.entries() {
            let lesson = try library.english(entry)
            for command in lesson.allCommands {
                let place = "\(lesson.file) line \(command.line): \(command.text)"
                let words = try splitCommands(command.text)
                #expect(!words.isEmpty, "\(place) is empty")
                for w in words {
                    if command.expectsRefusal {
                        // May be refused by the parser or by its handler, but the command must exist.
                        #expect(parser.command(named: w[0]) != nil, "\(place): no command '\(w[0])'")
                    } else {
                        #expect(throws: Never.self, "\(place)") { _ = try parser.parse(w) }
                    }
                }
            }
        }
    }

    @Test("every step that runs something says what it expects, or records what it measured")
    func stepsHaveChecks() throws {
        var checks = 0
        for entry in library.entries() {
            let lesson = try library.english(entry)
            checks += lesson.steps.reduce(0) { $0 + $1.expectations.count }
            #expect(lesson.steps.contains { !$0.expectations.isEmpty }, "\(lesson.file) checks nothing")
        }
        #expect(checks >= 40)
    }
}
