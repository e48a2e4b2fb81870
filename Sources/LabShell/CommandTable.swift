// CommandTable: every command of the REPL, in one list. Help, completion, parsing, the README's
// command reference and the lesson checks all read this table.

import LabCommands
import LabCore
import LabSessions
import LabTutorials

public enum CommandTable {
    /// All commands, in the order the help overview shows them within each group.
    public static let all: [CommandSpec] =
        DataCommands.commands + ModelCommands.commands + LayerCommands.commands + [UndoCommand.spec] + SettingsCommands.commands
        + TrainCommands.commands + InspectCommands.commands + CompareCommands.commands + SessionCommands.commands
        + TutorialCommands.commands + HelpCommands.commands + ShellCommands.commands

    /// The command at `path` ("layer add dense"), if any.
    public static func find(_ path: [String], in commands: [CommandSpec] = all) -> CommandSpec? {
        CommandSpec.find(path, in: commands)
    }

    /// Every command path with its spec, depth first ("layer", "layer add", "layer add dense", ...).
    public static func flattened(_ commands: [CommandSpec] = all) -> [(path: [String], spec: CommandSpec)] {
        func walk(_ spec: CommandSpec, _ prefix: [String]) -> [([String], CommandSpec)] {
            let path = prefix + [spec.name]
            return [(path, spec)] + spec.subcommands.flatMap { walk($0, path) }
        }
        return commands.flatMap { walk($0, []) }
    }
}
