// ExportKeras: writes a model as a Keras 3 (TensorFlow 2) script using the functional API.
//
// Each nnlab node becomes a Keras layer of the same name (Dense with the same activation and
// initializers, Dropout with rate = 1 - keep_prob, Add, Concatenate, SimpleRNN / LSTM over the
// input reshaped to (steps, features)). nnlab stores weights exactly as Keras does (kernel
// (in, out), LSTM gates i, f, c, o), so loading them is a copy; only a (1, n) bias is reshaped.
// Parameters Keras's string activations cannot carry become their own layer (LeakyReLU, ELU);
// maxout is a Dense of units * k followed by a max over each unit's k pieces.

import NNEngine

struct KerasScript {
    let plan: ExportPlan
    /// Names the script itself uses: node variables must not shadow them.
    static let reserved: Set<String> = [
        "argparse", "gzip", "os", "np", "load_file", "keras", "layers", "inputs", "model", "args",
        "read_idx", "read_csv", "load_data", "build_model", "compile_model", "WEIGHTS", "fits",
        "check_weights", "load_nnlab_weights", "targets", "predicted_classes", "write_predictions", "report",
        "evaluate", "train", "main",
    ]

    init(_ request: ExportRequest) throws(ExportError) {
        plan = try ExportPlan(request, reservedNames: Self.reserved)
    }

    var text: String {
        let framework = ExportFramework(
            name: "Keras",
            install: "python3 -m pip install tensorflow safetensors numpy   # TensorFlow 2.16+ brings Keras 3",
            scaleOut: [
                "Keras 3 also runs this script on JAX or PyTorch: KERAS_BACKEND=jax python3 ... (or =torch).",
                "Keras trains on a GPU by itself when TensorFlow sees one. For several GPUs or machines, build",
                "and compile the model inside a tf.distribute strategy's scope (`import tensorflow as tf`):",
                "    strategy = tf.distribute.MirroredStrategy()   # every GPU of this machine; across machines:",
                "    # tf.distribute.MultiWorkerMirroredStrategy(), with TF_CONFIG set on each machine",
                "    with strategy.scope():",
                "        model = build_model()",
                "        compile_model(model)",
                "and grow --batch-size with strategy.num_replicas_in_sync (the batch is split across replicas).",
            ])
        let imports = (["argparse"] + plan.request.data.imports + ["os"]).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }.sorted()
        return [
            ExportScript.docstring(plan, framework),
            imports.map { "import \($0)" }.joined(separator: "\n") + """


            import numpy as np
            from safetensors.numpy import load_file

            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # a quieter TensorFlow start-up
            try:
                import keras
            except ImportError:  # without Keras only --check-weights works (numpy + safetensors are enough)
                keras = None
            """,
            plan.request.data.python,
            modelSection,
            weightsSection,
            evaluationSection,
            mainSection,
        ].joined(separator: "\n\n\n") + "\n"
    }

    // MARK: - Model

    /// Keras layer names: nnlab's node names (Keras only refuses "/" in them).
    private var layerNames: [String] {
        plan.nodes.map { $0.spec.name.contains("/") ? PythonSource.identifier($0.spec.name) : $0.spec.name }
    }

    private var modelSection: String {
        let r = plan.request
        var lines = [ExportScript.banner("Model: nnlab's graph, one Keras layer per nnlab node"), "",
                     "def build_model():",
                     "    \"\"\"The same layers, activations and initializers as in nnlab, named after nnlab's nodes.\"\"\"",
                     "    layers = keras.layers",
                     "    inputs = keras.Input(shape=(\(r.inputWidth),), name=\"input\")"]
        var helperNames = HelperNames(taken: Set(layerNames + ["input"]))
        for i in plan.nodes.indices { lines += layerLines(i, &helperNames) }
        lines.append("    return keras.Model(inputs, \(plan.names[plan.nodes.count - 1]), "
            + "name=\(PythonSource.string(PythonSource.identifier(r.modelName))))")
        return lines.joined(separator: "\n")
    }

    private func layerLines(_ i: Int, _ helpers: inout HelperNames) -> [String] {
        let node = plan.nodes[i], v = plan.names[i], name = PythonSource.string(layerNames[i])
        let from = plan.sources(of: i, input: "inputs")
        let input = from.first ?? "inputs"
        func layer(_ kind: String, _ args: [String], _ x: String, comment: String = "") -> [String] {
            PythonSource.call("\(v) = layers.\(kind)", args, tail: "(\(x))" + (comment.isEmpty ? "" : "  # " + comment),
                              indent: 4)
        }
        switch node.spec.kind {
        case .dense(let units, let activation):
            let choice = plan.initializer(of: i)
            let (fanIn, fanOut) = plan.fans(of: i)
            var args = ["\(units * activation.piecesPerUnit)"]
            let separate = Self.activationLayer(activation)
            if case .maxout = activation {} else if separate == nil, activation != .linear {
                args.append("activation=\(PythonSource.string(activation.name))")
            }
            let kernel = Self.initializer(choice.weights, fanIn: fanIn, fanOut: fanOut, bias: false)
            args.append("kernel_initializer=\(kernel.code)")
            if choice.biases != .zeros {
                args.append("bias_initializer=\(Self.initializer(choice.biases, fanIn: fanIn, fanOut: fanOut, bias: true).code)")
            }
            args.append("name=\(name)")
            var lines = kernel.note.map { ["    # \($0)"] } ?? []
            lines += layer("Dense", args, input)
            if case .maxout(let k) = activation {
                lines.insert("    # maxout: \(units) units of \(k) pieces each; each unit keeps its largest piece", at: 0)
                lines += ["    \(v) = layers.Reshape((\(units), \(k)), name=\(PythonSource.string(helpers.next("\(v)_pieces"))))(\(v))",
                          "    \(v) = layers.GlobalMaxPooling1D(data_format=\"channels_first\", "
                            + "name=\(PythonSource.string(helpers.next("\(v)_maxout"))))(\(v))"]
            } else if let separate {
                let helper = PythonSource.string(helpers.next("\(v)_\(activation.name)"))
                lines.append("    \(v) = layers.\(separate.layer)(\(separate.argument), name=\(helper))(\(v))")
            }
            return lines
        case .dropout(let keep):
            let k = plan.keepProb(keep)
            return layer("Dropout", [PythonSource.dropRate(keep: k), "name=\(name)"], input,
                         comment: "rate = 1 - keep_prob = 1 - \(k)")
        case .activation(let activation):
            if let separate = Self.activationLayer(activation) {
                return layer(separate.layer, [separate.argument, "name=\(name)"], input)
            }
            return layer("Activation", [PythonSource.string(activation.name), "name=\(name)"], input)
        case .add:
            return layer("Add", ["name=\(name)"], "[" + from.joined(separator: ", ") + "]")
        case .concat:
            return layer("Concatenate", ["name=\(name)"], "[" + from.joined(separator: ", ") + "]")
        case .rnn(let units, let steps, let sequences), .lstm(let units, let steps, let sequences):
            let isLSTM = if case .lstm = node.spec.kind { true } else { false }
            let choice = plan.initializer(of: i)
            let (fanIn, fanOut) = plan.fans(of: i)
            let features = node.inputWidths[0] / steps
            var lines = ["    \(v) = layers.Reshape((\(steps), \(features)), name=\(PythonSource.string(helpers.next("\(v)_steps"))))"
                + "(\(input))  # \(steps) steps of \(features) numbers"]
            let kernel = Self.initializer(choice.weights, fanIn: fanIn, fanOut: fanOut, bias: false)
            var args = ["\(units)", "kernel_initializer=\(kernel.code)", "recurrent_initializer=\"orthogonal\""]
            if choice.biases != .zeros {
                args.append("bias_initializer=\(Self.initializer(choice.biases, fanIn: fanIn, fanOut: fanOut, bias: true).code)")
            }
            if isLSTM { args.append("unit_forget_bias=True") }
            if sequences { args.append("return_sequences=True") }
            args.append("name=\(name)")
            if let note = kernel.note { lines.append("    # \(note)") }
            lines += layer(isLSTM ? "LSTM" : "SimpleRNN", args, v,
                           comment: sequences ? "" : "the last step's state")
            if sequences {
                lines.append("    \(v) = layers.Reshape((\(steps * units),), name=\(PythonSource.string(helpers.next("\(v)_flat"))))"
                    + "(\(v))  # every step's state, side by side")
            }
            return lines
        }
    }

    /// The layer for an activation whose parameter a Keras activation string cannot carry (the
    /// string "leaky_relu" means slope 0.2, nnlab's default is 0.01); nil when the string works.
    static func activationLayer(_ a: Activation) -> (layer: String, argument: String)? {
        switch a {
        case .leakyReLU(let alpha): ("LeakyReLU", "negative_slope=\(PythonSource.number(alpha))")
        case .elu(let alpha) where alpha != 1: ("ELU", "alpha=\(PythonSource.number(alpha))")
        default: nil
        }
    }

    /// Keras's name or class for an nnlab initializer, with a note when it cannot be the same.
    /// Biases get explicit numbers: Keras would compute fans from the bias alone, nnlab uses the layer's.
    static func initializer(_ i: Initializer, fanIn: Int, fanOut: Int, bias: Bool) -> (code: String, note: String?) {
        let s = PythonSource.number
        func truncated(_ variance: Double) -> String {
            "keras.initializers.TruncatedNormal(stddev=\(s(Float(variance.squareRoot() / 0.87962566103423978))))"
        }
        func uniform(_ limit: Double) -> String {
            let l = s(Float(limit)); return "keras.initializers.RandomUniform(minval=-\(l), maxval=\(l))"
        }
        let fi = Double(fanIn), fo = Double(fanOut)
        switch i {
        case .zeros: return ("\"zeros\"", nil)
        case .constant(let v): return ("keras.initializers.Constant(\(s(v)))", nil)
        case .normal(let sd): return ("keras.initializers.RandomNormal(stddev=\(s(sd)))", nil)
        case .truncatedNormal(let sd): return ("keras.initializers.TruncatedNormal(stddev=\(s(sd)))", nil)
        case .uniform(let l): return (uniform(Double(l)), nil)
        case .xavierUniform: return (bias ? uniform((6 / (fi + fo)).squareRoot()) : "\"glorot_uniform\"", nil)
        case .xavierNormal: return (bias ? truncated(2 / (fi + fo)) : "\"glorot_normal\"", nil)
        case .heNormal: return (bias ? truncated(2 / fi) : "\"he_normal\"", nil)
        case .heUniform: return (bias ? uniform((6 / fi).squareRoot()) : "\"he_uniform\"", nil)
        case .lecunNormal: return (bias ? truncated(1 / fi) : "\"lecun_normal\"", nil)
        case .rbm:
            return ("keras.initializers.RandomNormal(stddev=0.01)",
                    "nnlab pre-trained this layer as an RBM; Keras has no RBM, so --fresh starts from its N(0, 0.01^2)")
        }
    }

    // MARK: - Weights, evaluation, training, main

    private var weightsSection: String {
        var rows: [(tensor: ExportedTensor, target: String, how: String)] = []
        for i in plan.nodes.indices {
            for tensor in plan.tensors(of: i) {
                let how = switch tensor.role { case .kernel: "kernel"; case .recurrent: "recurrent_kernel"; case .bias: "bias" }
                rows.append((tensor, layerNames[i], how))
            }
        }
        let table = ExportScript.weightsTable(rows, comment: [
            "nnlab's tensors and where they go: (name in nnlab's file, nnlab's shape, Keras layer, weight),",
            "in each layer's Keras order. nnlab stores a kernel (in, out) as Keras does; its bias (1, out)",
            "becomes Keras's (out,). Recurrent layers: NAME.weight = kernel, NAME.recurrent =",
            "recurrent_kernel; an LSTM's four gates sit side by side in the same order in both (input,",
            "forget, cell, output).",
        ])
        return [ExportScript.banner("nnlab's trained weights (the .safetensors file of the session)") + "\n\n" + table,
                ExportScript.checkWeights,
                """
                def load_nnlab_weights(model, tensors):
                    \"\"\"Copies nnlab's tensors into the Keras layers (reshaped to each weight's own shape).\"\"\"
                    for layer in model.layers:
                        names = [name for name, _, owner, _ in WEIGHTS if owner == layer.name]
                        if names:
                            current = layer.get_weights()  # kernel, (recurrent_kernel,) bias
                            layer.set_weights([tensors[name].reshape(w.shape) for name, w in zip(names, current)])
                """].joined(separator: "\n\n\n")
    }

    private var evaluationSection: String {
        let (loss, metric) = switch plan.targets {
        case .classIndices: ("keras.losses.SparseCategoricalCrossentropy()", "sparse_categorical_accuracy")
        case .column:
            (plan.loss == .meanSquaredError ? "keras.losses.MeanSquaredError()" : "keras.losses.BinaryCrossentropy()",
             "binary_accuracy")
        case .oneHot:
            (plan.loss == .meanSquaredError ? "keras.losses.MeanSquaredError()" : "keras.losses.BinaryCrossentropy()",
             "categorical_accuracy")
        }
        return [ExportScript.banner("Loss, optimizer, evaluation") + "\n\n" + ExportScript.targets(plan), """
            def compile_model(model):
                \"\"\"nnlab's loss (\(ExportScript.lossProse(plan))) and optimizer, with Keras 3's names.\"\"\"
                model.compile(
            \(optimizer)
                    loss=\(loss),
                    metrics=[\(PythonSource.string(metric))],
                )
            """, ExportScript.predictions(plan), """
            def evaluate(model, x, y, predictions_file=None):
                \"\"\"Accuracy and cost on the test split. Keras drops units only in fit(), so this runs
                with keep_prob = 1, as nnlab's eval does.\"\"\"
                probabilities = model.predict(x, batch_size=1000, verbose=0)
                cost = model.evaluate(x, targets(y), batch_size=1000, verbose=0, return_dict=True)["loss"]
                report(y, probabilities, cost, predictions_file)
            """, ExportScript.banner("Continue training: nnlab's optimizer, epochs and batch size") + "\n\n" + """
            def train(model, x, y, epochs, batch_size):
                \"\"\"Mini-batch training; like nnlab, Keras reshuffles the examples every epoch.\"\"\"
                model.fit(x, targets(y), epochs=epochs, batch_size=batch_size, shuffle=\(plan.request.training.shuffle ? "True" : "False"), verbose=2)
            """].joined(separator: "\n\n\n")
    }

    /// `optimizer=keras.optimizers.Adam(...),` with nnlab's hyper-parameters, wrapped to fit.
    private var optimizer: String {
        let o = plan.request.optimizer
        func v(_ setting: OptimizerSetting) -> String { PythonSource.number(o.value(setting)) }
        let (name, rest): (String, [String]) = switch o.kind {
        case .sgd: ("SGD", [])
        case .momentum: ("SGD", ["momentum=\(v(.momentum))"])
        case .nesterov: ("SGD", ["momentum=\(v(.momentum))", "nesterov=True"])
        case .adagrad: ("Adagrad", ["initial_accumulator_value=\(v(.initialAccumulator))", "epsilon=\(v(.epsilon))"])
        case .rmsprop: ("RMSprop", ["rho=\(v(.rho))", "epsilon=\(v(.epsilon))"])
        case .adadelta: ("Adadelta", ["rho=\(v(.rho))", "epsilon=\(v(.epsilon))"])
        case .adam: ("Adam", ["beta_1=\(v(.beta1))", "beta_2=\(v(.beta2))", "epsilon=\(v(.epsilon))"])
        }
        let arguments = ["learning_rate=\(PythonSource.number(plan.learningRate))"] + rest
        return PythonSource.call("optimizer=keras.optimizers.\(name)", arguments, tail: ",", indent: 8)
            .joined(separator: "\n")
    }

    private var mainSection: String {
        ExportScript.banner("Main: evaluate nnlab's weights (and continue training with --train)") + "\n\n"
            + "def main():\n" + ExportScript.argumentParser(plan, framework: "Keras") + "\n" + """
                if args.check_weights:
                    raise SystemExit(check_weights(load_file(args.weights)))
                if keras is None:
                    raise SystemExit("this script needs Keras 3: python3 -m pip install tensorflow")
                x_test, y_test = load_data(args, "test")
                model = build_model()
                compile_model(model)
                if not args.fresh:
                    tensors = load_file(args.weights)
                    if check_weights(tensors, verbose=False):
                        raise SystemExit(f"{args.weights} does not fit this model (see above)")
                    load_nnlab_weights(model, tensors)
                model.summary()
                if args.train:
                    x_train, y_train = load_data(args, "train")
                    train(model, x_train, y_train, args.epochs, args.batch_size)
                evaluate(model, x_test, y_test, args.predictions)


            if __name__ == "__main__":
                main()
            """
    }
}

/// Unique Keras names for helper layers (reshapes, separate activations) beside the node names.
struct HelperNames {
    var taken: Set<String>

    mutating func next(_ wanted: String) -> String {
        var name = wanted, n = 2
        while taken.contains(name) { name = "\(wanted)_\(n)"; n += 1 }
        taken.insert(name)
        return name
    }
}
