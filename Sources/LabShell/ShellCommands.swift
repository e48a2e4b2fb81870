// history, clear, quit: the shell's own commands.

import Foundation
import LabCore
import LabText

enum ShellCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("history", group: .shell, summary: "The commands typed so far (also kept across runs; Up arrow recalls them)",
                    examples: ["history", "history 20"],
                    arguments: [historyCount.spec],
                    handler: { lab, inv in
                        let all = try inv.runningInterpreter().shell.typedHistory
                        let shown = all.suffix(inv[historyCount] ?? all.count)
                        let first = all.count - shown.count
                        for (i, line) in shown.enumerated() { lab.console.write(String(format: "%5d  ", first + i + 1) + line) }
                        if all.isEmpty { lab.console.write(loc(.noCommandsYet)) }
                    }),
        CommandSpec("clear", aliases: ["cls"], group: .shell, summary: "Clear the screen",
                    handler: { lab, _ in
                        if lab.console.isInteractive && lab.console.style.usesColor { lab.console.write("\u{1B}[H\u{1B}[2J\u{1B}[3J", ) }
                    }),
        CommandSpec("quit", aliases: ["exit", "q"], group: .shell, summary: "Leave nnlab (offers to save unsaved work)",
                    details: "With unsaved work, nnlab offers to save it first; Ctrl-D does the same.",
                    arguments: [quitForce.spec],
                    handler: { lab, inv in try lab.requestQuit(force: inv[quitForce], interpreter: try inv.runningInterpreter()) }),
    ]

    static let historyCount = TypedArgument<Int>.positional("count", 1...100_000, required: false, default: "all", "only the last N")
    static let quitForce = TypedFlag.named("force", "quit without asking, dropping unsaved work")
}
