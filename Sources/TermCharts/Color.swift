// Color: an RGB colour that reduces itself to the xterm-256 palette or the 16 basic ANSI colours,
// and the series palette every chart shares (so "relu" is the same colour in every picture).
//
// Not here: deciding whether colour is allowed (Style) or what a terminal supports (the caller).

/// A colour, given as RGB; written as the nearest xterm-256 or basic-16 colour for the style's depth.
/// `basic16` pins the 16-colour choice when the nearest match would collapse two palette entries.
public struct Color: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    /// The basic-16 index (0-7 normal, 8-15 bright) to use instead of the nearest match, if set.
    public var basic16: Int?

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8, basic16: Int? = nil) {
        self.red = red
        self.green = green
        self.blue = blue
        self.basic16 = basic16
    }

    /// A gray from 0 (black) to 1 (white); values outside are clamped, NaN is black.
    public static func gray(_ level: Double) -> Color {
        let clamped = level.isNaN ? 0 : min(1, max(0, level))
        let v = UInt8((clamped * 255).rounded())
        return Color(v, v, v)
    }

    public static let red = Color(230, 80, 80, basic16: 9)
    public static let green = Color(90, 200, 100, basic16: 10)
    public static let yellow = Color(235, 200, 70, basic16: 11)
    public static let blue = Color(80, 150, 240, basic16: 12)
    public static let magenta = Color(205, 110, 225, basic16: 13)
    public static let cyan = Color(70, 200, 215, basic16: 14)
    public static let white = Color(255, 255, 255, basic16: 15)
    public static let black = Color(0, 0, 0, basic16: 0)
    public static let gray = Color(140, 140, 140, basic16: 8)

    /// Linear blend in RGB: `t` = 0 gives self, 1 gives `other` (the pinned basic colour is dropped).
    public func mixed(with other: Color, _ t: Double) -> Color {
        let t = t.isNaN ? 0 : min(1, max(0, t))
        func m(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
        return Color(m(red, other.red), m(green, other.green), m(blue, other.blue))
    }

    /// Perceived brightness in 0...1 (Rec. 601 weights), to pick black or white text on a background.
    public var luminance: Double {
        (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255
    }

    /// "#rrggbb", as SVG wants it.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for c in [red, green, blue] {
            s.append(digits[Int(c >> 4)])
            s.append(digits[Int(c & 15)])
        }
        return s
    }

    // MARK: - Reduction to terminal palettes

    /// The SGR parameter for this colour at a depth ("" for `.none`).
    func sgr(depth: Style.Colors, background: Bool) -> String {
        switch depth {
        case .none:
            return ""
        case .palette256:
            return (background ? "48;5;" : "38;5;") + String(xterm256Index)
        case .basic16:
            let i = basic16Index
            let base = i < 8 ? (background ? 40 : 30) : (background ? 100 : 90)
            return String(base + i % 8)
        }
    }

    /// The nearest entry of the xterm 6x6x6 cube (16-231) or of the gray ramp (232-255).
    public var xterm256Index: Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ v: UInt8) -> Int {
            var best = 0
            for i in 1..<6 where abs(levels[i] - Int(v)) < abs(levels[best] - Int(v)) { best = i }
            return best
        }
        let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
        let cube = Color(UInt8(levels[r]), UInt8(levels[g]), UInt8(levels[b]))
        // The gray ramp holds 8, 18, ..., 238.
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let grayStep = min(23, max(0, (average - 3) / 10))
        let grayLevel = UInt8(8 + grayStep * 10)
        let ramp = Color(grayLevel, grayLevel, grayLevel)
        if distance(to: ramp) < distance(to: cube) { return 232 + grayStep }
        return 16 + 36 * r + 6 * g + b
    }

    /// The pinned basic colour, or the nearest of the 16 by typical xterm RGB values.
    public var basic16Index: Int {
        if let basic16, (0..<16).contains(basic16) { return basic16 }
        // Grays pick among the four basic grays only: by plain distance a mid gray can land on magenta.
        let channels = [Int(red), Int(green), Int(blue)]
        if (channels.max() ?? 0) - (channels.min() ?? 0) < 24 {
            let level = channels.reduce(0, +) / 3
            let grays = [(0, 0), (8, 102), (7, 229), (15, 255)]
            return grays.min { abs($0.1 - level) < abs($1.1 - level) }?.0 ?? 0
        }
        var best = 0
        var bestDistance = Int.max
        for (i, c) in Color.basic16Palette.enumerated() {
            let d = distance(to: c)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    static let basic16Palette: [Color] = [
        Color(0, 0, 0), Color(205, 49, 49), Color(13, 188, 121), Color(229, 229, 16),
        Color(36, 114, 200), Color(188, 63, 188), Color(17, 168, 205), Color(229, 229, 229),
        Color(102, 102, 102), Color(241, 76, 76), Color(35, 209, 139), Color(245, 245, 67),
        Color(59, 142, 234), Color(214, 112, 214), Color(41, 184, 219), Color(255, 255, 255),
    ]

    private func distance(to other: Color) -> Int {
        let dr = Int(red) - Int(other.red), dg = Int(green) - Int(other.green), db = Int(blue) - Int(other.blue)
        // Weighted roughly by the eye's sensitivity so greens do not collapse into grays.
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}

/// The colours and plain-text markers given to series 0, 1, 2, ... in every chart.
/// Twelve entries, chosen to stay apart on dark and light terminals; past twelve they repeat.
public enum SeriesPalette {
    /// Colour of series `index`.
    public static func color(_ index: Int) -> Color { colors[wrapped(index, colors.count)] }

    /// Plain-text marker of series `index` (ASCII, so it is one column wide in every locale).
    public static func marker(_ index: Int) -> Character { markers[wrapped(index, markers.count)] }

    /// How many series stay distinguishable by colour alone at a depth; past it, markers are added.
    public static func distinctColors(_ depth: Style.Colors) -> Int {
        switch depth {
        case .none: return 1
        case .basic16: return 6
        case .palette256: return 10
        }
    }

    static let colors: [Color] = [
        Color(95, 175, 255, basic16: 12),   // sky blue
        Color(255, 175, 0, basic16: 11),    // orange (bright yellow in 16 colours)
        Color(95, 215, 95, basic16: 10),    // green
        Color(255, 95, 95, basic16: 9),     // red
        Color(175, 135, 255, basic16: 13),  // violet
        Color(0, 215, 215, basic16: 14),    // cyan
        Color(255, 255, 95, basic16: 3),    // yellow
        Color(255, 135, 215, basic16: 5),   // pink
        Color(175, 135, 95, basic16: 1),    // brown
        Color(188, 188, 188, basic16: 7),   // light gray
        Color(0, 135, 0, basic16: 2),       // dark green
        Color(0, 95, 175, basic16: 4),      // dark blue
    ]

    static let markers: [Character] = ["*", "+", "o", "x", "#", "@", "%", "&", "$", "=", "~", "^"]

    private static func wrapped(_ i: Int, _ n: Int) -> Int { ((i % n) + n) % n }
}
