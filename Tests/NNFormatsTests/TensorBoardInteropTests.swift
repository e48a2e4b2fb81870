// TensorBoard event files read by TensorBoard's own event reader (the `tensorboard` Python
// package): tags, steps, wall times, scalar values and histograms must come back exactly.
// Skipped when python3 cannot import it (`make test` installs it: python3 -m pip install tensorboard).

import Foundation
import Testing
import TestProcess
@testable import NNFormats

@Suite(.enabled(if: Python.hasTensorBoard,
                "python3 cannot import tensorboard; install it with: python3 -m pip install tensorboard"))
struct TensorBoardInteropTests {
    struct Read: Decodable {
        let scalars: [String: [Point]]
        let histograms: [String: [HistogramPoint]]
    }
    struct Point: Decodable, Equatable {
        let wallTime: Double
        let step: Int
        /// nil for NaN, which JSON cannot hold.
        let value: Double?
    }
    struct HistogramPoint: Decodable {
        let step: Int
        let min, max, num, sum, sumSquares: Double
        let bucketLimit, bucket: [Double]
    }

    static let script = """
    import json, sys
    from tensorboard.backend.event_processing import event_accumulator as ea
    acc = ea.EventAccumulator(sys.argv[1], size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0})
    acc.Reload()
    tags = acc.Tags()
    out = {"scalars": {}, "histograms": {}}
    for tag in tags["scalars"]:
        out["scalars"][tag] = [{"wallTime": e.wall_time, "step": e.step, "value": None if e.value != e.value else e.value}
                               for e in acc.Scalars(tag)]
    for tag in tags["histograms"]:
        out["histograms"][tag] = [
            {"step": e.step, "min": h.min, "max": h.max, "num": h.num, "sum": h.sum,
             "sumSquares": h.sum_squares, "bucketLimit": list(h.bucket_limit), "bucket": list(h.bucket)}
            for e in acc.Histograms(tag) for h in [e.histogram_value]]
    print("RESULT " + json.dumps(out))
    """

    @Test func tensorBoardReadsScalarsAndHistograms() throws {
        let run = try makeTemporaryFolder().appendingPathComponent("logs/lab-10-2")
        var time = 1_700_000_000.0
        let writer = try TensorBoardWriter(runDirectory: run, clock: {
            time += 0.5
            return time
        })

        var expected: [String: [Point]] = [:]
        let tags = ["cost", "accuracy", "validation_accuracy", "learning_rate"]
        for step in 0..<6 {
            let values: [Float] = [2.3 / Float(step + 1), 0.1 * Float(step) + 0.3, 0.13 * Float(step) + 0.123456789, 0.001]
            try writer.addScalars(Array(zip(tags, values)), step: step * 600)
            for (tag, value) in zip(tags, values) {
                expected[tag, default: []].append(Point(wallTime: time, step: step * 600, value: Double(value)))
            }
        }
        try writer.addScalar("cost", .nan, step: 4000)   // a diverged run still logs

        let weights: [Float] = (0..<1000).map { Float($0 - 500) * 0.003 }
        let histogram = Histogram(weights)
        try writer.addHistogram("layer1/weights", values: weights, step: 3000)
        try writer.addHistogram("layer1/gradients", values: [1e-9, -2e-7, 0, 3e-5], step: 3000)
        // Read while the writer is still open: everything logged so far must already be readable.
        let (status, output) = try runPython(Self.script, [run.path])
        #expect(status == 0, "python3 failed:\n\(output)")
        let read = try pythonResult(output, as: Read.self)
        writer.close()

        #expect(Set(read.scalars.keys) == Set(tags))
        for tag in tags where tag != "cost" {
            #expect(read.scalars[tag] == expected[tag], "\(tag)")
        }
        let cost = try #require(read.scalars["cost"])
        #expect(Array(cost.prefix(6)) == expected["cost"])
        #expect(cost.count == 7 && cost[6].step == 4000 && cost[6].value == nil)

        let weightHistogram = try #require(read.histograms["layer1/weights"]?.first)
        #expect(weightHistogram.step == 3000)
        #expect(weightHistogram.min == histogram.min && weightHistogram.max == histogram.max)
        #expect(weightHistogram.num == 1000 && weightHistogram.sum == histogram.sum)
        #expect(weightHistogram.sumSquares == histogram.sumOfSquares)
        #expect(weightHistogram.bucketLimit == histogram.bucketLimits)
        #expect(weightHistogram.bucket == histogram.bucketCounts)
        #expect(weightHistogram.bucket.reduce(0, +) == 1000)

        let gradients = try #require(read.histograms["layer1/gradients"]?.first)
        #expect(gradients.num == 4 && gradients.min == Double(Float(-2e-7)) && gradients.max == Double(Float(3e-5)))
    }
}
