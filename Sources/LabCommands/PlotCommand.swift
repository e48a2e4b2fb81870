// PlotCommand: `plot`, the lecture's TensorBoard curves in the terminal: cost or accuracy per
// epoch (or per N batches) of one run or several overlaid, on a log scale if asked, and the same
// chart as an SVG or PNG file for a report. `plot boundary` draws the current network's decision
// regions over 2-D data, like TensorFlow Playground.
//
// The chart of a sweep's cost curves comes from here too (`costChart`), so a sweep and a later
// `plot cost A B C` draw alike.
//
// Not here: the drawing itself (TermCharts) or atomic file writing (NNFormats.AtomicFile).

import Foundation
import LabCore
import LabKit
import LabText
import NNEngine
import NNFormats
import TermCharts

enum PlotCommand {
    /// What `plot` can draw.
    enum Metric: String, CaseIterable {
        case cost, accuracy, validation, boundary

        var title: String {
            switch self {
            case .cost: loc(.metricCost)
            case .accuracy: loc(.metricAccuracy)
            case .validation: loc(.metricValidation)
            case .boundary: loc(.metricBoundary)
            }
        }
    }

    static let spec = CommandSpec(
        "plot", group: .compare, summary: "Cost or accuracy per epoch of one or several runs, overlaid (also as SVG/PNG)",
        details: "WHAT is cost (the default), accuracy (training), validation (validation accuracy) or boundary (the "
            + "current network's decision regions over 2-D data). Name runs to compare them (`plot cost sigmoid relu`); "
            + "without names every run is drawn when there are at most \(defaultRunLimit), else the last one. "
            + "`log` puts cost on a log scale; every=N draws the cost per N batches instead of per epoch. "
            + "svg FILE and png FILE (or svg=FILE, png=FILE) also write the chart as a picture (800 x 500).",
        examples: ["plot", "plot cost sigmoid relu log", "plot accuracy", "plot validation relu he",
                   "plot cost every=50", "plot cost svg=cost.svg", "plot cost relu png cost.png", "plot boundary"],
        arguments: [
            what.spec,
            .positional("runs", .text, required: false, default: "every run (the last if many)", completion: .runNames,
                        variadic: true, "runs to draw, by name"),
            logScale.spec, every.spec, svgFile.spec, pngFile.spec,
        ], handler: plot)

    // MARK: - Arguments

    /// A metric, or (when it names none) the first run to draw.
    static let what = TypedArgument<String>.positional("what", required: false, default: "cost",
                                                       completion: .choices(Metric.allCases.map(\.rawValue)),
                                                       "cost, accuracy, validation or boundary")
    static let logScale = TypedFlag.named("log", "cost on a log scale (costs that fall by orders of magnitude)")
    static let every = TypedArgument<Int>.option("every", 1...1_000_000, "cost per N batches instead of per epoch")
    static let svgFile = TypedArgument<String>(
        .option("svg", .text, completion: .files, keyword: true, "also write the chart as an SVG file (`svg FILE` or `svg=FILE`)"),
        read: { $0 })
    static let pngFile = TypedArgument<String>(
        .option("png", .text, completion: .files, keyword: true, "also write the chart as a PNG file (`png FILE` or `png=FILE`)"),
        read: { $0 })

    /// Without names, `plot` draws every run up to this many (else the last).
    static let defaultRunLimit = 6

    static func plot(_ lab: Lab, _ inv: Invocation) throws {
        // The first word is WHAT when it names a metric, else it is the first run.
        var names = inv.list
        var metric = Metric.cost
        if let first = inv[what] {
            if let m = Metric(rawValue: first) { metric = m } else { names.insert(first, at: 0) }
            if first == "loss", !lab.results.runs.contains(where: { $0.name == "loss" }) {
                throw ShellError(loc(.unknownPlot, first),
                                 hint: loc(.plotLossIsCost, (["plot", "cost"] + inv.list).joined(separator: " ")))
            }
        }
        let files = try outputFiles(inv)
        if metric == .boundary {
            guard names.isEmpty, files.isEmpty, !inv[logScale], inv[every] == nil else {
                throw ShellError(loc(.boundaryAlone), hint: loc(.boundaryAloneHint))
            }
            try boundary(lab)
            return
        }
        guard !lab.results.runs.isEmpty else {
            throw ShellError(loc(.nothingToPlot), hint: loc(.trainFirst))
        }
        let runs: [Run]
        if names.isEmpty {
            runs = lab.results.runs.count <= defaultRunLimit ? lab.results.runs : [lab.results.runs[lab.results.runs.count - 1]]
        } else {
            var seen = Set<String>()
            runs = try names.filter { seen.insert($0).inserted }.map { name throws(ShellError) in try CompareCommands.run(named: name, in: lab) }
        }
        if metric != .cost {
            if inv[logScale] { throw ShellError(loc(.logCostOnly), hint: "`plot cost log`") }
            if inv[every] != nil {
                throw ShellError(loc(.everyCostOnly), hint: "`plot cost every=50`")
            }
        }
        let chart = try makeChart(metric, runs: runs, log: inv[logScale], every: inv[every], width: lab.console.style.width)
        lab.console.write(chart.render(lab.console.style))
        if chart.series.count > 1 { lab.console.write(finalValues(chart, metric: metric).render(lab.console.style)) }
        if names.isEmpty && lab.results.runs.count > defaultRunLimit {
            lab.console.write(lab.console.style.dim(loc(.plotLastOfMany, lab.results.runs.count)))
        }
        if metric == .cost, inv[every] == nil, runs.allSatisfy({ $0.result.epochs.count < 2 }) {
            lab.console.write(lab.console.style.dim(loc(.plotOneEpochEach)))
        }
        try write(chart, to: files, lab: lab)
    }

    // MARK: - Charts

    /// The chart of `metric` for `runs`.
    static func makeChart(_ metric: Metric, runs: [Run], log: Bool, every: Int?, width: Int?) throws(ShellError) -> LineChart {
        var series: [LineSeries] = []
        for run in runs {
            let epochs = run.result.epochs
            switch metric {
            case .cost:
                if let every {
                    let costs = run.result.costs
                    let count = costs.coveredBatches
                    guard count >= every else {
                        throw ShellError(loc(.plotFewerBatches, run.name, count, count == 1 ? "" : "es", every), hint: loc(.plotSmallerEvery, max(1, count)))
                    }
                    guard let points = costs.blocks(of: every) else {
                        throw ShellError(loc(.plotCostBlocks, run.name, costs.blockSize, every),
                                         hint: loc(.plotUseMultiple, costs.blockSize, run.name, costs.blockSize * max(1, every / costs.blockSize)))
                    }
                    series.append(LineSeries(name: run.name, xy: points.map { ($0.x, $0.y) }))
                } else {
                    series.append(LineSeries(name: run.name, xy: epochs.map { (Double($0.epoch), Double($0.cost)) }))
                }
            case .accuracy:
                series.append(LineSeries(name: run.name, xy: epochs.map { (Double($0.epoch), Double($0.trainAccuracy)) }))
            case .validation:
                let points = epochs.compactMap { e in e.validationAccuracy.map { (Double(e.epoch), Double($0)) } }
                guard !points.isEmpty || runs.count > 1 else {
                    throw ShellError(loc(.plotNoValidation, run.name), hint: loc(.plotItsAccuracy, run.name))
                }
                series.append(LineSeries(name: run.name, xy: points))
            case .boundary:
                break
            }
        }
        if metric == .validation, series.allSatisfy({ $0.points.isEmpty }) {
            throw ShellError(loc(.plotNoneValidation), hint: loc(.plotAccuracyInstead))
        }
        if series.allSatisfy({ $0.points.isEmpty }) {
            throw ShellError(loc(.plotNoEpoch), hint: loc(.plotPerBatch))
        }
        let names = runs.map(\.name).joined(separator: ", ")
        let unit = every.map { loc(.perBatches, $0, $0 == 1 ? "" : "es") } ?? loc(.perEpoch)
        // Several runs get a marker each (the table under the chart repeats them with the last values).
        return LineChart(series: series, title: loc(.chartTitle, metric.title, unit, names), xLabel: every == nil ? loc(.epochWord) : loc(.batchWord),
                         yScale: log ? .log : .linear, yRange: metric == .cost ? nil : accuracyRange(series),
                         width: width, markers: series.count > 1 ? .always : .auto)
    }

    /// The y range for accuracies: the data's own span with a little room, never past 0 or 1, so
    /// curves ending at 0.979 and 0.982 lie apart instead of in one line under 1.0.
    static func accuracyRange(_ series: [LineSeries]) -> ClosedRange<Double> {
        let ys = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        guard let lo = ys.min(), let hi = ys.max() else { return 0...1 }
        let pad = max((hi - lo) * 0.1, 0.002)
        return max(0, lo - pad)...min(1, max(hi + pad, lo + 0.01))
    }

    /// The table under an overlaid chart: each run's marker, name and last value.
    static func finalValues(_ chart: LineChart, metric: Metric) -> TextTable {
        chart.finalValues(seriesTitle: loc(.columnRun), valueTitle: loc(.columnLast), best: metric == .cost ? .smallest : .largest,
                          format: { NumberFormat.fourDecimals(Float($0)) })
    }

    /// The cost curves of several runs in one chart (a sweep's summary): per epoch, or per batch
    /// block when the runs are a single epoch long; on a log scale when the costs span decades.
    static func costChart(_ runs: [Run], title: String, width: Int?) -> LineChart {
        let perEpoch = runs.contains { $0.result.epochs.count >= 2 }
        let series = runs.map { run -> LineSeries in
            if perEpoch { return LineSeries(name: run.name, xy: run.result.epochs.map { (Double($0.epoch), Double($0.cost)) }) }
            let costs = run.result.costs
            let points = costs.blocks(of: costs.blockSize * max(1, costs.means.count / 40)) ?? []
            return LineSeries(name: run.name, xy: points.map { ($0.x, $0.y) })
        }
        let values = series.flatMap { $0.points.map(\.y) }.filter { $0.isFinite && $0 > 0 }
        let spread = (values.max() ?? 1) / max(values.min() ?? 1, 1e-12)
        return LineChart(series: series, title: title, xLabel: perEpoch ? loc(.epochWord) : loc(.batchWord),
                         yScale: spread > 50 ? .log : .linear, width: width, markers: series.count > 1 ? .always : .auto)
    }

    // MARK: - Files

    /// The files asked for, checked before anything is drawn (their folders must exist).
    static func outputFiles(_ inv: Invocation) throws(ShellError) -> [(kind: String, url: URL)] {
        var files: [(String, URL)] = []
        for (kind, argument) in [("svg", svgFile), ("png", pngFile)] {
            guard let path = inv[argument] else { continue }
            let url = try RunExports.outputFile(path, kind: kind)
            files.append((kind, url))
        }
        return files
    }

    static func write(_ chart: LineChart, to files: [(kind: String, url: URL)], lab: Lab) throws {
        for (kind, url) in files {
            if kind == "svg" {
                try AtomicFile.write(chart.svg(), to: url)
            } else {
                try AtomicFile.write(Data(chart.png()), to: url)
            }
            lab.console.write(loc(.plotWroteFile, url.path, kind.uppercased()))
        }
    }

    /// A path as typed: `~` expanded, relative to the current folder.
    static func resolvedPath(_ path: String) -> URL {
        let expanded = NSString(string: path).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded) }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(expanded)
    }

    // MARK: - Decision boundary

    static func boundary(_ lab: Lab) throws {
        let data = try lab.requireData()
        guard data.featureCount == 2 else {
            throw ShellError(loc(.plotBoundaryNeeds2D, data.info.name, NumberFormat.grouped(data.featureCount)), hint: loc(.plotLoad2D))
        }
        let net = try lab.requireNetwork()
        let names = data.info.classNames.count >= data.classCount ? data.info.classNames : (0..<data.classCount).map(String.init)
        lab.console.write(Pictures.scatter(data.train, classNames: names, style: lab.console.style, network: net))
    }
}
