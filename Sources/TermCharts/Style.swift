// Style: what the caller allows a chart to use (colour depth and width). Charts never look at the
// terminal themselves; the REPL decides (NO_COLOR, piped output, COLUMNS) and passes a Style in.
//
// This file also holds the ANSI styling helpers, which return the text unchanged when colour is off,
// so plain output can never carry an escape sequence by accident. Colours themselves are in Color.swift.

/// How much colour a chart may use, and how many terminal columns it may fill.
public struct Style: Sendable, Hashable {
    /// The colour depth the output may use.
    public enum Colors: Sendable, Hashable {
        /// No escape sequences at all: the output must read well as plain text.
        case none
        /// The 16 standard ANSI colours (SGR 30-37, 90-97 and their backgrounds).
        case basic16
        /// The xterm 256-colour palette (SGR 38;5;N and 48;5;N).
        case palette256
    }

    /// Colour depth allowed.
    public var colors: Colors
    /// Display columns available; charts fill (or fit inside) this width.
    public var width: Int

    /// A style; `width` is clamped to at least 20 columns so every chart has room for its axes.
    public init(colors: Colors = .none, width: Int = 80) {
        self.colors = colors
        self.width = max(20, width)
    }

    /// Plain text, 80 columns.
    public static let plain = Style()

    /// True when escape sequences may be emitted.
    public var usesColor: Bool { colors != .none }

    /// The same style with another width.
    public func withWidth(_ width: Int) -> Style { Style(colors: colors, width: width) }

    // MARK: - ANSI helpers (identity when colour is off)

    /// `text` in bold (SGR 1), or `text` itself without colour.
    public func bold(_ text: String) -> String { sgr("1", text) }

    /// `text` dimmed (SGR 2), or `text` itself without colour.
    public func dim(_ text: String) -> String { sgr("2", text) }

    /// `text` underlined (SGR 4), or `text` itself without colour.
    public func underline(_ text: String) -> String { sgr("4", text) }

    /// `text` with a foreground and/or background colour, reduced to this style's colour depth.
    public func paint(_ text: String, fg: Color? = nil, bg: Color? = nil) -> String {
        let codes = sgrCodes(fg: fg, bg: bg)
        if codes.isEmpty || text.isEmpty { return text }
        return "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }

    /// The SGR parameter list (e.g. "38;5;75;48;5;236") for a colour pair; "" when colour is off.
    public func sgrCodes(fg: Color?, bg: Color?) -> String {
        guard usesColor else { return "" }
        var parts: [String] = []
        if let fg { parts.append(fg.sgr(depth: colors, background: false)) }
        if let bg { parts.append(bg.sgr(depth: colors, background: true)) }
        return parts.joined(separator: ";")
    }

    private func sgr(_ code: String, _ text: String) -> String {
        guard usesColor, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// Builds one line of cells whose colours change along the way, emitting an escape sequence only
/// when the colour pair changes and a reset at the end. Plain styles get the characters alone.
struct ColoredLine {
    let style: Style
    private(set) var text = ""
    private var current: String = ""

    init(style: Style) { self.style = style }

    mutating func append(_ s: String, fg: Color? = nil, bg: Color? = nil, bold: Bool = false) {
        var codes = style.sgrCodes(fg: fg, bg: bg)
        if bold && style.usesColor { codes = codes.isEmpty ? "1" : "1;" + codes }
        if codes != current {
            if !current.isEmpty { text += "\u{1B}[0m" }
            if !codes.isEmpty { text += "\u{1B}[\(codes)m" }
            current = codes
        }
        text += s
    }

    /// The finished line, with the colour reset if any is still on.
    mutating func finish() -> String {
        if !current.isEmpty { text += "\u{1B}[0m"; current = "" }
        return text
    }
}
