// Console: where the lab's words and pictures go. The shell knows nothing of terminals beyond
// this: whether a person is watching (progress redraws, questions), the style (colour, width)
// and three outputs: text, warnings and machine-readable events.

import TermCharts

/// The lab's output.
public protocol Console: AnyObject {
    /// Colour depth and width for text and charts (plain when piped or NO_COLOR is set).
    var style: Style { get }
    /// True when a person is at a terminal: progress bars redraw in place, questions are asked.
    var isInteractive: Bool { get }
    /// Prints text followed by a newline.
    func write(_ text: String)
    /// Prints a problem (standard error on a terminal or pipe).
    func warn(_ text: String)
    /// Shows a transient status line (a progress bar), replaced by the next one; ignored when
    /// not interactive.
    func status(_ text: String)
    /// Removes the status line, if any.
    func clearStatus()
    /// A machine-readable event (`nnlab run --json` prints these; others ignore them).
    func record(_ event: LabEvent)
    /// Asks a question and returns the typed answer; nil when nobody can answer (not interactive)
    /// or the learner pressed Ctrl-C / Ctrl-D.
    func ask(_ question: String) -> String?
    /// True when progress bars are worth drawing (a person watches); by default when interactive.
    var showsProgress: Bool { get }
}

extension Console {
    public var showsProgress: Bool { isInteractive }
}

/// A console that keeps everything in memory: for tests and for capturing output.
public final class CapturingConsole: Console {
    public var style: Style
    public var isInteractive: Bool
    public private(set) var lines: [String] = []
    public private(set) var warnings: [String] = []
    public private(set) var events: [LabEvent] = []
    public private(set) var statusUpdates = 0
    /// Answers to give to `ask`, in order (nil when empty).
    public var answers: [String] = []

    public init(style: Style = .plain, interactive: Bool = false) {
        self.style = style
        isInteractive = interactive
    }

    public func write(_ text: String) { lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) }
    public func warn(_ text: String) { warnings.append(text) }
    public func status(_ text: String) { statusUpdates += 1 }
    public func clearStatus() {}
    public func record(_ event: LabEvent) { events.append(event) }
    public func ask(_ question: String) -> String? { answers.isEmpty ? nil : answers.removeFirst() }

    /// Everything written, one string.
    public var text: String { lines.joined(separator: "\n") }
    public func reset() { lines = []; warnings = []; events = [] }
}
