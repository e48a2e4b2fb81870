// The data of a line chart: named series of (x, y) points, and the chart description (title, axes,
// scale, ranges) shared by the terminal, SVG and PNG renderers. Resolving the axes from the data
// lives here too, so every medium agrees on ranges and ticks.
//
// Not here: drawing (LineChart.swift for the terminal, SVGChart.swift, PNGChart.swift).

/// One (x, y) point. Non-finite coordinates are allowed and skipped when drawing.
public struct ChartPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named sequence of points drawn as one line.
public struct LineSeries: Sendable, Hashable {
    public var name: String
    public var points: [ChartPoint]

    /// A series from explicit points.
    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }

    /// A series of y values at x = firstX, firstX + stepX, ... (epochs 1, 2, 3 by default).
    public init(name: String, values: [Double], firstX: Double = 1, stepX: Double = 1) {
        self.name = name
        self.points = values.enumerated().map { ChartPoint(x: firstX + Double($0.offset) * stepX, y: $0.element) }
    }

    /// A series from (x, y) pairs.
    public init(name: String, xy: [(Double, Double)]) {
        self.name = name
        self.points = xy.map { ChartPoint(x: $0.0, y: $0.1) }
    }
}

/// When series get a marker character on top of their line.
public enum MarkerMode: Sendable, Hashable {
    /// Markers when there are several series and colour is off, or more series than clearly different
    /// colours, or (terminal only) when a series' line lies mostly under later ones.
    case auto
    case always
    case never
}

/// A line chart: one or more series over a shared x axis. Render it with `render(_:)` (terminal),
/// `svg(width:height:)` or `png(width:height:)`.
public struct LineChart: Sendable, Hashable {
    public var series: [LineSeries]
    public var title: String?
    /// Caption under the x axis ("epoch", "step").
    public var xLabel: String?
    /// `.log` for costs spanning decades; values <= 0 are then skipped.
    public var yScale: ScaleKind
    /// A fixed y range (e.g. 0...1 for accuracy); nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// A fixed x range; nil fits the data.
    public var xRange: ClosedRange<Double>?
    /// Total width in columns for the terminal; nil uses the style's width.
    public var width: Int?
    /// Rows of the plotting area in the terminal (the title, x axis, labels and legend come on top).
    public var height: Int
    public var markers: MarkerMode

    public init(series: [LineSeries], title: String? = nil, xLabel: String? = nil,
                yScale: ScaleKind = .linear, yRange: ClosedRange<Double>? = nil,
                xRange: ClosedRange<Double>? = nil, width: Int? = nil, height: Int = 12,
                markers: MarkerMode = .auto) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yScale = yScale
        self.yRange = yRange
        self.xRange = xRange
        self.width = width
        self.height = height
        self.markers = markers
    }

    // MARK: - Shared axis resolution

    /// True when the point can be drawn on this chart's scales.
    func isDrawable(_ p: ChartPoint) -> Bool {
        p.x.isFinite && p.y.isFinite && (yScale == .linear || p.y > 0)
    }

    /// Drawable points of every series, in order.
    var drawablePoints: [ChartPoint] { series.flatMap { $0.points.filter(isDrawable) } }

    /// True when nothing at all can be drawn.
    var isEmpty: Bool { drawablePoints.isEmpty }

    /// The y axis for at most `maxTicks` ticks.
    func yAxis(maxTicks: Int) -> AxisScale {
        let ys = drawablePoints.map(\.y)
        let lo = ys.min() ?? .nan, hi = ys.max() ?? .nan
        switch yScale {
        case .linear:
            let empty = ys.isEmpty
            return AxisScale.linear(dataMin: empty ? 0 : lo, dataMax: empty ? 1 : hi, fixed: yRange,
                                    maxTicks: maxTicks, extend: true)
        case .log:
            let fixed = yRange.flatMap { $0.lowerBound > 0 ? $0 : nil }
            return AxisScale.log(dataMin: lo, dataMax: hi, fixed: fixed, maxTicks: maxTicks)
        }
    }

    /// The x axis for at most `maxTicks` ticks; integer steps when every x is a whole number.
    func xAxis(maxTicks: Int) -> AxisScale {
        let xs = drawablePoints.map(\.x)
        let integers = xs.allSatisfy { $0 == $0.rounded() }
        let lo = xs.min() ?? 0, hi = xs.max() ?? 1
        return AxisScale.linear(dataMin: lo, dataMax: hi, fixed: xRange, maxTicks: maxTicks,
                                extend: false, integerSteps: integers)
    }

    /// Markers are drawn in this style?
    func showsMarkers(_ colors: Style.Colors) -> Bool {
        switch markers {
        case .always: return true
        case .never: return false
        case .auto:
            // A lone series needs nothing to tell it apart.
            return series.count > 1 && (colors == .none || series.count > SeriesPalette.distinctColors(colors))
        }
    }
}
