// ExportRequest: everything an exporter needs to write a Keras or PyTorch script for a model:
// the model as data, its input, the data it was evaluated on, how it was trained, where its
// trained weights are, and what nnlab measured. It is plain data; the shell fills it in.
// This file also says which data descriptions an exported script can load (`ExportData`) and
// writes a split as the CSV those scripts read. It does not build Python (see ExportKeras.swift,
// ExportPyTorch.swift).

import Foundation
import LabKit
import NNEngine

/// The data an exported script evaluates (and optionally trains) on.
public enum ExportData: Sendable, Equatable {
    /// MNIST from its four IDX files (raw or .gz) in `directory`; test split = the t10k files.
    case mnist(directory: String = "data/mnist")
    /// Fashion-MNIST, same files and layout as MNIST.
    case fashionMNIST(directory: String = "/usr/share/datasets/fashion-mnist")
    /// The four XOR points; training and test are the same table (as in the lecture's lab).
    case xor
    /// Splits written by `ExportData.writeSplit` (a header row, the features, then a `label`
    /// column). Used for CSV tables and generated 2-D sets (spiral, circle...), whose shuffled
    /// split only nnlab's seeded generator can reproduce, so nnlab writes the split itself.
    case csv(name: String, train: String, test: String)

    /// The data set's name, for comments and help texts.
    public var name: String {
        switch self {
        case .mnist: "mnist"
        case .fashionMNIST: "fashion"
        case .xor: "xor"
        case .csv(let name, _, _): name
        }
    }

    /// Writes `data` (every example, in order) as a CSV split an exported script reads:
    /// header `x1,...,xN,label`, one row per example, features in their shortest exact form, so
    /// the script sees bit-for-bit the numbers nnlab's network saw.
    public static func writeSplit(_ data: LabeledData, to url: URL) throws(FileWriteError) {
        let width = data.featureCount
        var table = CSVTable(columns: (0..<width).map { "x\($0 + 1)" } + ["label"])
        let batch = 1000
        let x = Matrix(rows: batch, cols: width)
        var labels = [Int32](repeating: 0, count: batch)
        var start = 0
        while start < data.count {
            let end = min(start + batch, data.count)
            let indices = (Int32(start)..<Int32(end)).map { $0 }
            indices.withUnsafeBufferPointer { idx in
                labels.withUnsafeMutableBufferPointer { data.fillBatch(idx, features: x, labels: $0) }
            }
            for r in 0..<(end - start) {
                let row = x.data + r * width
                table.addRow((0..<width).map { CSVTable.Cell.float(row[$0]) } + [.integer(Int(labels[r]))])
            }
            start = end
        }
        try table.write(to: url)
    }
}

/// What to export: a model, its data, its training settings and nnlab's results.
public struct ExportRequest: Sendable {
    /// The model as the learner built it.
    public var model: ModelSpec
    /// Numbers per example (784 for MNIST).
    public var inputWidth: Int
    /// The input's natural shape when known ([28, 28] for images), for the script's comments.
    public var inputShape: [Int]?
    /// Classes of the data (2 for a single sigmoid output).
    public var classCount: Int
    public var optimizer: OptimizerSpec
    /// Epochs and batch size of nnlab's training run (and its keep_prob / lr overrides, if any).
    public var training: TrainingOptions
    /// The session's `.safetensors` file, as the script should name it by default: relative to
    /// the script's own folder (e.g. `sessions/lab10.safetensors`), where the script looks for it
    /// whatever folder it is run from, or a full path.
    public var weightsPath: String
    public var data: ExportData
    /// The file the script will be written to (shown in its "how to run" lines).
    public var scriptPath: String
    /// The session the model comes from, if it has a name.
    public var sessionName: String?
    /// nnlab's accuracy on the test split, which the script should reproduce.
    public var testAccuracy: Float?
    /// When the export happened (only the date is written).
    public var date: Date

    public init(model: ModelSpec, inputWidth: Int, inputShape: [Int]? = nil, classCount: Int,
                optimizer: OptimizerSpec, training: TrainingOptions, weightsPath: String, data: ExportData,
                scriptPath: String, sessionName: String? = nil, testAccuracy: Float? = nil, date: Date = Date()) {
        self.model = model
        self.inputWidth = inputWidth
        self.inputShape = inputShape
        self.classCount = classCount
        self.optimizer = optimizer
        self.training = training
        self.weightsPath = weightsPath
        self.data = data
        self.scriptPath = scriptPath
        self.sessionName = sessionName
        self.testAccuracy = testAccuracy
        self.date = date
    }

    /// The model's name in the script: the session's, or the script file's base name.
    var modelName: String {
        if let sessionName, !sessionName.isEmpty { return sessionName }
        let file = (scriptPath as NSString).lastPathComponent
        let base = (file as NSString).deletingPathExtension
        return base.isEmpty ? "model" : base
    }

    /// The date as yyyy-MM-dd in UTC (the same on every machine).
    var dateText: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
    }
}
