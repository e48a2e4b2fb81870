// layer add / insert / replace / remove: building a model one node at a time.
//
// The same layer types serve add, insert and replace, so they are declared once here (their
// arguments, help and completion) and wrapped three ways. Widths are inferred from the data and
// from the nodes a layer reads; sizes that do not fit are refused with the sizes named.

import LabCore
import LabKit
import LabText
import NNEngine

package enum LayerCommands {
    static let activationNames = Activation.allNames

    // MARK: - Arguments

    /// `as NAME`: the new layer's name.
    static let layerName = TypedArgument<String>.name("as", keyword: true, "name this layer (default: dense1, dense2, ...)")
    /// `from A,B`: the earlier layers it reads.
    static let sources = TypedArgument<[String]>(
        .option("from", .list, completion: .layerNames, keyword: true,
                "read from these earlier layers (comma-separated; `input` is the data) instead of the previous one"),
        read: { $0.split(separator: ",").map(String.init) })
    /// Options every layer type shares: its name and where it reads from.
    static let placement: [ArgumentSpec] = [layerName.spec, sources.spec]

    static let denseUnits = TypedArgument<Int>.positional("units", Limits.denseUnits, "how many outputs (units) the layer has")
    static let denseActivation = TypedArgument<Activation>(
        .positional("activation", .word(activationNames), "the non-linearity (see `help activations`)"), read: { Activation.named($0) })
    static let alpha = TypedArgument<Float>.option("alpha", Limits.activationAlpha, default: "0.01 (leaky_relu), 1 (elu)",
                                                   "slope or scale of leaky_relu / elu for x < 0")
    static let pieces = TypedArgument<Int>.option("k", Limits.maxoutPieces, default: "2", "maxout: linear pieces per unit")
    static let keepProb = TypedArgument<Float>(
        .positional("keep_prob", .number(Limits.keepProb),
                    "the probability of keeping a unit while training, \(Limits.keepProb.text)"),
        read: { parseNumber($0).map { Float($0) } })
    static let soloActivation = TypedArgument<Activation>(
        .positional("activation", .word(activationNames.filter { $0 != "maxout" }), "the non-linearity"), read: { Activation.named($0) })
    static let recurrentUnits = TypedArgument<Int>.positional("units", Limits.recurrentUnits, "size of the recurrent state")
    static let steps = TypedArgument<Int>.option("steps", Limits.steps, default: "from the data (28 for images)", "time steps per example")
    static let sequences = TypedFlag.named("sequences", "output every time step, not only the last")
    static let position = TypedArgument<Int>.positional("position", 1...10_000, "where the new layer goes (1 = first)")
    static let layerRef = TypedArgument<String>.positional("layer", completion: .layerRefs, "the layer's number or name")

    /// The layer types, as subcommands of add/insert/replace.
    static func types(_ verb: String) -> [CommandSpec] {
        let intro = verb == "add" ? "Appends" : (verb == "insert" ? "Inserts" : "Puts in place")
        return [
            CommandSpec("dense", group: .model, summary: "\(intro) a fully connected layer with an activation",
                        details: "UNITS outputs, each a weighted sum of every input plus a bias, passed through ACTIVATION. "
                            + "Hidden layers usually use relu; the last layer uses softmax (classes) or sigmoid (yes/no). "
                            + "maxout makes k linear pieces per unit and keeps the largest.",
                        examples: ["layer \(verb) \(verb == "add" ? "" : "2 ")dense 256 relu", "layer add dense 10 softmax",
                                   "layer add dense 64 leaky_relu alpha=0.1", "layer add dense 256 relu as h2 from h1"],
                        arguments: [denseUnits.spec, denseActivation.spec, alpha.spec, pieces.spec] + placement, changesState: true,
                        handler: { lab, inv in try place(lab, inv, verb: verb, kind: denseKind(inv)) }),
            CommandSpec("dropout", group: .model, summary: "\(intro) dropout: keeps each unit with probability KEEP_PROB while training",
                        details: "During training every unit is kept with probability KEEP_PROB (0.5-0.7 is usual) and scaled "
                            + "by 1/KEEP_PROB; evaluation always keeps every unit (keep_prob = 1).",
                        examples: ["layer \(verb) \(verb == "add" ? "" : "2 ")dropout 0.7"],
                        arguments: [keepProb.spec] + placement,
                        changesState: true,
                        handler: { lab, inv in try place(lab, inv, verb: verb, kind: .dropout(keepProb: inv.required(keepProb))) }),
            CommandSpec("activation", group: .model, summary: "\(intro) an activation on its own (after a merge, say)",
                        examples: ["layer add activation relu from r1"],
                        arguments: [soloActivation.spec] + placement,
                        changesState: true,
                        handler: { lab, inv in try place(lab, inv, verb: verb, kind: .activation(inv.required(soloActivation))) }),
            CommandSpec("add", group: .model, summary: "\(intro) a sum of earlier layers (a skip / residual connection)",
                        details: "The fast-forward connection of NN LEGO: the layer's output is the elementwise sum of the layers it names, "
                            + "so a gradient reaches early layers through the shortcut. The layers must have the same width.",
                        examples: ["layer add add h1 h3 as r1"],
                        arguments: [.positional("layers", .name, completion: .layerNames, variadic: true,
                                                "two or more earlier layers to sum (or `input`)"),
                                    layerName.described("name this layer").spec],
                        changesState: true,
                        handler: { lab, inv in try place(lab, inv, verb: verb, kind: .add, inputs: inv.list) }),
            CommandSpec("concat", group: .model, summary: "\(intro) earlier layers side by side (merge of split paths)",
                        details: "Split and merge: the output holds the outputs of the named layers next to each other; widths add up.",
                        examples: ["layer add concat a b as m"],
                        arguments: [.positional("layers", .name, completion: .layerNames, variadic: true,
                                                "two or more earlier layers to join (or `input`)"),
                                    layerName.described("name this layer").spec],
                        changesState: true,
                        handler: { lab, inv in try place(lab, inv, verb: verb, kind: .concat, inputs: inv.list) }),
            recurrent("rnn", verb: verb, intro: intro, about: "a simple recurrent layer (tanh) over time steps"),
            recurrent("lstm", verb: verb, intro: intro, about: "an LSTM layer over time steps"),
        ]
    }

    static func recurrent(_ name: String, verb: String, intro: String, about: String) -> CommandSpec {
        CommandSpec(name, group: .model, summary: "\(intro) \(about)",
                    details: "The input row is read as STEPS time steps of equal width (MNIST: 28 rows of 28 pixels). "
                        + "The layer outputs its last state, or every step's with `sequences`.",
                    examples: ["layer add \(name) 128 steps=28"],
                    arguments: [recurrentUnits.spec, steps.spec, sequences.spec] + placement, changesState: true,
                    handler: { lab, inv in
                        let steps = try inv[LayerCommands.steps] ?? defaultSteps(lab)
                        let units = try inv.required(recurrentUnits), seq = inv[sequences]
                        try place(lab, inv, verb: verb, kind: name == "rnn" ? .rnn(units: units, steps: steps, sequences: seq)
                                                                             : .lstm(units: units, steps: steps, sequences: seq))
                    })
    }

    package static let commands: [CommandSpec] = [
        CommandSpec("layer", group: .model, summary: "Add, insert, replace or remove layers of the model",
                    details: "A model is a list of layers; each reads the previous one unless told `from` others.",
                    examples: ["layer add dense 256 relu", "layer insert 2 dropout 0.7", "layer replace 1 dense 128 tanh", "layer remove 2"],
                    subcommands: [
                        CommandSpec("add", group: .model, summary: "Append a layer to the model",
                                    examples: ["layer add dense 256 relu", "layer add dropout 0.7", "layer add dense 10 softmax"],
                                    subcommands: types("add")),
                        CommandSpec("insert", group: .model, summary: "Insert a layer before position POSITION",
                                    examples: ["layer insert 2 dropout 0.7"],
                                    arguments: [position.spec],
                                    subcommands: types("insert")),
                        CommandSpec("replace", group: .model, summary: "Replace a layer (its weights are drawn afresh)",
                                    examples: ["layer replace 1 dense 128 tanh"],
                                    arguments: [layerRef.spec],
                                    subcommands: types("replace")),
                        CommandSpec("remove", aliases: ["rm", "delete"], group: .model, summary: "Remove a layer",
                                    examples: ["layer remove 2", "layer remove dropout1"],
                                    arguments: [layerRef.spec],
                                    changesState: true, handler: remove),
                    ]),
    ]

    // MARK: - Handlers

    static func denseKind(_ inv: Invocation) throws(ShellError) -> LayerSpec.Kind {
        var activation = try inv.required(denseActivation)
        if let alpha = inv[alpha] {
            switch activation {
            case .leakyReLU: activation = .leakyReLU(alpha: alpha)
            case .elu: activation = .elu(alpha: alpha)
            default: throw ShellError(loc(.alphaOnly, activation.name), hint: loc(.leaveItOut))
            }
        }
        if let k = inv[pieces] {
            guard case .maxout = activation else { throw ShellError(loc(.kOnly), hint: loc(.leaveItOut)) }
            activation = .maxout(pieces: k)
        }
        return .dense(units: try inv.required(denseUnits), activation: activation)
    }

    static func defaultSteps(_ lab: Lab) throws(ShellError) -> Int {
        let shape = try lab.requireData().info.featureShape
        guard shape.count >= 2 else {
            throw ShellError(loc(.layerNoTimeAxis, "\(shape)"), hint: loc(.layerGiveSteps))
        }
        return shape[0]
    }

    /// Adds, inserts or replaces a node of `kind`, as the invocation says.
    static func place(_ lab: Lab, _ inv: Invocation, verb: String, kind: LayerSpec.Kind, inputs: [String]? = nil) throws(ShellError) {
        var spec = lab.model
        let from = inputs ?? inv[sources] ?? []
        var index = spec.layers.count
        var replacedName: String?
        var replacedInputs: [String] = []
        switch verb {
        case "insert":
            let position = try inv.required(Self.position)
            guard position <= spec.layers.count + 1 else {
                throw ShellError(loc(.positionPastEnd, position, spec.layers.count), hint: loc(.positionHint, spec.layers.count + 1))
            }
            index = position - 1
        case "replace":
            index = try layerIndex(inv.required(layerRef), in: spec)
            replacedName = spec.layers[index].name
            replacedInputs = spec.layers[index].inputs
            spec.layers.remove(at: index)
        default: break
        }
        let name = inv[layerName] ?? replacedName ?? spec.nextName(for: kind)
        guard !spec.layers.contains(where: { $0.name == name }), name != ModelSpec.inputName else {
            throw ShellError(loc(.layerNameTaken, name), hint: loc(.layerNameHint))
        }
        for source in from where source != ModelSpec.inputName && !spec.layers[..<index].contains(where: { $0.name == source }) {
            let earlier = [ModelSpec.inputName] + spec.layers[..<index].map(\.name)
            throw ShellError(loc(.noEarlierLayer, source) + didYouMean(source, earlier), hint: loc(.earlierLayers, earlier.joined(separator: ", ")))
        }
        // In a plain stack the layer after the new one reads it automatically (it reads "the previous").
        // A replacement keeps reading what the replaced layer read, unless told otherwise: replacing
        // one branch of a split must not quietly turn it into a chain.
        let reads = from.isEmpty && inputs == nil ? replacedInputs : from
        spec.layers.insert(LayerSpec(name: name, kind: kind, inputs: reads), at: index)
        try lab.setModel(spec, fresh: [name])
        lab.console.write(describe(spec.layers[index], at: index, in: lab))
        if let note = danglingNote(lab.model, data: lab.data?.featureCount) { lab.console.write(lab.console.style.dim(note)) }
    }

    /// "note: 'c' is not read by any later layer yet ..." while a split is not merged again.
    static func danglingNote(_ spec: ModelSpec, data width: Int?) -> String? {
        guard let width, (try? spec.resolve(inputWidth: width, allowDangling: true)) != nil else { return nil }
        do { _ = try spec.resolve(inputWidth: width) } catch {
            if case .dangling(let node, _) = error {
                return loc(.layerDangling, node)
            }
        }
        return nil
    }

    static func remove(_ lab: Lab, _ inv: Invocation) throws {
        var spec = lab.model
        let index = try layerIndex(inv.required(layerRef), in: spec)
        let removed = spec.layers.remove(at: index)
        if let reader = spec.layers.first(where: { $0.inputs.contains(removed.name) }) {
            throw ShellError(loc(.layerIsRead, reader.name, removed.name), hint: loc(.layerIsReadHint, reader.name))
        }
        try lab.setModel(spec)
        lab.console.write(loc(.layerRemoved, index + 1, removed.name, spec.layers.count, spec.layers.count == 1 ? "" : "s"))
    }

    /// A layer's index from a 1-based number or a name.
    static func layerIndex(_ ref: String, in spec: ModelSpec) throws(ShellError) -> Int {
        if spec.layers.isEmpty { throw ShellError(loc(.noLayers), hint: loc(.noLayersHint)) }
        if let n = Int(ref) {
            guard n >= 1 && n <= spec.layers.count else {
                throw ShellError(loc(.noLayerNumber, n, spec.layers.count), hint: loc(.seeModelShow))
            }
            return n - 1
        }
        if let i = spec.layers.firstIndex(where: { $0.name == ref }) { return i }
        throw ShellError(loc(.noLayerNamed, ref) + didYouMean(ref, spec.layers.map(\.name)), hint: loc(.layersAre, spec.layers.map(\.name).joined(separator: ", ")))
    }

    /// "layer 2: dense1  dense 256 relu  (784 -> 256, 200,960 parameters)"
    static func describe(_ layer: LayerSpec, at index: Int, in lab: Lab) -> String {
        var text = loc(.layerLine, index + 1, layer.name) + "  \(kindText(layer.kind))"
        // Resolve the model itself: while a split is not yet merged there is no network, but sizes are known.
        let nodes = lab.data.flatMap { try? lab.model.resolve(inputWidth: $0.featureCount, allowDangling: true) }
        if let node = nodes?.first(where: { $0.spec.name == layer.name }) {
            text += "  (\(node.inputWidths.map(String.init).joined(separator: "+")) -> \(node.outputWidth)"
            if node.parameterCount > 0 { text += loc(.layerParameters, NumberFormat.grouped(node.parameterCount)) }
            text += ")"
        } else if lab.data == nil {
            text += loc(.layerSizesLater)
        }
        return text
    }

    /// "dense 256 relu", "dropout 0.7", "add", "rnn 128 steps=28"
    package static func kindText(_ kind: LayerSpec.Kind) -> String {
        switch kind {
        case .dense(let u, let a): "dense \(u) \(a.description)"
        case .dropout(let k): "dropout \(NumberFormat.typed(k))"
        case .activation(let a): "activation \(a.description)"
        case .add: "add"
        case .concat: "concat"
        case .rnn(let u, let s, let q): "rnn \(u) steps=\(s)\(q ? " sequences" : "")"
        case .lstm(let u, let s, let q): "lstm \(u) steps=\(s)\(q ? " sequences" : "")"
        }
    }
}
