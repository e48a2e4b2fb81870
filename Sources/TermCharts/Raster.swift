// Raster: an RGB picture in memory with the few drawing operations the PNG chart needs: filled
// rectangles, antialiased thick lines, dots and bitmap text. Lines are drawn by coverage: each
// pixel near a segment is blended by how much of it the stroke covers (distance to the segment),
// which gives smooth lines of any width without special cases for steep or shallow slopes.
//
// Not here: encoding (PNGEncoder.swift) or the font's glyphs (BitmapFont.swift).

/// An RGB image, 8 bits per channel, rows top to bottom.
public struct Raster: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// width * height * 3 bytes, row-major, R G B.
    public private(set) var pixels: [UInt8]

    /// A picture filled with `background`.
    public init(width: Int, height: Int, background: Color = .white) {
        self.width = max(1, width)
        self.height = max(1, height)
        var p = [UInt8](repeating: 0, count: self.width * self.height * 3)
        for i in 0..<(self.width * self.height) {
            p[3 * i] = background.red
            p[3 * i + 1] = background.green
            p[3 * i + 2] = background.blue
        }
        pixels = p
    }

    /// The colour at (x, y), nil outside.
    public func pixel(_ x: Int, _ y: Int) -> Color? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let i = 3 * (y * width + x)
        return Color(pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Blends `color` over the pixel with opacity `alpha` (0...1); outside pixels are ignored.
    mutating func blend(_ x: Int, _ y: Int, _ color: Color, _ alpha: Double) {
        guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
        let a = min(1, alpha)
        let i = 3 * (y * width + x)
        func mix(_ old: UInt8, _ new: UInt8) -> UInt8 { UInt8((Double(old) * (1 - a) + Double(new) * a).rounded()) }
        pixels[i] = mix(pixels[i], color.red)
        pixels[i + 1] = mix(pixels[i + 1], color.green)
        pixels[i + 2] = mix(pixels[i + 2], color.blue)
    }

    /// Fills the rectangle [x0, x1) x [y0, y1) (clipped).
    mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, _ color: Color) {
        let xa = max(0, x0), xb = min(width, x1), ya = max(0, y0), yb = min(height, y1)
        guard xa < xb, ya < yb else { return }
        for y in ya..<yb {
            for x in xa..<xb { blend(x, y, color, 1) }
        }
    }

    /// An antialiased segment `thickness` pixels wide, clipped to `clip` (x0, y0, x1, y1) if given.
    mutating func line(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, thickness: Double, _ color: Color,
                       clip: (Double, Double, Double, Double)? = nil) {
        guard ax.isFinite, ay.isFinite, bx.isFinite, by.isFinite else { return }
        let r = thickness / 2
        var minX = Int((min(ax, bx) - r - 1).rounded(.down)), maxX = Int((max(ax, bx) + r + 1).rounded(.up))
        var minY = Int((min(ay, by) - r - 1).rounded(.down)), maxY = Int((max(ay, by) + r + 1).rounded(.up))
        if let (cx0, cy0, cx1, cy1) = clip {
            minX = max(minX, Int(cx0.rounded(.down))); maxX = min(maxX, Int(cx1.rounded(.up)))
            minY = max(minY, Int(cy0.rounded(.down))); maxY = min(maxY, Int(cy1.rounded(.up)))
        }
        minX = max(0, minX); minY = max(0, minY)
        maxX = min(width - 1, maxX); maxY = min(height - 1, maxY)
        guard minX <= maxX, minY <= maxY else { return }
        let dx = bx - ax, dy = by - ay
        let lengthSquared = dx * dx + dy * dy
        for y in minY...maxY {
            for x in minX...maxX {
                // Distance from the pixel centre to the segment.
                let px = Double(x) + 0.5 - ax, py = Double(y) + 0.5 - ay
                let t = lengthSquared > 0 ? min(1, max(0, (px * dx + py * dy) / lengthSquared)) : 0
                let ex = px - t * dx, ey = py - t * dy
                let distance = (ex * ex + ey * ey).squareRoot()
                let coverage = r + 0.5 - distance
                if coverage > 0 { blend(x, y, color, coverage) }
            }
        }
    }

    /// A filled antialiased dot of radius `radius` centred at (cx, cy).
    mutating func dot(_ cx: Double, _ cy: Double, radius: Double, _ color: Color) {
        line(cx, cy, cx, cy, thickness: 2 * radius, color)
    }

    /// Text in the built-in 5x7 font, each font pixel drawn as a `scale` x `scale` square.
    /// (x, y) is the top-left of the first character cell; returns the width drawn.
    @discardableResult
    mutating func text(_ s: String, x: Int, y: Int, scale: Int, _ color: Color) -> Int {
        var cx = x
        for c in s {
            let glyph = BitmapFont.glyph(c)
            for (row, bits) in glyph.enumerated() {
                for col in 0..<BitmapFont.glyphWidth where bits & (1 << (BitmapFont.glyphWidth - 1 - col)) != 0 {
                    fill(x0: cx + col * scale, y0: y + row * scale, x1: cx + (col + 1) * scale, y1: y + (row + 1) * scale, color)
                }
            }
            cx += BitmapFont.advance * scale
        }
        return cx - x
    }
}
