// ExportDataLoading: the data part of an exported script, the same in the Keras and the PyTorch
// script: numpy-only code that loads the data set exactly as nnlab feeds it to the network (IDX
// images as one row of pixel / 255, XOR's four points, CSV splits nnlab wrote), the command-line
// options that point at it, and the words the docstring uses for it.

import Foundation

extension ExportData {
    /// The data set in words, for the docstring.
    var prose: String {
        switch self {
        case .mnist: "MNIST, test split = the 10,000 t10k images"
        case .fashionMNIST: "Fashion-MNIST, test split = the 10,000 t10k images"
        case .xor: "the four XOR points (the lab trains and tests on the same table)"
        case .csv(let name, _, _): "\(name): the training and test splits nnlab wrote as CSV"
        }
    }

    /// The options on a "how to run" line: ` --data-dir data/mnist`.
    var runArguments: String {
        switch self {
        case .mnist(let dir), .fashionMNIST(let dir): " --data-dir \(PythonSource.shellWord(dir))"
        case .xor: ""
        case .csv(_, let train, let test):
            " --train-csv \(PythonSource.shellWord(train)) --test-csv \(PythonSource.shellWord(test))"
        }
    }

    /// The arguments of `parser.add_argument` for each data option.
    var options: [[String]] {
        let s = PythonSource.string
        switch self {
        case .mnist(let dir), .fashionMNIST(let dir):
            let what = name == "mnist" ? "MNIST" : "Fashion-MNIST"
            return [[s("--data-dir"), "default=\(PythonSource.pathDefault(dir))", "help=\"folder of the \(what) IDX files\""]]
        case .xor:
            return []
        case .csv(_, let train, let test):
            return [[s("--train-csv"), "default=\(PythonSource.pathDefault(train))", "help=\"training split\""],
                    [s("--test-csv"), "default=\(PythonSource.pathDefault(test))", "help=\"test split\""]]
        }
    }

    /// The Python section defining `load_data(args, split)` -> (x, y) for split "train" or "test".
    var python: String {
        switch self {
        case .mnist, .fashionMNIST:
            let title = name == "mnist" ? "MNIST" : "Fashion-MNIST"
            let hint = name == "mnist"
                ? "fetch it with `data fetch mnist` in nnlab, or pass --data-dir"
                : "install it with `apt-get install dataset-fashion-mnist`, or pass --data-dir"
            return """
            \(ExportScript.banner("Data: \(title) as nnlab reads it, each image one row of pixel / 255"))

            def read_idx(folder, name):
                \"\"\"One IDX file (LeCun's format) as a numpy array: raw or .gz, "-idx" or ".idx" spelling.\"\"\"
                for spelling in (name, name.replace("-idx", ".idx")):
                    for file, opener in ((spelling, open), (spelling + ".gz", gzip.open)):
                        path = os.path.join(folder, file)
                        if os.path.exists(path):
                            with opener(path, "rb") as f:
                                data = f.read()
                            dims = data[3]  # the magic number's last byte: how many sizes follow
                            shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
                            return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
                raise SystemExit(f"{name} (or {name}.gz) is not in {folder}: "
                                 "\(hint)")


            def load_data(args, split):
                \"\"\"Images (one row of 784 numbers each) and labels of a split: "train", or "test" (t10k).\"\"\"
                prefix = "train" if split == "train" else "t10k"
                images = read_idx(args.data_dir, prefix + "-images-idx3-ubyte")
                labels = read_idx(args.data_dir, prefix + "-labels-idx1-ubyte")
                x = images.reshape(len(images), -1).astype(np.float32) / np.float32(255)
                return x, labels.astype(np.int64)
            """
        case .xor:
            return """
            \(ExportScript.banner("Data: the four XOR points"))

            def load_data(args, split):
                \"\"\"The lab trains and tests on the same four points: label = x1 xor x2.\"\"\"
                x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
                y = np.array([0, 1, 1, 0], dtype=np.int64)
                return x, y
            """
        case .csv(let name, _, _):
            return """
            \(ExportScript.banner("Data: \(PythonSource.docText(name)), the splits nnlab wrote (features, then the label)"))

            def read_csv(path):
                \"\"\"A header row, then one example per row: its features and, last, its class number.\"\"\"
                table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
                return table[:, :-1].astype(np.float32), table[:, -1].astype(np.int64)


            def load_data(args, split):
                \"\"\"A split ("train" or "test"): exactly the numbers nnlab trained or tested on.\"\"\"
                return read_csv(args.train_csv if split == "train" else args.test_csv)
            """
        }
    }

    /// Modules the data code imports besides numpy.
    var imports: [String] {
        switch self {
        case .mnist, .fashionMNIST: ["gzip", "os"]
        case .xor, .csv: []
        }
    }
}
