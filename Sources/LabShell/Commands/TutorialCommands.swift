// TutorialCommands: in progress.

enum TutorialCommands {
    static let commands: [CommandSpec] = []
}
