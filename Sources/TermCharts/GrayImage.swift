// Grayscale images in the terminal (a 28x28 digit, a learned filter). With colour, each cell shows two
// pixels stacked: "▀" with the top pixel as foreground and the bottom one as background, so 28x28
// fits in 28x14 cells. Without colour, each pixel becomes a shade character (" ░▒▓█") drawn twice
// side by side (cells are about twice as tall as wide), or, in the compact mode, two pixels per cell
// as "▀", "▄", "█" or " " by a threshold. Images wider than the space are downsampled by averaging.
//
// Not here: several images with captions (ImageGallery.swift).

/// A grayscale image: `pixels` row by row, 0 is background (black) and 1 is full ink (white).
public struct GrayImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public var pixels: [Float]

    /// An image of `width` x `height` pixels, row-major. Values outside 0...1 are clamped when drawn
    /// and NaN draws as 0. Missing pixels read as 0 and extra ones are ignored.
    public init(width: Int, height: Int, pixels: [Float]) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.pixels = pixels
    }

    /// The pixel at column x, row y, clamped to 0...1 (0 outside the image).
    public subscript(x: Int, y: Int) -> Float {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        let i = y * width + x
        guard i < pixels.count else { return 0 }
        let v = pixels[i]
        return v.isNaN ? 0 : min(1, max(0, v))
    }

    /// The image shrunk by averaging to at most `maxWidth` x `maxHeight` pixels (aspect kept).
    public func downsampled(maxWidth: Int, maxHeight: Int) -> GrayImage {
        guard width > 0, height > 0, maxWidth > 0, maxHeight > 0 else { return self }
        let factor = max(Double(width) / Double(maxWidth), Double(height) / Double(maxHeight))
        guard factor > 1 else { return self }
        // The small epsilon keeps 28 / (28 / 15) from landing on 14.999...
        let w = max(1, min(maxWidth, Int((Double(width) / factor + 1e-9).rounded(.down))))
        let h = max(1, min(maxHeight, Int((Double(height) / factor + 1e-9).rounded(.down))))
        var out = [Float](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                // Average the source block that maps onto this output pixel.
                let x0 = x * width / w, x1 = max(x0 + 1, (x + 1) * width / w)
                let y0 = y * height / h, y1 = max(y0 + 1, (y + 1) * height / h)
                var sum: Float = 0
                for sy in y0..<y1 { for sx in x0..<x1 { sum += self[sx, sy] } }
                out[y * w + x] = sum / Float((x1 - x0) * (y1 - y0))
            }
        }
        return GrayImage(width: w, height: h, pixels: out)
    }
}

/// How an image becomes characters.
public enum ImageMode: Sendable, Hashable {
    /// Half blocks when colour is allowed, otherwise double-width shades (compact if those do not fit).
    case auto
    /// "▀" with foreground and background grays: two pixels per cell (needs colour; falls back to compact).
    case halfBlocks
    /// A shade character per pixel, twice, so pixels look square.
    case shades
    /// Two pixels per cell as "▀", "▄", "█" or " " (ink above `threshold`).
    case compact
}

extension GrayImage {
    /// The image as lines of equal display width, at most `maxWidth` columns wide (downsampled if needed).
    public func renderLines(_ style: Style, mode: ImageMode = .auto, maxWidth: Int? = nil,
                            threshold: Float = 0.35) -> [String] {
        guard width > 0, height > 0 else { return [] }
        let limit = max(1, maxWidth ?? style.width)
        let resolved = resolve(mode, style: style, limit: limit)
        let columnsPerPixel = resolved == .shades ? 2 : 1
        let fitted = downsampled(maxWidth: limit / columnsPerPixel, maxHeight: Int.max)
        switch resolved {
        case .halfBlocks: return fitted.halfBlockLines(style)
        case .shades: return fitted.shadeLines()
        default: return fitted.compactLines(threshold: threshold)
        }
    }

    /// The image as text joined by "\n".
    public func render(_ style: Style, mode: ImageMode = .auto, maxWidth: Int? = nil) -> String {
        renderLines(style, mode: mode, maxWidth: maxWidth).joined(separator: "\n")
    }

    /// The mode actually used: half blocks need colour, shades need twice the width.
    func resolve(_ mode: ImageMode, style: Style, limit: Int) -> ImageMode {
        switch mode {
        case .auto:
            if style.usesColor { return .halfBlocks }
            return 2 * width <= limit ? .shades : .compact
        case .halfBlocks: return style.usesColor ? .halfBlocks : .compact
        case .shades, .compact: return mode
        }
    }

    // MARK: - Renderers

    private func halfBlockLines(_ style: Style) -> [String] {
        stride(from: 0, to: height, by: 2).map { y in
            var line = ColoredLine(style: style)
            for x in 0..<width {
                let top = Double(self[x, y]), bottom = Double(self[x, y + 1])
                line.append("▀", fg: Color.gray(top), bg: Color.gray(bottom))
            }
            return line.finish()
        }
    }

    private func shadeLines() -> [String] {
        let shades: [Character] = [" ", "░", "▒", "▓", "█"]
        return (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let c = shades[min(4, Int(self[x, y] * 5))]
                line.append(c)
                line.append(c)
            }
            return line
        }
    }

    private func compactLines(threshold: Float) -> [String] {
        stride(from: 0, to: height, by: 2).map { y in
            var line = ""
            for x in 0..<width {
                switch (self[x, y] > threshold, self[x, y + 1] > threshold) {
                case (true, true): line.append("█")
                case (true, false): line.append("▀")
                case (false, true): line.append("▄")
                case (false, false): line.append(" ")
                }
            }
            return line
        }
    }
}
