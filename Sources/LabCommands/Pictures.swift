// Pictures: terminal drawings built from lab state (data scatters, decision boundaries).

import LabCore
import LabText
import NNEngine
import TermCharts

enum Pictures {
    /// 2-D points coloured by class.
    static func scatter(_ data: LabeledData, classNames: [String], style: Style, network: Network? = nil) -> String {
        let x = Examples.features(data, Array(0..<data.count))
        let points = (0..<data.count).map { LabeledPoint(x: Double(x[$0, 0]), y: Double(x[$0, 1]), label: data.label($0)) }
        let xs = points.map(\.x), ys = points.map(\.y)
        let pad = 0.1 * max((xs.max() ?? 1) - (xs.min() ?? 0), (ys.max() ?? 1) - (ys.min() ?? 0), 1e-6)
        let xr = ((xs.min() ?? 0) - pad)...((xs.max() ?? 1) + pad), yr = ((ys.min() ?? 0) - pad)...((ys.max() ?? 1) + pad)
        let columns = max(20, min(style.width - 8, 72)), rows = max(10, columns / 3)
        let grid: ProbabilityGrid
        if let network {
            let probe = Matrix(rows: 1, cols: 2)
            let context = ForwardContext(mode: .inference, generator: SeededGenerator(seed: 0))
            grid = ProbabilityGrid.sample(columns: columns, rows: rows, xRange: xr, yRange: yr) { a, b in
                probe.data[0] = Float(a); probe.data[1] = Float(b)
                return network.forward(probe, context: context).row(0).map(Double.init)
            }
        } else {
            grid = ProbabilityGrid(columns: columns, rows: rows, classes: max(classNames.count, 2),
                                   probabilities: [Float](repeating: 1 / Float(max(classNames.count, 2)), count: columns * rows * max(classNames.count, 2)),
                                   xRange: xr, yRange: yr)
        }
        var picture = DecisionBoundary(grid: grid, points: points, classNames: classNames,
                                       title: network == nil ? loc(.picturePoints, data.count) : loc(.metricBoundary))
        picture.legendWords = .init(classOnTexture: loc(.boundaryClassOnTexture), colorNote: loc(.boundaryColorNote),
                                    textureNote: loc(.boundaryTextureNote))
        return picture.render(style)
    }
}
