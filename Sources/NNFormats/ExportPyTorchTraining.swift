// ExportPyTorchTraining: the second half of a PyTorch script: loading nnlab's weights into the
// module (transposing what PyTorch keeps transposed), the loss on logits, the optimizer with
// nnlab's hyper-parameters (and where torch.optim's formula differs slightly from Keras's,
// which nnlab follows), evaluation, the training loop and main().

import NNEngine

extension PyTorchScript {
    var weightsSection: String {
        var rows: [(tensor: ExportedTensor, target: String, how: String)] = []
        for i in plan.nodes.indices {
            let v = plan.names[i]
            let recurrent = plan.nodes[i].spec.kind.typeName != "dense"
            for tensor in plan.tensors(of: i) {
                switch tensor.role {
                case .kernel: rows.append((tensor, recurrent ? "\(v).weight_ih_l0" : "\(v).weight", "transposed"))
                case .recurrent: rows.append((tensor, "\(v).weight_hh_l0", "transposed"))
                case .bias: rows.append((tensor, recurrent ? "\(v).bias_ih_l0" : "\(v).bias", "flattened"))
                }
            }
        }
        var comment = [
            "nnlab's tensors and where they go: (name in nnlab's file, nnlab's shape, PyTorch parameter, how).",
            "nnlab stores a dense weight (in, out) as Keras does; nn.Linear.weight is (out, in): transposed.",
        ]
        let zeros = recurrentNodes.map { "\(plan.names[$0]).bias_hh_l0" }
        if !zeros.isEmpty {
            comment += [
                "Recurrent layers: NAME.weight (features, units) -> weight_ih_l0 and NAME.recurrent ->",
                "weight_hh_l0, both transposed; NAME.bias -> bias_ih_l0. PyTorch adds a second bias,",
                "bias_hh_l0 (ZEROS), that nnlab does not have: it is set to 0. An LSTM's gates are in",
                "PyTorch's order in nnlab too: input, forget, cell (g), output.",
            ]
        }
        var table = ExportScript.weightsTable(rows, comment: comment)
        var load = """
            def load_nnlab_weights(model, tensors):
                \"\"\"Copies nnlab's tensors into the model; load_state_dict checks every parameter is set.\"\"\"
                state = {}
                for name, _, target, how in WEIGHTS:
                    value = tensors[name].T if how == "transposed" else tensors[name].reshape(-1)
                    state[target] = torch.from_numpy(np.ascontiguousarray(value))
            """
        if !zeros.isEmpty {
            table += "\nZEROS = [" + zeros.map(PythonSource.string).joined(separator: ", ") + "]"
            load += """

                    for target in ZEROS:
                        state[target] = torch.zeros_like(model.state_dict()[target])
                """
        }
        load += "\n    model.load_state_dict(state)"
        return [ExportScript.banner("nnlab's trained weights (the .safetensors file of the session)") + "\n\n" + table,
                ExportScript.checkWeights, load].joined(separator: "\n\n\n")
    }

    var evaluationSection: String {
        let (loss, why, probabilities) = switch plan.fusedOutput {
        case .softmax?:
            ("nn.CrossEntropyLoss()", "Cross-entropy on logits: CrossEntropyLoss applies log-softmax itself (more\n"
                + "    stable than log(softmax(x))), which is why forward() stops before the softmax.",
             "return torch.softmax(outputs, dim=1)  # logits -> class probabilities")
        case .sigmoid?:
            ("nn.BCEWithLogitsLoss()", "Binary cross-entropy on logits: BCEWithLogitsLoss applies the sigmoid itself\n"
                + "    (more stable), which is why forward() stops before the sigmoid.",
             "return torch.sigmoid(outputs)  # logits -> probabilities")
        default:
            ("nn.MSELoss()", "Mean squared error between the outputs and the targets, over outputs and examples.",
             "return outputs  # with mse the outputs are what nnlab shows")
        }
        return [ExportScript.banner("Loss, optimizer, evaluation") + "\n\n" + ExportScript.targets(plan), """
            def to_probabilities(outputs):
                \(probabilities)


            def loss_function():
                \"\"\"\(why)\"\"\"
                return \(loss)


            def make_optimizer(model):
                \"\"\"nnlab's optimizer and hyper-parameters.\(optimizerNote)\"\"\"
            \(optimizer)
            """, ExportScript.predictions(plan), """
            def evaluate(model, x, y, device, predictions_file=None):
                \"\"\"Accuracy and cost on the test split; model.eval() turns dropout off, so this runs
                with keep_prob = 1, as nnlab's eval does.\"\"\"
                model.eval()
                with torch.no_grad():
                    outputs = model(torch.from_numpy(x).to(device))
                    cost = loss_function()(outputs, torch.from_numpy(targets(y)).to(device)).item()
                    probabilities = to_probabilities(outputs).cpu().numpy()
                report(y, probabilities, cost, predictions_file)
            """].joined(separator: "\n\n\n")
    }

    /// `return torch.optim.X(...)` with nnlab's settings, wrapped to fit.
    private var optimizer: String {
        let o = plan.request.optimizer
        func v(_ setting: OptimizerSetting) -> String { PythonSource.number(o.value(setting)) }
        let (name, rest): (String, [String]) = switch o.kind {
        case .sgd: ("SGD", [])
        case .momentum: ("SGD", ["momentum=\(v(.momentum))"])
        case .nesterov: ("SGD", ["momentum=\(v(.momentum))", "nesterov=True"])
        case .adagrad: ("Adagrad", ["initial_accumulator_value=\(v(.initialAccumulator))", "eps=\(v(.epsilon))"])
        case .rmsprop: ("RMSprop", ["alpha=\(v(.rho))", "eps=\(v(.epsilon))"])
        case .adadelta: ("Adadelta", ["rho=\(v(.rho))", "eps=\(v(.epsilon))"])
        case .adam: ("Adam", ["betas=(\(v(.beta1)), \(v(.beta2)))", "eps=\(v(.epsilon))"])
        }
        let arguments = ["model.parameters()", "lr=\(PythonSource.number(plan.learningRate))"] + rest
        return PythonSource.call("return torch.optim.\(name)", arguments, indent: 4).joined(separator: "\n")
    }

    /// Where torch.optim's update differs from Keras's (which nnlab follows), in the docstring.
    private var optimizerNote: String {
        switch plan.request.optimizer.kind {
        case .sgd, .adadelta: ""
        case .momentum, .nesterov:
            "\n    PyTorch keeps its velocity without the learning rate (v = momentum v + g); with a fixed lr\n"
                + "    its steps are the same as Keras's and nnlab's."
        case .rmsprop:
            "\n    PyTorch's alpha is Keras's rho. PyTorch adds eps after the square root, g / (sqrt(v) + eps);\n"
                + "    Keras and nnlab inside it, g / sqrt(v + eps): a tiny difference while v is far above eps."
        case .adagrad:
            "\n    PyTorch adds eps after the square root, g / (sqrt(a) + eps); Keras and nnlab inside it,\n"
                + "    g / sqrt(a + eps): a tiny difference while a is far above eps."
        case .adam:
            "\n    PyTorch adds eps to the bias-corrected sqrt(v), Keras and nnlab to the uncorrected one:\n"
                + "    a tiny difference in the first steps."
        }
    }

    var trainingSection: String {
        ExportScript.banner("Continue training: nnlab's optimizer, epochs and batch size") + "\n\n" + """
            def train(model, x, y, epochs, batch_size, device):
                \"\"\"Mini-batch training; like nnlab, the examples are reshuffled every epoch.\"\"\"
                optimizer = make_optimizer(model)
                loss_fn = loss_function()
                data = torch.utils.data.TensorDataset(torch.from_numpy(x), torch.from_numpy(targets(y)))
                batches = torch.utils.data.DataLoader(data, batch_size=batch_size, shuffle=\(plan.request.training.shuffle ? "True" : "False"))
                for epoch in range(1, epochs + 1):
                    model.train()  # dropout on
                    total = 0.0
                    for xb, tb in batches:
                        xb, tb = xb.to(device), tb.to(device)
                        optimizer.zero_grad()
                        loss = loss_fn(model(xb), tb)
                        loss.backward()
                        optimizer.step()
                        total += loss.item() * len(xb)
                    print(f"epoch {epoch}/{epochs}: cost {total / len(data):.4f}")
            """
    }

    var mainSection: String {
        ExportScript.banner("Main: evaluate nnlab's weights (and continue training with --train)") + "\n\n"
            + "def main():\n" + ExportScript.argumentParser(plan, framework: "PyTorch") + "\n" + """
                if args.check_weights:
                    raise SystemExit(check_weights(load_file(args.weights)))
                if torch is None:
                    raise SystemExit("this script needs PyTorch: python3 -m pip install torch")
                device = "cuda" if torch.cuda.is_available() else "cpu"
                x_test, y_test = load_data(args, "test")
                model = Net()
                if not args.fresh:
                    tensors = load_file(args.weights)
                    if check_weights(tensors, verbose=False):
                        raise SystemExit(f"{args.weights} does not fit this model (see above)")
                    load_nnlab_weights(model, tensors)
                model.to(device)
                print(model)
                if args.train:
                    x_train, y_train = load_data(args, "train")
                    train(model, x_train, y_train, args.epochs, args.batch_size, device)
                evaluate(model, x_test, y_test, device, args.predictions)


            if __name__ == "__main__":
                main()
            """
    }
}
