// ModelUndo: `undo` takes back the last change to the model: a layer added, inserted, replaced
// or removed, `model new`, `model reset` or `init`. Before such a command runs, the interpreter
// keeps the model (spec and a copy of its weights) and how the weights came to be; `undo` puts
// the latest one back. Runs, data, optimizer and settings are not touched, and the generator is
// not rewound (a replay runs the same commands and so draws the same numbers).
//
// Not here: undoing training (retrain, or `load` a saved session).

import LabText
import NNEngine

/// One model as it was before a change.
package struct ModelSnapshot {
    let command: String
    let model: ModelSpec
    /// A copy of the weights (nil when no network was built, e.g. before data was loaded).
    let weights: Network?
    let origin: ModelOrigin
}

/// The model changes that can be taken back, newest last.
package struct ModelUndoStack {
    /// How many changes are kept (each holds a copy of the weights).
    static let depth = 10
    private(set) var snapshots: [ModelSnapshot] = []

    /// True for the commands `undo` takes back.
    static func changesModel(_ path: [String]) -> Bool {
        guard let first = path.first else { return false }
        return first == "layer" || first == "init" || path == ["model", "new"] || path == ["model", "reset"]
    }

    package mutating func push(_ snapshot: ModelSnapshot) {
        snapshots.append(snapshot)
        if snapshots.count > Self.depth { snapshots.removeFirst() }
    }

    package mutating func pop() -> ModelSnapshot? { snapshots.popLast() }
    package mutating func clear() { snapshots = [] }
}

extension Lab {
    /// The model as it is now, for `undo`.
    package func modelSnapshot(before command: String) -> ModelSnapshot {
        var copy: Network?
        if let network, let data, let fresh = try? Network(spec: model, inputWidth: data.featureCount) {
            _ = fresh.adoptParameters(from: network)
            copy = fresh
        }
        return ModelSnapshot(command: command, model: model, weights: copy, origin: results.modelOrigin)
    }
}

package enum UndoCommand {
    package static let spec = CommandSpec(
        "undo", group: .model, summary: "Take back the last change to the model",
        details: "Puts the model (layers, initializers and weights) back as it was before the last `layer add`, "
            + "`layer insert`, `layer replace`, `layer remove`, `model new`, `model reset` or `init`; "
            + "`undo` again goes further back. Runs stay as they are.",
        examples: ["undo"],
        changesState: true,
        handler: { lab, _ in
            guard let snapshot = lab.results.modelUndo.pop() else {
                throw ShellError(loc(.undoNothing), hint: loc(.undoTakesBack))
            }
            lab.restore(snapshot)
            lab.console.write(loc(.undoDone, snapshot.command))
        })
}
