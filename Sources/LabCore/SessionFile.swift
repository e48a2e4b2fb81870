// SessionFile: the `.nnlab` session format, written and read. (Format version 1.)
//
// A session is a script a person can read, edit and run with `nnlab run`:
//
//   # nnlab session                    <- first line, always
//   # format: 1                        <- header: `# key: value` lines up to the first blank line
//   # seed: 777                           (format, nnlab, saved, seed, data, data-identity, model,
//   # data: mnist                          best, weights, fast; unknown keys are kept and ignored)
//   ...
//                                      <- blank line: the header ends
//   data load mnist                    <- every command that changed the lab, one per line
//   train epochs=15 batch=100
//   # epoch 1  cost 0.2113 ...         <- `# ` lines directly under a command: its recorded figures
//   #fast epoch 1  cost 0.5120 ...     <- `#fast ` lines: its figures in the fast variant
//
//   # a note                           <- a comment after a blank line is a note on the next command
//   eval test
//   # eval test  accuracy 0.9804  cost 0.0700
//   # end of session                   <- last line: a file without it was cut short
//
// Reading checks everything and names the line and its text when something is wrong: a newer
// format, a header line that is not `key: value`, a command the shell would not accept, a file cut
// short. This file knows the text only; SessionStore puts it on disk and Replay runs it.

import Foundation

import NNData

/// A session file: header, the commands with their recorded figures, and notes.
public struct SessionFile: Equatable, Sendable {
    /// The format this nnlab writes and the newest it reads.
    public static let formatVersion = 1
    /// The first line of every session file.
    public static let firstLine = "# nnlab session"
    /// The last line of every session file.
    public static let endLine = "# end of session"
    /// Commands that act on session files, so cannot be part of one.
    package static let forbiddenCommands: Set<String> = ["save", "load", "replay", "sessions", "quit"]

    /// The header's fields.
    public struct Header: Equatable, Sendable {
        public var format = SessionFile.formatVersion
        /// The nnlab version that wrote the file.
        public var nnlabVersion: String?
        /// The arithmetic the figures were computed with (`Arithmetic.name`); nil in older files.
        public var arithmetic: String?
        /// When it was saved (ISO 8601, UTC).
        public var saved: String?
        /// The seed in effect before the first command.
        public var seed: UInt64 = Lab.defaultSeed
        /// The `data load` arguments of the data loaded when the session was saved ("mnist limit=1000").
        public var data: String?
        /// What that data was (name, parameters, files with sizes and SHA-256).
        public var dataIdentity: DataIdentity?
        /// A one-line description of the model, for listings.
        public var model: String?
        /// The best accuracy recorded ("test 0.9804"), for listings.
        public var best: String?
        /// The weights file saved with the session.
        public var weights: WeightsReference?
        /// The fast variant: at most this many epochs per run and training examples.
        public var fast: FastMode?
        /// Fields this version does not know, in file order (kept when the file is rewritten).
        public var other: [HeaderField] = []

        public init() {}
    }

    /// A header field this version does not interpret.
    public struct HeaderField: Equatable, Sendable {
        public var key: String
        public var value: String

        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The weights file a session names in its header, with its size and SHA-256.
    public struct WeightsReference: Equatable, Sendable {
        public var file: String
        public var bytes: Int
        public var sha256: String

        package init(file: String, bytes: Int, sha256: String) {
            self.file = file
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// One command of the session.
    public struct Entry: Equatable, Sendable {
        /// The command as the shell would journal it.
        public var command: String
        /// Figure lines recorded when the command ran (in the full session).
        public var figures: [String]
        /// Figure lines recorded in the fast variant.
        public var fastFigures: [String]
        /// Notes written above the command (without their `# `).
        public var notes: [String]
        /// The line the command is on in the file it was read from (0 when not read from a file).
        public var line: Int

        public init(command: String, figures: [String] = [], fastFigures: [String] = [], notes: [String] = [], line: Int = 0) {
            self.command = command
            self.figures = figures
            self.fastFigures = fastFigures
            self.notes = notes
            self.line = line
        }
    }

    public var header: Header
    public var entries: [Entry]
    /// Notes after the last command.
    public var trailingNotes: [String]

    public init(header: Header = Header(), entries: [Entry] = [], trailingNotes: [String] = []) {
        self.header = header
        self.entries = entries
        self.trailingNotes = trailingNotes
    }

    /// The commands as journal entries (with the full session's figures).
    public var journal: [JournalEntry] { entries.map { JournalEntry(command: $0.command, figures: $0.figures) } }

    // MARK: - Writing

    /// The file's text.
    public func render() -> String {
        var out = [SessionFile.firstLine]
        for (key, value) in headerFields() { out.append("# \(key): \(value)") }
        out.append("")
        func notes(_ lines: [String]) {
            guard !lines.isEmpty else { return }
            if out.last != "" { out.append("") }
            out += lines.map { $0.isEmpty ? "#" : "# " + $0 }
        }
        for entry in entries {
            notes(entry.notes)
            out.append(entry.command)
            out += entry.figures.map { "# " + $0 } + entry.fastFigures.map { "#fast " + $0 }
            if !entry.figures.isEmpty || !entry.fastFigures.isEmpty { out.append("") }
        }
        notes(trailingNotes)
        out.append(SessionFile.endLine)
        return out.joined(separator: "\n") + "\n"
    }

    func headerFields() -> [(String, String)] {
        let h = header
        var fields: [(String, String)] = [("format", String(h.format))]
        if let v = h.nnlabVersion { fields.append(("nnlab", v)) }
        if let v = h.arithmetic { fields.append(("arithmetic", v)) }
        if let v = h.saved { fields.append(("saved", v)) }
        fields.append(("seed", String(h.seed)))
        if let v = h.data { fields.append(("data", v)) }
        if let v = h.dataIdentity, let json = try? JSONEncoder.sorted.encode(v) {
            fields.append(("data-identity", String(decoding: json, as: UTF8.self)))
        }
        if let v = h.model { fields.append(("model", v)) }
        if let v = h.best { fields.append(("best", v)) }
        if let w = h.weights { fields.append(("weights", "\(w.file) \(w.bytes) bytes sha256 \(w.sha256)")) }
        if let f = h.fast { fields.append(("fast", SessionFile.describe(f))) }
        return fields + h.other.map { ($0.key, $0.value) }
    }

    /// "epochs=1 limit=5000"
    package static func describe(_ fast: FastMode) -> String {
        [fast.epochs.map { "epochs=\($0)" }, fast.limit.map { "limit=\($0)" }].compactMap { $0 }.joined(separator: " ")
    }
}

extension JSONEncoder {
    /// Compact JSON with sorted keys: one model always gives the same text.
    package static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
