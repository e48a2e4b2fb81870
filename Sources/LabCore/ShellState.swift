// ShellState: what the read-eval-print loop needs besides the lab: the lesson marker in the
// prompt, what Enter on an empty line does, whether `quit` has ended the session, the lines typed
// this session (`history`) and the lesson started last. Each interpreter owns one, so commands
// reach it through their invocation; the lab holds none of it.

/// The shell's own state, beside the lab.
public final class ShellState {
    /// Lines the learner typed this session (for `history`).
    public var typedHistory: [String] = []
    /// Set by `quit`; the shell loop ends when it sees it.
    public var quitRequested = false
    /// What Enter on an empty line does (a tutorial runs its next step); nil: nothing.
    public var emptyLineAction: (() -> Void)?
    /// Shown in the prompt while a tutorial runs ("[1: step 2/7]").
    public var promptPrefix: String?
    /// The latest lesson started (`tutorial start`); paused or finished when not `isActive`.
    public var tutorial: (any ShellLesson)?

    public init() {}

    /// "nnlab> ", or with the lesson and step while a tutorial runs.
    public var prompt: String {
        promptPrefix.map { "nnlab \($0)> " } ?? "nnlab> "
    }
}

/// A lesson the shell holds while it runs (LabTutorials' TutorialRunner); the shell only needs to
/// know whether it is still running.
public protocol ShellLesson: AnyObject {
    var isActive: Bool { get }
}
