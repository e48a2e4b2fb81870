// BrailleCanvas: a grid of terminal cells where each cell is a 2x4 block of dots drawn with the
// Unicode braille patterns (U+2800-U+28FF), giving lines twice the horizontal and four times the
// vertical resolution of characters. Each cell remembers which series drew into it last (its colour)
// and may carry a marker character instead of dots, which is how plain output tells series apart.
//
// Not here: axes, labels and legends (LineChart.swift, Sparklines.swift).

/// Dots on a cols x rows grid of braille cells; dot (0, 0) is the top-left.
struct BrailleCanvas {
    let cols: Int
    let rows: Int
    private var bits: [UInt8]
    private var owner: [Int]
    private var markers: [Character?]
    /// Bit (series % 32) is set in a cell for every series that put a dot there.
    private var drawnBy: [UInt32]

    var dotWidth: Int { cols * 2 }
    var dotHeight: Int { rows * 4 }

    init(cols: Int, rows: Int) {
        self.cols = max(1, cols)
        self.rows = max(1, rows)
        bits = Array(repeating: 0, count: self.cols * self.rows)
        owner = Array(repeating: -1, count: self.cols * self.rows)
        markers = Array(repeating: nil, count: self.cols * self.rows)
        drawnBy = Array(repeating: 0, count: self.cols * self.rows)
    }

    // Bit of each dot inside a cell, indexed [y][x]: the braille numbering 1-2-3-7 down the left
    // column and 4-5-6-8 down the right.
    private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets one dot for `series`; dots outside the canvas are ignored (lines are clipped this way).
    mutating func set(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * cols + x / 2
        bits[cell] |= BrailleCanvas.dotBits[y % 4][x % 2]
        owner[cell] = series
        drawnBy[cell] |= 1 << UInt32(((series % 32) + 32) % 32)
    }

    /// A straight line of dots (Bresenham), endpoints included.
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, series: Int) {
        // Long off-canvas segments (a fixed range far from the data) are not walked dot by dot.
        if (x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0) || (x0 >= dotWidth && x1 >= dotWidth)
            || (y0 >= dotHeight && y1 >= dotHeight) { return }
        let limit = 4 * (dotWidth + dotHeight)
        if abs(x1 - x0) > limit || abs(y1 - y0) > limit {
            clippedLine(Double(x0), Double(y0), Double(x1), Double(y1), series: series)
            return
        }
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y, series: series)
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Draws a line between points that may lie far outside, by sampling along it.
    private mutating func clippedLine(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, series: Int) {
        let steps = 4 * (dotWidth + dotHeight)
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            set(Int((x0 + (x1 - x0) * t).rounded()), Int((y0 + (y1 - y0) * t).rounded()), series: series)
        }
    }

    /// Puts a marker character in a cell (it replaces the dots there).
    mutating func mark(col: Int, row: Int, _ marker: Character, series: Int) {
        guard col >= 0, row >= 0, col < cols, row < rows else { return }
        markers[row * cols + col] = marker
        owner[row * cols + col] = series
    }

    /// The share of the cells `series` drew in that still show its colour (later series take over
    /// the cells they share); 1 when the series drew nothing.
    func visibleShare(of series: Int) -> Double {
        let bit: UInt32 = 1 << UInt32(((series % 32) + 32) % 32)
        var drawn = 0, shown = 0
        for i in drawnBy.indices where drawnBy[i] & bit != 0 {
            drawn += 1
            if owner[i] == series { shown += 1 }
        }
        return drawn == 0 ? 1 : Double(shown) / Double(drawn)
    }

    /// True when no dot or marker was drawn in the cell.
    func isEmpty(col: Int, row: Int) -> Bool {
        let cell = row * cols + col
        return bits[cell] == 0 && markers[cell] == nil
    }

    /// The character of a cell (a space when empty) and the series that drew it (-1 if none).
    func cell(col: Int, row: Int) -> (Character, Int) {
        let i = row * cols + col
        if let m = markers[i] { return (m, owner[i]) }
        if bits[i] == 0 { return (" ", -1) }
        let scalar = Unicode.Scalar(0x2800 + UInt32(bits[i])) ?? " "
        return (Character(scalar), owner[i])
    }

    /// One row as text, each cell coloured by `color(series)` when the style allows colour.
    func renderRow(_ row: Int, style: Style, color: (Int) -> Color?) -> String {
        var line = ColoredLine(style: style)
        for col in 0..<cols {
            let (c, series) = cell(col: col, row: row)
            line.append(String(c), fg: series >= 0 ? color(series) : nil)
        }
        return line.finish()
    }
}
