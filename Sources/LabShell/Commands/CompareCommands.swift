// CompareCommands: in progress.

enum CompareCommands {
    static let commands: [CommandSpec] = []
}
