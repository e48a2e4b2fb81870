// Invocation: a parsed command line, its values already checked against the declaration.

import LabText

/// The values of one parsed command, by argument name.
public struct Invocation {
    /// The command words, e.g. ["layer", "add", "dense"].
    public let path: [String]
    /// The line as typed (comments and surrounding spaces removed).
    public let line: String
    /// Raw values by argument name (positionals and options).
    public let values: [String: String]
    /// Values of a variadic positional, in order.
    public let list: [String]
    /// Flags that were given.
    public let flags: Set<String>
    /// The interpreter running this command, for the few commands that run other command lines
    /// (replay, tutorials, the quit dialog's save). Set by `Interpreter.execute`.
    public internal(set) weak var interpreter: Interpreter?

    /// The interpreter running this command, or an error (a handler called without one).
    package func runningInterpreter() throws(ShellError) -> Interpreter {
        guard let interpreter else { throw ShellError(loc(.onlyInsideShell, commandName)) }
        return interpreter
    }

    public init(path: [String], line: String, values: [String: String] = [:], list: [String] = [], flags: Set<String> = []) {
        self.path = path
        self.line = line
        self.values = values
        self.list = list
        self.flags = flags
    }

    /// The command as one string: "layer add dense".
    public var commandName: String { path.joined(separator: " ") }

    // The raw view, by name: what the parser produced. Handlers read their arguments typed, through
    // the TypedArgument and TypedFlag they declared (`inv[argument]`, TypedArgument.swift).
    public func has(_ flag: String) -> Bool { flags.contains(flag) }
    public func string(_ name: String) -> String? { values[name] }
    public func int(_ name: String) -> Int? { values[name].flatMap { Int($0) } }
    public func double(_ name: String) -> Double? { values[name].flatMap(parseNumber) }
    public func float(_ name: String) -> Float? { double(name).map { Float($0) } }
    public func isGiven(_ name: String) -> Bool { values[name] != nil || flags.contains(name) }
}

/// Parses "0.7", "1e-3", "-2", ".5" (not "nan" or "inf": a learner never means those).
package func parseNumber(_ text: String) -> Double? {
    guard text.wholeMatch(of: decimalNumber) != nil, let v = Double(text), v.isFinite else { return nil }
    return v
}

/// A decimal number as people write it: `3`, `-0.5`, `.25`, `1e-3`. Not Swift's wider syntax:
/// `0x10`, `inf` and `nan` are refused rather than read as 16, infinity or NaN.
nonisolated(unsafe) private let decimalNumber = /[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/
