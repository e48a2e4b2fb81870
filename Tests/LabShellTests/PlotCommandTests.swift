// plot: which runs and figures it draws, its refusals, the SVG and PNG files, and the decision
// boundary on 2-D data.

import Foundation
import Testing
import TermCharts
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
import LabKit
@testable import LabShell
@testable import LabTutorials

@Suite("plot")
struct PlotCommandTests {
    @Test("the chart's series are the named runs' figures, per epoch or per N batches")
    func series() throws {
        let t = TestLab()
        t.spiralModel("train epochs=3 batch=20 as a", "train epochs=4 batch=40 as b")
        let a = try CompareCommands.run(named: "a", in: t.lab), b = try CompareCommands.run(named: "b", in: t.lab)
        let cost = try PlotCommand.makeChart(.cost, runs: [a, b], log: true, every: nil, width: 80)
        #expect(cost.series.map(\.name) == ["a", "b"])
        #expect(cost.series[0].points.map(\.y) == a.result.epochs.map { Double($0.cost) })
        #expect(cost.series[1].points.map(\.x) == [1, 2, 3, 4])
        #expect(cost.yScale == .log && cost.yRange == nil)
        let accuracy = try PlotCommand.makeChart(.validation, runs: [a], log: false, every: nil, width: 80)
        #expect(accuracy.series[0].points.map(\.y) == a.result.epochs.map { Double($0.validationAccuracy!) })
        // Accuracy: the y range hugs the data (a tenth of its span as room), within 0...1.
        let ys = accuracy.series[0].points.map(\.y)
        let lowest = ys.min()!, highest = ys.max()!
        #expect(accuracy.yRange!.lowerBound <= lowest && accuracy.yRange!.lowerBound >= max(0, lowest - max((highest - lowest) * 0.1, 0.002)) - 1e-9)
        #expect(accuracy.yRange!.upperBound >= highest && accuracy.yRange!.upperBound <= 1)
        // every=5: means of 5 consecutive batch costs, at batch 5, 10, ...
        let perBatch = try PlotCommand.makeChart(.cost, runs: [a], log: false, every: 5, width: 80)
        let costs = a.result.batchCosts
        #expect(perBatch.series[0].points.count == costs.count / 5)
        #expect(perBatch.series[0].points[1].x == 10)
        let expected = costs[5..<10].reduce(0.0) { $0 + Double($1) } / 5
        #expect(abs(perBatch.series[0].points[1].y - expected) < 1e-12)
    }

    @Test("plot draws in the terminal: default runs, named runs, metric words")
    func drawing() throws {
        let t = TestLab()
        #expect(t.failure("plot").contains("nothing to plot yet"))
        t.spiralModel("train epochs=3 batch=20 as sigmoid", "train epochs=3 batch=20 as relu")
        t.console.reset()
        #expect(t.run("plot"))
        #expect(t.output.contains("cost per epoch: sigmoid, relu"))
        t.console.reset()
        #expect(t.run("plot relu"))
        #expect(t.output.contains("cost per epoch: relu") && !t.output.contains("sigmoid"))
        t.console.reset()
        #expect(t.run("plot accuracy relu sigmoid"))
        #expect(t.output.contains("training accuracy per epoch: relu, sigmoid"))
        // Two runs: a marker each, and their last values in a table under the chart.
        let relu = try #require(t.lab.results.runs.first { $0.name == "relu" })
        #expect(t.console.lines.contains { $0.hasPrefix("* relu") && $0.contains(NumberFormat.fourDecimals(relu.result.epochs.last!.trainAccuracy)) })
        #expect(t.console.lines.contains { $0.hasPrefix("+ sigmoid") })
        t.console.reset()
        #expect(t.run("plot cost every=4 relu"))
        #expect(t.output.contains("cost per 4 batches: relu") && t.output.contains("batch"))
    }

    @Test("refusals say what was wrong and how to fix it")
    func refusals() {
        let t = TestLab()
        t.spiralModel("train epochs=2 batch=50 as relu")
        #expect(t.failure("plot cost rleu").contains("did you mean 'relu'"))
        #expect(t.failure("plot accuracy log").contains("log applies to cost only"))
        #expect(t.failure("plot validation every=2").contains("every= applies to cost only"))
        let tooMany = t.failure("plot cost every=500")
        #expect(tooMany.contains("fewer than every=500") && tooMany.contains("at most 12"))
        #expect(t.failure("plot cost svg=/no/such/folder/c.svg").contains("does not exist"))
        let x = TestLab()
        x.run("data load xor", "layer add dense 2 softmax", "train epochs=1 as one")
        #expect(x.failure("plot validation").contains("no validation figures"))
    }

    @Test("svg= and png= write the same chart as files")
    func files() throws {
        let t = TestLab()
        t.spiralModel("train epochs=3 batch=20 as relu")
        let folder = t.folder("charts")
        let svg = folder.appendingPathComponent("cost.svg"), png = folder.appendingPathComponent("cost.png")
        #expect(t.run("plot cost relu svg=\(svg.path) png \(png.path)"))
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && text.contains("<svg") && text.contains("relu") && text.contains("</svg>"))
        let bytes = try Data(contentsOf: png)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(t.output.contains("wrote \(svg.path) (SVG, 800 x 500)"))
        // Files are written whole: no temporary file is left beside them.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["cost.png", "cost.svg"])
        #expect(t.failure("plot cost svg=\(folder.path)").contains("is a folder"))
    }

    @Test("plot boundary draws the network's regions over 2-D points, and refuses other data")
    func boundary() {
        let t = TestLab()
        t.spiralModel("train epochs=2 batch=20")
        t.console.reset()
        #expect(t.run("plot boundary"))
        #expect(t.output.contains("decision boundary") && t.output.contains("arm 1") && t.output.contains("arm 2"))
        #expect(t.failure("plot boundary run1").contains("takes no runs or options"))
        let images = TestLab()
        images.loadTinyImages()
        images.run("layer add dense 2 softmax")
        let refusal = images.failure("plot boundary")
        #expect(refusal.contains("needs points in the plane") && refusal.contains("tiny has 16"))
    }

    @Test("the sweep's cost chart uses batch blocks when every run is one epoch long")
    func costChart() throws {
        let t = TestLab()
        t.spiralModel("train epochs=1 batch=10 as one")
        let run = try CompareCommands.run(named: "one", in: t.lab)
        let chart = PlotCommand.costChart([run], title: "x", width: 80)
        #expect(chart.xLabel == "batch")
        #expect(chart.series[0].points.count == run.result.batchCosts.count)   // 28 batches: blocks of 1
    }
}
