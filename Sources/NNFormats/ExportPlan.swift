// ExportPlan: a model checked for export, with what the Keras and PyTorch exporters share:
// the resolved graph, a Python name per node, the weights each node stores in nnlab's
// safetensors file (names and shapes exactly as the engine writes them), the loss and the
// targets it compares with, and the model summary for the script's docstring.
// It refuses (ExportError) what a framework would compute differently. It writes no Python.

import LabKit
import NNEngine

/// One tensor of nnlab's weights file.
struct ExportedTensor {
    enum Role { case kernel, recurrent, bias }
    /// The name in the safetensors file: `dense1.weight`, `rnn1.recurrent`, `lstm1.bias`.
    let name: String
    /// The shape nnlab gives it: weights (in, out) as Keras's kernel; biases (1, out).
    let shape: [Int]
    let role: Role
}

/// What the loss compares the output with, as the scripts build it from class labels.
enum ExportTargets: Equatable {
    /// The class numbers themselves (softmax cross-entropy).
    case classIndices
    /// One output unit: the 0/1 label as a float column.
    case column
    /// Several units with sigmoid cross-entropy or mse: one-hot rows of this width.
    case oneHot(Int)
}

struct ExportPlan {
    let request: ExportRequest
    let nodes: [ResolvedNode]
    /// A Python identifier per node (its name when that is safe).
    let names: [String]
    let loss: Loss
    /// The output activation the loss takes over (softmax or sigmoid), nil with mse: PyTorch's
    /// model then returns logits and applies it only for probabilities.
    let fusedOutput: Activation?
    let targets: ExportTargets
    let parameterCount: Int

    init(_ request: ExportRequest, reservedNames: Set<String>) throws(ExportError) {
        self.request = request
        let spec = request.model
        do {
            nodes = try spec.resolve(inputWidth: request.inputWidth)
        } catch {
            throw .model(error)
        }
        if let shape = request.inputShape, shape.reduce(1, *) != request.inputWidth {
            throw .inputShape(shape: shape, width: request.inputWidth)
        }
        let loss = spec.effectiveLoss
        let output = nodes[nodes.count - 1]
        let units = output.outputWidth
        // The loss must meet the output activation it was made for; otherwise nnlab's cost and
        // the frameworks' (which rescale or take logits) differ.
        let needed: Activation? = switch loss {
        case .softmaxCrossEntropy: .softmax
        case .sigmoidCrossEntropy: .sigmoid
        case .meanSquaredError: nil
        }
        if let needed, spec.outputActivation != needed {
            throw .lossNeedsOutput(loss: loss, node: output.spec.name,
                                   activation: spec.outputActivation?.description ?? "no activation (\(output.spec.kind.typeName))",
                                   needed: needed.name)
        }
        // Labels must index the outputs (one unit holds a 0/1 label unless the loss is softmax's).
        let single = units == 1 && request.classCount <= 2 && loss != .softmaxCrossEntropy
        guard single || units >= request.classCount && units > 1 else {
            throw .outputClasses(node: output.spec.name, units: units, classes: request.classCount)
        }
        self.loss = loss
        fusedOutput = needed
        targets = loss == .softmaxCrossEntropy ? .classIndices : units == 1 ? .column : .oneHot(units)
        names = PythonSource.identifiers(for: nodes.map(\.spec.name), avoiding: reservedNames)
        parameterCount = nodes.reduce(0) { $0 + $1.parameterCount }
    }

    var outputUnits: Int { nodes[nodes.count - 1].outputWidth }

    /// The Python names of node `i`'s inputs; the model input is called `input`.
    func sources(of i: Int, input: String) -> [String] {
        nodes[i].inputIndices.map { $0 < 0 ? input : names[$0] }
    }

    /// The keep probability dropout layers train with (a run's keep_prob override wins).
    func keepProb(_ own: Float) -> Float { request.training.keepProb ?? own }

    /// The learning rate of nnlab's run.
    var learningRate: Float { request.training.learningRate ?? request.optimizer.learningRate }

    /// The initializers of node `i`.
    func initializer(of i: Int) -> InitializerChoice { request.model.initializer(ofLayer: i) }

    /// Fan-in and fan-out nnlab's initializer uses for node `i`'s kernel.
    func fans(of i: Int) -> (fanIn: Int, fanOut: Int) {
        let node = nodes[i]
        switch node.spec.kind {
        case .dense(let units, let activation): return (node.inputWidths[0], units * activation.piecesPerUnit)
        case .rnn(let units, let steps, _): return (node.inputWidths[0] / steps, units)
        case .lstm(let units, let steps, _): return (node.inputWidths[0] / steps, 4 * units)
        default: return (0, 0)
        }
    }

    /// The tensors node `i` stores, in the frameworks' weight order (kernel, recurrent, bias).
    func tensors(of i: Int) -> [ExportedTensor] {
        let node = nodes[i], name = node.spec.name
        let (fanIn, width) = fans(of: i)
        switch node.spec.kind {
        case .dense:
            return [ExportedTensor(name: "\(name).weight", shape: [node.inputWidths[0], width], role: .kernel),
                    ExportedTensor(name: "\(name).bias", shape: [1, width], role: .bias)]
        case .rnn(let units, _, _), .lstm(let units, _, _):
            return [ExportedTensor(name: "\(name).weight", shape: [fanIn, width], role: .kernel),
                    ExportedTensor(name: "\(name).recurrent", shape: [units, width], role: .recurrent),
                    ExportedTensor(name: "\(name).bias", shape: [1, width], role: .bias)]
        default:
            return []
        }
    }

    // MARK: - Summary for the docstring

    /// Aligned lines: one per node with its type, output width, parameters and initializer.
    var summaryLines: [String] {
        var rows = [["node", "type", "output", "parameters", "initializer"]]
        let shape = request.inputShape.map { " (" + $0.map(String.init).joined(separator: " x ") + ")" } ?? ""
        rows.append(["input", "\(request.inputWidth) numbers\(shape)", "\(request.inputWidth)", "", ""])
        for (i, node) in nodes.enumerated() {
            let params = node.parameterCount > 0 ? NumberFormat.grouped(node.parameterCount) : ""
            let initText = node.spec.kind.hasWeights ? initializer(of: i).description : ""
            rows.append([PythonSource.docText(node.spec.name), describe(i), "\(node.outputWidth)", params, initText])
        }
        return PythonSource.columns(rows)
    }

    /// `dense 512 relu`, `dropout keep_prob=0.7`, `add dense2 + dense1`, `lstm 128 (28 steps x 28)`.
    private func describe(_ i: Int) -> String {
        let node = nodes[i]
        let from = sources(of: i, input: "input")
        let explicit = node.spec.inputs.isEmpty ? "" : " from " + from.joined(separator: ", ")
        switch node.spec.kind {
        case .dense(let units, let activation): return "dense \(units) \(activation.description)\(explicit)"
        case .dropout(let keep): return "dropout keep_prob=\(keep)\(explicit)"
        case .activation(let activation): return "activation \(activation.description)\(explicit)"
        case .add: return "add " + from.joined(separator: " + ")
        case .concat: return "concat " + from.joined(separator: ", ")
        case .rnn(let units, let steps, let sequences), .lstm(let units, let steps, let sequences):
            let every = sequences ? ", every step" : ""
            return "\(node.spec.kind.typeName) \(units) (\(steps) steps x \(node.inputWidths[0] / steps)\(every))\(explicit)"
        }
    }
}
