// Grayscale images: shades without colour, half blocks with colour, compact blocks, downsampling,
// and galleries with captions.

import Testing
@testable import TermCharts
import LabKit

@Suite struct GrayImageTests {
    // 4 x 2 pixels: a gradient on top, its reverse below.
    let tiny = GrayImage(width: 4, height: 2, pixels: [0, 0.3, 0.5, 1, 1, 0.1, 0.7, 0.25])

    @Test func shadesUseTwoColumnsPerPixel() {
        #expect(tiny.renderLines(.plain, mode: .shades) == ["  ░░▒▒██", "██  ▓▓░░"])
        #expect(tiny.renderLines(.plain) == ["  ░░▒▒██", "██  ▓▓░░"])   // auto without colour
    }

    @Test func compactPutsTwoPixelsInACell() {
        #expect(tiny.renderLines(.plain, mode: .compact) == ["▄ █▀"])
        #expect(tiny.renderLines(.plain, mode: .halfBlocks) == ["▄ █▀"])   // half blocks need colour
    }

    @Test func halfBlocksCarryTopAndBottomGrays() {
        let lines = tiny.renderLines(Style(colors: .palette256))
        #expect(lines.count == 1)
        #expect(lines[0].strippingANSI() == "▀▀▀▀")
        // Top-left pixel 0 (black, 16) over bottom-left 1 (white, 231).
        #expect(lines[0].hasPrefix("\u{1B}[38;5;16;48;5;231m▀"))
        #expect(lines[0].hasSuffix("\u{1B}[0m"))
    }

    @Test func aDigitFitsIn28By14CellsWithColour() {
        let digit = fakeDigit(0)
        let colour = digit.renderLines(Style(colors: .palette256))
        #expect(colour.count == 14)
        #expect(colour.allSatisfy { $0.displayWidth == 28 })
        let plain = digit.renderLines(.plain)
        #expect(plain.count == 28)
        #expect(plain.allSatisfy { $0.displayWidth == 56 && !$0.contains("\u{1B}") })
        let grays16 = digit.renderLines(Style(colors: .basic16))
        #expect(grays16.count == 14)
    }

    @Test func narrowSpaceDownsamples() {
        let digit = fakeDigit(7)
        let lines = digit.renderLines(Style(colors: .none, width: 30), mode: .shades)
        #expect(lines.count == 15 && lines.allSatisfy { $0.displayWidth == 30 })
        let half = digit.downsampled(maxWidth: 14, maxHeight: 14)
        #expect(half.width == 14 && half.height == 14)
        // Averaging keeps the total ink (each output pixel is the mean of a 2x2 block).
        let inkBefore = digit.pixels.reduce(0, +), inkAfter = half.pixels.reduce(0, +) * 4
        #expect(abs(inkBefore - inkAfter) < 1e-3)
    }

    @Test func badPixelsAreClampedNotFatal() {
        let odd = GrayImage(width: 3, height: 3, pixels: [.nan, -1, 2, .infinity])   // too few, out of range
        #expect(odd[0, 0] == 0 && odd[1, 0] == 0 && odd[2, 0] == 1 && odd[0, 1] == 1 && odd[2, 2] == 0)
        #expect(odd.renderLines(.plain).count == 3)
        #expect(odd.renderLines(Style(colors: .palette256)).count == 2)
        #expect(GrayImage(width: 0, height: 5, pixels: []).renderLines(.plain).isEmpty)
    }
}

@Suite struct ImageGalleryTests {
    let tiny = GrayImage(width: 4, height: 2, pixels: [0, 0.3, 0.5, 1, 1, 0.1, 0.7, 0.25])

    @Test func tilesSideBySideWithCaptions() {
        let gallery = ImageGallery(tiles: [ImageTile(image: tiny, caption: ["a"]), ImageTile(image: tiny, caption: ["bb", "c"])])
        #expect(gallery.renderLines(Style(colors: .none, width: 20)) == [
            "  ░░▒▒██     ░░▒▒██",
            "██  ▓▓░░   ██  ▓▓░░",
            "   a          bb   ",
            "              c    ",
        ])
    }

    @Test func tilesFlowOntoNewRows() {
        let tiles = (0..<5).map { ImageTile(image: fakeDigit($0 % 2 == 0 ? 0 : 7), caption: ["true \($0)", "pred 9  48% and a long tail"], captionColor: .red) }
        let plain = ImageGallery(tiles: tiles).renderLines(Style(colors: .none, width: 80))
        // Several digits without colour use the compact form: 28 columns, 14 rows, 2 caption lines.
        #expect(plain.allSatisfy { $0.displayWidth == 28 * 2 + 3 })
        #expect(plain.count == 3 * 16 + 2)
        #expect(plain.contains { $0.contains("true 4") })
        #expect(!plain.joined().contains("\u{1B}"))
        let colour = ImageGallery(tiles: tiles).renderLines(Style(colors: .palette256, width: 100))
        #expect(colour.allSatisfy { $0.displayWidth <= 100 })
        #expect(colour.joined().contains("\u{1B}[38;5;"))
        #expect(ImageGallery(tiles: []).renderLines(.plain).isEmpty)
        let long = ImageTile(image: tiny, caption: [String(repeating: "long caption ", count: 10)])
        #expect(ImageGallery(tiles: [long, long]).renderLines(Style(colors: .none, width: 40)).allSatisfy { $0.displayWidth <= 40 })
    }
}
