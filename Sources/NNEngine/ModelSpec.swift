// ModelSpec: a network described as data (what the learner built), apart from its weights.
//
// A model is a list of named nodes in order. Each node reads the model input, the previous node
// (the default: a plain stack) or any earlier named nodes (NN LEGO: skips, splits, merges). A node
// can only read nodes before it, so a model can never contain a cycle; `resolve` names the node
// that tries. The spec is what sessions save, safetensors metadata carries and exporters read.

/// One node of a model: its kind, its name, where its input comes from, how it is initialized.
public struct LayerSpec: Codable, Equatable, Sendable {
    public enum Kind: Codable, Equatable, Sendable {
        /// Fully connected, with its activation fused.
        case dense(units: Int, activation: Activation)
        /// Inverted dropout keeping units with probability keepProb during training.
        case dropout(keepProb: Float)
        /// An activation on its own.
        case activation(Activation)
        /// Elementwise sum of two or more inputs (a skip / residual connection).
        case add
        /// Inputs side by side (merge).
        case concat
        /// Elman RNN (tanh) over `steps` time steps of width/steps features; outputs the last
        /// hidden state, or every step's (steps x units) when `sequences`.
        case rnn(units: Int, steps: Int, sequences: Bool)
        /// LSTM over `steps` time steps, same input and output conventions as `rnn`.
        case lstm(units: Int, steps: Int, sequences: Bool)

        /// The short type name shown in summaries: dense, dropout, add...
        public var typeName: String {
            switch self {
            case .dense: "dense"
            case .dropout: "dropout"
            case .activation: "activation"
            case .add: "add"
            case .concat: "concat"
            case .rnn: "rnn"
            case .lstm: "lstm"
            }
        }

        /// Whether the kind has weights to initialize.
        public var hasWeights: Bool {
            switch self {
            case .dense, .rnn, .lstm: true
            default: false
            }
        }
    }

    public var name: String
    public var kind: Kind
    /// Names of the nodes this one reads; empty means the previous node (or the model input for
    /// the first node). `ModelSpec.inputName` names the model input explicitly.
    public var inputs: [String]
    /// This layer's own initializer; nil means the model's.
    public var initializer: InitializerChoice?

    public init(name: String, kind: Kind, inputs: [String] = [], initializer: InitializerChoice? = nil) {
        self.name = name
        self.kind = kind
        self.inputs = inputs
        self.initializer = initializer
    }
}

/// A whole model: its nodes in order, the default initializer, and the loss.
public struct ModelSpec: Codable, Equatable, Sendable {
    public static let inputName = "input"

    public var layers: [LayerSpec]
    /// The initializer of every layer that does not name its own.
    public var initializer: InitializerChoice
    /// The loss; nil picks the natural one for the output activation (see `Loss.natural`).
    public var loss: Loss?

    public init(layers: [LayerSpec] = [], initializer: InitializerChoice = .standard, loss: Loss? = nil) {
        self.layers = layers
        self.initializer = initializer
        self.loss = loss
    }

    /// A plain stack of layers (the first reads the input, each next one the previous).
    public static func stack(_ kinds: [LayerSpec.Kind], initializer: InitializerChoice = .standard) -> ModelSpec {
        var spec = ModelSpec(initializer: initializer)
        for kind in kinds { spec.layers.append(LayerSpec(name: spec.nextName(for: kind), kind: kind)) }
        return spec
    }

    /// A fresh default name for a new node of this kind: dense1, dense2, dropout1...
    public func nextName(for kind: LayerSpec.Kind) -> String {
        let base = kind.typeName
        var n = layers.filter { $0.kind.typeName == base }.count + 1
        while layers.contains(where: { $0.name == "\(base)\(n)" }) { n += 1 }
        return "\(base)\(n)"
    }

    /// The activation of the output node, if it has one.
    public var outputActivation: Activation? {
        switch layers.last?.kind {
        case .dense(_, let a)?, .activation(let a)?: a
        case .rnn?, .lstm?: .tanh
        default: nil
        }
    }

    /// The loss in effect.
    public var effectiveLoss: Loss { loss ?? Loss.natural(for: outputActivation ?? .linear) }

    /// The initializer in effect for layer `index`.
    public func initializer(ofLayer index: Int) -> InitializerChoice {
        layers[index].initializer ?? initializer
    }
}

/// A node with its inputs resolved to indices (-1 is the model input) and its widths known.
public struct ResolvedNode: Sendable, Equatable {
    public let spec: LayerSpec
    public let inputIndices: [Int]
    public let inputWidths: [Int]
    public let outputWidth: Int
    /// Scalar parameters the node will hold.
    public let parameterCount: Int
}

extension ModelSpec {
    /// Checks the graph against an input width and works out every node's shape. Throws a
    /// `ModelError` naming the node at fault: unknown or later input (a cycle), a width that does
    /// not fit, a duplicate name, a bad size, a branch that never reaches the output. While a
    /// learner is still building a split, `allowDangling` accepts branches not yet merged; without
    /// data, `checkWidths: false` skips the checks that depend on the (unknown) input width.
    public func resolve(inputWidth: Int, allowDangling: Bool = false,
                        checkWidths: Bool = true) throws(ModelError) -> [ResolvedNode] {
        guard !layers.isEmpty else { throw .empty }
        guard inputWidth > 0 else { throw .noInput }
        var indexOf: [String: Int] = [:]
        var nodes: [ResolvedNode] = []
        for (i, layer) in layers.enumerated() {
            guard indexOf[layer.name] == nil, layer.name != ModelSpec.inputName else {
                throw .duplicateName(layer.name)
            }
            var inputIndices: [Int] = []
            if layer.inputs.isEmpty {
                inputIndices = [i - 1]
            } else {
                for source in layer.inputs {
                    if source == ModelSpec.inputName { inputIndices.append(-1); continue }
                    if let j = indexOf[source] { inputIndices.append(j); continue }
                    if layers.contains(where: { $0.name == source }) {
                        throw .cycle(node: layer.name, reads: source)
                    }
                    throw .unknownInput(node: layer.name, input: source, known: [ModelSpec.inputName] + layers[..<i].map(\.name))
                }
            }
            let widths = inputIndices.map { $0 < 0 ? inputWidth : nodes[$0].outputWidth }
            let (out, params) = try Self.shape(of: layer, inputWidths: widths, checkWidths: checkWidths)
            indexOf[layer.name] = i
            nodes.append(ResolvedNode(spec: layer, inputIndices: inputIndices, inputWidths: widths,
                                      outputWidth: out, parameterCount: params))
        }
        if allowDangling { return nodes }
        // Every node must lead to the output (the last node); a dangling branch is a mistake.
        var used = Set([nodes.count - 1])
        for i in stride(from: nodes.count - 1, through: 0, by: -1) where used.contains(i) {
            for j in nodes[i].inputIndices where j >= 0 { used.insert(j) }
        }
        if let dangling = nodes.indices.first(where: { !used.contains($0) }) {
            throw .dangling(node: nodes[dangling].spec.name, output: nodes[nodes.count - 1].spec.name)
        }
        return nodes
    }

    /// Output width and parameter count of one node, given its input widths.
    static func shape(of layer: LayerSpec, inputWidths w: [Int], checkWidths: Bool = true) throws(ModelError) -> (Int, Int) {
        let name = layer.name
        func single() throws(ModelError) -> Int {
            guard w.count == 1 else { throw .arity(node: name, kind: layer.kind.typeName, expected: .one, got: w.count) }
            return w[0]
        }
        switch layer.kind {
        case .dense(let units, let activation):
            let x = try single()
            guard units > 0 else { throw .badSize(node: name, what: "units", value: Float(units), rule: .wholeAboveZero) }
            let pieces = activation.piecesPerUnit
            if case .maxout(let k) = activation, k < 2 {
                throw .badSize(node: name, what: "maxout pieces", value: Float(k), rule: .atLeastTwo)
            }
            let (weights, o1) = x.multipliedReportingOverflow(by: units)
            let (allWeights, o2) = weights.multipliedReportingOverflow(by: pieces)
            guard !o1, !o2, allWeights <= Int.max / 2 else { throw .tooLarge(node: name) }
            return (units, allWeights + units * pieces)
        case .dropout(let keep):
            let x = try single()
            guard Limits.keepProb.contains(keep) else { throw .badSize(node: name, what: "keep_prob", value: keep, rule: .within(Limits.keepProb)) }
            return (x, 0)
        case .activation(let a):
            let x = try single()
            if case .maxout = a { throw .maxoutAlone(node: name) }
            return (x, 0)
        case .add:
            guard w.count >= 2 else { throw .arity(node: name, kind: "add", expected: .twoOrMore, got: w.count) }
            guard Set(w).count == 1 || !checkWidths else { throw .widthMismatch(node: name, inputs: layer.inputs, widths: w) }
            return (w.max() ?? 0, 0)
        case .concat:
            guard w.count >= 2 else { throw .arity(node: name, kind: "concat", expected: .twoOrMore, got: w.count) }
            var total = 0
            for width in w {
                let (sum, overflow) = total.addingReportingOverflow(width)
                guard !overflow else { throw .tooLarge(node: name) }
                total = sum
            }
            return (total, 0)
        case .rnn(let units, let steps, let sequences), .lstm(let units, let steps, let sequences):
            let x = try single()
            guard units > 0 else { throw .badSize(node: name, what: "units", value: Float(units), rule: .wholeAboveZero) }
            guard steps > 0 else { throw .badSize(node: name, what: "steps", value: Float(steps), rule: .wholeAboveZero) }
            guard x % steps == 0 || !checkWidths else { throw .steps(node: name, width: x, steps: steps) }
            let features = x / steps
            let gates = if case .lstm = layer.kind { 4 } else { 1 }
            let (inputWeights, o1) = features.multipliedReportingOverflow(by: units)
            let (stateWeights, o2) = units.multipliedReportingOverflow(by: units)
            let (outputs, o3) = steps.multipliedReportingOverflow(by: units)
            guard !o1, !o2, !o3, inputWeights <= Int.max / 8, stateWeights <= Int.max / 8 else { throw .tooLarge(node: name) }
            let params = gates * (inputWeights + stateWeights + units)
            return (sequences ? outputs : units, params)
        }
    }
}

/// What is wrong with a model, naming the node.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    case empty
    case noInput
    case duplicateName(String)
    case cycle(node: String, reads: String)
    case unknownInput(node: String, input: String, known: [String])
    case arity(node: String, kind: String, expected: InputCount, got: Int)
    case widthMismatch(node: String, inputs: [String], widths: [Int])
    case badSize(node: String, what: String, value: Float, rule: SizeRule)
    case maxoutAlone(node: String)
    case steps(node: String, width: Int, steps: Int)
    case dangling(node: String, output: String)
    /// A size so large that it cannot even be counted in 64 bits.
    case tooLarge(node: String)

    public var description: String {
        switch self {
        case .empty: "the model has no layers yet: add one with `layer add dense UNITS ACTIVATION`"
        case .noInput: "no data is loaded, so the input size is unknown: `data load NAME` first"
        case .duplicateName(let n): "a node named '\(n)' exists already: pick another name with `as NAME`"
        case .cycle(let n, let s): "'\(n)' reads '\(s)', which comes after it: that would be a cycle (a node can only read earlier nodes)"
        case .unknownInput(let n, let s, let known): "'\(n)' reads '\(s)', but there is no such node (known: \(known.joined(separator: ", ")))"
        case .arity(let n, let k, let e, let g): "'\(n)' (\(k)) needs \(e.english), it has \(g)"
        case .widthMismatch(let n, let ins, let ws):
            "'\(n)' adds inputs of different widths: " + zip(ins.isEmpty ? ws.map { _ in "?" } : ins, ws).map { "\($0) is \($1)" }.joined(separator: ", ")
                + " (use concat to join different widths)"
        case .badSize(let n, let what, let v, let rule): "'\(n)': \(what) \(v.formatted) must be \(rule.english)"
        case .maxoutAlone(let n): "'\(n)': maxout needs its own weights, so it only works on a dense layer (`layer add dense 256 maxout`)"
        case .steps(let n, let w, let s): "'\(n)': an input of width \(w) cannot be cut into \(s) equal time steps"
        case .tooLarge(let n): "'\(n)' would be larger than any machine's memory: use fewer units"
        case .dangling(let n, let o): "'\(n)' leads nowhere: its output never reaches the output node '\(o)' (merge it with add/concat, or remove it)"
        }
    }
}

/// How many inputs a node needs.
public enum InputCount: Equatable, Sendable {
    case one, twoOrMore

    public var english: String { self == .one ? "one input" : "two or more inputs" }
}

/// What a size in a model must be.
public enum SizeRule: Equatable, Sendable {
    case wholeAboveZero, atLeastTwo
    case within(NumberRange)

    public var english: String {
        switch self {
        case .wholeAboveZero: "a whole number above 0"
        case .atLeastTwo: "at least 2"
        case .within(let range): range.text
        }
    }
}

extension Float {
    /// 3 -> "3", 0.7 -> "0.7": short, for messages.
    var formatted: String { self == rounded() && abs(self) < 1e7 ? String(Int(self)) : String(self) }
}
