// A LineChart as a PNG picture: the same layout as the SVG (ChartGeometry), painted into a Raster
// with antialiased lines and the built-in bitmap font at twice its size, then encoded by PNGEncoder.
//
// Not here: the layout, the drawing primitives or the file format (their own files).

import LabKit

extension LineChart {
    /// The chart as a `width` x `height` picture.
    public func raster(width: Int = 800, height: Int = 500) -> Raster {
        let scale = 2
        let charWidth = Double(BitmapFont.advance * scale)
        let lineHeight = Double(BitmapFont.lineRows * scale)
        let metrics = TextMetrics(charWidth: charWidth, lineHeight: lineHeight,
                                  titleCharWidth: charWidth, titleLineHeight: lineHeight)
        let g = ChartGeometry(chart: self, width: width, height: height, metrics: metrics)
        var r = Raster(width: Int(g.width), height: Int(g.height), background: .white)
        let ink = Color(68, 68, 68), grid = Color(230, 230, 230), axis = Color(85, 85, 85)
        let capHeight = 7 * scale

        func text(_ s: String, x: Double, centreY: Double, anchor: TextAlignment, color: Color = ink, bold: Bool = false) {
            let w = Double(s.count * BitmapFont.advance * scale - scale)
            let left: Double
            switch anchor {
            case .left: left = x
            case .right: left = x - w
            case .center: left = x - w / 2
            }
            let top = Int((centreY - Double(capHeight) / 2).rounded())
            r.text(s, x: Int(left.rounded()), y: top, scale: scale, color)
            if bold { r.text(s, x: Int(left.rounded()) + 1, y: top, scale: scale, color) }
        }

        // Grid, axes, ticks.
        let left = g.plotX, right = g.plotX + g.plotWidth, top = g.plotY, bottom = g.plotY + g.plotHeight
        for t in g.yAxis.ticks { if let y = g.py(t) { r.line(left, y, right, y, thickness: 1, grid) } }
        for t in g.xAxis.ticks { if let x = g.px(t) { r.line(x, top, x, bottom, thickness: 1, grid) } }
        r.line(left, top, left, bottom, thickness: 1, axis)
        r.line(left, bottom, right, bottom, thickness: 1, axis)
        for (t, label) in zip(g.yAxis.ticks, g.yAxis.labels) {
            guard let y = g.py(t) else { continue }
            r.line(left - 5, y, left, y, thickness: 1, axis)
            text(label, x: left - 8, centreY: y, anchor: .right)
        }
        for (t, label) in zip(g.xAxis.ticks, g.xAxis.labels) {
            guard let x = g.px(t) else { continue }
            r.line(x, bottom, x, bottom + 5, thickness: 1, axis)
            text(label, x: x, centreY: g.tickLabelY, anchor: .center)
        }
        if let titleY = g.titleY, let title { text(title, x: left + g.plotWidth / 2, centreY: titleY, anchor: .center, color: Color(34, 34, 34), bold: true) }
        if let xLabelY = g.xLabelY, let xLabel { text(xLabel, x: left + g.plotWidth / 2, centreY: xLabelY, anchor: .center) }

        // Series, clipped to the plot area (with room for the stroke at the edges).
        let clip = (left - 2, top - 2, right + 2, bottom + 2)
        for (i, runs) in g.paths(self).enumerated() {
            let color = FilePalette.color(i)
            for run in runs {
                if run.count == 1 { r.dot(run[0].0, run[0].1, radius: 3, color); continue }
                for k in 1..<run.count {
                    r.line(run[k - 1].0, run[k - 1].1, run[k].0, run[k].1, thickness: 2.2, color, clip: clip)
                }
            }
            if i < series.count, g.showsPointMarkers(series[i], self) {
                for run in runs where run.count > 1 { for (x, y) in run { r.dot(x, y, radius: 2.5, color) } }
            }
        }
        if isEmpty {
            text("no data", x: left + g.plotWidth / 2, centreY: top + g.plotHeight / 2, anchor: .center, color: Color(136, 136, 136))
        }

        // Legend.
        for entry in g.legend {
            r.line(entry.x, entry.y, entry.x + ChartGeometry.swatchWidth, entry.y, thickness: 3, FilePalette.color(entry.series))
            text(entry.name, x: entry.x + ChartGeometry.swatchWidth + 6, centreY: entry.y, anchor: .left, color: Color(34, 34, 34))
        }
        return r
    }

    /// The chart as PNG file bytes (uncompressed deflate, so about 3 bytes per pixel).
    public func png(width: Int = 800, height: Int = 500) -> [UInt8] {
        PNGEncoder.encode(raster(width: width, height: height))
    }
}
