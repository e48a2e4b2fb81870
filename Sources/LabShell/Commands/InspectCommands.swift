// InspectCommands: in progress.

enum InspectCommands {
    static let commands: [CommandSpec] = []
}
