// SessionCommands: in progress (save, load, sessions, replay).

enum SessionCommands {
    static let commands: [CommandSpec] = []
}

extension Lab {
    /// Ends the session after `quit` (or Ctrl-D).
    public func requestQuit(force: Bool) throws {
        quitRequested = true
    }
}
