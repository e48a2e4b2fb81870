// SessionCommands: in progress.

enum SessionCommands {
    static let commands: [CommandSpec] = []
}
