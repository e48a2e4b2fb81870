// TypedArgument: an argument declared once, with the Swift type of its value.
//
// Its `spec` goes into a command's declaration, so help, usage errors, completion and the README
// come from it as from any ArgumentSpec; the handler reads the checked value back as that type with
// `inv[argument]`, never by name and string. Defaults that come from the engine (TrainingOptions)
// are written into the declaration from the engine's own values. One TypedArgument may serve several
// commands (`train`, `sweep` and `ensemble train` share epochs= and batch=), each with its own help.

import LabText
import NNEngine

/// An argument whose checked value reads back as `Value`.
public struct TypedArgument<Value>: Sendable {
    public let spec: ArgumentSpec
    let read: @Sendable (String) -> Value?

    package init(_ spec: ArgumentSpec, read: @escaping @Sendable (String) -> Value?) {
        self.spec = spec
        self.read = read
    }

    /// The same argument (name, kind, type) with other help text, for another command.
    package func described(_ help: String) -> TypedArgument {
        let s = spec
        return TypedArgument(ArgumentSpec(name: s.name, style: s.style, kind: s.kind, isRequired: s.isRequired,
                                     defaultText: s.defaultText, help: help, completion: s.completion,
                                     isVariadic: s.isVariadic, isKeyword: s.isKeyword), read: read)
    }
}

extension TypedArgument where Value == Int {
    /// `name=N`, a whole number in `range`.
    package static func option(_ name: String, _ range: ClosedRange<Int>, default defaultText: String? = nil, _ help: String) -> TypedArgument {
        TypedArgument(.option(name, .integer(range), default: defaultText, help)) { Int($0) }
    }
}

extension TypedArgument where Value == Int {
    /// A positional whole number in `range`.
    package static func positional(_ name: String, _ range: ClosedRange<Int>, required: Bool = true, default defaultText: String? = nil,
                           _ help: String) -> TypedArgument {
        TypedArgument(.positional(name, .integer(range), required: required, default: defaultText, help)) { Int($0) }
    }
}

extension TypedArgument where Value == Float {
    /// `name=X`, a number within the bounds.
    package static func option(_ name: String, above: Double?, atLeast: Double? = nil, atMost: Double?,
                       default defaultText: String? = nil, _ help: String) -> TypedArgument {
        TypedArgument(.option(name, .number(above: above, atLeast: atLeast, atMost: atMost), default: defaultText, help)) {
            parseNumber($0).map { Float($0) }
        }
    }
}

extension TypedArgument where Value == Float {
    /// `name=X`, a number within `range` (one of the engine's `Limits`).
    package static func option(_ name: String, _ range: NumberRange, default defaultText: String? = nil, _ help: String) -> TypedArgument {
        option(name, above: range.above, atLeast: range.atLeast, atMost: range.atMost, default: defaultText, help)
    }
}

extension TypedArgument where Value == String {
    /// `name=NAME` (or `name NAME` when `keyword`), a valid name.
    package static func name(_ name: String, default defaultText: String? = nil, keyword: Bool = false, _ help: String) -> TypedArgument {
        TypedArgument(.option(name, .name, default: defaultText, keyword: keyword, help)) { $0 }
    }

    /// A positional word of text (a session's name, a file).
    package static func positional(_ name: String, required: Bool = true, default defaultText: String? = nil,
                           completion: CompletionSource? = nil, _ help: String) -> TypedArgument {
        TypedArgument(.positional(name, .text, required: required, default: defaultText, completion: completion, help)) { $0 }
    }

    /// `name=TEXT`, any text.
    package static func text(_ name: String, _ help: String) -> TypedArgument {
        TypedArgument(.option(name, .text, help)) { $0 }
    }
}

extension TypedArgument where Value: RawRepresentable & Sendable, Value.RawValue == String {
    /// A positional word naming one of `choices` (in the order help lists them).
    package static func positional(_ name: String, choices: [Value], required: Bool = true, default defaultText: String? = nil,
                           _ help: String) -> TypedArgument {
        TypedArgument(.positional(name, .word(choices.map(\.rawValue)), required: required, default: defaultText, help)) {
            Value(rawValue: $0)
        }
    }
}

/// A bare word that switches something on (`confusion`, `force`).
public struct TypedFlag: Sendable {
    public let spec: ArgumentSpec

    package static func named(_ name: String, _ help: String) -> TypedFlag { TypedFlag(spec: .flag(name, help)) }
}

extension Invocation {
    /// The checked value of `argument`, or nil when it was not given.
    public subscript<Value>(_ argument: TypedArgument<Value>) -> Value? {
        values[argument.spec.name].flatMap(argument.read)
    }

    /// Whether `flag` was given.
    public subscript(_ flag: TypedFlag) -> Bool { flags.contains(flag.spec.name) }

    /// The value of a required argument. The parser refuses a command without it, so the error
    /// only guards against a declaration that forgot `required`.
    public func required<Value>(_ argument: TypedArgument<Value>) throws(ShellError) -> Value {
        guard let value = self[argument] else {
            throw ShellError(loc(.needsArgument, commandName, argument.spec.usage), hint: loc(.seeHelpFor, commandName))
        }
        return value
    }
}
