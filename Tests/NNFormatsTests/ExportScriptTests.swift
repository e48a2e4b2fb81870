// The exported scripts as text: valid Python for every kind of model, the lecture's lab model
// written as expected (dropout rate, optimizer, loss, header), every optimizer and initializer
// mapped to the framework's own spelling, awkward names and paths quoted, and models a framework
// would compute differently refused with a message that names the node.

import Foundation
import Testing
import TestProcess
@testable import NNFormats
import NNEngine

/// The script with wrapped lines joined back (a newline and its indentation become one space).
func unwrapped(_ script: String) -> String {
    script.replacingOccurrences(of: "\n *", with: " ", options: .regularExpression)
}

@Suite struct ExportScriptTests {
    // MARK: - Valid Python

    @Test(.enabled(if: Python.hasPython, "python3 is not installed"), arguments: ExportFixture.all)
    func bothScriptsCompile(_ fixture: ExportFixture) throws {
        let folder = try makeTemporaryFolder()
        for (framework, script) in [("keras", try ModelExport.keras(fixture.request())),
                                    ("pytorch", try ModelExport.pytorch(fixture.request()))] {
            let url = try writeScript(script, named: "\(fixture.name)_\(framework).py", in: folder)
            let (status, output) = try runPythonFile(["-m", "py_compile", url.path])
            #expect(status == 0, "\(fixture.name) \(framework) is not valid Python:\n\(output)")
        }
    }

    // MARK: - The lab model

    @Test func labModelKerasScript() throws {
        let request = ExportFixture.lab.request(script: "lab10_keras.py", weights: "sessions/lab10.safetensors",
                                                accuracy: 0.9804)
        let script = try ModelExport.keras(request)
        let flat = unwrapped(script)
        #expect(script.hasPrefix("\"\"\"nnlab's model \"lab10\" as a Keras script, exported 2025-06-15 from nnlab session lab10."))
        #expect(script.contains("    dropout1 = layers.Dropout(0.3, name=\"dropout1\")(dense1)  # rate = 1 - keep_prob = 1 - 0.7\n"))
        #expect(flat.contains("dense5 = layers.Dense(10, activation=\"softmax\", kernel_initializer=\"glorot_uniform\", name=\"dense5\")(dropout4)"))
        #expect(flat.contains("optimizer=keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07),"))
        #expect(script.contains("loss=keras.losses.SparseCategoricalCrossentropy(),"))
        #expect(script.contains("nnlab's test accuracy: 0.9804"))
        #expect(script.contains("1,195,018 parameters"))
        #expect(script.contains("python3 lab10_keras.py   # reads --weights sessions/lab10.safetensors --data-dir data/mnist"))
        // Relative defaults are read beside the script, so it runs from any folder.
        #expect(flat.contains("default=os.path.join(os.path.dirname(os.path.abspath(__file__)), \"sessions/lab10.safetensors\")"))
        #expect(script.contains("(\"dense1.weight\", (784, 512), \"dense1\", \"kernel\"),"))
        #expect(script.contains("(\"dense5.bias\", (1, 10), \"dense5\", \"bias\"),"))
        #expect(script.contains("tf.distribute.MirroredStrategy()"))
        #expect(script.contains("model.fit(x, targets(y), epochs=epochs, batch_size=batch_size, shuffle=True"))
        #expect(flat.contains("parser.add_argument(\"--epochs\", type=int, default=15)"))
        #expect(flat.contains("parser.add_argument(\"--batch-size\", type=int, default=100)"))
    }

    @Test func labModelPyTorchScript() throws {
        let script = try ModelExport.pytorch(ExportFixture.lab.request(script: "lab10_pytorch.py", accuracy: 0.9804))
        let flat = unwrapped(script)
        #expect(script.contains("        self.dropout1 = nn.Dropout(p=0.3)  # p = 1 - keep_prob = 1 - 0.7\n"))
        #expect(script.contains("        self.dense1 = nn.Linear(784, 512)\n"))
        #expect(script.contains("        dense1 = F.relu(self.dense1(x))\n"))
        #expect(script.contains("        dense5 = self.dense5(dropout4)  # logits: the loss and to_probabilities() apply the softmax\n"))
        #expect(script.contains("        nn.init.xavier_uniform_(self.dense1.weight)\n"))
        #expect(flat.contains("return torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-07)"))
        #expect(script.contains("return nn.CrossEntropyLoss()"))
        #expect(script.contains("return torch.softmax(outputs, dim=1)"))
        #expect(script.contains("(\"dense1.weight\", (784, 512), \"dense1.weight\", \"transposed\"),"))
        #expect(script.contains("(\"dense1.bias\", (1, 512), \"dense1.bias\", \"flattened\"),"))
        #expect(script.contains("DistributedDataParallel") && script.contains("torchrun"))
        #expect(script.contains("nnlab's test accuracy: 0.9804"))
        #expect(!script.contains("ZEROS"), "a model without recurrent layers has no second biases to zero")
    }

    // MARK: - Layers, activations, initializers

    @Test func activationsAndInitializersKeepTheirParameters() throws {
        let keras = unwrapped(try ModelExport.keras(ExportFixture.activations.request()))
        #expect(keras.contains("dense1 = layers.Dense(192, kernel_initializer=\"glorot_uniform\", name=\"dense1\")(inputs)"))
        #expect(keras.contains("dense1 = layers.Reshape((64, 3), name=\"dense1_pieces\")(dense1)"))
        #expect(keras.contains("layers.GlobalMaxPooling1D(data_format=\"channels_first\", name=\"dense1_maxout\")(dense1)"))
        #expect(keras.contains("kernel_initializer=\"he_normal\", bias_initializer=keras.initializers.Constant(0.1)"))
        #expect(keras.contains("dense2 = layers.LeakyReLU(negative_slope=0.1, name=\"dense2_leaky_relu\")(dense2)"))
        #expect(keras.contains("dense3 = layers.ELU(alpha=0.5, name=\"dense3_elu\")(dense3)"))
        #expect(keras.contains("activation=\"selu\", kernel_initializer=\"lecun_normal\""))
        // Glorot bias limit from the layer's fans: sqrt(6 / (32 + 16)).
        #expect(keras.contains("RandomUniform(minval=-0.35355338, maxval=0.35355338)"))

        let torch = try ModelExport.pytorch(ExportFixture.activations.request())
        #expect(torch.contains("dense1 = self.dense1(x).unflatten(1, (64, 3)).amax(dim=2)"))
        #expect(torch.contains("dense2 = F.leaky_relu(self.dense2(dense1), 0.1)"))
        #expect(torch.contains("dense3 = F.elu(self.dense3(dense2), alpha=0.5)"))
        #expect(torch.contains("dense4 = F.selu(self.dense4(dense3))"))
        #expect(torch.contains("truncated_normal_(self.dense2.weight, variance=2 / 64)  # he normal"))
        #expect(torch.contains("nn.init.constant_(self.dense2.bias, 0.1)"))
        #expect(torch.contains("truncated_normal_(self.dense4.weight, variance=1 / 32)  # lecun normal"))
        #expect(torch.contains("nn.init.uniform_(self.dense4.bias, -0.35355338, 0.35355338)"))
        #expect(torch.contains("import math"), "truncated_normal_ needs math")
    }

    @Test func graphsReadTheRightInputs() throws {
        let skipKeras = try ModelExport.keras(ExportFixture.skip.request())
        #expect(skipKeras.contains("    sum = layers.Add(name=\"sum\")([h1, h2])\n") == false, "sum is a builtin")
        #expect(skipKeras.contains("    sum_ = layers.Add(name=\"sum\")([h1, h2])\n"))
        let skipTorch = try ModelExport.pytorch(ExportFixture.skip.request())
        #expect(skipTorch.contains("        sum_ = h1 + h2\n"))
        #expect(skipTorch.contains("nn.init.kaiming_uniform_(self.h1.weight, nonlinearity=\"relu\")"))

        let mergeKeras = try ModelExport.keras(ExportFixture.merge.request())
        #expect(mergeKeras.contains("    right = layers.Dense(16, activation=\"sigmoid\","))
        #expect(unwrapped(mergeKeras).contains("kernel_initializer=keras.initializers.RandomNormal(stddev=0.05), name=\"right\")(inputs)"))
        #expect(mergeKeras.contains("    both = layers.Concatenate(name=\"both\")([left, right])\n"))
        #expect(mergeKeras.contains("    act = layers.LeakyReLU(negative_slope=0.01, name=\"act\")(both)\n"))
        #expect(mergeKeras.contains("(\"class.weight\", (48, 10), \"class\", \"kernel\"),"), "Keras keeps nnlab's name")
        let mergeTorch = try ModelExport.pytorch(ExportFixture.merge.request())
        #expect(mergeTorch.contains("        both = torch.cat([left, right], dim=1)\n"))
        #expect(mergeTorch.contains("        act = F.leaky_relu(both, 0.01)\n"))
        #expect(mergeTorch.contains("truncated_normal_(self.left.weight, variance=2 / (784 + 32))  # glorot normal"))
        #expect(mergeTorch.contains("(\"class.weight\", (48, 10), \"class_.weight\", \"transposed\"),"))
    }

    @Test func recurrentLayersReshapeTheirInput() throws {
        let keras = unwrapped(try ModelExport.keras(ExportFixture.rnn.request()))
        #expect(keras.contains("rnn1 = layers.Reshape((28, 28), name=\"rnn1_steps\")(inputs)"))
        #expect(keras.contains("rnn1 = layers.SimpleRNN(16, kernel_initializer=\"glorot_uniform\", recurrent_initializer=\"orthogonal\", return_sequences=True, name=\"rnn1\")(rnn1)"))
        #expect(keras.contains("rnn1 = layers.Reshape((448,), name=\"rnn1_flat\")(rnn1)"))
        #expect(keras.contains("rnn2 = layers.Reshape((28, 16), name=\"rnn2_steps\")(rnn1)"))
        #expect(keras.contains("(\"rnn1.recurrent\", (16, 16), \"rnn1\", \"recurrent_kernel\"),"))
        let torch = try ModelExport.pytorch(ExportFixture.rnn.request())
        #expect(torch.contains("        self.rnn2 = nn.RNN(16, 24, batch_first=True)"))
        #expect(torch.contains("        steps, _ = self.rnn2(rnn1.unflatten(1, (28, 16)))"))
        #expect(torch.contains("        rnn2 = steps[:, -1]  # the last step's state\n"))
        #expect(torch.contains("(\"rnn1.weight\", (28, 16), \"rnn1.weight_ih_l0\", \"transposed\"),"))
        #expect(torch.contains("ZEROS = [\"rnn1.bias_hh_l0\", \"rnn2.bias_hh_l0\"]"))

        let lstmKeras = unwrapped(try ModelExport.keras(ExportFixture.lstm.request()))
        #expect(lstmKeras.contains("layers.LSTM(32, kernel_initializer=keras.initializers.TruncatedNormal(stddev=0.1), recurrent_initializer=\"orthogonal\", unit_forget_bias=True, name=\"lstm1\")(lstm1)"))
        #expect(lstmKeras.contains("(\"lstm1.weight\", (28, 128), \"lstm1\", \"kernel\"),"))
        let lstmTorch = try ModelExport.pytorch(ExportFixture.lstm.request())
        #expect(lstmTorch.contains("            self.lstm1.bias_ih_l0[32:64] += 1"))
        #expect(lstmTorch.contains("nn.init.trunc_normal_(self.lstm1.weight_ih_l0, std=0.1, a=-0.2, b=0.2)"))
    }

    @Test func binaryOutputUsesSigmoidLossAndTheHalfRule() throws {
        let keras = try ModelExport.keras(ExportFixture.xor.request())
        #expect(keras.contains("loss=keras.losses.BinaryCrossentropy(),"))
        #expect(keras.contains("metrics=[\"binary_accuracy\"],"))
        #expect(keras.contains("return labels.astype(np.float32).reshape(-1, 1)"))
        #expect(keras.contains("return (probabilities[:, 0] > 0.5).astype(np.int64)"))
        #expect(keras.contains("x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)"))
        #expect(!keras.contains("--data-dir"), "XOR needs no data folder")
        let torch = try ModelExport.pytorch(ExportFixture.xor.request())
        #expect(torch.contains("return nn.BCEWithLogitsLoss()"))
        #expect(torch.contains("return torch.sigmoid(outputs)"))
        #expect(torch.contains("        dense2 = self.dense2(dense1)  # logits: the loss and to_probabilities() apply the sigmoid\n"))
    }

    @Test func meanSquaredErrorComparesWithOneHotRows() throws {
        var spec = ModelSpec.stack([.dense(units: 3, activation: .linear)])
        spec.loss = .meanSquaredError
        let request = ExportRequest(model: spec, inputWidth: 4, classCount: 3, optimizer: OptimizerSpec(.sgd),
                                    training: TrainingOptions(), weightsPath: "w.safetensors",
                                    data: .csv(name: "blobs", train: "train.csv", test: "test.csv"), scriptPath: "m.py")
        let keras = try ModelExport.keras(request)
        #expect(keras.contains("return np.eye(3, dtype=np.float32)[labels]"))
        #expect(keras.contains("loss=keras.losses.MeanSquaredError(),"))
        #expect(keras.contains("metrics=[\"categorical_accuracy\"],"))
        #expect(keras.contains("--train-csv train.csv --test-csv test.csv"))
        let torch = try ModelExport.pytorch(request)
        #expect(torch.contains("return nn.MSELoss()"))
        #expect(torch.contains("        dense1 = self.dense1(x)\n        return dense1\n"), "mse: forward returns the outputs")
    }

    // MARK: - Settings of the run

    struct OptimizerCase: Sendable, CustomTestStringConvertible {
        let spec: OptimizerSpec
        let keras: String
        let torch: String
        var testDescription: String { spec.description }
    }

    static let optimizers: [OptimizerCase] = [
        .init(spec: OptimizerSpec(.sgd, learningRate: 0.1), keras: "keras.optimizers.SGD(learning_rate=0.1)",
              torch: "torch.optim.SGD(model.parameters(), lr=0.1)"),
        .init(spec: OptimizerSpec(.momentum, learningRate: 0.05, settings: [.momentum: 0.8]),
              keras: "keras.optimizers.SGD(learning_rate=0.05, momentum=0.8)",
              torch: "torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.8)"),
        .init(spec: OptimizerSpec(.nesterov), keras: "keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)",
              torch: "torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)"),
        .init(spec: OptimizerSpec(.adagrad),
              keras: "keras.optimizers.Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-07)",
              torch: "torch.optim.Adagrad(model.parameters(), lr=0.001, initial_accumulator_value=0.1, eps=1e-07)"),
        .init(spec: OptimizerSpec(.rmsprop, settings: [.rho: 0.95]),
              keras: "keras.optimizers.RMSprop(learning_rate=0.001, rho=0.95, epsilon=1e-07)",
              torch: "torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.95, eps=1e-07)"),
        .init(spec: OptimizerSpec(.adadelta, learningRate: 1),
              keras: "keras.optimizers.Adadelta(learning_rate=1.0, rho=0.95, epsilon=1e-07)",
              torch: "torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.95, eps=1e-07)"),
        .init(spec: OptimizerSpec(.adam, learningRate: 0.0005, settings: [.beta1: 0.8, .epsilon: 1e-8]),
              keras: "keras.optimizers.Adam(learning_rate=0.0005, beta_1=0.8, beta_2=0.999, epsilon=1e-08)",
              torch: "torch.optim.Adam(model.parameters(), lr=0.0005, betas=(0.8, 0.999), eps=1e-08)"),
    ]

    @Test(arguments: optimizers)
    func optimizerKeepsItsHyperParameters(_ c: OptimizerCase) throws {
        var request = ExportFixture.xor.request()
        request.optimizer = c.spec
        #expect(unwrapped(try ModelExport.keras(request)).contains("optimizer=" + c.keras + ","))
        #expect(unwrapped(try ModelExport.pytorch(request)).contains("return " + c.torch))
    }

    @Test func runOverridesOfKeepProbAndLearningRateAreExported() throws {
        var request = ExportFixture.lab.request()
        request.training = TrainingOptions(epochs: 3, batchSize: 32, learningRate: 0.01, keepProb: 0.5)
        let keras = unwrapped(try ModelExport.keras(request))
        #expect(keras.contains("layers.Dropout(0.5, name=\"dropout1\")(dense1)  # rate = 1 - keep_prob = 1 - 0.5"))
        #expect(keras.contains("keras.optimizers.Adam(learning_rate=0.01,"))
        #expect(keras.contains("parser.add_argument(\"--epochs\", type=int, default=3)"))
        #expect(keras.contains("parser.add_argument(\"--batch-size\", type=int, default=32)"))
        let torch = try ModelExport.pytorch(request)
        #expect(torch.contains("nn.Dropout(p=0.5)  # p = 1 - keep_prob = 1 - 0.5"))
    }
}
