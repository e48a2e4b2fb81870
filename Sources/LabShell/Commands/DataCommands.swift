// DataCommands: in progress.

enum DataCommands {
    static let commands: [CommandSpec] = []
}
