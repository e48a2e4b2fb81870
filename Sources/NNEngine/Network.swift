// Network: a model spec made real: layers with weights and buffers, run forward and backward
// along the graph.
//
// Nodes run in their spec order (every node reads only earlier nodes, so that order is
// topological). Backward runs in reverse; when a node's output feeds several consumers, the first
// consumer to run backward writes the gradient and the others add to it, so gradients from all
// paths are summed. Nothing here allocates once `reserve(batch:)` has run for the batch size.

/// A trainable network built from a `ModelSpec` for a given input width.
public final class Network {
    public let spec: ModelSpec
    public let inputWidth: Int
    public let nodes: [ResolvedNode]
    public let layers: [Layer]
    public let loss: Loss

    private var inputArrays: [[Matrix]]          // per node: the matrices it reads
    private var sinks: [[GradientSink]] = []     // per node: where its input gradients go
    private var outputGradients: [Matrix] = []   // per node: d(cost)/d(output)
    private var boundInput: Matrix?
    private var capacity = 0

    /// Builds the layers (weights all zero: call `initialize` or `adoptParameters` next).
    public init(spec: ModelSpec, inputWidth: Int) throws(ModelError) {
        self.spec = spec
        self.inputWidth = inputWidth
        nodes = try spec.resolve(inputWidth: inputWidth)
        loss = spec.effectiveLoss
        layers = nodes.map { Network.makeLayer($0) }
        inputArrays = nodes.map { _ in [] }
        if let last = layers.last as? Dense, loss.fuses(with: last.activation) { last.lossFusedActivation = true }
    }

    static func makeLayer(_ node: ResolvedNode) -> Layer {
        let name = node.spec.name, w = node.inputWidths
        switch node.spec.kind {
        case .dense(let units, let activation):
            return Dense(name: name, inputWidth: w[0], units: units, activation: activation)
        case .dropout(let keep):
            return Dropout(name: name, width: w[0], keepProb: keep)
        case .activation(let a):
            return ActivationLayer(name: name, width: w[0], activation: a)
        case .add:
            return Add(name: name, width: w[0])
        case .concat:
            return Concat(name: name, widths: w)
        case .rnn(let units, let steps, let sequences):
            return SimpleRNN(name: name, inputWidth: w[0], units: units, steps: steps, returnSequences: sequences)
        case .lstm(let units, let steps, let sequences):
            return LSTM(name: name, inputWidth: w[0], units: units, steps: steps, returnSequences: sequences)
        }
    }

    // MARK: - Parameters

    /// Every trainable parameter, in node order (weight before bias).
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// Number of trainable scalars.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// Output classes (columns of the last node).
    public var outputWidth: Int { layers.last?.outputWidth ?? 0 }

    /// Draws every layer's starting weights from its initializer, in node order.
    public func initialize(generator: SeededGenerator) {
        for i in layers.indices { initialize(layer: i, with: spec.initializer(ofLayer: i), generator: generator) }
    }

    /// Draws layer `index`'s weights with `choice` (layers without weights are left alone).
    public func initialize(layer index: Int, with choice: InitializerChoice, generator: SeededGenerator) {
        (layers[index] as? Initializable)?.initialize(with: choice, generator: generator)
    }

    /// Copies the values of every parameter whose name and shape match one of `other`'s (so a
    /// learner who adds a layer keeps what the others learned). Returns the names copied.
    @discardableResult
    public func adoptParameters(from other: Network) -> [String] {
        var theirs: [String: Parameter] = [:]
        for p in other.parameters { theirs[p.name] = p }
        var copied: [String] = []
        for p in parameters {
            guard let q = theirs[p.name], q.value.rows == p.value.rows, q.value.cols == p.value.cols else { continue }
            p.value.copy(from: q.value)
            copied.append(p.name)
        }
        return copied
    }

    // MARK: - Forward and backward

    /// Allocates every buffer for batches of up to `batch` rows (outside the training loop).
    public func reserve(batch: Int) {
        guard batch > capacity else { return }
        capacity = batch
        for layer in layers { layer.reserve(batch: batch) }
        outputGradients = layers.map { Matrix(rows: 0, cols: $0.outputWidth, capacity: batch) }
        // Sinks: walking backward, the first consumer of a node writes, later ones add.
        var written = Set<Int>()
        var built = [[GradientSink]](repeating: [], count: nodes.count)
        for i in stride(from: nodes.count - 1, through: 0, by: -1) {
            built[i] = nodes[i].inputIndices.map { j in
                guard j >= 0 else { return GradientSink(matrix: nil, accumulate: false) }
                defer { written.insert(j) }
                return GradientSink(matrix: outputGradients[j], accumulate: written.contains(j))
            }
        }
        sinks = built
        for i in nodes.indices {
            inputArrays[i] = nodes[i].inputIndices.map { j in j >= 0 ? layers[j].output : Matrix(rows: 0, cols: inputWidth) }
        }
        boundInput = nil
    }

    /// Runs the graph on `x` (B x inputWidth) and returns the output node's buffer (B x classes).
    @discardableResult
    public func forward(_ x: Matrix, context: ForwardContext) -> Matrix {
        precondition(x.cols == inputWidth, "network: input has \(x.cols) columns, the model expects \(inputWidth)")
        reserve(batch: x.rows)
        if boundInput !== x { bind(input: x) }
        var out = x
        for i in layers.indices { out = layers[i].forward(inputArrays[i], context: context) }
        return out
    }

    /// Runs nodes before `index` on `x` and returns what node `index` reads (its first input):
    /// the activations a layer sees, for layer-wise pre-training.
    public func input(ofNode index: Int, for x: Matrix, context: ForwardContext) -> Matrix {
        reserve(batch: x.rows)
        if boundInput !== x { bind(input: x) }
        for i in 0..<index { _ = layers[i].forward(inputArrays[i], context: context) }
        return inputArrays[index][0]
    }

    /// Points the nodes that read the model input at `x` (only when the caller's buffer changes).
    private func bind(input x: Matrix) {
        for i in nodes.indices where nodes[i].inputIndices.contains(-1) {
            inputArrays[i] = nodes[i].inputIndices.map { j in j >= 0 ? layers[j].output : x }
        }
        boundInput = x
    }

    /// Backpropagates from d(cost)/d(output) (or d(cost)/dz when the loss is fused), filling every
    /// parameter's gradient. Call after `forward` on the same batch.
    public func backward(outputGradient: Matrix) {
        let last = layers.count - 1
        layers[last].backward(outputGradient, into: sinks[last])
        for i in stride(from: last - 1, through: 0, by: -1) {
            layers[i].backward(outputGradients[i], into: sinks[i])
        }
    }

    /// The gradient buffer for the output node (what the loss writes).
    public var lossGradientBuffer: Matrix {
        outputGradients[layers.count - 1]
    }

    /// Forward, cost and backward for one batch. Returns the mean cost and the number of correct
    /// predictions (from the training-mode forward pass).
    public func trainStep(_ x: Matrix, labels: UnsafeBufferPointer<Int32>,
                          context: ForwardContext) -> (cost: Float, correct: Int) {
        let y = forward(x, context: context)
        let g = lossGradientBuffer
        let fused = (layers.last as? Dense)?.lossFusedActivation ?? false
        let cost = loss.cost(output: y, labels: labels, gradient: g, fused: fused)
        let correct = Loss.correctCount(output: y, labels: labels)
        backward(outputGradient: g)
        return (cost, correct)
    }

    /// The layer named `name`.
    public func layer(named name: String) -> Layer? { layers.first { $0.name == name } }
}

/// A layer whose weights an initializer can fill.
public protocol Initializable {
    func initialize(with choice: InitializerChoice, generator: SeededGenerator)
}

extension Dense: Initializable {
    public func initialize(with choice: InitializerChoice, generator: SeededGenerator) {
        let fanOut = units * activation.piecesPerUnit
        choice.weights.fill(weight.value, fanIn: inputWidth, fanOut: fanOut, generator: generator)
        choice.biases.fill(bias.value, fanIn: inputWidth, fanOut: fanOut, generator: generator)
    }
}
