// ExportError: why a model cannot be exported as a Keras or PyTorch script.
//
// An exporter refuses rather than writes a script that would quietly compute something else than
// nnlab did. Every message names the node or value at fault, says why the frameworks would differ,
// and how to fix the model.

import NNEngine

/// A model (or request) that cannot be turned into a faithful script.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model itself does not resolve for this input (a cycle, a width that does not fit...).
    case model(ModelError)
    /// The loss expects an output activation the output node does not have.
    case lossNeedsOutput(loss: Loss, node: String, activation: String, needed: String)
    /// The output's width does not fit the number of classes.
    case outputClasses(node: String, units: Int, classes: Int)
    /// The stated input shape does not multiply out to the input width.
    case inputShape(shape: [Int], width: Int)

    public var description: String {
        switch self {
        case .model(let error):
            return "cannot export the model: \(error)"
        case .lossNeedsOutput(let loss, let node, let activation, let needed):
            return "cannot export: the loss is \(loss.rawValue), which needs a \(needed) output, but the output "
                + "node '\(node)' ends in \(activation); Keras and PyTorch would compute a different cost. "
                + "Give '\(node)' a \(needed) activation, or use the mse loss"
        case .outputClasses(let node, let units, let classes):
            let want = classes == 2 ? "1 unit (sigmoid) or 2 units (softmax)" : "\(classes) units"
            return "cannot export: the output node '\(node)' has \(units) unit\(units == 1 ? "" : "s") "
                + "but the data has \(classes) classes; the output needs \(want)"
        case .inputShape(let shape, let width):
            return "cannot export: the input shape \(shape.map(String.init).joined(separator: " x ")) "
                + "holds \(shape.reduce(1, *)) numbers, but the model's input has \(width)"
        }
    }
}
