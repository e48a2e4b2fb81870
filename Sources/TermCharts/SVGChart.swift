// A LineChart as a standalone SVG document: white background, title, light grid, axes with ticks
// and labels, one polyline per run of drawable points (clipped to the plot area), dots on sparse
// series, and a legend. Text is in a monospace font so the layout's width estimates hold; any
// Unicode text (Korean run names) is kept, escaped for XML.
//
// Not here: the layout (ChartGeometry.swift) or the raster version (PNGChart.swift).

import LabKit

extension LineChart {
    /// The chart as an SVG document of `width` x `height` pixels.
    public func svg(width: Int = 800, height: Int = 500) -> String {
        let metrics = TextMetrics(charWidth: 7.2, lineHeight: 14, titleCharWidth: 9, titleLineHeight: 18)
        let g = ChartGeometry(chart: self, width: width, height: height, metrics: metrics)
        var s = SVGWriter()
        s.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        s.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(s.n(g.width))\" height=\"\(s.n(g.height))\" "
              + "viewBox=\"0 0 \(s.n(g.width)) \(s.n(g.height))\" "
              + "font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"12\">")
        if let title, !title.isEmpty { s.raw("<title>\(SVGWriter.escape(title))</title>") }
        s.raw("<rect x=\"0\" y=\"0\" width=\"\(s.n(g.width))\" height=\"\(s.n(g.height))\" fill=\"#ffffff\"/>")
        s.raw("<defs><clipPath id=\"plot-area\"><rect x=\"\(s.n(g.plotX - 2))\" y=\"\(s.n(g.plotY - 2))\" "
              + "width=\"\(s.n(g.plotWidth + 4))\" height=\"\(s.n(g.plotHeight + 4))\"/></clipPath></defs>")

        if let titleY = g.titleY, let title {
            s.text(title, x: g.plotX + g.plotWidth / 2, y: titleY, anchor: "middle",
                   extra: "font-size=\"15\" font-weight=\"bold\" fill=\"#222222\"")
        }

        // Grid and ticks.
        s.raw("<g stroke=\"#e6e6e6\" stroke-width=\"1\">")
        for t in g.yAxis.ticks { if let y = g.py(t) { s.line(g.plotX, y, g.plotX + g.plotWidth, y) } }
        for t in g.xAxis.ticks { if let x = g.px(t) { s.line(x, g.plotY, x, g.plotY + g.plotHeight) } }
        s.raw("</g>")
        s.raw("<g stroke=\"#555555\" stroke-width=\"1\">")
        s.line(g.plotX, g.plotY, g.plotX, g.plotY + g.plotHeight)
        s.line(g.plotX, g.plotY + g.plotHeight, g.plotX + g.plotWidth, g.plotY + g.plotHeight)
        for t in g.yAxis.ticks { if let y = g.py(t) { s.line(g.plotX - 5, y, g.plotX, y) } }
        for t in g.xAxis.ticks { if let x = g.px(t) { s.line(x, g.plotY + g.plotHeight, x, g.plotY + g.plotHeight + 5) } }
        s.raw("</g>")
        s.raw("<g fill=\"#444444\" font-size=\"12\">")
        for (t, label) in zip(g.yAxis.ticks, g.yAxis.labels) {
            if let y = g.py(t) { s.text(label, x: g.plotX - 8, y: y, anchor: "end") }
        }
        for (t, label) in zip(g.xAxis.ticks, g.xAxis.labels) {
            if let x = g.px(t) { s.text(label, x: x, y: g.tickLabelY, anchor: "middle") }
        }
        if let xLabelY = g.xLabelY, let xLabel {
            s.text(xLabel, x: g.plotX + g.plotWidth / 2, y: xLabelY, anchor: "middle")
        }
        s.raw("</g>")

        // Series.
        s.raw("<g clip-path=\"url(#plot-area)\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">")
        for (i, runs) in g.paths(self).enumerated() {
            let color = FilePalette.color(i).hex
            for run in runs {
                if run.count == 1 {
                    s.raw("<circle cx=\"\(s.n(run[0].0))\" cy=\"\(s.n(run[0].1))\" r=\"3\" fill=\"\(color)\" stroke=\"none\"/>")
                    continue
                }
                let points = run.map { "\(s.n($0.0)),\(s.n($0.1))" }.joined(separator: " ")
                s.raw("<polyline points=\"\(points)\" stroke=\"\(color)\"/>")
            }
            if i < series.count, g.showsPointMarkers(series[i], self) {
                for run in runs where run.count > 1 {
                    for (x, y) in run {
                        s.raw("<circle cx=\"\(s.n(x))\" cy=\"\(s.n(y))\" r=\"2.5\" fill=\"\(color)\" stroke=\"none\"/>")
                    }
                }
            }
        }
        s.raw("</g>")
        if isEmpty {
            let note = yScale == .log && series.contains(where: { !$0.points.isEmpty }) ? "no positive values to draw on a log scale" : "no data"
            s.text(note, x: g.plotX + g.plotWidth / 2, y: g.plotY + g.plotHeight / 2, anchor: "middle", extra: "fill=\"#888888\"")
        }

        // Legend.
        s.raw("<g font-size=\"12\" fill=\"#222222\">")
        for entry in g.legend {
            let color = FilePalette.color(entry.series).hex
            s.raw("<line x1=\"\(s.n(entry.x))\" y1=\"\(s.n(entry.y))\" x2=\"\(s.n(entry.x + ChartGeometry.swatchWidth))\" "
                  + "y2=\"\(s.n(entry.y))\" stroke=\"\(color)\" stroke-width=\"3\"/>")
            s.text(entry.name, x: entry.x + ChartGeometry.swatchWidth + 6, y: entry.y, anchor: "start")
        }
        s.raw("</g>")
        s.raw("</svg>")
        return s.output
    }
}

/// Accumulates SVG markup; numbers are written with at most two decimals.
struct SVGWriter {
    private(set) var output = ""

    mutating func raw(_ line: String) {
        output += line
        output += "\n"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
        raw("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"/>")
    }

    /// Text vertically centred on `y` (dominant-baseline is not honoured everywhere, so shift by 0.35em).
    mutating func text(_ text: String, x: Double, y: Double, anchor: String, extra: String = "") {
        let attributes = extra.isEmpty ? "" : " " + extra
        raw("<text x=\"\(n(x))\" y=\"\(n(y))\" dy=\"0.35em\" text-anchor=\"\(anchor)\"\(attributes)>\(SVGWriter.escape(text))</text>")
    }

    /// A coordinate as short text: "12", "12.5", "12.25".
    func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let rounded = (v * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return NumberFormat.fixed(rounded, decimals: 2).replacingTrailingZeros()
    }

    /// Text made safe for XML character data and attribute values; control characters are dropped
    /// (XML 1.0 forbids them, and ANSI escapes have no meaning in a file).
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.strippingANSI().unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if c.value < 0x20 && c != "\t" && c != "\n" { continue }
                if c.value == 0xFFFE || c.value == 0xFFFF { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension String {
    /// "12.50" -> "12.5", "3.00" -> "3".
    func replacingTrailingZeros() -> String {
        guard contains(".") else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
