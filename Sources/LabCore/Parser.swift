// Parser: matches words against the command table and checks every value before a handler runs.
//
// The parser only reads declarations: which words name commands, which arguments exist, their
// types and ranges. Every refusal names the word at fault, says what was expected, and suggests
// the closest valid word when there is one.

import LabKit
import LabText
import NNEngine

/// Parses words into invocations against a command table.
public struct Parser: Sendable {
    public let commands: [CommandSpec]

    public init(commands: [CommandSpec]) {
        self.commands = commands
    }

    /// The command a word names at the top level.
    public func command(named word: String) -> CommandSpec? {
        commands.first { $0.allNames.contains(word) }
    }

    /// Parses one command's words.
    public func parse(_ words: [String]) throws(ShellError) -> (CommandSpec, Invocation) {
        guard let first = words.first else { throw ShellError(loc(.emptyCommand)) }
        guard var spec = command(named: first) else {
            let names = commands.flatMap(\.allNames)
            throw ShellError(loc(.unknownCommand, first) + didYouMean(first, names),
                             hint: Stumbles.hint(for: words, commands: commands) ?? loc(.seeEveryCommand))
        }
        var path = [spec.name]
        var rest = Array(words.dropFirst())
        var leading: [String: String] = [:]
        while !spec.subcommands.isEmpty {
            // A command with subcommands may take positionals before the subcommand word.
            for p in spec.positionals where !rest.isEmpty && spec.subcommand(rest[0]) == nil {
                leading[p.name] = try check(rest.removeFirst(), against: p, in: path.joined(separator: " "))
            }
            if let word = rest.first, let sub = spec.subcommand(word) {
                if let missing = spec.positionals.first(where: { $0.isRequired && leading[$0.name] == nil }) {
                    throw ShellError(loc(.needsBefore, path.joined(separator: " "), missing.name.uppercased(), word,
                                         spec.localizedHelp(of: missing, at: path)),
                                     hint: loc(.forExample, "`\(spec.examples.first ?? path.joined(separator: " "))`"))
                }
                spec = sub
                path.append(sub.name)
                rest.removeFirst()
                continue
            }
            if spec.handler != nil { break }
            let names = spec.subcommands.filter { !$0.isHidden }.map(\.name)
            let prefix = path.joined(separator: " ")
            if let word = rest.first {
                throw ShellError(loc(.hasNoSubcommand, prefix, word) + didYouMean(word, spec.subcommands.flatMap(\.allNames)),
                                 hint: Stumbles.hint(for: words, commands: commands)
                                     ?? loc(.needsOneOf, prefix, names.joined(separator: ", ")) + " (" + loc(.seeHelpFor, prefix) + ")")
            }
            throw ShellError(loc(.needsOneOf, prefix, names.joined(separator: ", ")),
                             hint: loc(.forExample, "`\(spec.examples.first ?? "\(prefix) \(names[0])")`"))
        }
        let invocation = try bind(rest, to: spec, path: path, words: words)
        return (spec, Invocation(path: invocation.path, line: invocation.line,
                                 values: invocation.values.merging(leading) { a, _ in a },
                                 list: invocation.list, flags: invocation.flags))
    }

    /// Binds argument words to a command's declared arguments.
    func bind(_ rest: [String], to spec: CommandSpec, path: [String], words: [String]) throws(ShellError) -> Invocation {
        let name = path.joined(separator: " ")
        var values: [String: String] = [:], list: [String] = [], flags = Set<String>()
        let positionals = spec.positionals
        var next = 0
        // `as h2` is the same as `as=h2` for options declared as keywords.
        var merged: [String] = []
        var i = 0
        while i < rest.count {
            if i + 1 < rest.count, spec.options.contains(where: { $0.isKeyword && $0.name == rest[i] }) {
                merged.append("\(rest[i])=\(rest[i + 1])")
                i += 2
            } else {
                merged.append(rest[i])
                i += 1
            }
        }
        for word in merged {
            let bare = word.hasPrefix("--") ? String(word.dropFirst(2)) : word
            if let eq = bare.firstIndex(of: "="), eq != bare.startIndex {
                let key = String(bare[..<eq]), value = String(bare[bare.index(after: eq)...])
                guard let option = spec.options.first(where: { $0.name == key }) else {
                    let known = spec.options.map(\.name)
                    throw ShellError(loc(.hasNoOption, name, key) + didYouMean(key, known),
                                     hint: known.isEmpty ? loc(.takesNoOptions, name) : loc(.itsOptionsAre, known.map { "\($0)=" }.joined(separator: " ")))
                }
                guard values[key] == nil else { throw ShellError(loc(.givenTwice, key), hint: loc(.keepOne)) }
                values[key] = try check(value, against: option, in: name)
                continue
            }
            if let flag = spec.flags.first(where: { $0.name == bare }) {
                flags.insert(flag.name)
                continue
            }
            if word.hasPrefix("--") {
                throw ShellError(loc(.hasNoFlag, name, word) + didYouMean(bare, spec.flags.map(\.name) + spec.options.map(\.name)),
                                 hint: loc(.seeHelpFor, name))
            }
            guard next < positionals.count else {
                let usage = usageLine(spec, path: path)
                throw ShellError(loc(.doesNotTakeHere, name, word) + didYouMean(word, spec.flags.map(\.name)),
                                 hint: Stumbles.hint(for: words, commands: commands) ?? loc(.usagePrefix, usage))
            }
            let p = positionals[next]
            let checked = try check(word, against: p, in: name)
            if p.isVariadic { list.append(checked) } else { values[p.name] = checked; next += 1 }
        }
        for p in positionals where p.isRequired && values[p.name] == nil && !(p.isVariadic && !list.isEmpty) {
            throw ShellError(loc(.needsPositional, name, p.name.uppercased(), spec.localizedHelp(of: p, at: path)),
                             hint: loc(.usagePrefix, usageLine(spec, path: path))
                             + (spec.examples.first.map { loc(.egExample, $0) } ?? ""))
        }
        for o in spec.options where o.isRequired && values[o.name] == nil {
            throw ShellError(loc(.needsOption, name, o.name, spec.localizedHelp(of: o, at: path)), hint: loc(.usagePrefix, usageLine(spec, path: path)))
        }
        return Invocation(path: path, line: joinWords(words), values: values, list: list, flags: flags)
    }

    /// Checks one value against its declaration; returns it normalized.
    package func check(_ value: String, against arg: ArgumentSpec, in command: String) throws(ShellError) -> String {
        let label = arg.style == .option ? "\(arg.name)=" : arg.name.uppercased()
        let argHelp = help(of: arg, in: command)
        switch arg.kind {
        case .integer(let range):
            guard let v = Int(value) else {
                throw ShellError(loc(.mustBeWhole, label, value), hint: loc(.forExample, "\(arg.style == .option ? "\(arg.name)=" : "")\(max(range.lowerBound, 1))"))
            }
            guard range.contains(v) else {
                throw ShellError(loc(.mustBeInRange, label, v, describe(range)), hint: argHelp)
            }
            return String(v)
        case .number(let above, let atLeast, let atMost):
            guard let v = parseNumber(value) else {
                throw ShellError(loc(.mustBeDecimal, label, value), hint: argHelp)
            }
            // The engine computes in Float: a value that becomes 0 or infinity there would not be
            // the value typed (lr=1e-320 would train with lr 0).
            let single = Float(v)
            if v != 0 && (single == 0 || !single.isNormal || !single.isFinite) {
                throw ShellError(loc(.beyondFloat, label, value), hint: argHelp)
            }
            let range = NumberRange(above: above, atLeast: atLeast, atMost: atMost)
            guard range.contains(v) else { throw ShellError(loc(.mustBeInRange, label, value, range.localizedText), hint: argHelp) }
            return value
        case .word(let words):
            if words.contains(value) { return value }
            throw ShellError(loc(.notOneOf, label, value, words.joined(separator: ", ")) + didYouMean(value, words),
                             hint: Stumbles.hint(forValue: value, of: arg, in: command) ?? argHelp)
        case .name:
            guard isValidName(value) else {
                throw ShellError(loc(.notValidName, label, value), hint: loc(.nameRule))
            }
            return value
        case .text, .rest:
            return value
        case .list:
            for part in value.split(separator: ",", omittingEmptySubsequences: false) where !isValidName(String(part)) {
                throw ShellError(loc(.notValidName, label, part), hint: loc(.namesCommaSeparated))
            }
            return value
        }
    }

    /// `layer add dense UNITS ACTIVATION [as NAME]`; a command's own positionals come before its
    /// subcommand word (`layer insert POSITION (dense|dropout|...)`); long option lists are shortened.
    public func usageLine(_ spec: CommandSpec, path: [String]) -> String {
        let subs = spec.subcommands.filter { !$0.isHidden }.map(\.name)
        let positionals = spec.arguments.filter { $0.style == .positional }.map(\.usage)
        let rest = spec.arguments.filter { $0.style != .positional }
        let options = rest.count > 6 ? ["[" + rest.filter { $0.style == .option }.prefix(3).map { "\($0.name)=" }.joined(separator: " ") + " ... OPTION=VALUE]"]
                                     : rest.map(\.usage)
        return ([path.joined(separator: " ")] + positionals + (subs.isEmpty ? [] : ["(" + subs.joined(separator: "|") + ")"]) + options)
            .joined(separator: " ")
    }
}

/// Letters, digits, `_`, `-`, `.` inside; starts with a letter or digit; at most 64 characters.
package func isValidName(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, s.count <= 64 else { return false }
    func ok(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) }
    return ok(first) && s.unicodeScalars.allSatisfy { ok($0) || $0 == "_" || $0 == "-" || $0 == "." } && !s.contains("..")
}

private func describe(_ r: ClosedRange<Int>) -> String {
    if r.upperBound == Int.max { return loc(.rangeAtLeast, r.lowerBound) }
    return loc(.rangeBetween, r.lowerBound, r.upperBound)
}
