// help: the overview by group, and every command's usage, details, arguments and examples, all
// rendered from the command table. `help activations|initializers|optimizers` lists the engine's
// choices with their one-line meanings.

import NNEngine
import TermCharts

enum HelpCommands {
    static let topics = ["activations", "initializers", "optimizers"]

    static let commands: [CommandSpec] = [
        CommandSpec("help", aliases: ["?"], group: .shell, summary: "The commands, or one command in detail",
                    details: "`help` lists every command by group; `help train` shows one with its arguments and examples; "
                        + "`help layer add dense` works for subcommands too; `help activations`, `help initializers`, "
                        + "`help optimizers` list the choices.",
                    examples: ["help", "help train", "help layer add dense", "help activations"],
                    arguments: [.positional("command", .text, required: false, completion: .commands, variadic: true,
                                            "a command (and subcommand) to explain")],
                    handler: { lab, inv in try help(lab, inv.list) }),
    ]

    static func help(_ lab: Lab, _ words: [String]) throws {
        let style = lab.console.style
        if words.isEmpty {
            lab.console.write(overview(style))
            return
        }
        if words.count == 1, topics.contains(words[0]) {
            lab.console.write(topic(words[0], style))
            return
        }
        var path: [String] = []
        var spec: CommandSpec?
        for word in words {
            let next = spec == nil ? CommandTable.all.first { $0.allNames.contains(word) } : spec!.subcommand(word)
            guard let next else {
                let known = spec?.subcommands.map(\.name) ?? (CommandTable.all.map(\.name) + topics)
                throw ShellError("no help for '\((path + [word]).joined(separator: " "))'" + didYouMean(word, known),
                                 hint: "`help` lists every command")
            }
            spec = next
            path.append(next.name)
        }
        lab.console.write(detail(spec!, path: path, style: style))
    }

    /// One screen: each group with its commands and summaries.
    static func overview(_ style: Style) -> String {
        var lines = [style.bold("nnlab commands") + "  (help COMMAND for details, TAB completes, Ctrl-C stops training)"]
        let width = CommandTable.all.map { $0.name.count }.max() ?? 8
        for group in CommandGroup.allCases {
            let specs = CommandTable.all.filter { $0.group == group && !$0.isHidden }
            guard !specs.isEmpty else { continue }
            lines.append("")
            lines.append(style.bold(group.rawValue))
            for spec in specs {
                let subs = spec.subcommands.filter { !$0.isHidden }.map(\.name)
                let suffix = subs.isEmpty ? "" : style.dim(" [" + subs.joined(separator: "|") + "]")
                lines.append("  " + style.paint(spec.name.padding(toLength: width, withPad: " ", startingAt: 0), fg: .cyan)
                             + "  " + spec.summary + suffix)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Usage, summary, details, arguments, subcommands and examples of one command.
    static func detail(_ spec: CommandSpec, path: [String], style: Style) -> String {
        let parser = Parser(commands: CommandTable.all)
        var lines = [style.bold("usage: ") + parser.usageLine(spec, path: path)]
        if !spec.aliases.isEmpty { lines.append(style.dim("also: " + spec.aliases.joined(separator: ", "))) }
        lines.append("")
        lines.append(spec.summary + ".")
        if !spec.details.isEmpty {
            lines.append("")
            for paragraph in spec.details.split(separator: "\n") {
                lines.append(contentsOf: String(paragraph).wrapped(to: style.width - 2))
            }
        }
        if !spec.arguments.isEmpty {
            lines.append("")
            lines.append(style.bold("arguments"))
            let rows = spec.arguments.map { a -> [String] in
                [a.style == .option ? "\(a.name)=" : (a.style == .flag ? a.name : a.name.uppercased()),
                 a.kind.placeholderHint.count > 40 ? "word" : a.kind.placeholderHint,
                 a.defaultText.map { "default \($0)" } ?? (a.isRequired ? "required" : ""), a.help]
            }
            let table = TextTable(columns: [TableColumn("", alignment: .left), TableColumn("", alignment: .left),
                                            TableColumn("", alignment: .left), TableColumn("", alignment: .left)],
                                  rows: rows, border: .minimal)
            lines.append(contentsOf: table.renderLines(style).dropFirst(2).map { "  " + $0 })
        }
        let subs = spec.subcommands.filter { !$0.isHidden }
        if !subs.isEmpty {
            lines.append("")
            lines.append(style.bold("subcommands"))
            let width = subs.map { $0.name.count }.max() ?? 4
            for sub in subs { lines.append("  " + sub.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + sub.summary) }
        }
        if !spec.examples.isEmpty {
            lines.append("")
            lines.append(style.bold("examples"))
            lines.append(contentsOf: spec.examples.map { "  nnlab> " + $0 })
        }
        return lines.joined(separator: "\n")
    }

    static func topic(_ name: String, _ style: Style) -> String {
        let rows: [[String]]
        switch name {
        case "activations":
            rows = Activation.allNames.compactMap { n in Activation.named(n).map { [n, $0.summary] } }
        case "initializers":
            let samples: [Initializer] = [.zeros, .constant(0.1), .normal(stddev: 1), .truncatedNormal(stddev: 1), .uniform(limit: 1),
                                          .xavierUniform, .xavierNormal, .heNormal, .heUniform, .lecunNormal, .rbm(epochs: 1, learningRate: 0.1)]
            rows = samples.map { [$0.name, $0.summary] }
        default:
            rows = OptimizerKind.allCases.map { [$0.rawValue, $0.summary + " (lr \(fmt(Double($0.defaultLearningRate))))"] }
        }
        return TextTable(columns: [TableColumn(name, alignment: .left), TableColumn("", alignment: .left)],
                         rows: rows, border: .minimal).render(style)
    }
}
