// DataCommands: in progress.

enum DataCommands {
    static let commands: [CommandSpec] = []
    static let names: [String] = []
}
