// Catalog: how nnlab says things in more than one language.
//
// A catalog is an enum of message keys. Each language writes all of them as one exhaustive switch
// (`english` in en/, `korean` in ko/), so the compiler refuses a message that exists in one
// language only; MessageCatalogTests refuses a Korean template left in English or one that takes
// other values. Templates take their values as {1}, {2}, ...
//
// The catalogs, one per part of the lab (`Catalogs.all`):
//   Message         the shell: banner, parser, help, questions, tables, charts, lesson runner
//   CommandMessage  what the building and training commands say: data, layers, init, set, train, export (LabCommands)
//   ResultMessage   what runs, sweep, ensemble, plot, grads and predict say (LabCommands)
//   SessionMessage  save, load, sessions, autosave, and the session files' errors (LabSessions)
//   ReplayMessage   replay (`replay`, `nnlab replay`) and recovery at the REPL's start (LabSessions)
//   LessonMessage   exercises, checks, the lesson library and verifier (LabTutorials)
//   EngineMessage   the errors of data sets, the model graph, files and safetensors (LabCore/EngineErrorText)
//   CLIMessage      `nnlab --help` and its subcommands' help (Sources/nnlab/main.swift)
//
// Which language: `Language.current`, a task-local value the interpreter sets from the lab's
// setting (`--lang ko`, `set lang ko`) around each command. Code that prints or throws asks for
// `loc(.key, values...)`; each catalog declares its own `loc`, so a key's name says which.

import Foundation

/// An enum of message keys with a template in every language.
public protocol Catalog: CaseIterable, Hashable, Sendable {
    /// The English template.
    var english: String { get }
    /// The Korean template, written as a Korean teacher would say it (see `help glossary`).
    var korean: String { get }
}

extension Catalog {
    /// The template in `language`.
    public func template(_ language: Language) -> String {
        switch language {
        case .en: english
        case .ko: korean
        }
    }

    /// The text in `language` (the current one unless given), {1}, {2}, ... replaced by `values`.
    public func text(_ values: [Any], language: Language = Language.current) -> String {
        var out = template(language)
        for (i, v) in values.enumerated().reversed() { out = out.replacingOccurrences(of: "{\(i + 1)}", with: "\(v)") }
        return out
    }

    /// Every key with its templates, for the catalog tests.
    package static var templates: [(key: String, en: String, ko: String)] {
        allCases.map { ("\(Self.self).\($0)", $0.english, $0.korean) }
    }
}

/// Every catalog of the lab, so the tests can hold each one to the same rules.
package enum Catalogs {
    package static let all: [[(key: String, en: String, ko: String)]] = [
        Message.templates, CommandMessage.templates, ResultMessage.templates, SessionMessage.templates, ReplayMessage.templates,
        LessonMessage.templates, EngineMessage.templates, CLIMessage.templates,
    ]
}
