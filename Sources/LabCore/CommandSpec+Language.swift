// CommandSpec+Language: what a command says about itself (summary, details, argument help) in
// the language the shell speaks. English is the command table itself; other languages give a
// CommandText per command path ("layer add dense") in their own file (CommandText+ko.swift), and
// CommandTextTests fail when a command, a detail or an argument has no text in one of them.

import LabText
import NNData
import NNEngine


extension CommandSpec {
    /// The catalog entry for this command at `path` in `language` (nil for English, or none).
    func text(at path: [String], _ language: Language = Language.current) -> CommandText? {
        switch language {
        case .en: nil
        case .ko: KoreanCommandText.entries[path.joined(separator: " ")]
        }
    }

    /// The one-line summary at `path` in the current language.
    package func localizedSummary(at path: [String]) -> String { text(at: path)?.summary ?? summary }

    /// The details at `path` in the current language.
    package func localizedDetails(at path: [String]) -> String { text(at: path)?.details ?? details }

    /// An argument's help at `path` in the current language.
    package func localizedHelp(of argument: ArgumentSpec, at path: [String]) -> String {
        text(at: path)?.arguments[argument.name] ?? argument.help
    }

    /// An argument's default as help shows it ("every layer"), in the current language.
    package static func localizedDefault(_ text: String) -> String {
        switch Language.current {
        case .en: text
        case .ko: KoreanCommandText.defaults[text] ?? text
        }
    }
}

extension CommandGroup {
    /// The group's heading in the help overview, in the current language.
    package var title: String {
        switch self {
        case .data: loc(.groupData)
        case .model: loc(.groupModel)
        case .training: loc(.groupTraining)
        case .inspect: loc(.groupInspect)
        case .compare: loc(.groupCompare)
        case .sessions: loc(.groupSessions)
        case .lessons: loc(.groupLessons)
        case .shell: loc(.groupShell)
        }
    }
}

extension ValueKind {
    /// `whole number`, `number`, `sigmoid|relu|...` in help, in the current language.
    package var localizedHint: String {
        switch self {
        case .integer: loc(.helpWholeNumber)
        case .number: loc(.helpNumber)
        case .word(let w): w.joined(separator: "|")
        case .name: loc(.helpName)
        case .text, .rest: loc(.helpText)
        case .list: loc(.helpNames)
        }
    }
}

extension Parser {
    /// An argument's help, in the current language, for the command named `command` ("layer add dense").
    func help(of argument: ArgumentSpec, in command: String) -> String {
        let path = command.split(separator: " ").map(String.init)
        guard let spec = CommandSpec.find(path, in: commands) else { return argument.help }
        return spec.localizedHelp(of: argument, at: path)
    }
}

extension Split {
    /// The split's name as the learner reads it ("test", "테스트").
    package var message: Message {
        switch self {
        case .train: .splitTrain
        case .validation: .splitValidation
        case .test: .splitTest
        }
    }
}

extension NumberRange {
    /// "at least 0.000001 and at most 1", "0.000001 이상, 1 이하": the range in the current language.
    package var localizedText: String {
        var parts: [String] = []
        if let a = above { parts.append(loc(.rangeAbove, NumberRange.short(a))) }
        if let a = atLeast { parts.append(loc(.rangeAtLeast, NumberRange.short(a))) }
        if let b = atMost { parts.append(loc(.rangeAtMost, NumberRange.short(b))) }
        return parts.isEmpty ? loc(.rangeAnyNumber) : parts.joined(separator: loc(.rangeAnd))
    }
}
