// CommandCompleter: TAB completion from the command table.
//
// Given the text before the cursor, it walks the command tree with the finished words and offers
// what may come next: command and subcommand names, the current positional's choices, `key=`
// option names, an option's values after `=`, flags, and names from the lab (layers, sessions,
// runs, lessons, data sets, files). Everything comes from the declarations; nothing is listed twice.

import Foundation
import LineEditing
import NNEngine

/// Completes command lines for the line editor.
public struct CommandCompleter: LineCompleter {
    public let commands: [CommandSpec]
    /// Supplies the names only the running lab knows.
    public let names: (CompletionSource) -> [String]

    public init(commands: [CommandSpec], names: @escaping (CompletionSource) -> [String]) {
        self.commands = commands
        self.names = names
    }

    public func complete(_ textBeforeCursor: String) -> Completion {
        // Only the last command of a `;` list is being typed.
        let current = String(textBeforeCursor.split(separator: ";", omittingEmptySubsequences: false).last ?? "")
        let word = String(Completion.wordBeforeCursor(in: current))
        let done = current.dropLast(word.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        return Completion(word: word, candidates: candidates(after: done, for: word).filter { $0.hasPrefix(word) })
    }

    /// Everything that may follow the finished words `done`, for a word starting `word`.
    func candidates(after done: [String], for word: String) -> [String] {
        guard let first = done.first else {
            return commands.filter { !$0.isHidden }.map(\.name) + commands.flatMap(\.aliases).filter { $0.hasPrefix(word) && !word.isEmpty }
        }
        guard var spec = commands.first(where: { $0.allNames.contains(first) }) else { return [] }
        var rest = Array(done.dropFirst())
        // Descend through subcommands, skipping any leading positionals a command takes first.
        while !spec.subcommands.isEmpty {
            let leading = spec.positionals.count
            if rest.count > leading, let sub = spec.subcommand(rest[leading]) {
                spec = sub
                rest.removeFirst(leading + 1)
                continue
            }
            if rest.count < leading { return values(for: spec.positionals[rest.count], word: word) }
            if rest.count == leading {
                let subs = spec.subcommands.filter { !$0.isHidden }.map(\.name)
                return spec.handler == nil ? subs : subs + argumentCandidates(spec, rest: rest, word: word)
            }
            break
        }
        return argumentCandidates(spec, rest: rest, word: word)
    }

    /// Candidates for an argument of `spec`, given the argument words already typed.
    func argumentCandidates(_ spec: CommandSpec, rest: [String], word: String) -> [String] {
        // `key=val...`: complete the value of that option.
        if let eq = word.firstIndex(of: "="), let option = spec.options.first(where: { $0.name == word[..<eq] }) {
            return listAware(option, word: String(word[word.index(after: eq)...])).map { String(word[...eq]) + $0 }
        }
        // `as NAME` / `from NAME`: the word after a keyword option is its value.
        if let last = rest.last, let option = spec.options.first(where: { $0.isKeyword && $0.name == last }) {
            return listAware(option, word: word)
        }
        var used = Set<String>(), positionalsGiven = 0, i = 0
        while i < rest.count {
            let w = rest[i]
            if let key = w.split(separator: "=").first, w.contains("=") {
                used.insert(String(key))
            } else if spec.flags.contains(where: { $0.name == w }) {
                used.insert(w)
            } else if spec.options.contains(where: { $0.isKeyword && $0.name == w }) {
                used.insert(w)
                i += 1          // its value
            } else {
                positionalsGiven += 1
            }
            i += 1
        }
        var result: [String] = []
        let positionals = spec.positionals
        if let next = positionals.indices.contains(positionalsGiven) ? positionals[positionalsGiven] : positionals.last(where: \.isVariadic) {
            result += values(for: next, word: word)
        }
        result += spec.flags.map(\.name).filter { !used.contains($0) }
        result += spec.options.filter { !used.contains($0.name) }.map { $0.isKeyword ? $0.name : "\($0.name)=" }
        return result
    }

    /// Values for `word`; in a comma-separated list, for its last element (`h1,h` -> `h1,h2`).
    func listAware(_ argument: ArgumentSpec, word: String) -> [String] {
        guard argument.kind == .list, let comma = word.lastIndex(of: ",") else { return values(for: argument, word: word) }
        let head = String(word[...comma])
        return values(for: argument, word: String(word[word.index(after: comma)...])).map { head + $0 }
    }

    /// The values an argument accepts, from its declaration or from the lab.
    func values(for argument: ArgumentSpec, word: String) -> [String] {
        switch argument.completion {
        case .none: return []
        case .choices(let words): return words
        case .files: return FileCompletion.paths(matching: word)
        default: return names(argument.completion)
        }
    }
}

/// File and folder names for a partial path (folders end with `/`).
package enum FileCompletion {
    package static func paths(matching partial: String) -> [String] {
        let fm = FileManager.default
        let slash = partial.lastIndex(of: "/")
        let folder = slash.map { String(partial[...$0]) } ?? ""
        let expanded = folder.hasPrefix("~") ? NSString(string: folder).expandingTildeInPath + "/" : folder
        guard let entries = try? fm.contentsOfDirectory(atPath: expanded.isEmpty ? "." : expanded) else { return [] }
        return entries.filter { !$0.hasPrefix(".") || partial.hasPrefix(".") }.sorted().map { name in
            var isDir: ObjCBool = false
            fm.fileExists(atPath: (expanded.isEmpty ? "" : expanded) + name, isDirectory: &isDir)
            return folder + name + (isDir.boolValue ? "/" : "")
        }
    }
}
