// SessionFileReader: reading a `.nnlab` file, refusing it whole when any line is wrong.
//
// The rules are those of SessionFile's header comment. Every problem names the file, the line
// number and the text of the line, and says how to fix it; nothing is half-read.

import Foundation
import LabCore
import LabText
import NNData

/// A session file that cannot be used, and why.
public struct SessionFileError: Error, Equatable, CustomStringConvertible {
    /// The file as named by the caller.
    public let file: String
    /// The 1-based line at fault (nil for the whole file).
    public let line: Int?
    /// The text of that line.
    public let text: String?
    public let problem: String
    public let hint: String

    public var description: String { message + "\n  " + loc(.hintLabel) + hint }

    /// "lab.nnlab line 12 (`trian epochs=5`): unknown command 'trian'"
    public var message: String {
        var place = file
        if let line { place = loc(.sessionFileLine, file, line) }
        if let text { place += " (`\(text.count > 80 ? String(text.prefix(77)) + "..." : text)`)" }
        return place + ": " + problem
    }

    /// The same, as the shell reports errors.
    var shellError: ShellError { ShellError(message, hint: hint) }
}

extension SessionFile {
    /// Reads a session from `bytes`; `file` names it in messages. Throws `SessionFileError`.
    public static func parse(_ bytes: Data, file: String, commands: [CommandSpec]) throws(SessionFileError) -> SessionFile {
        guard let text = String(data: bytes, encoding: .utf8) else {
            let bad = firstLineNotUTF8(bytes)
            throw SessionFileError(file: file, line: bad, text: nil, problem: loc(.sessionFileNotUTF8, bad), hint: loc(.sessionFileNotUTF8Hint))
        }
        return try parse(text, file: file, commands: commands)
    }

    /// Reads a session from its text.
    public static func parse(_ text: String, file: String, commands: [CommandSpec]) throws(SessionFileError) -> SessionFile {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        func fail(_ n: Int?, _ problem: String, _ hint: String) -> SessionFileError {
            SessionFileError(file: file, line: n, text: n.map { lines.indices.contains($0 - 1) ? lines[$0 - 1] : "" }, problem: problem, hint: hint)
        }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == firstLine else {
            if lines.isEmpty {
                throw SessionFileError(file: file, line: nil, text: nil, problem: loc(.sessionFileEmpty), hint: loc(.sessionFileEmptyHint, firstLine))
            }
            throw fail(1, loc(.sessionFileNotSession, firstLine), loc(.sessionFileRunHint))
        }

        let (header, bodyStart) = try readHeader(lines, fail: fail)
        // A file cut short says so before anything else in its body: its last line is likely cut too.
        guard lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == endLine }) else {
            throw fail(lines.count, loc(.sessionFileCutShort, endLine), loc(.sessionFileCutShortHint, endLine))
        }
        var i = bodyStart

        // The body: commands, their figures, notes, and the end line.
        let parser = Parser(commands: commands)
        var entries: [Entry] = []
        var notes: [String] = []
        var underCommand = false
        var sawEnd = false
        while i < lines.count {
            let n = i + 1
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            if sawEnd {
                guard line.isEmpty else { throw fail(n, loc(.sessionFileTextAfterEnd, endLine), loc(.sessionFileEndLast)) }
                continue
            }
            if line.isEmpty { underCommand = false; continue }
            if line == endLine { sawEnd = true; continue }
            if line == "#fast" || line.hasPrefix("#fast ") {
                guard underCommand, !entries.isEmpty else {
                    throw fail(n, loc(.sessionFileFastPlace), loc(.sessionFileFastPlaceHint))
                }
                entries[entries.count - 1].fastFigures.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces))
                continue
            }
            if line.hasPrefix("#") {
                let comment = line.dropFirst().hasPrefix(" ") ? String(line.dropFirst(2)) : String(line.dropFirst())
                if underCommand { entries[entries.count - 1].figures.append(comment) } else { notes.append(comment) }
                continue
            }
            for command in try commandsOnLine(line, n, parser: parser, fail: fail) {
                entries.append(Entry(command: command, notes: notes, line: n))
                notes = []
            }
            underCommand = true
        }
        return SessionFile(header: header, entries: entries, trailingNotes: notes)
    }

    /// Only the header of a session (for listings): the lines up to the first blank one.
    public static func parseHeader(_ text: String, file: String) throws(SessionFileError) -> Header {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        func fail(_ n: Int?, _ problem: String, _ hint: String) -> SessionFileError {
            SessionFileError(file: file, line: n, text: n.map { lines.indices.contains($0 - 1) ? lines[$0 - 1] : "" }, problem: problem, hint: hint)
        }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == firstLine else {
            throw fail(1, loc(.sessionFileNotSession, firstLine), loc(.sessionFileSaveHint))
        }
        return try readHeader(lines, fail: fail).0
    }

    /// The header's fields from `lines` (the first line already checked); returns the index of the
    /// line after the header.
    private static func readHeader(_ lines: [String], fail: (Int?, String, String) -> SessionFileError) throws(SessionFileError) -> (Header, Int) {
        var header = Header()
        var i = 1
        var sawFormat = false
        while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
            let n = i + 1, line = lines[i]
            guard line.hasPrefix("# "), let colon = line.firstIndex(of: ":") else {
                throw fail(n, loc(.sessionFileHeaderLine), loc(.sessionFileHeaderLineHint))
            }
            let key = line[line.index(line.startIndex, offsetBy: 2)..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            try readHeaderField(key, value, into: &header, line: n, fail: fail)
            if key == "format" { sawFormat = true }
            i += 1
        }
        guard sawFormat else {
            throw fail(nil, loc(.sessionFileNoFormat), loc(.sessionFileNoFormatHint, formatVersion, firstLine))
        }

        return (header, i)
    }

    /// The commands on one body line, each checked by the shell's parser (not run).
    private static func commandsOnLine(_ line: String, _ n: Int, parser: Parser,
                                       fail: (Int?, String, String) -> SessionFileError) throws(SessionFileError) -> [String] {
        if let c = line.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\t" }) {
            throw fail(n, loc(.sessionFileControl, String(format: "%04X", c.value)), loc(.sessionFileControlHint))
        }
        let commands: [[String]]
        do { commands = try splitCommands(line) } catch {
            throw fail(n, error.message, error.hint ?? "")
        }
        var result: [String] = []
        for words in commands {
            let invocation: Invocation
            do { invocation = try parser.parse(words).1 } catch {
                throw fail(n, error.message, error.hint ?? loc(.sessionFileCheckCommandHint))
            }
            if forbiddenCommands.contains(invocation.path[0]) {
                throw fail(n, loc(.sessionFileForbidden, invocation.path[0]), loc(.sessionFileForbiddenHint))
            }
            result.append(invocation.line)
        }
        return result
    }

    private static func readHeaderField(_ key: String, _ value: String, into header: inout Header, line n: Int,
                                        fail: (Int?, String, String) -> SessionFileError) throws(SessionFileError) {
        switch key {
        case "format":
            guard let v = Int(value), v >= 1 else {
                throw fail(n, loc(.sessionFileFormatWhole, value), loc(.sessionFileFormatWholeHint, formatVersion))
            }
            guard v <= formatVersion else {
                throw fail(n, loc(.sessionFileNewer, v, nnlabVersion, formatVersion), loc(.sessionUpdateNnlabHint))
            }
            header.format = v
        case "nnlab": header.nnlabVersion = value
        case "arithmetic": header.arithmetic = value
        case "saved": header.saved = value
        case "seed":
            guard let v = UInt64(value) else {
                throw fail(n, loc(.sessionFileSeed, value), loc(.sessionFileSeedHint))
            }
            header.seed = v
        case "data": header.data = value.isEmpty ? nil : value
        case "data-identity":
            guard let v = try? JSONDecoder().decode(DataIdentity.self, from: Data(value.utf8)) else {
                throw fail(n, loc(.sessionFileIdentity), loc(.sessionFileIdentityHint))
            }
            header.dataIdentity = v
        case "model": header.model = value
        case "best": header.best = value
        case "weights":
            let w = value.split(separator: " ").map(String.init)
            guard w.count == 5, w[2] == "bytes", w[3] == "sha256", let bytes = Int(w[1]), bytes >= 0 else {
                throw fail(n, loc(.sessionFileWeightsLine), loc(.sessionFileLineDamagedHint))
            }
            header.weights = WeightsReference(file: w[0], bytes: bytes, sha256: w[4])
        case "fast":
            var fast = FastMode()
            for word in value.split(separator: " ") {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let v = Int(parts[1]), v > 0, parts[0] == "epochs" || parts[0] == "limit" else {
                    throw fail(n, loc(.sessionFileFast), loc(.sessionFileFastHint))
                }
                if parts[0] == "epochs" { fast.epochs = v } else { fast.limit = v }
            }
            guard fast.epochs != nil || fast.limit != nil else {
                throw fail(n, loc(.sessionFileFastEmpty), loc(.sessionFileFastHint))
            }
            header.fast = fast
        default:
            header.other.append(HeaderField(key: key, value: value))
        }
    }

    /// The 1-based number of the first line that is not valid UTF-8.
    private static func firstLineNotUTF8(_ bytes: Data) -> Int {
        for (i, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where String(data: Data(line), encoding: .utf8) == nil {
            return i + 1
        }
        return 1
    }
}
