// help: the overview by group, and every command's usage, details, arguments and examples, all
// rendered from the command table. `help activations|initializers|optimizers` lists the engine's
// choices with their one-line meanings.

import LabCore
import LabKit
import LabText
import NNEngine
import TermCharts

package enum HelpCommands {
    static let markdown = TypedFlag.named("markdown", "print the command reference as Markdown (for the README)")

    package static let topics = ["activations", "initializers", "optimizers", "glossary"]

    package static let commands: [CommandSpec] = [
        CommandSpec("help", aliases: ["?"], group: .shell, summary: "The commands, or one command in detail",
                    details: "`help` lists every command by group; `help train` shows one with its arguments and examples; "
                        + "`help layer add dense` works for subcommands too; `help activations`, `help initializers`, "
                        + "`help optimizers` list the choices; `help glossary` gives the words of deep learning in English and Korean.",
                    examples: ["help", "help train", "help layer add dense", "help activations", "help glossary"],
                    arguments: [.positional("command", .text, required: false, completion: .commands, variadic: true,
                                            "a command (and subcommand) to explain"),
                                markdown.spec],
                    handler: { lab, inv in
                        let table = try inv.runningInterpreter().parser.commands
                        if inv[markdown] { lab.console.write(CommandReference.markdown(table)) } else { try help(lab, inv.list, in: table) }
                    }),
    ]

    /// Help on `words` ("layer add dense"), or the overview, from the table `commands`.
    package static func help(_ lab: Lab, _ words: [String], in commands: [CommandSpec]) throws {
        let style = lab.console.style
        if words.isEmpty {
            lab.console.write(overview(commands, style))
            return
        }
        if words.count == 1, topics.contains(words[0]) {
            lab.console.write(topic(words[0], style))
            return
        }
        var path: [String] = []
        var spec: CommandSpec?
        for word in words {
            let next = spec == nil ? commands.first { $0.allNames.contains(word) } : spec!.subcommand(word)
            guard let next else {
                let known = spec?.subcommands.map(\.name) ?? (commands.map(\.name) + topics)
                throw ShellError(loc(.noHelpFor, (path + [word]).joined(separator: " ")) + didYouMean(word, known),
                                 hint: loc(.helpListsEverything))
            }
            spec = next
            path.append(next.name)
        }
        lab.console.write(detail(spec!, path: path, in: commands, style: style))
    }

    /// One screen: each group with its commands and summaries.
    package static func overview(_ commands: [CommandSpec], _ style: Style) -> String {
        var lines = [style.bold(loc(.helpTitle)) + loc(.helpTitleHint)]
        let width = commands.map { $0.name.count }.max() ?? 8
        for group in CommandGroup.allCases {
            let specs = commands.filter { $0.group == group && !$0.isHidden }
            guard !specs.isEmpty else { continue }
            lines.append("")
            lines.append(style.bold(group.title))
            for spec in specs {
                let subs = spec.subcommands.filter { !$0.isHidden }.map(\.name)
                let suffix = subs.isEmpty ? "" : style.dim(" [" + subs.joined(separator: "|") + "]")
                lines.append("  " + style.paint(spec.name.padding(toLength: width, withPad: " ", startingAt: 0), fg: .cyan)
                             + "  " + spec.localizedSummary(at: [spec.name]) + suffix)
            }
        }
        lines.append("")
        lines.append(style.dim(loc(.glossaryHint)))
        return lines.joined(separator: "\n")
    }

    /// Usage, summary, details, arguments, subcommands and examples of one command.
    package static func detail(_ spec: CommandSpec, path: [String], in commands: [CommandSpec], style: Style) -> String {
        let parser = Parser(commands: commands)
        var lines = [style.bold(loc(.helpUsage)) + parser.usageLine(spec, path: path)]
        if !spec.aliases.isEmpty { lines.append(style.dim(loc(.helpAlso) + spec.aliases.joined(separator: ", "))) }
        lines.append("")
        let summary = spec.localizedSummary(at: path), details = spec.localizedDetails(at: path)
        lines.append(summary + (summary.hasSuffix(".") ? "" : "."))
        if !details.isEmpty {
            lines.append("")
            for paragraph in details.split(separator: "\n") {
                lines.append(contentsOf: String(paragraph).wrapped(to: style.width - 2))
            }
        }
        if !spec.arguments.isEmpty {
            lines.append("")
            lines.append(style.bold(loc(.helpArguments)))
            for a in spec.arguments {
                let name = a.style == .option ? (a.isKeyword ? "\(a.name) NAME" : "\(a.name)=") : (a.style == .flag ? a.name : a.name.uppercased())
                let facts = [a.kind.localizedHint.count > 30 ? nil : a.kind.localizedHint,
                             a.defaultText.map { loc(.helpDefault, CommandSpec.localizedDefault($0)) } ?? (a.isRequired ? loc(.helpRequired) : nil)].compactMap { $0 }
                lines.append("  " + style.paint(name, fg: .cyan) + (facts.isEmpty ? "" : style.dim("  (" + facts.joined(separator: ", ") + ")")))
                lines.append(contentsOf: spec.localizedHelp(of: a, at: path).wrapped(to: style.width - 6).map { "      " + $0 })
            }
        }
        let subs = spec.subcommands.filter { !$0.isHidden }
        if !subs.isEmpty {
            lines.append("")
            lines.append(style.bold(loc(.helpSubcommands)))
            let width = subs.map { $0.name.count }.max() ?? 4
            for sub in subs { lines.append("  " + sub.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + sub.localizedSummary(at: path + [sub.name])) }
        }
        if !spec.examples.isEmpty {
            lines.append("")
            lines.append(style.bold(loc(.helpExamples)))
            lines.append(contentsOf: spec.examples.map { "  nnlab> " + $0 })
        }
        return lines.joined(separator: "\n")
    }

    static func topic(_ name: String, _ style: Style) -> String {
        if name == "glossary" { return Glossary.render(style) }
        let rows: [[String]]
        switch name {
        case "activations":
            rows = Activation.allNames.compactMap { n in Activation.named(n).map { [n, KoreanTopics.line(KoreanTopics.activations, n, english: $0.summary)] } }
        case "initializers":
            let samples: [Initializer] = [.zeros, .constant(0.1), .normal(stddev: 1), .truncatedNormal(stddev: 1), .uniform(limit: 1),
                                          .xavierUniform, .xavierNormal, .heNormal, .heUniform, .lecunNormal, .rbm(epochs: 1, learningRate: 0.1)]
            rows = samples.map { [$0.name, KoreanTopics.line(KoreanTopics.initializers, $0.name, english: $0.summary)] }
        default:
            rows = OptimizerKind.allCases.map {
                [$0.rawValue, KoreanTopics.line(KoreanTopics.optimizers, $0.rawValue, english: $0.summary) + " (lr \(NumberFormat.typed($0.defaultLearningRate)))"]
            }
        }
        return TextTable(columns: [TableColumn(name, alignment: .left), TableColumn("", alignment: .left)],
                         rows: rows, border: .minimal).render(style)
    }
}
