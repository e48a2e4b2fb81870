// TensorBoardLog: while it is on (`tensorboard DIR`), every training run writes real TensorBoard
// event files to DIR/RUN_NAME/: per-epoch scalars (cost, accuracy, validation_accuracy,
// learning_rate, as the lecture's tf.summary.scalar did), the cost every few batches
// (batch/cost, by global step), and per-layer histograms of weights and gradients each epoch.
// Open them with `tensorboard --logdir DIR`.

import Foundation
import NNEngine
import NNFormats

/// Writes the runs of a session as TensorBoard event files.
package final class TensorBoardLog {
    package let directory: URL
    /// Batches between two batch/cost points.
    let batchInterval: Int
    private var writer: TensorBoardWriter?
    private var run = ""
    private var batchesSeen = 0

    package init(directory: URL, batchInterval: Int = 10) {
        self.directory = directory
        self.batchInterval = batchInterval
    }

    /// Opens DIR/RUN_NAME for a new run. Event files left there by an earlier run of the same name
    /// are removed first: the new run replaces that run, and TensorBoard would draw both as one.
    package func begin(run name: String) throws {
        writer?.close()
        let folder = directory.appendingPathComponent(name)
        let old = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in old where file.hasPrefix("events.out.tfevents.") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(file))
        }
        writer = try TensorBoardWriter(runDirectory: folder)
        run = name
        batchesSeen = 0
    }

    package func batch(_ report: BatchReport) throws {
        batchesSeen += 1
        guard batchesSeen % batchInterval == 0 else { return }
        try writer?.addScalar("batch/cost", report.cost, step: batchesSeen)
    }

    package func epoch(_ e: EpochReport, network: Network, learningRate: Float) throws {
        guard let writer else { return }
        var scalars: [(tag: String, value: Float)] = [("cost", e.cost), ("accuracy", e.trainAccuracy), ("learning_rate", learningRate)]
        if let v = e.validationAccuracy { scalars.append(("validation_accuracy", v)) }
        if let v = e.validationCost { scalars.append(("validation_cost", v)) }
        try writer.addScalars(scalars, step: e.epoch)
        for layer in network.layers {
            for p in layer.parameters {
                try writer.addHistogram("\(p.name)/values", matrix: p.value, step: e.epoch)
                try writer.addHistogram("\(p.name)/gradients", matrix: p.gradient, step: e.epoch)
            }
        }
    }

    package func end() {
        writer?.close()
        writer = nil
    }
}
