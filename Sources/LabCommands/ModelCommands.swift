// model new / show / reset: the model as a whole, and its summary (like Keras's model.summary()).

import LabCore
import LabKit
import LabText
import NNEngine
import TermCharts

package enum ModelCommands {
    package static let commands: [CommandSpec] = [
        CommandSpec("model", group: .model, summary: "Start, show or reset the model",
                    examples: ["model new", "model show"],
                    subcommands: [
                        CommandSpec("new", aliases: ["clear"], group: .model, summary: "Start an empty model (the data stays loaded)",
                                    details: "Forgets every layer and its weights. The default initializer goes back to xavier.",
                                    examples: ["model new"], changesState: true, handler: { lab, _ in
                                        lab.clearModel()
                                        lab.setDefaultInitializer()
                                        lab.console.write(loc(.modelNew))
                                    }),
                        CommandSpec("show", aliases: ["summary"], group: .model,
                                    summary: "Each layer with its output size, activation, initializer and parameters",
                                    details: "Like Keras's model.summary(). Graphs with skips, splits and merges are also drawn.",
                                    examples: ["model show"], handler: { lab, _ in show(lab) }),
                        CommandSpec("reset", group: .model, summary: "Draw every weight again from its initializer",
                                    examples: ["model reset"], changesState: true, handler: { lab, _ in
                                        _ = try lab.requireNetwork()
                                        lab.reinitialize()
                                        lab.console.write(loc(.modelReset, lab.model.initializer.description))
                                    }),
                    ]),
    ]

    static func show(_ lab: Lab) {
        let style = lab.console.style
        guard !lab.model.layers.isEmpty else {
            lab.console.write(loc(.modelEmpty))
            return
        }
        let width = lab.data?.featureCount
        let nodes = width.flatMap { try? lab.model.resolve(inputWidth: $0, allowDangling: true) }
        var rows: [[String]] = []
        for (i, layer) in lab.model.layers.enumerated() {
            let node = nodes?[i]
            let reads = layer.inputs.isEmpty ? (i == 0 ? "input" : "") : layer.inputs.joined(separator: ", ")
            let initText = layer.kind.hasWeights ? lab.model.initializer(ofLayer: i).description : ""
            rows.append([String(i + 1), layer.name, LayerCommands.kindText(layer.kind),
                         node.map { "(\($0.outputWidth))" } ?? "?", reads, initText,
                         node.map { NumberFormat.grouped($0.parameterCount) } ?? "?"])
        }
        let total = nodes.map { NumberFormat.grouped($0.reduce(0) { $0 + $1.parameterCount }) } ?? "?"
        let table = TextTable(columns: [TableColumn("#"), TableColumn(loc(.showLayer)), TableColumn(loc(.showType), alignment: .left),
                                        TableColumn(loc(.showOutput)), TableColumn(loc(.showReads), alignment: .left),
                                        TableColumn(loc(.showInitializer), alignment: .left), TableColumn(loc(.showParams))],
                              rows: rows, footer: [["", loc(.showTotal), "", "", "", "", total]],
                              title: lab.data.map { loc(.showInput, $0.featureCount, $0.info.name) } ?? loc(.showInputUnknown),
                              border: .minimal)
        lab.console.write(table.render(style))
        let loss = lab.model.effectiveLoss.rawValue
        lab.console.write(loc(.modelFooter, loss, lab.optimizerSpec.description, lab.seed))
        if lab.model.layers.contains(where: { !$0.inputs.isEmpty }) {
            lab.console.write("")
            lab.console.write(GraphDrawing.draw(lab.model, nodes: nodes, style: style))
        }
        if let width {
            do { _ = try lab.model.resolve(inputWidth: width) } catch {
                lab.console.write(style.paint(loc(.modelNote, error.localized.message), fg: .yellow))
            }
        }
    }
}

extension Lab {
    /// Keras's default initializer for new models.
    func setDefaultInitializer() { setInitializer(.standard, layers: nil) }
}
