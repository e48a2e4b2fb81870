// CommandSpec: how every REPL command is declared, once.
//
// A command is a value: its name and aliases, its group in the help overview, its arguments
// (positional values, key=value options and bare-word flags, each with a type, a range and a
// completion source), a summary, details, examples and a handler. Help, usage errors, TAB
// completion, "did you mean" and the README's command reference are all derived from these
// declarations, so they cannot drift apart. Commands may have subcommands (`data load`,
// `layer add dense`); a command with subcommands usually has no handler of its own, and its own
// positional arguments come before the subcommand word (`layer insert 2 dense 64 relu`).

import NNEngine

/// The groups of the help overview, in display order.
public enum CommandGroup: String, CaseIterable, Sendable {
    case data = "Data"
    case model = "Model"
    case training = "Training"
    case inspect = "Look at results"
    case compare = "Compare and export"
    case sessions = "Sessions"
    case lessons = "Tutorials"
    case shell = "Shell"
}

/// Where TAB completion finds candidates for a value.
public enum CompletionSource: Sendable, Equatable {
    case none
    case choices([String])
    case layerNames          // nodes of the current model (and `input`)
    case layerRefs           // layer numbers and names, for `init 2 he`, `layer remove 3`
    case sessionNames        // saved sessions in sessions/
    case dataSets            // data set names
    case lessons             // tutorial lesson numbers and names
    case runNames            // training runs of this session
    case commands            // command names (for `help CMD`)
    case files               // file system paths
}

/// The type and range of one value, checked by the parser before any handler runs.
public enum ValueKind: Sendable, Equatable {
    /// A whole number within `range`.
    case integer(ClosedRange<Int>)
    /// A number; `above` is an exclusive lower bound, `atMost` an inclusive upper bound.
    case number(above: Double?, atLeast: Double?, atMost: Double?)
    /// One of a fixed list of words.
    case word([String])

    /// A number within one of the engine's declared ranges (`Limits`).
    package static func number(_ range: NumberRange) -> ValueKind {
        .number(above: range.above, atLeast: range.atLeast, atMost: range.atMost)
    }
    /// An identifier: letters, digits, `_`, `-` (layer and session names).
    case name
    /// Any text without spaces (a path).
    case text
    /// Comma-separated names (`from h1,h2`).
    case list
    /// The rest of the line, as typed.
    case rest

    /// `N`, `X`, `sigmoid|relu|...` for usage lines.
    package var placeholderHint: String {
        switch self {
        case .integer: "whole number"
        case .number: "number"
        case .word(let w): w.joined(separator: "|")
        case .name: "name"
        case .text, .rest: "text"
        case .list: "names, comma-separated"
        }
    }
}

/// One argument: positional (`UNITS`), option (`epochs=N`) or flag (`force`).
public struct ArgumentSpec: Sendable {
    public enum Style: Sendable, Equatable { case positional, option, flag }

    public let name: String
    public let style: Style
    public let kind: ValueKind
    public let isRequired: Bool
    /// Shown in help when the argument is left out ("all layers", "100").
    public let defaultText: String?
    public let help: String
    public let completion: CompletionSource
    /// A positional that takes every remaining value (`layer add add A B C`).
    public let isVariadic: Bool
    /// An option that may also be written as two words, `as h2` for `as=h2`.
    public let isKeyword: Bool

    /// A positional value.
    public static func positional(_ name: String, _ kind: ValueKind, required: Bool = true, default: String? = nil,
                                  completion: CompletionSource? = nil, variadic: Bool = false,
                                  _ help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, style: .positional, kind: kind, isRequired: required, defaultText: `default`, help: help,
                     completion: completion ?? Self.defaultCompletion(kind), isVariadic: variadic, isKeyword: false)
    }

    /// A `key=value` option.
    public static func option(_ name: String, _ kind: ValueKind, required: Bool = false, default: String? = nil,
                              completion: CompletionSource? = nil, keyword: Bool = false, _ help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, style: .option, kind: kind, isRequired: required, defaultText: `default`, help: help,
                     completion: completion ?? Self.defaultCompletion(kind), isVariadic: false, isKeyword: keyword)
    }

    /// A bare word that switches something on (`force`, also accepted as `--force`).
    public static func flag(_ name: String, _ help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, style: .flag, kind: .word([name]), isRequired: false, defaultText: nil, help: help,
                     completion: .choices([name]), isVariadic: false, isKeyword: false)
    }

    static func defaultCompletion(_ kind: ValueKind) -> CompletionSource {
        if case .word(let words) = kind { return .choices(words) }
        return .none
    }

    /// How the argument appears in a usage line: `UNITS`, `[LAYER]`, `epochs=N`, `[force]`.
    var usage: String {
        let core: String
        switch style {
        case .positional: core = name.uppercased() + (isVariadic ? "..." : "")
        case .option: core = isKeyword ? "\(name) \(optionPlaceholder)" : "\(name)=\(optionPlaceholder)"
        case .flag: core = name
        }
        return isRequired ? core : "[\(core)]"
    }

    private var optionPlaceholder: String {
        switch kind {
        case .integer: "N"
        case .number: "X"
        case .word(let w) where w.count <= 4: w.joined(separator: "|")
        case .word: "NAME"
        case .name: "NAME"
        case .list: "NAME,..."
        case .text, .rest: "TEXT"
        }
    }
}

/// What a handler receives and may act on.
public typealias CommandHandler = (Lab, Invocation) throws -> Void

/// One command of the REPL, declared once.
public struct CommandSpec: Sendable {
    public let name: String
    public let aliases: [String]
    public let group: CommandGroup
    public let summary: String
    public let details: String
    public let examples: [String]
    public let arguments: [ArgumentSpec]
    public let subcommands: [CommandSpec]
    /// Whether a successful run changes the lab's state (then it is journaled and saved in
    /// sessions, and replayed by `replay`).
    public let changesState: Bool
    /// Hidden from the overview (still in `help NAME` and completion).
    public let isHidden: Bool
    package let handler: (@Sendable (Lab, Invocation) throws -> Void)?

    public init(_ name: String, aliases: [String] = [], group: CommandGroup, summary: String, details: String = "",
                examples: [String] = [], arguments: [ArgumentSpec] = [], subcommands: [CommandSpec] = [],
                changesState: Bool = false, hidden: Bool = false,
                handler: (@Sendable (Lab, Invocation) throws -> Void)? = nil) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.summary = summary
        self.details = details
        self.examples = examples
        self.arguments = arguments
        self.subcommands = subcommands
        self.changesState = changesState
        self.isHidden = hidden
        self.handler = handler
    }

    /// The names this command answers to.
    public var allNames: [String] { [name] + aliases }

    /// The subcommand called `word` (by name or alias).
    public func subcommand(_ word: String) -> CommandSpec? {
        subcommands.first { $0.allNames.contains(word) }
    }

    /// The positional arguments, in order.
    var positionals: [ArgumentSpec] { arguments.filter { $0.style == .positional } }
    /// The key=value options.
    var options: [ArgumentSpec] { arguments.filter { $0.style == .option } }
    /// The bare-word flags.
    var flags: [ArgumentSpec] { arguments.filter { $0.style == .flag } }
}

extension CommandSpec {
    /// The command at `path` ("layer add dense") in `commands`, if any.
    public static func find(_ path: [String], in commands: [CommandSpec]) -> CommandSpec? {
        guard let first = path.first, let top = commands.first(where: { $0.allNames.contains(first) }) else { return nil }
        var spec = top
        for word in path.dropFirst() {
            guard let sub = spec.subcommand(word) else { return nil }
            spec = sub
        }
        return spec
    }
}
