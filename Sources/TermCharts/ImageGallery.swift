// Several images side by side, each with caption lines centred under it ("true 7", "pred 2 91%"),
// flowing onto as many rows as the width needs: what `show wrong` and `predict` print.
//
// Not here: drawing one image (GrayImage.swift).

import LabKit

/// One image of a gallery and the lines written under it.
public struct ImageTile: Sendable, Hashable {
    public var image: GrayImage
    public var caption: [String]
    /// Caption colour when colour is allowed (e.g. red for a wrong prediction); nil for the default.
    public var captionColor: Color?

    public init(image: GrayImage, caption: [String] = [], captionColor: Color? = nil) {
        self.image = image
        self.caption = caption
        self.captionColor = captionColor
    }
}

/// Images in a row (or several rows) with captions.
public struct ImageGallery: Sendable, Hashable {
    public var tiles: [ImageTile]
    /// `.auto` picks half blocks with colour, and without colour double-width shades for a single image
    /// or the compact two-pixels-per-cell form when several must share a row.
    public var mode: ImageMode
    /// Columns between tiles.
    public var gap: Int
    /// Total width in columns; nil uses the style's width.
    public var width: Int?

    public init(tiles: [ImageTile], mode: ImageMode = .auto, gap: Int = 3, width: Int? = nil) {
        self.tiles = tiles
        self.mode = mode
        self.gap = gap
        self.width = width
    }

    /// The gallery as lines joined by "\n"; every line is the same width (at most the style's).
    public func render(_ style: Style) -> String {
        renderLines(style).joined(separator: "\n")
    }

    /// The gallery as lines of equal display width.
    public func renderLines(_ style: Style) -> [String] {
        let totalWidth = max(1, width ?? style.width)
        guard !tiles.isEmpty else { return [] }
        let gap = max(0, self.gap)
        var chosen = mode
        if mode == .auto && !style.usesColor {
            // Shades take two columns per pixel; with several images, prefer the compact form.
            let shadeWidth = 2 * (tiles.map(\.image.width).max() ?? 0)
            chosen = tiles.count > 1 && 2 * shadeWidth + gap > totalWidth ? .compact : .auto
        }
        let drawn: [[String]] = tiles.map { $0.image.renderLines(style, mode: chosen, maxWidth: totalWidth) }
        let tileWidths = zip(tiles, drawn).map { tile, lines in
            max(lines.first?.displayWidth ?? 0, min(totalWidth, tile.caption.map(\.displayWidth).max() ?? 0), 1)
        }

        // Greedy rows: as many tiles as fit in the width.
        var rows: [[Int]] = []
        var current: [Int] = []
        var used = 0
        for i in tiles.indices {
            let needed = current.isEmpty ? tileWidths[i] : used + gap + tileWidths[i]
            if !current.isEmpty && needed > totalWidth {
                rows.append(current)
                current = [i]
                used = tileWidths[i]
            } else {
                current.append(i)
                used = needed
            }
        }
        if !current.isEmpty { rows.append(current) }

        var out: [String] = []
        let spacer = String(repeating: " ", count: gap)
        let lineWidth = rows.map { row in row.map { tileWidths[$0] }.reduce(0, +) + gap * max(0, row.count - 1) }.max() ?? 0
        for (r, row) in rows.enumerated() {
            if r > 0 { out.append("") }
            let imageHeight = row.map { drawn[$0].count }.max() ?? 0
            let captionHeight = row.map { tiles[$0].caption.count }.max() ?? 0
            for y in 0..<(imageHeight + captionHeight) {
                let cells: [String] = row.map { i in
                    let w = tileWidths[i]
                    if y < imageHeight {
                        let lines = drawn[i]
                        // Images shorter than their neighbours sit at the bottom, next to the captions.
                        let offset = imageHeight - lines.count
                        return y >= offset ? lines[y - offset].padded(to: w, align: .center) : String(repeating: " ", count: w)
                    }
                    let c = y - imageHeight
                    guard c < tiles[i].caption.count else { return String(repeating: " ", count: w) }
                    let text = tiles[i].caption[c].fitted(to: w, align: .center)
                    return tiles[i].captionColor.map { style.paint(text, fg: $0) } ?? text
                }
                out.append(cells.joined(separator: spacer).padded(to: lineWidth))
            }
        }
        return out.map { $0.padded(to: lineWidth) }
    }
}
