// JournalEntry: one state-changing command of the session with the figures it printed; a saved
// session is a list of them, and a replay compares the figures.

/// A state-changing command as it went into the session, with the figures it printed.
public struct JournalEntry: Sendable, Equatable, Codable {
    public var command: String
    public var figures: [String]

    public init(command: String, figures: [String] = []) {
        self.command = command
        self.figures = figures
    }
}
