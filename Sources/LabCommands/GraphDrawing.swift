// GraphDrawing: a model graph drawn in the terminal as boxes joined by arrows, top to bottom,
// with each node's shape and parameter count. Plain stacks are a single column; a node that reads
// several others lists them under an arrow, and a node read by several shows where it fans out.

import LabCore
import LabKit
import LabText
import NNEngine
import TermCharts

enum GraphDrawing {
    /// The graph as text: one box per node, in order, with its inputs named on the arrow into it.
    static func draw(_ spec: ModelSpec, nodes: [ResolvedNode]?, style: Style) -> String {
        var readers: [String: [String]] = [:]
        for (i, layer) in spec.layers.enumerated() {
            let inputs = layer.inputs.isEmpty ? [i == 0 ? ModelSpec.inputName : spec.layers[i - 1].name] : layer.inputs
            for source in inputs { readers[source, default: []].append(layer.name) }
        }
        var lines: [String] = [style.bold("input") + fanOut(ModelSpec.inputName, readers, next: spec.layers.first)]
        for (i, layer) in spec.layers.enumerated() {
            let explicit = !layer.inputs.isEmpty
            let inputs = explicit ? layer.inputs : [i == 0 ? ModelSpec.inputName : spec.layers[i - 1].name]
            let previous = i == 0 ? ModelSpec.inputName : spec.layers[i - 1].name
            // A bar joins two boxes only when the lower one reads the upper; other inputs are named.
            let arrow = inputs == [previous] ? "  │"
                : (inputs.contains(previous) ? "  │ ◀─ " : "    ◀─ ") + inputs.joined(separator: " + ")
            lines.append(arrow)
            let shape = nodes.map { "\($0[i].outputWidth)" } ?? "?"
            let params = nodes.map { $0[i].parameterCount > 0 ? loc(.graphParams, NumberFormat.grouped($0[i].parameterCount)) : "" } ?? ""
            let label = "\(layer.name): \(LayerCommands.kindText(layer.kind)) → \(shape)\(params)"
            let border = String(repeating: "─", count: label.displayWidth + 2)
            lines.append("┌\(border)┐")
            lines.append("│ \(style.bold(label)) │" + fanOut(layer.name, readers, next: spec.layers.indices.contains(i + 1) ? spec.layers[i + 1] : nil))
            lines.append("└\(border)┘")
        }
        lines.append(loc(.graphOutput))
        return lines.joined(separator: "\n")
    }

    /// " ──▶ a, b" when a node also feeds layers other than the one drawn right after it.
    private static func fanOut(_ name: String, _ readers: [String: [String]], next: LayerSpec?) -> String {
        let extra = (readers[name] ?? []).filter { $0 != next?.name }
        return extra.isEmpty ? "" : "  ──▶ " + extra.joined(separator: ", ")
    }
}
