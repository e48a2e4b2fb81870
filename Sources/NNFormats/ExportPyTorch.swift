// ExportPyTorch: writes a model as a PyTorch script: an nn.Module with one submodule per nnlab
// node that has weights or dropout, a forward() that walks nnlab's graph, nnlab's initializers
// with torch.nn.init, and a plain training loop.
//
// Layout differences handled here: nnlab's dense weight is (in, out), nn.Linear.weight is
// (out, in), so it is transposed; nn.RNN / nn.LSTM keep W_ih and W_hh transposed too and add a
// second bias (bias_hh), set to 0; the LSTM gate order i, f, g, o is the same in both. With a
// softmax or sigmoid output, forward() returns logits and the loss applies the activation
// (CrossEntropyLoss, BCEWithLogitsLoss); to_probabilities() applies it for evaluation.

import NNEngine

struct PyTorchScript {
    let plan: ExportPlan
    /// Names the script uses, and nn.Module's own attributes, which submodules must not shadow.
    static let reserved: Set<String> = [
        "argparse", "gzip", "math", "os", "np", "load_file", "torch", "nn", "F", "x", "steps", "args", "model",
        "read_idx", "read_csv", "load_data", "Net", "truncated_normal_", "WEIGHTS", "ZEROS", "fits",
        "check_weights", "load_nnlab_weights", "targets", "predicted_classes", "write_predictions", "report",
        "to_probabilities", "loss_function", "make_optimizer", "evaluate", "train", "main", "device",
        "forward", "initialize", "training", "parameters", "modules", "children", "state_dict", "load_state_dict",
        "eval", "to", "cuda", "cpu", "type", "float", "double", "half", "apply", "zero_grad", "buffers",
        "add_module", "register_buffer", "register_parameter", "requires_grad_", "extra_repr", "dump_patches",
    ]

    init(_ request: ExportRequest) throws(ExportError) {
        plan = try ExportPlan(request, reservedNames: Self.reserved)
    }

    private var usesTruncatedNormal: Bool {
        plan.nodes.indices.contains { i in
            guard plan.nodes[i].spec.kind.hasWeights else { return false }
            let c = plan.initializer(of: i)
            return [c.weights, c.biases].contains { [.xavierNormal, .heNormal, .lecunNormal].contains($0) }
        }
    }

    var recurrentNodes: [Int] {
        plan.nodes.indices.filter {
            switch plan.nodes[$0].spec.kind { case .rnn, .lstm: true; default: false }
        }
    }

    var text: String {
        let script = PythonSource.docText(PythonSource.shellWord(plan.request.scriptPath))
        let framework = ExportFramework(
            name: "PyTorch",
            install: "python3 -m pip install torch safetensors numpy",
            scaleOut: [
                "The script uses a GPU when PyTorch sees one. Across GPUs and machines, start one process per",
                "GPU with torchrun and wrap the model in DistributedDataParallel:",
                "    torchrun --nproc_per_node=NUMBER_OF_GPUS \(script) --train",
                "    # in main(): torch.distributed.init_process_group(\"nccl\")",
                "    #            model = nn.parallel.DistributedDataParallel(model.to(rank), device_ids=[rank])",
                "    # in train(): DataLoader(..., sampler=torch.utils.data.distributed.DistributedSampler(data))",
                "Each process then trains on its share of every epoch and the gradients are averaged.",
            ])
        var modules = ["argparse", "os"] + plan.request.data.imports
        if usesTruncatedNormal { modules.append("math") }
        let imports = Array(Set(modules)).sorted().map { "import \($0)" }.joined(separator: "\n")
        return [
            ExportScript.docstring(plan, framework),
            imports + """


            import numpy as np
            from safetensors.numpy import load_file

            try:
                import torch
                from torch import nn
                from torch.nn import functional as F
            except ImportError:  # without PyTorch only --check-weights works (numpy + safetensors are enough)
                torch = nn = F = None
            """,
            plan.request.data.python,
            modelSection,
            weightsSection,
            evaluationSection,
            trainingSection,
            mainSection,
        ].joined(separator: "\n\n\n") + "\n"
    }

    // MARK: - Model

    private var modelSection: String {
        var parts = [ExportScript.banner("Model: nnlab's graph as an nn.Module")]
        if usesTruncatedNormal {
            parts.append("""
                def truncated_normal_(tensor, variance):
                    \"\"\"N(0, s^2) redrawn outside +-2s, s chosen so the variance is `variance`: nnlab's (and Keras's)
                    he / glorot / lecun normal. nn.init.kaiming_normal_ and xavier_normal_ do not truncate.\"\"\"
                    s = math.sqrt(variance) / 0.87962566103423978
                    return nn.init.trunc_normal_(tensor, std=s, a=-2 * s, b=2 * s)
                """)
        }
        let returns = plan.fusedOutput.map { "logits: the \($0.name) is left to the loss and to_probabilities()" }
            ?? "the output, as nnlab computes it"
        var lines = [
            "class Net(nn.Module if nn else object):  # object: lets --check-weights run without PyTorch",
            "    \"\"\"nnlab's nodes as submodules. forward() walks the same graph as nnlab and returns",
            "    \(returns).\"\"\"",
            "",
            "    def __init__(self):",
            "        super().__init__()",
        ]
        for i in plan.nodes.indices { lines += moduleLines(i) }
        lines += ["        self.initialize()", "",
                  "    def initialize(self):",
                  "        \"\"\"nnlab's initializers: what --fresh starts from (else nnlab's weights replace them).\"\"\""]
        let initLines = plan.nodes.indices.flatMap(initializerLines)
        lines += initLines.isEmpty ? ["        pass"] : initLines
        lines += ["", "    def forward(self, x):"]
        for i in plan.nodes.indices { lines += forwardLines(i) }
        lines.append("        return \(plan.names[plan.nodes.count - 1])")
        parts.append(lines.joined(separator: "\n"))
        return parts[0] + "\n\n" + parts.dropFirst().joined(separator: "\n\n\n")
    }

    private func moduleLines(_ i: Int) -> [String] {
        let node = plan.nodes[i], v = plan.names[i]
        switch node.spec.kind {
        case .dense(let units, let activation):
            let pieces = activation.piecesPerUnit
            return ["        self.\(v) = nn.Linear(\(node.inputWidths[0]), \(units * pieces))"
                + (pieces > 1 ? "  # \(units) maxout units x \(pieces) pieces" : "")]
        case .dropout(let keep):
            let k = plan.keepProb(keep)
            return ["        self.\(v) = nn.Dropout(p=\(PythonSource.dropRate(keep: k)))  # p = 1 - keep_prob = 1 - \(k)"]
        case .rnn(let units, let steps, _):
            return ["        self.\(v) = nn.RNN(\(node.inputWidths[0] / steps), \(units), batch_first=True)  # tanh, as nnlab"]
        case .lstm(let units, let steps, _):
            return ["        self.\(v) = nn.LSTM(\(node.inputWidths[0] / steps), \(units), batch_first=True)"]
        case .activation, .add, .concat:
            return []
        }
    }

    private func initializerLines(_ i: Int) -> [String] {
        let node = plan.nodes[i], v = plan.names[i], choice = plan.initializer(of: i)
        let (fanIn, fanOut) = plan.fans(of: i)
        func set(_ target: String, _ initializer: Initializer, bias: Bool) -> String {
            "        " + Self.initializer(initializer, "self.\(v).\(target)", fanIn: fanIn, fanOut: fanOut, bias: bias)
        }
        switch node.spec.kind {
        case .dense:
            return [set("weight", choice.weights, bias: false), set("bias", choice.biases, bias: true)]
        case .rnn:
            return [set("weight_ih_l0", choice.weights, bias: false),
                    "        nn.init.orthogonal_(self.\(v).weight_hh_l0)",
                    set("bias_ih_l0", choice.biases, bias: true),
                    "        nn.init.zeros_(self.\(v).bias_hh_l0)  # nnlab has one bias; PyTorch's second one stays 0"]
        case .lstm(let units, _, _):
            return [set("weight_ih_l0", choice.weights, bias: false),
                    "        for gate in self.\(v).weight_hh_l0.chunk(4):  # an orthogonal block per gate, as nnlab",
                    "            nn.init.orthogonal_(gate)",
                    set("bias_ih_l0", choice.biases, bias: true),
                    "        with torch.no_grad():",
                    "            self.\(v).bias_ih_l0[\(units):\(2 * units)] += 1  # the forget gate starts open, as in nnlab and Keras",
                    "        nn.init.zeros_(self.\(v).bias_hh_l0)  # nnlab has one bias; PyTorch's second one stays 0"]
        default:
            return []
        }
    }

    /// The torch.nn.init call for one tensor. Biases get explicit numbers where nnlab's formula
    /// uses the layer's fans (torch cannot compute fans of a 1-D tensor).
    static func initializer(_ i: Initializer, _ t: String, fanIn: Int, fanOut: Int, bias: Bool) -> String {
        let s = PythonSource.number
        func uniform(_ limit: Double, _ why: String) -> String {
            let l = s(Float(limit)); return "nn.init.uniform_(\(t), -\(l), \(l))  # \(why)"
        }
        switch i {
        case .zeros: return "nn.init.zeros_(\(t))"
        case .constant(let v): return "nn.init.constant_(\(t), \(s(v)))"
        case .normal(let sd): return "nn.init.normal_(\(t), std=\(s(sd)))"
        case .truncatedNormal(let sd): return "nn.init.trunc_normal_(\(t), std=\(s(sd)), a=\(s(-2 * sd)), b=\(s(2 * sd)))"
        case .uniform(let l): return "nn.init.uniform_(\(t), -\(s(l)), \(s(l)))"
        case .xavierUniform:
            return bias ? uniform((6 / Double(fanIn + fanOut)).squareRoot(), "glorot: sqrt(6 / (\(fanIn) + \(fanOut)))")
                : "nn.init.xavier_uniform_(\(t))"
        case .xavierNormal: return "truncated_normal_(\(t), variance=2 / (\(fanIn) + \(fanOut)))  # glorot normal"
        case .heNormal: return "truncated_normal_(\(t), variance=2 / \(fanIn))  # he normal"
        case .heUniform:
            return bias ? uniform((6 / Double(fanIn)).squareRoot(), "he uniform: sqrt(6 / \(fanIn))")
                : "nn.init.kaiming_uniform_(\(t), nonlinearity=\"relu\")  # he uniform"
        case .lecunNormal: return "truncated_normal_(\(t), variance=1 / \(fanIn))  # lecun normal"
        case .rbm: return "nn.init.normal_(\(t), std=0.01)  # nnlab pre-trained it as an RBM; --fresh skips that"
        }
    }

    private func forwardLines(_ i: Int) -> [String] {
        let node = plan.nodes[i], v = plan.names[i]
        let from = plan.sources(of: i, input: "x")
        let input = from.first ?? "x"
        let isOutput = i == plan.nodes.count - 1
        switch node.spec.kind {
        case .dense(let units, let activation):
            if isOutput, let fused = plan.fusedOutput {
                return ["        \(v) = self.\(v)(\(input))  # logits: the loss and to_probabilities() apply the \(fused.name)"]
            }
            if case .maxout(let k) = activation {
                return ["        \(v) = self.\(v)(\(input)).unflatten(1, (\(units), \(k))).amax(dim=2)  # maxout: largest piece per unit"]
            }
            return ["        \(v) = " + Self.apply(activation, "self.\(v)(\(input))")]
        case .dropout:
            return ["        \(v) = self.\(v)(\(input))"]
        case .activation(let activation):
            if isOutput, let fused = plan.fusedOutput {
                return ["        \(v) = \(input)  # logits: the loss and to_probabilities() apply the \(fused.name)"]
            }
            return ["        \(v) = " + Self.apply(activation, input)]
        case .add:
            return ["        \(v) = " + from.joined(separator: " + ")]
        case .concat:
            return ["        \(v) = torch.cat([\(from.joined(separator: ", "))], dim=1)"]
        case .rnn(_, let steps, let sequences), .lstm(_, let steps, let sequences):
            let features = node.inputWidths[0] / steps
            return ["        steps, _ = self.\(v)(\(input).unflatten(1, (\(steps), \(features))))  # (batch, \(steps) steps, \(features) numbers)",
                    sequences ? "        \(v) = steps.flatten(1)  # every step's state, side by side"
                        : "        \(v) = steps[:, -1]  # the last step's state"]
        }
    }

    /// `expression` passed through an activation (maxout is handled by the dense layer).
    static func apply(_ a: Activation, _ e: String) -> String {
        switch a {
        case .linear, .maxout: e
        case .sigmoid: "torch.sigmoid(\(e))"
        case .tanh: "torch.tanh(\(e))"
        case .relu: "F.relu(\(e))"
        case .leakyReLU(let alpha): "F.leaky_relu(\(e), \(PythonSource.number(alpha)))"
        case .elu(let alpha): "F.elu(\(e), alpha=\(PythonSource.number(alpha)))"
        case .selu: "F.selu(\(e))"
        case .softmax: "F.softmax(\(e), dim=1)"
        }
    }
}
